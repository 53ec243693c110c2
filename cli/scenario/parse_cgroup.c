// SPDX-License-Identifier: MIT
/*
 * parse_cgroup.c - the statements of hugetlb cgroups and memfds:
 *
 *     cgroup NAME [parent=CG] [FILE=VALUE ...]        [-> RESULT]
 *     cgroup-set CG FILE=VALUE ...                    [-> RESULT]
 *     cgroup-rm CG                                    [-> RESULT]
 *     proc NAME cgroup=CG
 *     NAME: cgroup CG                                 [-> RESULT]
 *     NAME: memfd FILE [pagesize=2M|1G]               [-> RESULT]
 *     NAME: close FILE
 *     expect cgroup CG FILE=VALUE ...
 *
 * The parser tracks which cgroups exist and who holds which memfd, so
 * that a back end never sees a name that is gone: a removed cgroup, a
 * memfd all of whose fds were closed.  What the kernel would refuse at
 * run time (rmdir of a cgroup with tasks in it, a limit below the
 * usage) is the scenario's `-> RESULT` to say, not a parse error.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugeresv.h"
#include "scenario/parse_int.h"

#define TOP_NAME "top"

/* Make cgroups[0], "top", before the first line. */
int parse_cgroup_init(struct parser *P)
{
	struct objstate *os;
	int idx;

	ADD(P, cgroups, ncgroups, cap_cgroups, idx);
	os = parse_state_at(&P->cs, idx);
	if (!os)
		return parse_oom(P);
	snprintf(P->prog->cgroups[idx].name, PROG_NAME_MAX, "%s", TOP_NAME);
	P->prog->cgroups[idx].parent = -1;
	P->prog->cgroups[idx].created_by = -1;
	os->live = 1;
	return 0;
}

int parse_lookup_cgroup(struct parser *P, const struct tok *t)
{
	int last;

	FIND_LAST(P, cgroups, ncgroups, t->s, last);
	if (last >= 0 && P->cs.st[last].live)
		return last;
	if (last >= 0 && P->cs.st[last].line_gone)
		return parse_err(P, t->col, "cgroup '%s' was removed (line %d)", t->s,
			    P->cs.st[last].line_gone);
	if (last >= 0)
		return parse_err(P, t->col, "cgroup '%s' was never made (line %d expects it to fail)",
			    t->s, P->cs.st[last].line_made);
	return parse_err(P, t->col, "undefined cgroup '%s'", t->s);
}

/*
 * cgroup_file_ok() - see program.h.  The names are Linux's: the size is
 * the hstate's name as the controller spells it (2MB, 1GB), not the
 * kB form of sysfs.
 */
int cgroup_file_ok(const char *file, int writable, uint64_t *pagesize)
{
	static const char *const rw[] = { "max", "rsvd.max" };
	static const char *const ro[] = {
		"current", "rsvd.current", "events.max", "events.local.max",
		"numa_stat.total",
	};
	const char *rest;
	uint64_t ps;

	if (strncmp(file, "hugetlb.", 8))
		return 0;
	if (!strncmp(file + 8, "2MB.", 4))
		ps = HR_SZ_2M;
	else if (!strncmp(file + 8, "1GB.", 4))
		ps = HR_SZ_1G;
	else
		return 0;
	rest = file + 12;
	if (pagesize)
		*pagesize = ps;
	for (size_t i = 0; i < sizeof(rw) / sizeof(rw[0]); i++)
		if (!strcmp(rest, rw[i]))
			return 1;
	if (writable)
		return 0;
	for (size_t i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
		if (!strcmp(rest, ro[i]))
			return 1;
	/* numa_stat.N<node>: a node the machine may have (at most 8) */
	if (!strncmp(rest, "numa_stat.N", 11) && rest[11] >= '0' && rest[11] <= '7' &&
	    !rest[12])
		return 1;
	return 0;
}

static int cgroup_value_is_size(const char *file)
{
	return !strstr(file, ".events.");
}

/*
 * A FILE=VALUE of a limit write or a check.  Limits take a size (in
 * bytes, with a unit, or in `h` of the file's page size) or `max`;
 * Linux rounds a limit down to whole huge pages, and so do both back
 * ends, so the value is kept as written.  Counters of events are counts.
 */
static int cgroup_item(struct parser *P, const struct tok *t, int writable,
		       struct expect_item *it)
{
	char *eq = strchr(t->s, '=');
	const char *val;
	uint64_t ps, v;
	int vcol;

	if (!eq)
		return parse_err(P, t->col, "expected FILE=VALUE, got '%s'", t->s);
	*eq = '\0';
	val = eq + 1;
	vcol = t->col + (int)(eq - t->s) + 1;
	if (!t->s[0])
		return parse_err(P, t->col, "missing cgroup file before '='");
	if (strlen(t->s) >= sizeof(it->key))
		return parse_err(P, t->col, "cgroup file '%s' is too long", t->s);
	if (!cgroup_file_ok(t->s, writable, &ps))
		return parse_err(P, t->col, writable ?
			    "cannot write cgroup file '%s' (the limits: hugetlb.2MB.max, hugetlb.2MB.rsvd.max, 1GB alike)" :
			    "unknown cgroup file '%s' (hugetlb.2MB.current, .max, .rsvd.current, .rsvd.max, .events.max, .events.local.max, .numa_stat.total, .numa_stat.N0; 1GB alike)",
			    t->s);
	if (!*val)
		return parse_err(P, vcol, "missing value after '%s='", t->s);
	snprintf(it->key, sizeof(it->key), "%s", t->s);
	it->col = t->col;
	if (!strcmp(val, "max") && strstr(t->s, "max") &&
	    !strstr(t->s, ".events.")) {
		it->value = CG_MAX_VALUE;
		return 0;
	}
	if (cgroup_value_is_size(t->s) && isdigit((unsigned char)val[0]) &&
	    !val[strspn(val, "0123456789")]) {
		/*
		 * Bare digits are bytes, as the file shows them: a new
		 * cgroup's limit reads 9223372036854771712, not "max".
		 */
		if (parse_count(P, val, vcol, 0, (uint64_t)INT64_MAX, t->s, &v))
			return -1;
	} else if (cgroup_value_is_size(t->s)) {
		if (parse_size(P, val, vcol, ps, &v))
			return -1;
	} else if (parse_count(P, val, vcol, 0, (uint64_t)INT64_MAX, t->s, &v)) {
		return -1;
	}
	it->value = (int64_t)v;
	return 0;
}

static int cgroup_items(struct parser *P, struct step *st, struct tok *t, int n,
			int first, int writable)
{
	if (first >= n)
		return 0;
	st->items = calloc((size_t)(n - first), sizeof(*st->items));
	if (!st->items)
		return parse_oom(P);
	for (int i = first; i < n; i++) {
		if (cgroup_item(P, &t[i], writable, &st->items[st->nitems]))
			return -1;
		st->nitems++;
	}
	return 0;
}

int st_cgroup(struct parser *P, struct step *st, struct tok *t, int n)
{
	struct objstate *os;
	int idx, parent = 0, first = 2;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "cgroup needs a NAME");
	if (parse_check_name(P, &t[1], "cgroup"))
		return -1;
	if (!strcmp(t[1].s, TOP_NAME))
		return parse_err(P, t[1].col, "'top' is the run's own cgroup, made by the back end: set its limits with cgroup-set top FILE=VALUE");
	FIND_LAST(P, cgroups, ncgroups, t[1].s, idx);
	if (idx >= 0 && P->cs.st[idx].live)
		return parse_err(P, t[1].col, "cgroup '%s' already exists (line %d)", t[1].s,
			    P->cs.st[idx].line_made);
	if (n > 2 && parse_opt_is(&t[2], "parent")) {
		struct tok pt;

		pt.s = parse_opt_value(&t[2], &pt.col);
		parent = parse_lookup_cgroup(P, &pt);
		if (parent < 0)
			return -1;
		first = 3;
	}
	if (cgroup_items(P, st, t, n, first, 1))
		return -1;
	ADD(P, cgroups, ncgroups, cap_cgroups, idx);
	os = parse_state_at(&P->cs, idx);
	if (!os)
		return parse_oom(P);
	snprintf(P->prog->cgroups[idx].name, PROG_NAME_MAX, "%s", t[1].s);
	P->prog->cgroups[idx].parent = parent;
	P->prog->cgroups[idx].created_by = P->prog->nsteps - 1;
	/*
	 * A failed limit write leaves the directory made (mkdir came
	 * first), so the cgroup lives whatever the result.
	 */
	os->live = 1;
	os->line_made = P->line;
	st->cgroup = st->obj = idx;
	P->prog->uses_cgroups = 1;
	return 0;
}

int st_cgroup_set(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "cgroup-set needs CG and FILE=VALUE");
	st->cgroup = parse_lookup_cgroup(P, &t[1]);
	if (st->cgroup < 0)
		return -1;
	P->prog->uses_cgroups = 1;
	return cgroup_items(P, st, t, n, 2, 1);
}

int st_cgroup_rm(struct parser *P, struct step *st, struct tok *t, int n)
{
	int cg;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "cgroup-rm needs a CG");
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
	cg = parse_lookup_cgroup(P, &t[1]);
	if (cg < 0)
		return -1;
	if (cg == 0)
		return parse_err(P, t[1].col, "'top' is the run's own cgroup: the back end removes it at the end");
	st->cgroup = cg;
	P->prog->uses_cgroups = 1;
	if (parse_expect_fail(P))
		return 0;
	/*
	 * rmdir succeeds only without tasks and children; a line that
	 * expects it to succeed while the parser knows otherwise is a
	 * mistake in the file, said here rather than as a mismatch.
	 */
	for (int i = 0; i < P->prog->nprocs; i++)
		if (P->ps.st[i].live && P->ps.st[i].cgroup == cg)
			return parse_err(P, t[1].col, "cgroup '%s' still has process '%s' in it: rmdir fails (write -> EBUSY)",
				    t[1].s, P->prog->procs[i].name);
	for (int i = 1; i < P->prog->ncgroups; i++)
		if (P->cs.st[i].live && P->prog->cgroups[i].parent == cg)
			return parse_err(P, t[1].col, "cgroup '%s' still has child '%s': rmdir fails (write -> EBUSY)",
				    t[1].s, P->prog->cgroups[i].name);
	P->cs.st[cg].live = 0;
	P->cs.st[cg].line_gone = P->line;
	return 0;
}

/* `proc NAME cgroup=CG`: where process @proc starts. */
int parse_proc_cgroup_opt(struct parser *P, const struct tok *t, int proc)
{
	struct tok ct;
	int cg;

	if (!parse_opt_is(t, "cgroup"))
		return parse_err(P, t->col, "unknown proc option '%s' (expected cgroup=CG)", t->s);
	ct.s = parse_opt_value(t, &ct.col);
	cg = parse_lookup_cgroup(P, &ct);
	if (cg < 0)
		return -1;
	P->prog->procs[proc].cgroup = cg;
	P->ps.st[proc].cgroup = cg;
	P->prog->uses_cgroups = 1;
	return 0;
}

int st_cgroup_move(struct parser *P, struct step *st, struct tok *t, int n)
{
	int cg;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "cgroup needs a CG to move into");
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
	cg = parse_lookup_cgroup(P, &t[1]);
	if (cg < 0)
		return -1;
	st->cgroup = cg;
	P->prog->uses_cgroups = 1;
	if (!parse_expect_fail(P))
		P->ps.st[st->proc].cgroup = cg;
	return 0;
}

static int fd_add(struct parser *P, int proc, int file)
{
	if (P->nfds == P->cap_fds) {
		int cap = P->cap_fds ? 2 * P->cap_fds : 16;
		void *q = realloc(P->fds, (size_t)cap * sizeof(*P->fds));

		if (!q)
			return parse_oom(P);
		P->fds = q;
		P->cap_fds = cap;
	}
	P->fds[P->nfds].proc = proc;
	P->fds[P->nfds].file = file;
	P->nfds++;
	return 0;
}

/* Drop hold @i; the memfd dies with its last fd. */
static void fd_drop(struct parser *P, int i)
{
	int file = P->fds[i].file;

	P->fds[i] = P->fds[--P->nfds];
	for (int j = 0; j < P->nfds; j++)
		if (P->fds[j].file == file)
			return;
	P->fs.st[file].live = 0;
	P->fs.st[file].by_close = 1;
	P->fs.st[file].line_gone = P->line;
}

int parse_memfd_held(struct parser *P, int proc, int file)
{
	for (int i = 0; i < P->nfds; i++)
		if (P->fds[i].proc == proc && P->fds[i].file == file)
			return 1;
	return 0;
}

int parse_fds_fork(struct parser *P, int parent, int child)
{
	int n = P->nfds;

	for (int i = 0; i < n; i++)
		if (P->fds[i].proc == parent && fd_add(P, child, P->fds[i].file))
			return -1;
	return 0;
}

void parse_fds_exit(struct parser *P, int proc)
{
	for (int i = P->nfds - 1; i >= 0; i--)
		if (P->fds[i].proc == proc)
			fd_drop(P, i);
}

int st_memfd(struct parser *P, struct step *st, struct tok *t, int n)
{
	struct prog_file *f;
	struct objstate *os;
	uint64_t ps = HR_SZ_2M;
	int idx;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "memfd needs a FILE name");
	if (parse_check_name(P, &t[1], "file"))
		return -1;
	FIND_LAST(P, files, nfiles, t[1].s, idx);
	if (idx >= 0 && P->fs.st[idx].live)
		return parse_err(P, t[1].col, "file '%s' already exists (line %d)", t[1].s,
			    P->fs.st[idx].line_made);
	if (n > 2) {
		if (!parse_opt_is(&t[2], "pagesize"))
			return parse_err(P, t[2].col, "unknown memfd option '%s' (expected pagesize=2M|1G)",
				    t[2].s);
		if (parse_pagesize(P, &t[2], &ps))
			return -1;
	}
	if (n > 3)
		return parse_err(P, t[3].col, "unexpected '%s'", t[3].s);
	ADD(P, files, nfiles, cap_files, idx);
	os = parse_state_at(&P->fs, idx);
	if (!os)
		return parse_oom(P);
	f = &P->prog->files[idx];
	snprintf(f->name, PROG_NAME_MAX, "%s", t[1].s);
	f->mount = -1;
	f->memfd_proc = st->proc;
	f->pagesize = ps;
	os->line_made = P->line;
	st->obj = idx;
	P->prog->uses_memfd = 1;
	if (parse_expect_fail(P))
		return 0;
	os->live = 1;
	return fd_add(P, st->proc, idx);
}

int st_close(struct parser *P, struct step *st, struct tok *t, int n)
{
	int f;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "close needs a memfd FILE");
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
	f = parse_lookup_file(P, &t[1]);
	if (f < 0)
		return -1;
	if (P->prog->files[f].mount >= 0)
		return parse_err(P, t[1].col, "'%s' is a file on a mount, not a memfd: the back ends keep no fd of it to close",
			    t[1].s);
	for (int i = 0; i < P->nfds; i++)
		if (P->fds[i].proc == st->proc && P->fds[i].file == f) {
			st->obj = f;
			fd_drop(P, i);
			return 0;
		}
	return parse_err(P, t[1].col, "process '%s' holds no fd of memfd '%s' (closed, or never had it)",
		    P->prog->procs[st->proc].name, t[1].s);
}

/* `expect cgroup CG FILE=VALUE...`: the CG; items from word *@first. */
int parse_cgroup_expect(struct parser *P, struct step *st, struct tok *t, int n,
			int *first)
{
	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "expect cgroup needs CG and FILE=VALUE");
	st->cgroup = parse_lookup_cgroup(P, &t[2]);
	if (st->cgroup < 0)
		return -1;
	P->prog->uses_cgroups = 1;
	if (n < 4)
		return parse_err(P, parse_col_after(P, t, n), "expect cgroup needs at least one FILE=VALUE");
	*first = n;	/* st_expect() takes no items: they are read here */
	return cgroup_items(P, st, t, n, 3, 0);
}
