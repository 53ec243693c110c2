/* SPDX-License-Identifier: MIT */
/*
 * hugeresv.h - the public interface of libhugeresv.
 *
 * libhugeresv is a userspace model of Linux's huge page reservation
 * machinery (hugetlb pools, reserve maps, subpools, hugetlbfs, shm) and,
 * later, of THP and THP reservations.  Everything lives in one
 * struct hr_machine; there is no global state, so any number of machines
 * can run side by side in one process (the fuzzer and the policy lab do).
 *
 * The interface is shaped like the system-call boundary of the kernel it
 * models: mounts, files, shm segments, processes that mmap, touch (fault),
 * munmap, mprotect, mremap, madvise, fork and exit.  Counters are read
 * back as the text Linux would print for the same file
 * (hr_procfs_read(), e.g. "/proc/meminfo"), so that tools parse the engine
 * and a real kernel with the same code.
 *
 * Conventions:
 *  - every function that can fail returns 0 (or a non-negative value) on
 *    success and a negative errno value on failure, exactly the errno the
 *    corresponding Linux call would give;
 *  - sizes and addresses are bytes;
 *  - handles (machine, mount, file, proc) are owned by the machine and are
 *    freed by hr_machine_free() at the latest.
 */
#ifndef HUGERESV_H
#define HUGERESV_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * The library is built with -fvisibility=hidden: only what is declared
 * here with HR_EXPORT is in libhugeresv.so's dynamic symbol table, so
 * the engine's internals (hr_bug, hr_zalloc, the subsystems' functions)
 * are not an ABI anyone can come to depend on.  A program may define
 * HR_EXPORT itself first (empty, say, for a static build that does not
 * want the attribute).
 */
#ifndef HR_EXPORT
#define HR_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The version of this header.  The numbers are the one source of truth:
 * the Makefile reads them from here for the library's file names and
 * SONAME (libhugeresv.so.MAJOR), hr_version() returns the string of the
 * library actually loaded, and `hugeresv --version` prints that.  While
 * MAJOR is 0 a MINOR release may change the ABI (and the SONAME stays
 * libhugeresv.so.0): rebuild against the new header.
 */
#define HR_VERSION_MAJOR 0
#define HR_VERSION_MINOR 2
#define HR_VERSION_PATCH 0
/* One number that compares: 0.1.0 is 100, 1.2.3 is 10203. */
#define HR_VERSION_NUMBER \
	(HR_VERSION_MAJOR * 10000 + HR_VERSION_MINOR * 100 + HR_VERSION_PATCH)
#define HR_VERSION_STR_(x) #x
#define HR_VERSION_STR(x) HR_VERSION_STR_(x)
/* "MAJOR.MINOR.PATCH", of the header (hr_version(): of the library). */
#define HR_VERSION HR_VERSION_STR(HR_VERSION_MAJOR) "." \
	HR_VERSION_STR(HR_VERSION_MINOR) "." HR_VERSION_STR(HR_VERSION_PATCH)

#define HR_PAGE_SIZE   4096ULL
#define HR_SZ_2M       (2ULL << 20)
#define HR_SZ_1G       (1ULL << 30)
#define HR_MAX_NODES   8

typedef struct hr_machine hr_machine;
typedef struct hr_mount hr_mount;
typedef struct hr_file hr_file;
typedef struct hr_proc hr_proc;

/**
 * hr_version() - the version of the library loaded, "MAJOR.MINOR.PATCH"
 * (HR_VERSION of the header it was built from), for a program to report
 * or to compare with the HR_VERSION it was compiled against.
 *
 * Return: a static string.
 */
HR_EXPORT const char *hr_version(void);

/* ------------------------------------------------------------------ */
/* Machine                                                             */

/*
 * Kernel profiles: the engine models Linux 6.18 by default and can follow
 * an older kernel where hugetlb or THP behaviour changed since
 * (docs/kernel-differences.md, section 4).  HR_KERNEL(6, 1) is 6.1; any
 * MAJOR.MINOR from HR_KERNEL_OLDEST to HR_KERNEL_LATEST is accepted and
 * each behaviour switches at the version that changed it.
 */
#define HR_KERNEL(major, minor) ((major) * 256 + (minor))
#define HR_KERNEL_OLDEST HR_KERNEL(6, 1)
#define HR_KERNEL_LATEST HR_KERNEL(6, 18)

struct hr_config {
	uint64_t memory;	/* bytes of simulated RAM; 0: 4 GiB */
	int nodes;		/* NUMA nodes, 1..HR_MAX_NODES; 0: 1 */
	int kernel;		/* profile, HR_KERNEL(6, 1)..HR_KERNEL_LATEST;
				 * 0: HR_KERNEL_LATEST */
};

/**
 * hr_machine_new() - create a machine with empty huge page pools.
 * @cfg: size and shape; NULL for the defaults.
 *
 * Return: the machine, or NULL when out of memory or @cfg is invalid.
 */
HR_EXPORT hr_machine *hr_machine_new(const struct hr_config *cfg);

/**
 * hr_machine_free() - tear a machine down: every process exits, every
 * file and segment is removed, every mount is unmounted.
 *
 * In debug builds the validators run at teardown and abort on a leak.
 */
HR_EXPORT void hr_machine_free(hr_machine *m);

/**
 * hr_machine_kernel() - the kernel profile a machine follows.
 * @m: the machine
 *
 * Return: HR_KERNEL(MAJOR, MINOR), as given to hr_machine_new() (its
 * default: HR_KERNEL_LATEST).
 */
HR_EXPORT int hr_machine_kernel(const hr_machine *m);

/**
 * hr_machine_check() - run every subsystem validator.
 * @m:   the machine
 * @msg: buffer for the first violation found (may be NULL)
 * @len: size of @msg
 *
 * Return: 0 if every invariant holds, -EUCLEAN otherwise.
 */
HR_EXPORT int hr_machine_check(hr_machine *m, char *msg, size_t len);

/**
 * hr_sysctl_write() - write a tunable.
 * @key: "vm.nr_hugepages", "vm.nr_overcommit_hugepages",
 *       "vm.overcommit_memory", "vm.overcommit_ratio", or the per-size
 *       sysfs names "hugepages-2048kB.nr_hugepages",
 *       "hugepages-1048576kB.nr_hugepages",
 *       "hugepages-2048kB.nr_overcommit_hugepages" (and the 1G one).
 *       (Every knob hr_knob_info() lists with group HR_KNOB_SYSCTL.)
 * @value: the decimal value, as written to the file.
 *
 * Return: 0, -ENOENT for an unknown key, -EINVAL for a bad value (also
 * for a value that is no number, whatever the key).
 */
HR_EXPORT int hr_sysctl_write(hr_machine *m, const char *key,
			      const char *value);

/**
 * hr_node_write() - write a node's pool size,
 * /sys/devices/system/node/nodeN/hugepages/hugepages-SIZEkB/nr_hugepages.
 * @nid:   the node
 * @key:   "hugepages-2048kB/nr_hugepages" or "hugepages-1048576kB/..."
 * @value: the decimal count, as written to the file
 *
 * The pool grows and shrinks on that node only; the count asked for is
 * the node's persistent pages, the other nodes keep theirs (Linux's
 * set_max_huge_pages() with a node id).
 *
 * Return: 0, -ENOENT for a node or file the machine lacks, -EINVAL for
 * a value that is no number.
 */
HR_EXPORT int hr_node_write(hr_machine *m, int nid, const char *key,
			    const char *value);

/**
 * hr_procfs_read() - render a kernel text file from the engine's state.
 * @m:    the machine
 * @p:    the process for per-process files ("/proc/self/smaps"), or NULL
 * @path: "/proc/meminfo", "/proc/vmstat", "/proc/self/smaps",
 *        "/proc/sys/vm/<knob>", "/sys/kernel/mm/<path>", or a node's
 *        pool file "/sys/devices/system/node/nodeN/hugepages/
 *        hugepages-2048kB/free_hugepages" (nr_, free_, surplus_)
 * @buf, @len: output buffer; the text is NUL terminated and truncated
 *        to fit.
 *
 * The text has exactly the format Linux uses for the same file.
 *
 * Return: the length of the full text (like snprintf), -ENOENT for a
 * path the engine does not model.
 */
HR_EXPORT ssize_t hr_procfs_read(hr_machine *m, hr_proc *p, const char *path,
				 char *buf, size_t len);

/**
 * hr_inject_fail() - make allocations at @site fail, starting with the
 * @nth next one, @times in a row (engine-only fault injection, for the
 * error paths of the design).
 * @site: "hpage" (a huge page for a fault or fallocate), "region" (a
 *        file_region descriptor for a reserve map), "pagecache" (adding
 *        a page to a file's page cache)
 * @nth:   1 for the very next allocation; 0 cancels
 * @times: how many consecutive allocations fail (at least 1)
 *
 * Return: 0, or -EINVAL for an unknown site or a bad count.
 */
HR_EXPORT int hr_inject_fail(hr_machine *m, const char *site, long nth,
			     long times);

/**
 * hr_machine_taint() - whether the machine took a path on which Linux
 * itself loses exact reservation accounting: one reachable only through
 * hr_inject_fail(), after which hr_machine_check() no longer checks the
 * conservation of reservations; or an hr_mount_umount() that left
 * HugePages_Rsvd wrong for good, as Linux does (the validators stay on:
 * they count that error); or, on an older kernel profile
 * (hr_config.kernel), a subpool path of that kernel that does the same.
 * @why, @len: if given, the first such path, or "" (may be NULL)
 *
 * Return: 0 if untainted, else a non-zero set of taint bits.
 */
HR_EXPORT unsigned hr_machine_taint(const hr_machine *m, char *why, size_t len);

/**
 * hr_machine_restoring() - pages in use that will give a reservation
 * back when freed (the kernel's hugetlb_restore_reserve flag).
 *
 * While there are any, HugePages_Rsvd is lower than the reservations
 * owed (Linux 6.18 restores a private owner's reservation in its map at
 * zap time, but in the global count only when the page is freed, which
 * a fork child can delay), so a reserved fault can find no page.
 * docs/kernel-differences.md 1.3.
 */
HR_EXPORT unsigned long hr_machine_restoring(const hr_machine *m);

/**
 * hr_counter() - one counter of the files hr_procfs_read() renders,
 * without rendering them.
 * @p:      the process, for "smaps" (summed over its mappings)
 * @source: "meminfo", "vmstat", "sysfs", "smaps", or "nodeN" (node N's
 *          pool files)
 * @key:    the field name, or for "sysfs" the path under /sys/kernel/mm
 *          ("hugepages/hugepages-2048kB/resv_hugepages"), for "nodeN" the
 *          path under /sys/devices/system/node/nodeN/hugepages
 *          ("hugepages-2048kB/free_hugepages")
 * @val:    the value; fields shown in kB are returned in bytes; a wrapped
 *          counter keeps its 64-bit pattern
 *
 * Return: 0, or -ENOENT for a counter the engine does not model.
 */
HR_EXPORT int hr_counter(hr_machine *m, hr_proc *p, const char *source,
			 const char *key, int64_t *val);

/**
 * hr_thp_write() - set a transparent huge page knob: `enabled`
 * (always, madvise, never), `defrag`, `use_zero_page`,
 * `shrink_underused`, `khugepaged.max_ptes_none` and the other
 * khugepaged files (dots for slashes), and the engine's THP reservation
 * knobs `promotion_threshold` (1..512; 1 = no reservations, as Linux),
 * `promotion_sync` (0, 1: promote at the fault that reaches the
 * threshold) and `resv_shrink` (all, lru: what memory pressure
 * releases).  Defaults are the kernel back end's baseline
 * (docs/thp.md).  The knobs are those hr_knob_info() lists with group
 * HR_KNOB_THP.
 *
 * Return: 0, -EINVAL for a bad value, -ENOENT for an unknown key.
 */
HR_EXPORT int hr_thp_write(hr_machine *m, const char *key, const char *value);

/**
 * hr_khugepaged() - run @passes full scans of khugepaged now.
 * Return: 0, or -EINVAL if @passes < 1.
 */
HR_EXPORT int hr_khugepaged(hr_machine *m, int passes);

/**
 * hr_khugepaged_proc() - khugepaged's scan of @p's address space alone,
 * as when its turn comes round in a pass (the policy lab scans each new
 * process once).  Return: 0, or -ENOMEM if an allocation failure ended
 * the scan (khugepaged would sleep).
 */
HR_EXPORT int hr_khugepaged_proc(hr_proc *p);

/**
 * hr_events() - the engine's event counters (/proc/vmstat events such as
 * pgfault, thp_fault_alloc, the cost-model events cost_zero_4k, ...),
 * read without rendering: a read-only array valid as long as @m, indexed
 * by hr_event_index().  For tools that sample them around every call.
 */
HR_EXPORT const uint64_t *hr_events(const hr_machine *m);

/** hr_event_index() - the index of event @name, or -ENOENT. */
HR_EXPORT int hr_event_index(const char *name);

/**
 * hr_reclaim() - memory pressure that wants @bytes freed (UINT64_MAX:
 * everything that can be): unused THP reservations first, then the
 * deferred split queue.  Return: the bytes freed.
 */
HR_EXPORT int64_t hr_reclaim(hr_machine *m, uint64_t bytes);

/* ------------------------------------------------------------------ */
/* Knobs: every tunable by name                                        */

/* What a knob holds. */
enum hr_knob_kind {
	HR_KNOB_ULONG,		/* an unsigned decimal in [min, max] */
	HR_KNOB_BOOL,		/* 0 or 1 */
	HR_KNOB_WORDS,		/* one word of a list ("always|madvise|never") */
};

/* Which scenario statement sets it (docs/scenario-language.md). */
enum hr_knob_group {
	HR_KNOB_SYSCTL,		/* `sysctl KEY=VALUE`: vm.* and the pools */
	HR_KNOB_THP,		/* `thp KEY=VALUE`: transparent_hugepage/ */
};

#define HR_KNOB_ENGINE_ONLY	0x1	/* Linux has no such file */
#define HR_KNOB_PER_HSTATE	0x2	/* a pool file of one page size */
#define HR_KNOB_DEFAULT_HSTATE	0x4	/* the default size's pool file,
					   under a /proc/sys/vm name */
#define HR_KNOB_API_ONLY	0x8	/* not in the scenario language */

/*
 * struct hr_knob_info - one knob, as hr_knob_info() describes it.  The
 * strings are static and live for the whole program.
 */
struct hr_knob_info {
	const char *name;	/* "vm.overcommit_ratio", "khugepaged.defrag" */
	const char *path;	/* its file: "/proc/sys/vm/overcommit_ratio" */
	enum hr_knob_kind kind;
	enum hr_knob_group group;
	unsigned long min, max;	/* numbers a write takes; words: 0..n-1 */
	uint64_t lang_max;	/* the largest the scenario language takes */
	const char *words;	/* HR_KNOB_WORDS: "a|b|c"; else NULL */
	const char *def;	/* the default, as written ("madvise", "50") */
	uint64_t pagesize;	/* HR_KNOB_PER_HSTATE: its size; else 0 */
	unsigned flags;		/* HR_KNOB_* */
};

/** hr_knob_count() - how many knobs there are (indices 0..count-1). */
HR_EXPORT int hr_knob_count(void);

/**
 * hr_knob_info() - describe knob @i.
 * @i:   0..hr_knob_count()-1
 * @out: filled in
 *
 * Return: 0, or -ENOENT for an index out of range.
 */
HR_EXPORT int hr_knob_info(int i, struct hr_knob_info *out);

/** hr_knob_find() - the index of the knob called @name, or -ENOENT. */
HR_EXPORT int hr_knob_find(const char *name);

/**
 * hr_knob_parse() - check a value for knob @name without a machine: what
 * hr_knob_write() would accept, short of what only a machine can refuse
 * (a gigantic size's overcommit).
 * @out: the number, or for a word its index in the list (may be NULL)
 *
 * Return: 0, -ENOENT (no such knob), -EINVAL (not a value it takes).
 */
HR_EXPORT int hr_knob_parse(const char *name, const char *value,
			    uint64_t *out);

/**
 * hr_knob_read() - the value of knob @name, as hr_knob_write() takes it
 * ("madvise", "50"; no newline, no list of the other words).
 * @buf, @len: output, NUL terminated and truncated to fit
 *
 * Return: the length of the full text (like snprintf), -ENOENT.
 */
HR_EXPORT ssize_t hr_knob_read(hr_machine *m, const char *name, char *buf,
			       size_t len);

/**
 * hr_knob_write() - set knob @name to @value, as a write to its file:
 * a decimal (trailing blanks or a newline allowed) or one of its words.
 * hr_sysctl_write() and hr_thp_write() are this for their statements'
 * knobs.
 *
 * Return: 0, -ENOENT (no such knob), -EINVAL (a value it does not take),
 * or the error of what the write does (a pool resize, khugepaged).
 */
HR_EXPORT int hr_knob_write(hr_machine *m, const char *name,
			    const char *value);

/* ------------------------------------------------------------------ */
/* hugetlbfs, files and shm                                            */

/**
 * hr_mount_new() - mount a hugetlbfs instance.
 * @pagesize: HR_SZ_2M or HR_SZ_1G (0: the default huge page size)
 * @size:     the size= option in bytes, or -1 for none
 * @min_size: the min_size= option in bytes, or -1 for none
 * @out:      the new mount
 *
 * A mount with size or min_size has a subpool; a min_size that cannot be
 * reserved fails the mount.
 *
 * Return: 0, -EINVAL (bad option, min_size > size), -ENOMEM (the minimum
 * cannot be reserved).
 */
HR_EXPORT int hr_mount_new(hr_machine *m, uint64_t pagesize, int64_t size,
			   int64_t min_size, hr_mount **out);

/**
 * hr_mount_umount() - umount2(dir, 0) of a hugetlbfs mount.
 * @mnt: a mount made by hr_mount_new()
 *
 * The mount is busy while any mapping maps one of its files, named or
 * already unlinked.  Otherwise every file still on it is evicted (its
 * pages freed, its reservations returned, as for a truncate to 0) and
 * its subpool is put, as Linux 6.18 does it: a subpool with size= goes
 * when nothing is charged to it and then gives back its whole min_size=
 * even if it held only part of it; one that does not go keeps its
 * reserve in HugePages_Rsvd for good (docs/kernel-differences.md).
 * On success @mnt and the handles of every file on it are invalid.
 *
 * Return: 0, -EBUSY (something maps a file of the mount), -EINVAL (not
 * a mount made by hr_mount_new()).
 */
HR_EXPORT int hr_mount_umount(hr_mount *mnt);

/** hr_file_create() - create an empty regular file on @mnt. */
HR_EXPORT int hr_file_create(hr_mount *mnt, hr_file **out);

/** hr_file_truncate() - ftruncate(2); @size must be huge page aligned. */
HR_EXPORT int hr_file_truncate(hr_file *f, uint64_t size);

#define HR_FALLOC_KEEP_SIZE  0x1
#define HR_FALLOC_PUNCH_HOLE 0x2	/* implies KEEP_SIZE, as in Linux */

/** hr_file_fallocate() - fallocate(2) on a hugetlbfs file. */
HR_EXPORT int hr_file_fallocate(hr_file *f, int mode, uint64_t off,
				uint64_t len);

/**
 * hr_file_unlink() - remove the file's name.  The inode, its pages and
 * its reservations go when the last mapping of it goes.
 */
HR_EXPORT int hr_file_unlink(hr_file *f);

/** hr_file_size() - the file's i_size. */
HR_EXPORT uint64_t hr_file_size(const hr_file *f);

#define HR_SHM_NORESERVE 0x1

/**
 * hr_shm_get() - shmget(IPC_PRIVATE, size, SHM_HUGETLB [| SHM_NORESERVE]).
 * @pagesize: HR_SZ_2M or HR_SZ_1G (0: default)
 */
HR_EXPORT int hr_shm_get(hr_machine *m, uint64_t size, uint64_t pagesize,
			 int flags, hr_file **out);

/**
 * hr_shm_rm() - shmctl(IPC_RMID): the segment is destroyed once nothing
 * has it attached.
 */
HR_EXPORT int hr_shm_rm(hr_file *seg);

/* ------------------------------------------------------------------ */
/* Processes                                                           */

#define HR_PROT_NONE  0x0
#define HR_PROT_READ  0x1
#define HR_PROT_WRITE 0x2

#define HR_MAP_SHARED    0x01
#define HR_MAP_PRIVATE   0x02
#define HR_MAP_ANONYMOUS 0x20
#define HR_MAP_NORESERVE 0x4000
#define HR_MAP_POPULATE  0x8000
#define HR_MAP_HUGETLB   0x40000

/* Outcomes of hr_touch() besides 0 and -errno. */
#define HR_FAULT_SIGBUS  1
#define HR_FAULT_SIGSEGV 2

/** hr_proc_new() - a new process with an empty address space. */
HR_EXPORT int hr_proc_new(hr_machine *m, hr_proc **out);

/**
 * struct hr_mmap_args - what mmap(2) is asked for, for hr_mmap().
 * @len:      length in bytes, required (0 is -EINVAL, as in Linux);
 *            rounded up to the page size, as Linux does for MAP_HUGETLB
 * @prot:     HR_PROT_*; 0 is PROT_NONE
 * @flags:    HR_MAP_SHARED or HR_MAP_PRIVATE (one of them is required),
 *            plus HR_MAP_ANONYMOUS, HR_MAP_HUGETLB, HR_MAP_NORESERVE,
 *            HR_MAP_POPULATE
 * @file:     a hugetlbfs file or shm segment; NULL: anonymous memory
 * @offset:   file offset in bytes, a multiple of the file's huge page
 *            size; ignored for anonymous memory
 * @pagesize: for MAP_HUGETLB anonymous mappings, HR_SZ_2M or HR_SZ_1G
 *            (the MAP_HUGE_2MB/MAP_HUGE_1GB bits); 0: the default huge
 *            page size; ignored for files, which use their mount's
 * @misalign: place the mapping this many bytes past a 2 MiB boundary
 *            (anonymous memory: a multiple of HR_PAGE_SIZE below 2 MiB;
 *            hugetlb: a multiple of the huge page size): how the lab
 *            reproduces a real process's layout, where a program would
 *            give mmap(2) an address hint; 0: aligned
 *
 * A struct rather than nine parameters so that a call names what it sets
 * and a zero-initialised one means the defaults: a designated initialiser
 * gives only what differs, e.g.
 *
 *	struct hr_mmap_args a = { .len = 4 * HR_SZ_2M,
 *				  .prot = HR_PROT_READ | HR_PROT_WRITE,
 *				  .flags = HR_MAP_PRIVATE | HR_MAP_ANONYMOUS |
 *					   HR_MAP_HUGETLB };
 *
 * New fields are only ever added at the end, where zero keeps today's
 * behaviour; since the struct's size is part of the ABI, adding one
 * changes HR_VERSION_MINOR while the major version is 0.
 */
struct hr_mmap_args {
	uint64_t len;
	int prot;
	int flags;
	hr_file *file;
	uint64_t offset;
	uint64_t pagesize;
	uint64_t misalign;
};

/**
 * hr_mmap() - mmap(2).
 * @p:    the process
 * @a:    the mapping wanted (struct hr_mmap_args)
 * @addr: the address chosen
 *
 * The engine places each mapping on a boundary of its page size (plus
 * @a->misalign) with a gap before it, so that mappings never touch unless
 * they are remapped.
 *
 * Return: 0, -EINVAL (no @a, a zero length, neither or both of
 * MAP_SHARED and MAP_PRIVATE, a bad page size, offset or misalignment),
 * -ENOMEM (no reservation, out of address space or memory), -ENOSPC,
 * -EACCES, ...: the errno Linux's mmap(2) would give.
 */
HR_EXPORT int hr_mmap(hr_proc *p, const struct hr_mmap_args *a,
		      uint64_t *addr);

/**
 * hr_touch() - one access to the byte at @addr, as a user load or store.
 *
 * Return: 0, HR_FAULT_SIGBUS (no huge page could be had, or the page is
 * past the end of the file), HR_FAULT_SIGSEGV (no mapping, or a store to
 * a read-only mapping).
 */
HR_EXPORT int hr_touch(hr_proc *p, uint64_t addr, int write);

/** hr_munmap() - munmap(2) of [@addr, @addr + @len). */
HR_EXPORT int hr_munmap(hr_proc *p, uint64_t addr, uint64_t len);

/** hr_mprotect() - mprotect(2). */
HR_EXPORT int hr_mprotect(hr_proc *p, uint64_t addr, uint64_t len, int prot);

#define HR_MREMAP_MAYMOVE 0x1

/** hr_mremap() - mremap(2) of a whole mapping. */
HR_EXPORT int hr_mremap(hr_proc *p, uint64_t addr, uint64_t old_len,
			uint64_t new_len, int flags, uint64_t *new_addr);

enum hr_advice {
	HR_MADV_DONTNEED = 4,
	HR_MADV_REMOVE = 9,
	HR_MADV_HUGEPAGE = 14,
	HR_MADV_NOHUGEPAGE = 15,
	HR_MADV_PAGEOUT = 21,
	HR_MADV_COLLAPSE = 25,
};

/** hr_madvise() - madvise(2). */
HR_EXPORT int hr_madvise(hr_proc *p, uint64_t addr, uint64_t len, int advice);

/**
 * hr_mbind() - mbind(MPOL_BIND) of [@addr, @addr + @len) to the nodes in
 * @nodemask (bit n for node n; 0 restores the default policy).
 *
 * Reservations stay global counts: a mapping whose reservation
 * succeeded can still get SIGBUS when its nodes have no free page (the
 * weakness "Reservations and Memory Policy" describes).
 *
 * Return: 0, -EINVAL (a node the machine lacks, a misaligned hugetlb
 * split), -EFAULT (part of the range is not mapped).
 */
HR_EXPORT int hr_mbind(hr_proc *p, uint64_t addr, uint64_t len,
		       unsigned long nodemask);

/**
 * hr_set_mempolicy() - set_mempolicy(MPOL_BIND) of the task to the nodes
 * in @nodemask (bit n for node n), or MPOL_DEFAULT for 0.
 *
 * A mapping without a policy of its own (hr_mbind()) takes its pages
 * from these nodes.  A reservation the task makes at mmap is checked
 * against the free pages of these nodes only, and its surplus pages come
 * from them, though the reservation stays a global count; a write of
 * nr_hugepages_mempolicy by the task (hr_proc_sysctl_write()) grows and
 * shrinks the pool on them.  fork() copies the policy.
 *
 * Return: 0, or -EINVAL for a node the machine lacks.
 */
HR_EXPORT int hr_set_mempolicy(hr_proc *p, unsigned long nodemask);

/**
 * hr_proc_sysctl_write() - hr_sysctl_write() by the task @p: the same
 * keys and results, and also "vm.nr_hugepages_mempolicy" and
 * "hugepages-SIZEkB.nr_hugepages_mempolicy", which follow @p's memory
 * policy (hr_set_mempolicy()).
 */
HR_EXPORT int hr_proc_sysctl_write(hr_proc *p, const char *key,
				   const char *value);

/**
 * hr_migrate() - page migration, as move_pages(2) with MPOL_MF_MOVE_ALL
 * of every huge page mapped in [@addr, @addr + @len) to node @nid.  The
 * target never uses a reservation: it is a free page nobody reserved, or
 * else a temporary page outside the pool (alloc_migrate_hugetlb_folio).
 *
 * Return: the number of pages moved, or a negative errno (-ENODEV: a
 * node the machine lacks; -ENOMEM: no target page; -EBUSY: a private
 * page charged to a subpool, which Linux does not migrate).
 */
HR_EXPORT int hr_migrate(hr_proc *p, uint64_t addr, uint64_t len, int nid);

/** hr_fork() - fork(2): @child gets a copy of @p's address space. */
HR_EXPORT int hr_fork(hr_proc *p, hr_proc **child);

/** hr_exit() - the process exits; its handle is invalid afterwards. */
HR_EXPORT void hr_exit(hr_proc *p);

/** hr_proc_pid() - the engine's pid of @p (for messages). */
HR_EXPORT int hr_proc_pid(const hr_proc *p);

#ifdef __cplusplus
}
#endif
#endif /* HUGERESV_H */
