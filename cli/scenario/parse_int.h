/* SPDX-License-Identifier: MIT */
/*
 * parse_int.h - what the files of the scenario parser share (this room
 * only; the rest of the program sees program.h):
 *
 *   parse_words.c  errors, the object tables and name lookups, the words
 *                  of the language (sizes, counts, ranges, options,
 *                  results), and cutting a line into words
 *   parse.c        the top-level statements, expect, and the driver
 *                  (program_parse(), program_load())
 *   parse_proc.c   the process statements (proc, map, touch, ...) and
 *                  the engine-only events
 */
#ifndef PARSE_INT_H
#define PARSE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario/program.h"


#define MAX_TOKS 256

/* A word of the current line; @s points into the parser's line copy. */
struct tok {
	char *s;
	int col;
};

/*
 * What the parser knows about a named object at the current line.  The
 * tables of struct program only grow; this says which entries a name can
 * still refer to.
 */
struct objstate {
	int live;
	int line_made;		/* statement that made it */
	int line_gone;		/* statement that ended it, 0 while live */
	int by_umount;		/* files: ended by their mount's umount */
	int by_close;		/* files: a memfd whose last fd was closed */
	int cgroup;		/* procs: the cgroup it is in now */
	uint64_t size;		/* maps: current size; files: i_size */
};

struct table_state {
	struct objstate *st;
	int cap;
};

struct parser {
	const char *path;
	struct program *prog;
	char *err;
	size_t errlen;
	int line;
	int first_proc_line;	/* 0 until the first `proc` */
	int machine_line;	/* 0 until `machine` */

	int cap_steps, cap_mounts, cap_files, cap_shms, cap_procs, cap_maps;
	int cap_cgroups;
	struct table_state ps, ms, fs, ss, mts;	/* procs, maps, files, shms, mounts */
	struct table_state cs;	/* cgroups */

	/*
	 * The memfd fds held now: (process, file) pairs, unordered.  A
	 * memfd is live while it has one; fork copies a process's pairs,
	 * close and exit drop them.
	 */
	struct fd_hold { int proc, file; } *fds;
	int nfds, cap_fds;

	struct tok tok[MAX_TOKS];
	int ntok;
	int arrow_col;		/* column of `->`, 0 if none */
	struct result want;
};

#define ADD(P, arr, n, cap, out)					\
	do {								\
		void *q_ = parse_grow((P)->prog->arr, &(P)->cap, (P)->prog->n,	\
				sizeof(*(P)->prog->arr));		\
		if (!q_)						\
			return parse_oom(P);					\
		(P)->prog->arr = q_;					\
		(out) = (P)->prog->n++;					\
	} while (0)
/* The newest entry of a table called @name, live or not, or -1. */
#define FIND_LAST(P, arr, n, nm, out)					\
	do {								\
		(out) = -1;						\
		for (int i_ = (P)->prog->n - 1; i_ >= 0; i_--)		\
			if (!strcmp((P)->prog->arr[i_].name, (nm))) {	\
				(out) = i_;				\
				break;					\
			}						\
	} while (0)

#define SIZE_MAX_BYTES ((uint64_t)INT64_MAX)

/* parse_words.c */
__attribute__((format(printf, 3, 4)))
int parse_err(struct parser *P, int col, const char *fmt, ...);
int parse_oom(struct parser *P);
int parse_col_after(struct parser *P, const struct tok *t, int n);
void *parse_grow(void *arr, int *cap, int n, size_t elem);
struct objstate *parse_state_at(struct table_state *ts, int i);
int parse_check_name(struct parser *P, const struct tok *t, const char *what);
int parse_find_proc(struct parser *P, const char *name);
int parse_lookup_proc(struct parser *P, const struct tok *t);
int parse_find_map(struct parser *P, int proc, const char *name);
int parse_lookup_map(struct parser *P, int proc, const struct tok *t);
int parse_lookup_file(struct parser *P, const struct tok *t);
int parse_lookup_shm(struct parser *P, const struct tok *t);
int parse_lookup_mount(struct parser *P, const struct tok *t);
int parse_size(struct parser *P, const char *s, int col, uint64_t h,
	       uint64_t *out);
int parse_count(struct parser *P, const char *s, int col, uint64_t lo,
		uint64_t hi, const char *what, uint64_t *out);
int parse_round_up(struct parser *P, int col, uint64_t v, uint64_t ps, uint64_t *out);
/*
 * What parse_range() needs to know of the object a RANGE is inside.
 * Filled by the caller for one call; parse_range() only reads it.
 */
struct range_opts {
	uint64_t h;		/* bytes in one `h` (parse_size()) */
	uint64_t ps;		/* the object's page size */
	uint64_t limit;		/* its size in bytes: `all`, the bound */
	const char *what;	/* its name, for messages */
	bool align;		/* A..B must be aligned to @ps */
	bool open_end;		/* no upper bound (fallocate grows a file) */
};

int parse_range(struct parser *P, const struct tok *t,
		const struct range_opts *o, uint64_t *a, uint64_t *b);
char *parse_opt_value(const struct tok *t, int *vcol);
int parse_opt_is(const struct tok *t, const char *key);
int parse_pagesize(struct parser *P, const struct tok *t, uint64_t *out);
int parse_expect_fail(const struct parser *P);
void parse_mark_engine_only(struct parser *P, struct step *st, const char *what);
int parse_tokenize(struct parser *P, char *s);
int parse_split_result(struct parser *P);

/* parse.c */
uint64_t parse_file_pagesize(struct parser *P, int f);

/* parse_proc.c: the statements the tables of parse.c name */
int st_proc(struct parser *P, struct step *st, struct tok *t, int n);
int st_map(struct parser *P, struct step *st, struct tok *t, int n);
int st_touch(struct parser *P, struct step *st, struct tok *t, int n);
int st_unmap(struct parser *P, struct step *st, struct tok *t, int n);
int st_protect(struct parser *P, struct step *st, struct tok *t, int n);
int st_remap(struct parser *P, struct step *st, struct tok *t, int n);
int st_advise(struct parser *P, struct step *st, struct tok *t, int n);
int st_fork(struct parser *P, struct step *st, struct tok *t, int n);
int st_exit(struct parser *P, struct step *st, struct tok *t, int n);
int st_khugepaged(struct parser *P, struct step *st, struct tok *t, int n);
int st_reclaim(struct parser *P, struct step *st, struct tok *t, int n);
int st_inject(struct parser *P, struct step *st, struct tok *t, int n);
int st_bind(struct parser *P, struct step *st, struct tok *t, int n);
int st_migrate(struct parser *P, struct step *st, struct tok *t, int n);

/* parse_cgroup.c: cgroups and memfds */
int parse_cgroup_init(struct parser *P);
int parse_lookup_cgroup(struct parser *P, const struct tok *t);
int parse_proc_cgroup_opt(struct parser *P, const struct tok *t, int proc);
int parse_memfd_held(struct parser *P, int proc, int file);
int parse_fds_fork(struct parser *P, int parent, int child);
void parse_fds_exit(struct parser *P, int proc);
int parse_cgroup_expect(struct parser *P, struct step *st, struct tok *t, int n,
			int *first);
int st_cgroup(struct parser *P, struct step *st, struct tok *t, int n);
int st_cgroup_set(struct parser *P, struct step *st, struct tok *t, int n);
int st_cgroup_rm(struct parser *P, struct step *st, struct tok *t, int n);
int st_cgroup_move(struct parser *P, struct step *st, struct tok *t, int n);
int st_memfd(struct parser *P, struct step *st, struct tok *t, int n);
int st_close(struct parser *P, struct step *st, struct tok *t, int n);
int st_mempolicy(struct parser *P, struct step *st, struct tok *t, int n);

#endif /* PARSE_INT_H */
