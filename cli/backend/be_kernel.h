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
 *   be_kernel_own.c    the run's own share of the machine-wide THP
 *                      event counters (noise around each step), and the
 *                      check that nobody else writes the pool settings
 */
#ifndef BE_KERNEL_H
#define BE_KERNEL_H

#include <limits.h>
#include <sched.h>
#include <stdint.h>
#include <sys/types.h>

#include "backend/backend.h"
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
#define KB_KH_FINISH_MS		5000	/* kh_finish_pass() */
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
	KOP_MBIND,	/* mbind(addr, len, MPOL_BIND, nodemask; 0: default) */
	KOP_MIGRATE,	/* move_pages() of each page (stride) to node */
	KOP_MEMPOLICY,	/* set_mempolicy(MPOL_BIND, nodemask; 0: default) */
	KOP_WRITE,	/* write value to the file at path */
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
	unsigned long nodemask;	/* KOP_MBIND */
	int node;		/* KOP_MIGRATE */
	char value[64];		/* KOP_WRITE */
	char path[PATH_MAX];
};

/* The reply: the outcome, and the address (map/remap) or pid (fork). */
struct kreply {
	int kind;		/* enum result_kind */
	int err;		/* RES_ERRNO: the errno */
	uint64_t addr;
	int pid;
};

/*
 * The run's own share of machine-wide counters (be_kernel_own.c;
 * docs/kernel-backend.md, "Counters on a busy machine").  A key is noisy
 * from the first step around which the host moved it; its figure is then
 * unknown for the rest of the run.  Windows are in milliseconds.
 */
#define KB_OWN_WIN_MS		2	/* the quiet window before a step */
#define KB_OWN_WIN_MAX_MS	20	/* the longest one after a step */
#define KB_OWN_TRIES		3	/* windows tried before a step */
#define KB_OWN_MAX		24	/* tracked keys */
#define KB_POOL_SIZES		2	/* 2 MiB and 1 GiB */

/*
 * How a tracked key's share of one step is found:
 * @KO_WINDOW: the step's movement, if the counter stood still in a quiet
 *   window just before the step and in one just after it;
 * @KO_FAULT: a THP fault event: 0 at a step that runs no code in the
 *   scenario's processes (nothing of the run can fault), else KO_WINDOW;
 * @KO_COLLAPSE: a collapse: at a step that runs no code in the
 *   scenario's processes, the THPs the agents gained (their
 *   AnonHugePages; only khugepaged can have made them); at `advise ...
 *   collapse`, the new THPs in the agents' mappings (pagemap and
 *   kpageflags); else KO_WINDOW;
 * @KO_NEWTHP: thp_fault_alloc: 0 at a step that runs no code in the
 *   scenario's processes, else the new THPs in the agents' mappings (a
 *   step of an agent makes a THP only by a fault, but for MADV_COLLAPSE).
 * @KO_SPLIT: thp_split_pmd: the 2 MiB ranges of the agents that were
 *   PMD-mapped before the step and are mapped by page tables after it
 *   (PAGEMAP_SCAN's PAGE_IS_HUGE), but at `remap` (a move) and where
 *   PAGEMAP_SCAN is missing: KO_WINDOW;
 * @KO_BOUNDED: thp_deferred_split_page: KO_WINDOW, and noisy at once if
 *   it moved more than the THPs the agents held (each is queued once).
 * A derived share never exceeds the machine's movement: if the machine
 * moved less, its figure is taken (and diff shows the difference).
 */
enum kown_how { KO_WINDOW, KO_FAULT, KO_COLLAPSE, KO_NEWTHP, KO_SPLIT,
		KO_BOUNDED };

/* The 2 MiB ranges of the agents' mappings that hold pages (@huge: one
 * PMD maps all of it), sorted by agent and address. */
struct kpmd {
	uint64_t addr;
	int proc, huge;
};

struct kpmds {
	struct kpmd *v;
	int n, cap;
};

/* A set of page frame numbers, sorted (the THPs of the agents). */
struct kpfns {
	uint64_t *v;
	int n, cap;
};

struct kown_key {
	char key[160];		/* snapshot key: "vmstat:...", "sysfs:..." */
	const char *file;	/* NULL: in /proc/vmstat; else a sysfs path */
	enum kown_how how;
	int have;		/* the running kernel has it */
	int noisy_line;		/* 0, or the line it went noisy at */
	int64_t own;		/* the run's share so far */
	uint64_t pre, cur;	/* readings */
	int pre_moved;		/* moved in the last window before the step */
};

struct kown {
	int thp;		/* the program can make THPs of its own */
	int nkeys;
	struct kown_key keys[KB_OWN_MAX];
	int64_t ahp_pre;	/* the agents' AnonHugePages before the step */
	int64_t t_pre_ns;	/* when the step began */
	int64_t excluded;	/* other processes' events left out */
	struct kpfns thp_pre, thp_post;	/* THP heads before/after a step */
	int census_ok;		/* thp_pre was taken for this step */
	struct kpmds pmd_pre, pmd_post;	/* PMD mappings before/after */
	int pmd_ok;		/* pmd_pre was taken for this step */
	int no_pagemap_scan;	/* the kernel lacks PAGEMAP_SCAN */
	/* the pool settings as the run left them (kb_pool_note()) */
	int64_t persistent[KB_POOL_SIZES], overcommit[KB_POOL_SIZES];
	int have_pool[KB_POOL_SIZES];
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
	int nr_nodes;		/* the kernel's online nodes */
	int pinned;		/* @cpus_was holds the affinity to restore */
	cpu_set_t cpus_was;	/* the conductor's CPUs before node 0's */
	struct kown own;	/* be_kernel_own.c */
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
unsigned long long kh_scans(void);
pid_t kh_current(struct kbe *k);
int kh_finish_pass(struct kbe *k, const struct step *st, pid_t was,
		   unsigned long long scans, char *err, size_t errlen);

/* be_kernel_snap.c */
int kb_take_base(struct kbe *k);
int kb_snapshot(struct backend *be, struct snapshot *snap);
ssize_t kb_slurp(struct kbe *k, const char *path);
int kb_smaps_sum(struct kbe *k, const char *field, int64_t *sum);

/* be_kernel_own.c */
int kb_own_init(struct kbe *k, char *err, size_t errlen);
void kb_own_before(struct kbe *k, const struct step *st);
int kb_own_after(struct kbe *k, const struct step *st, char *err,
		 size_t errlen);
int kb_own_apply(struct kbe *k, struct snapshot *snap);
int kb_own_fit(struct kbe *k);

#endif /* BE_KERNEL_H */
