/* SPDX-License-Identifier: MIT */
/*
 * program.h - a parsed scenario file.
 *
 * The parser (parse.c) turns a .scn file into a struct program: tables of
 * the named objects the file makes (mounts, files, shm segments,
 * processes, mappings) and a list of steps that refer to them by index.
 * Every size is resolved to bytes and every range to a half-open byte
 * range [a, b) relative to the start of its object, so back ends never
 * see units, names or the `h` unit's page-size rules.
 *
 * Invariants (established by the parser, relied on by every back end):
 *  - every index in a step is valid for its table, or -1 where unused;
 *  - a step only names objects made by an earlier step;
 *  - ranges lie inside their mapping's size at that point of the file
 *    (remap changes the size) and are aligned to the mapping's page size;
 *  - each entry of maps[] is created by exactly one step: the ST_MAP step
 *    at maps[i].created_by, or the ST_FORK step that copied
 *    maps[i].inherit_from into a child.
 */
#ifndef HR_PROGRAM_H
#define HR_PROGRAM_H

#include <stddef.h>
#include <stdint.h>

#define PROG_NAME_MAX 64

enum step_kind {
	ST_MACHINE,
	ST_SYSCTL,
	ST_THP,
	ST_MOUNT,
	ST_UMOUNT,	/* extension: umount2(dir, 0) of a mount */
	ST_FILE,
	ST_TRUNCATE,
	ST_FALLOCATE,
	ST_UNLINK,
	ST_SHM,
	ST_SHM_RM,
	ST_PROC,
	ST_MAP,
	ST_TOUCH,
	ST_UNMAP,
	ST_PROTECT,
	ST_REMAP,
	ST_ADVISE,
	ST_FORK,
	ST_EXIT,
	ST_KHUGEPAGED,	/* engine-only */
	ST_RECLAIM,	/* engine-only */
	ST_EXPECT,
	ST_SHOW,
	ST_INJECT,	/* engine-only: fault injection */
	ST_BIND,	/* mbind(MPOL_BIND) of a range */
	ST_MIGRATE,	/* move_pages() of a range's pages to a node */
	ST_NODE,	/* a node's pool file: nodeN/hugepages/... */
	ST_MEMPOLICY,	/* set_mempolicy(MPOL_BIND or MPOL_DEFAULT) */
	ST_SYSCTL_AS,	/* NAME: sysctl: a knob written by a process */
	ST_CGROUP,	/* cgroup NAME [parent=CG] [FILE=VALUE...]: mkdir */
	ST_CGROUP_SET,	/* cgroup-set CG FILE=VALUE...: limit writes */
	ST_CGROUP_RM,	/* cgroup-rm CG: rmdir */
	ST_CGROUP_MOVE,	/* NAME: cgroup CG: the process moves into CG */
	ST_MEMFD,	/* NAME: memfd FILE: memfd_create(MFD_HUGETLB) */
	ST_CLOSE,	/* NAME: close FILE: the process closes its memfd */
	ST__COUNT
};

/* What a statement ending in `-> RESULT` expects, and what a step did. */
enum result_kind {
	RES_NONE = 0,	/* not checked (no `->`), or: step has no outcome */
	RES_OK,
	RES_SIGBUS,
	RES_SIGSEGV,
	RES_ERRNO,	/* .err holds a positive errno value */
};

struct result {
	enum result_kind kind;
	int err;
};

enum map_source { SRC_ANON, SRC_FILE, SRC_SHM };

/* Step flags; which apply depends on the step kind. */
#define SF_WRITE	0x0001	/* touch: write access */
#define SF_PUNCH	0x0002	/* fallocate: punch a hole */
#define SF_MAYMOVE	0x0004	/* remap */
#define SF_ALL		0x0008	/* unmap/reclaim without a range: all */

/* Mapping flags (struct prog_map.flags). */
#define MF_SHARED	0x0001
#define MF_HUGETLB	0x0002
#define MF_NORESERVE	0x0004
#define MF_RO		0x0008
#define MF_POPULATE	0x0010

struct prog_mount {
	char name[PROG_NAME_MAX];
	uint64_t pagesize;	/* HR_SZ_2M or HR_SZ_1G */
	int64_t size;		/* bytes, -1: not given */
	int64_t min_size;	/* bytes, -1: not given */
};

/*
 * A file: on a hugetlbfs mount (`file`), or a memfd (`NAME: memfd`),
 * which lives on the kernel's internal hugetlbfs mount of its page size
 * (no subpool) and has no name to unlink: it goes when the last fd and
 * the last mapping go.
 */
struct prog_file {
	char name[PROG_NAME_MAX];
	int mount;		/* index into mounts[]; -1 for a memfd */
	int memfd_proc;		/* memfd: the process that made it; else -1 */
	uint64_t pagesize;	/* HR_SZ_2M or HR_SZ_1G (a mount's: its own) */
};

/*
 * A hugetlb cgroup (cgroup v2, the hugetlb controller).  cgroups[0] is
 * always "top": the run's own cgroup, the parent of every cgroup a file
 * makes without parent= and where every process starts unless `proc
 * NAME cgroup=CG` says otherwise.  On the kernel it is a private
 * directory under the cgroup2 mount, not the machine's root (whose
 * charges other users move); in the engine it is a child of the
 * machine's root.  Back ends materialise cgroups only when
 * program.uses_cgroups.
 */
struct prog_cgroup {
	char name[PROG_NAME_MAX];
	int parent;		/* cgroups[] index; -1 for top */
	int created_by;		/* steps[] index of its ST_CGROUP; -1: top */
};

/* The limit a cgroup file holds when it shows "max" (no limit). */
#define CG_MAX_VALUE ((int64_t)-1)

struct prog_shm {
	char name[PROG_NAME_MAX];
	uint64_t size;
	uint64_t pagesize;
	int noreserve;
};

struct prog_proc {
	char name[PROG_NAME_MAX];
	int parent;		/* index into procs[] for a fork child, or -1 */
	int cgroup;		/* cgroups[] index it starts in: `proc NAME
				 * cgroup=CG`, top (0) by default; a fork
				 * child starts where its parent is then */
};

struct prog_map {
	char name[PROG_NAME_MAX];
	int proc;		/* owning process */
	enum map_source source;
	int obj;		/* files[] or shms[] index; -1 for anon */
	uint64_t size;		/* bytes at creation */
	uint64_t offset;	/* file offset in bytes */
	uint64_t pagesize;	/* page size of the mapping: 4K for plain anon */
	uint64_t misalign;	/* bytes past a 2 MiB boundary */
	int flags;		/* MF_* */
	int created_by;		/* index into steps[] (ST_MAP or ST_FORK) */
	int inherit_from;	/* maps[] index copied by fork, or -1 */
};

/*
 * Where an expect line reads: /proc files, sysfs counters, or a knob by
 * the name its statement sets it with (EX_SYSCTL, EX_THP; a word knob's
 * value is the index of its word, hr_knob_parse()).
 */
enum expect_source { EX_MEMINFO, EX_VMSTAT, EX_SMAPS, EX_SYSFS, EX_SYSCTL, EX_THP,
		     EX_NODE, EX_CGROUP };

struct expect_item {
	char key[128];		/* meminfo/vmstat/smaps key, sysfs path, knob;
				 * cgroup: the file (hugetlb.2MB.max) */
	int64_t value;		/* kB fields and cgroup sizes: bytes; counts:
				 * the count; a cgroup limit of "max":
				 * CG_MAX_VALUE */
	int col;		/* column of the item, for messages */
};

struct step;

/**
 * kernel_parse() - read a kernel version "MAJOR.MINOR" (more may follow
 * after a '.', '-' or '+': "6.12.117+deb12", "6.1.0-57").
 * @s:   the text
 * @end: if non-NULL, set past the MAJOR.MINOR read (then anything may
 *       follow); if NULL, only a version suffix as above may follow
 *
 * Return: HR_KERNEL(MAJOR, MINOR), or 0 if @s does not start with one.
 */
int kernel_parse(const char *s, const char **end);

/**
 * kernel_name() - "6.12" for HR_KERNEL(6, 12), in @buf.  Return: @buf.
 */
const char *kernel_name(int kernel, char *buf, size_t len);

/**
 * step_holds_for() - does the expect step @st hold for @kernel (its
 * expect[RANGE], if any)?  A plain expect holds for every kernel.
 */
int step_holds_for(const struct step *st, int kernel);

struct step {
	enum step_kind kind;
	int line, col;		/* where the statement starts */
	char *text;		/* the statement as written, trimmed */
	int proc;		/* acting process (procs[]), or -1 */
	int map;		/* maps[] index, or -1 */
	int obj;		/* mounts[]/files[]/shms[]/procs[] (fork child) */
	uint64_t a, b;		/* byte range [a, b); truncate/remap: size in a */
	uint64_t stride;	/* touch: bytes between accesses */
	int flags;		/* SF_* */
	int prot;		/* protect: HR_PROT_* bits */
	int advice;		/* advise: HR_MADV_* */
	unsigned long nodemask;	/* bind, mempolicy: bit n for node n */
	int node;		/* migrate: the target node; node, expect
				 * node: the node */
	int cgroup;		/* cgroup, cgroup-set, cgroup-rm, NAME:
				 * cgroup, expect cgroup: cgroups[] index */
	long times;		/* inject: consecutive failures */
	char key[128];		/* sysctl/thp: key; inject: the site */
	char value[64];		/* sysctl/thp: value */
	enum expect_source ex_source;	/* expect */
	int ex_proc;		/* expect NAME smaps: procs[] index */
	struct expect_item *items;	/* expect: the checks; cgroup and
					 * cgroup-set: the limit writes, in
					 * order (key: the file, value: bytes
					 * or CG_MAX_VALUE) */
	int nitems;
	struct result want;	/* RES_NONE: no `->` */
	int want_col;		/* column of the `->`, for messages */
	int engine_only;	/* the statement is engine-only */
	/*
	 * expect[RANGE]: the kernels the line holds for, HR_KERNEL()
	 * values, inclusive; 0: no bound.  Both 0 for a plain expect.
	 */
	int kernel_min, kernel_max;
	char kernel_range[16];	/* RANGE as written, for messages */
};

struct program {
	char *path;		/* as given on the command line */
	char *source;		/* the text it was parsed from (for a guest:
				 * cli/vm/ sends it there to parse again) */
	uint64_t memory;	/* machine memory=, 0: not given */
	int nodes;		/* machine nodes=, 0: not given */
	int kernel;		/* machine kernel=: the engine's profile,
				 * HR_KERNEL(); 0: not given (6.18) */
	int engine_only;	/* some step or knob is engine-only */
	char engine_only_why[160];	/* the first reason, for messages */

	struct step *steps;
	int nsteps;
	struct prog_mount *mounts;
	int nmounts;
	struct prog_file *files;
	int nfiles;
	struct prog_shm *shms;
	int nshms;
	struct prog_proc *procs;
	int nprocs;
	struct prog_map *maps;
	int nmaps;
	struct prog_cgroup *cgroups;	/* [0]: top, always */
	int ncgroups;
	int uses_cgroups;	/* a cgroup statement, proc cgroup= or
				 * expect cgroup: back ends make top and
				 * put every process under it */
	int uses_memfd;		/* a memfd statement */
};

/**
 * program_parse() - parse a scenario file.
 * @path: file name (used in messages)
 * @text: the whole file, NUL terminated
 * @out:  the program; free with program_free()
 * @err, @errlen: on failure, "PATH:LINE:COL: message"
 *
 * Return: 0, or -1 with @err set.  Nothing is run.
 */
int program_parse(const char *path, const char *text, struct program **out,
		  char *err, size_t errlen);

/** program_load() - read @path and parse it (see program_parse()). */
int program_load(const char *path, struct program **out, char *err,
		 size_t errlen);

void program_free(struct program *prog);

/** result_name() - "ok", "SIGBUS", "SIGSEGV" or the errno's name. */
const char *result_name(const struct result *r, char *buf, size_t len);

/** step_kind_name() - the statement keyword of a step kind ("map"). */
const char *step_kind_name(enum step_kind kind);

/**
 * snapshot_key_is_kb() - whether a snapshot key holds a kB field.
 * @key: a snapshot key, e.g. "meminfo:AnonHugePages", "smaps:A:Rss"
 *
 * kB fields are stored in bytes and printed with units; the others
 * (meminfo's HugePages_Total/Free/Rsvd/Surp, smaps' THPeligible and
 * ProtectionKey, every vmstat and sysfs value) are plain counts.
 */
int snapshot_key_is_kb(const char *key);

/**
 * cgroup_file_ok() - is @file one of the hugetlb controller's files a
 * scenario may read (@writable 0: `expect cgroup`) or write (@writable
 * 1: the limits, hugetlb.2MB.max, hugetlb.2MB.rsvd.max, 1GB alike)?
 * Readable: hugetlb.SIZE.{max,current,rsvd.max,rsvd.current,
 * events.max,events.local.max,numa_stat.total,numa_stat.N<node>} for
 * SIZE 2MB and 1GB.
 * @pagesize: if non-NULL, set to the file's page size in bytes.
 */
int cgroup_file_ok(const char *file, int writable, uint64_t *pagesize);

#endif /* HR_PROGRAM_H */
