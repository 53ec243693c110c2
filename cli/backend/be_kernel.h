/* SPDX-License-Identifier: MIT */
/*
 * be_kernel.h - what the files of the kernel back end share (this room
 * only): placement and protocol constants, the conductor-agent protocol,
 * the conductor's state (struct kbe), and the entry points each file
 * gives the others.
 *
 *   be_kernel.c        the conductor: validation, steps, open and close
 *   be_kernel_agent.c  the agents (one process per scenario process) and
 *                      the khugepaged anchor
 *   be_kernel_kh.c     waiting for khugepaged (`khugepaged`, settling)
 *   be_kernel_snap.c   snapshots of the running kernel's counters
 */
#ifndef BE_KERNEL_H
#define BE_KERNEL_H

#include <limits.h>
#include <stdint.h>
#include <sys/types.h>

#include "backend/backend.h"
#include "backend/kstate.h"
#include "scenario/program.h"

#include "backend/kstate.h"
#include "scenario/program.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_HUGE_SHIFT
#define MAP_HUGE_SHIFT 26
#endif
#ifndef MAP_HUGE_2MB
#define MAP_HUGE_2MB (21 << MAP_HUGE_SHIFT)
#endif
#ifndef MAP_HUGE_1GB
#define MAP_HUGE_1GB (30 << MAP_HUGE_SHIFT)
#endif
#ifndef SHM_HUGE_SHIFT
#define SHM_HUGE_SHIFT 26
#endif
#ifndef SHM_HUGE_2MB
#define SHM_HUGE_2MB (21 << SHM_HUGE_SHIFT)
#endif
#ifndef SHM_HUGE_1GB
#define SHM_HUGE_1GB (30 << SHM_HUGE_SHIFT)
#endif
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif
#ifndef FALLOC_FL_KEEP_SIZE
#define FALLOC_FL_KEEP_SIZE 0x01
#endif
#ifndef FALLOC_FL_PUNCH_HOLE
#define FALLOC_FL_PUNCH_HOLE 0x02
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef PR_SET_THP_DISABLE
#define PR_SET_THP_DISABLE 41
#endif
#ifndef PR_GET_THP_DISABLE
#define PR_GET_THP_DISABLE 42
#endif

#if defined(__GNUC__)
#define KB_NO_ASAN __attribute__((no_sanitize_address, noinline))
#else
#define KB_NO_ASAN
#endif

/*
 * Where mappings go.  Each mapping gets its own slot, 1 GiB aligned
 * (good for every page size), with KB_SLOT_GAP bytes free after it so
 * that a remap can grow in place.  The area starts at 32 TiB, above the
 * shadow memory of AddressSanitizer and below its allocator, far from
 * where Linux puts the program, its heap and its libraries.
 */
#define KB_MAP_BASE	0x200000000000ULL
#define KB_ALIGN	(1ULL << 30)
#define KB_SLOT_GAP	(64ULL << 30)
#define KB_PLACE_TRIES	64
#define KB_AGENT_FD	3
#define KB_EXIT_WAIT_MS	30000

/*
 * khugepaged (see "khugepaged on the kernel" in docs/kernel-backend.md).
 * KB_KH_TIMEOUT_MS bounds a `khugepaged` statement, KB_SETTLE_MS the wait
 * for khugepaged to go back to sleep after a step.  The anchor is a
 * process of the back end's own that stays registered with khugepaged
 * for the whole run (ag_anchor()).
 */
#define KB_KH_DIR		KSTATE_SYSFS_THP "/khugepaged"
#define KB_KH_TIMEOUT_MS	20000
#define KB_SETTLE_MS		5000
#define KB_PMD_SIZE		(2ULL << 20)

#define ALIGN_UP(x, a)	(((x) + (a) - 1) / (a) * (a))

/* ------------------------------------------------------------------ */
/* The protocol between conductor and agents                           */

enum kop {
	KOP_MAP = 1,	/* mmap(addr, len, prot, flags, open(path), offset) */
	KOP_SHMAT,	/* shmat(shmid, addr, flags) */
	KOP_TOUCH,	/* touch [addr, addr+len) every stride; flags: write */
	KOP_UNMAP,	/* munmap(addr, len) */
	KOP_PROTECT,	/* mprotect(addr, len, prot) */
	KOP_REMAP,	/* mremap(addr, len, new_len, flags) */
	KOP_ADVISE,	/* madvise(addr, len, advice) */
	KOP_FORK,	/* fork; the child serves the passed channel */
	KOP_EXIT,	/* _exit(0); no reply */
};

/*
 * One command.  Addresses are absolute in the agent's address space;
 * @path is the hugetlbfs file to open for KOP_MAP ("" for anonymous).
 */
struct kcmd {
	int op;
	int prot;
	int flags;
	int advice;
	int shmid;
	uint64_t addr, len, new_len, offset, stride;
	char path[PATH_MAX];
};

/* The reply: the outcome, and the address (map/remap) or pid (fork). */
struct kreply {
	int kind;		/* enum result_kind */
	int err;		/* RES_ERRNO: the errno */
	uint64_t addr;
	int pid;
};

/* ------------------------------------------------------------------ */
/* The conductor's view                                                */

/* A half-open address interval [lo, hi). */
struct kiv {
	uint64_t lo, hi;
};

/*
 * Where one of the program's mappings (prog->maps[i]) lives.
 *
 * @base/@size: the placement of the whole mapping (its start and current
 * length; after a failed map, the address that was tried, so that later
 * steps on it meet the kernel's own answer for an empty range).
 * @iv: the parts still mapped (unmap of a range removes it); empty when
 * the mapping does not exist (never made, unmapped, process exited).
 * The smaps sums of a process are taken over the VMAs inside @iv of its
 * mappings, and only those.
 */
struct kmap {
	uint64_t base, size;
	struct kiv *iv;
	int niv, cap;
};

/* An agent: prog->procs[i].  @chan is -1 before `proc`/`fork` and after
 * `exit`. */
struct kagent {
	pid_t pid;
	int chan;
	int live;
};

/*
 * The back end's state.  @ks owns the lock and the state file for as
 * long as the back end is open.  @mountdir[i] is the mount point of
 * prog->mounts[i] ("" until mounted); @shmid[i] the id of
 * prog->shms[i] (-1 until made).
 */
struct kbe {
	const struct program *prog;
	struct kstate *ks;
	struct kagent *agents;
	struct kmap *maps;
	char (*mountdir)[PATH_MAX];
	int *shmid;
	uint64_t next_addr;
	char *buf;
	size_t bufcap;
	struct kcmd cmd;	/* scratch, too big for the stack of a loop */
	/*
	 * @base: the event counters when the run began (every vmstat key
	 * but nr_*, khugepaged's pages_collapsed and full_scans); snapshots
	 * report them as deltas from these.
	 */
	struct snapshot base;
	pid_t anchor_pid;	/* the anchor process (ag_anchor()), or 0 */
	int anchor_chan;	/* its channel, or -1 */
	pid_t kh_pid;		/* khugepaged's pid; -1: not running */
	int kh_rescan;		/* look for khugepaged again (after `thp`) */
	int thp_disable_was;	/* the conductor's PR_GET_THP_DISABLE */
};

/* be_kernel.c */
void kb_err(char *err, size_t errlen, const struct step *st,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* be_kernel_agent.c: run in a child of the conductor, never return */
void ag_setup(int chan);
_Noreturn void ag_loop(void);
_Noreturn void ag_anchor(void);

/* be_kernel_kh.c */
void kh_settle(struct kbe *k);
int do_khugepaged(struct kbe *k, const struct step *st, char *err,
		  size_t errlen);

/* be_kernel_snap.c */
int kb_take_base(struct kbe *k);
int kb_snapshot(struct backend *be, struct snapshot *snap);

#endif /* BE_KERNEL_H */
