/* SPDX-License-Identifier: MIT */
/*
 * parse_proc.c - the scenario parser's process statements (proc, map,
 * touch, unmap, protect, remap, advise, fork, exit, bind, migrate) and
 * the engine-only events (khugepaged, reclaim, inject).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugeresv.h"
#include "scenario/program.h"
#include "util.h"
#include "scenario/parse_int.h"

/* ------------------------------------------------------------------ */
/* Processes                                                           */

static int new_proc(struct parser *P, const char *name, int parent, int live)
{
	struct objstate *os;
	int idx;

	ADD(P, procs, nprocs, cap_procs, idx);
	os = parse_state_at(&P->ps, idx);
	if (!os)
		return parse_oom(P);
	snprintf(P->prog->procs[idx].name, PROG_NAME_MAX, "%s", name);
	P->prog->procs[idx].parent = parent;
	/* a fork child starts in the cgroup its parent is in now */
	P->prog->procs[idx].cgroup = parent >= 0 ? P->ps.st[parent].cgroup : 0;
	os->cgroup = P->prog->procs[idx].cgroup;
	os->live = live;
	os->line_made = P->line;
	return idx;
}

int st_proc(struct parser *P, struct step *st, struct tok *t, int n)
{
	int idx;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "proc needs a NAME");
	if (n > 3)
		return parse_err(P, t[3].col, "unexpected '%s'", t[3].s);
	if (parse_check_name(P, &t[1], "process"))
		return -1;
	idx = parse_find_proc(P, t[1].s);
	if (idx >= 0)
		return parse_err(P, t[1].col, "process '%s' already exists (line %d)", t[1].s,
			    P->ps.st[idx].line_made);
	if (!P->first_proc_line)
		P->first_proc_line = P->line;
	idx = new_proc(P, t[1].s, -1, 1);
	if (idx < 0)
		return -1;
	st->proc = st->obj = idx;
	if (n > 2 && parse_proc_cgroup_opt(P, &t[2], idx))
		return -1;
	st->cgroup = P->prog->procs[idx].cgroup;
	return 0;
}

static int new_map(struct parser *P)
{
	struct objstate *os;
	int idx;

	ADD(P, maps, nmaps, cap_maps, idx);
	os = parse_state_at(&P->ms, idx);
	if (!os)
		return parse_oom(P);
	os->line_made = P->line;
	return idx;
}

/* The `h` of a mapping: its huge page size, or 2 MiB for base pages. */
static uint64_t map_h(const struct prog_map *m)
{
	return (m->flags & MF_HUGETLB) ? m->pagesize : HR_SZ_2M;
}

/*
 * The words of one `map` statement as st_map() takes them apart.  Filled
 * in order by map_source() (@src, @obj), map_options() (@tshare, @flags
 * and the option words, NULL when absent) and map_pagesize() (@ps); the
 * tokens point into the parser's line and live as long as it.
 */
struct map_words {
	enum map_source src;
	int obj;		/* files[] or shms[] index; -1 for anon */
	int flags;		/* MF_* */
	struct tok *tshare, *tps, *tmis, *toff;
	uint64_t ps;		/* the mapping's page size */
};

/* SOURCE: anon, file=FILE or shm=SHM. */
static int map_source(struct parser *P, int proc, struct tok *tsrc,
		      struct map_words *w)
{
	w->obj = -1;
	if (!strcmp(tsrc->s, "anon")) {
		w->src = SRC_ANON;
	} else if (parse_opt_is(tsrc, "file") || parse_opt_is(tsrc, "shm")) {
		struct tok ot;

		ot.s = parse_opt_value(tsrc, &ot.col);
		w->src = tsrc->s[0] == 'f' ? SRC_FILE : SRC_SHM;
		w->obj = w->src == SRC_FILE ? parse_lookup_file(P, &ot) : parse_lookup_shm(P, &ot);
		if (w->obj < 0)
			return -1;
		/* mmap of a memfd needs an fd of it */
		if (w->src == SRC_FILE && P->prog->files[w->obj].mount < 0 &&
		    !parse_memfd_held(P, proc, w->obj))
			return parse_err(P, ot.col, "process '%s' holds no fd of memfd '%s' (closed, or never had it: make it there or fork from its holder)",
				    P->prog->procs[proc].name, ot.s);
	} else {
		return parse_err(P, tsrc->col, "expected a SOURCE (anon, file=FILE or shm=SHM), got '%s'",
			    tsrc->s);
	}
	return 0;
}

/* [offset=OFF] private|shared [OPTIONS...], from word @i on. */
static int map_options(struct parser *P, struct tok *t, int n, int i,
		       struct map_words *w)
{
	if (i < n && parse_opt_is(&t[i], "offset"))
		w->toff = &t[i++];
	if (i >= n)
		return parse_err(P, parse_col_after(P, t, n), "map needs private or shared");
	w->tshare = &t[i++];
	if (!strcmp(w->tshare->s, "shared"))
		w->flags |= MF_SHARED;
	else if (strcmp(w->tshare->s, "private"))
		return parse_err(P, w->tshare->col, "expected private or shared, got '%s'",
			    w->tshare->s);
	for (; i < n; i++) {
		struct tok **slot = NULL;
		int flag = 0;

		if (!strcmp(t[i].s, "hugetlb"))
			flag = MF_HUGETLB;
		else if (!strcmp(t[i].s, "noreserve"))
			flag = MF_NORESERVE;
		else if (!strcmp(t[i].s, "ro"))
			flag = MF_RO;
		else if (!strcmp(t[i].s, "populate"))
			flag = MF_POPULATE;
		else if (parse_opt_is(&t[i], "pagesize"))
			slot = &w->tps;
		else if (parse_opt_is(&t[i], "misalign"))
			slot = &w->tmis;
		else if (parse_opt_is(&t[i], "offset"))
			slot = &w->toff;
		else
			return parse_err(P, t[i].col,
				    "unknown map option '%s' (expected hugetlb, pagesize=, noreserve, ro, populate, misalign=)",
				    t[i].s);
		if ((flag && (w->flags & flag)) || (slot && *slot))
			return parse_err(P, t[i].col, "option '%s' given twice", t[i].s);
		w->flags |= flag;
		if (slot)
			*slot = &t[i];
	}
	return 0;
}

/*
 * The page size comes from the object (a file's mount, a segment) or
 * from hugetlb/pagesize= for anon; then the options that only some
 * sources take are checked.
 */
static int map_pagesize(struct parser *P, struct map_words *w)
{
	char sa[48], sb[48];
	uint64_t v;

	if (w->tps && parse_pagesize(P, w->tps, &v))
		return -1;
	if (w->src == SRC_ANON) {
		if (w->tps && !(w->flags & MF_HUGETLB))
			return parse_err(P, w->tps->col, "pagesize= needs hugetlb (an anon mapping of base pages has 4K pages)");
		w->ps = (w->flags & MF_HUGETLB) ? (w->tps ? v : HR_SZ_2M) : HR_PAGE_SIZE;
	} else {
		w->ps = w->src == SRC_FILE ? parse_file_pagesize(P, w->obj) :
					     P->prog->shms[w->obj].pagesize;
		if (w->tps && v != w->ps)
			return parse_err(P, w->tps->col + 9, "pagesize=%s does not match the %s pages of %s '%s'",
				    format_size(v, sa, sizeof(sa)), format_size(w->ps, sb, sizeof(sb)),
				    w->src == SRC_FILE ? "file" : "shm segment",
				    w->src == SRC_FILE ? P->prog->files[w->obj].name :
							 P->prog->shms[w->obj].name);
		w->flags |= MF_HUGETLB;
	}
	if (w->src == SRC_SHM && !(w->flags & MF_SHARED))
		return parse_err(P, w->tshare->col, "a shm segment is always attached shared");
	if (w->toff && w->src != SRC_FILE)
		return parse_err(P, w->toff->col, "offset= is only for file mappings");
	if (w->tmis && (w->flags & MF_HUGETLB))
		return parse_err(P, w->tmis->col, "misalign= is only for base-page mappings (a hugetlb mapping is always aligned)");
	return 0;
}

/* The new mapping called @name of @size bytes: the table entry. */
static int map_add(struct parser *P, struct step *st, const char *name,
		   uint64_t size, const struct map_words *w)
{
	struct prog_map *m;
	char *val;
	int idx, vcol;

	if ((idx = new_map(P)) < 0)
		return -1;
	m = &P->prog->maps[idx];
	snprintf(m->name, sizeof(m->name), "%s", name);
	m->proc = st->proc;
	m->source = w->src;
	m->obj = w->obj;
	m->size = size;
	m->pagesize = w->ps;
	m->flags = w->flags;
	m->created_by = P->prog->nsteps - 1;
	m->inherit_from = -1;
	if (w->toff) {
		val = parse_opt_value(w->toff, &vcol);
		if (parse_size(P, val, vcol, w->ps, &m->offset))
			return -1;
	}
	if (w->tmis) {
		val = parse_opt_value(w->tmis, &vcol);
		if (parse_size(P, val, vcol, HR_SZ_2M, &m->misalign))
			return -1;
		if (m->misalign % HR_PAGE_SIZE || m->misalign >= HR_SZ_2M)
			return parse_err(P, vcol, "misalign must be a multiple of 4K below 2M, not '%s'", val);
	}
	P->ms.st[idx].live = !parse_expect_fail(P);
	P->ms.st[idx].size = size;
	st->map = idx;
	st->obj = w->obj;
	st->b = size;
	return 0;
}

/* NAME: map MAP SIZE SOURCE [offset=OFF] SHARING [OPTIONS...] */
int st_map(struct parser *P, struct step *st, struct tok *t, int n)
{
	struct map_words w = { .obj = -1 };
	uint64_t h, size;
	int idx;
	char sa[48];

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "map needs MAP SIZE SOURCE SHARING");
	if (parse_check_name(P, &t[1], "mapping"))
		return -1;
	idx = parse_find_map(P, st->proc, t[1].s);
	if (idx >= 0)
		return parse_err(P, t[1].col, "mapping '%s' already exists in process '%s' (line %d)",
			    t[1].s, P->prog->procs[st->proc].name, P->ms.st[idx].line_made);
	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "map needs a SIZE");
	/* Report a malformed SIZE before anything after it (h is resolved below). */
	if (parse_size(P, t[2].s, t[2].col, HR_SZ_2M, &size))
		return -1;
	if (n < 4)
		return parse_err(P, parse_col_after(P, t, n), "map needs a SOURCE: anon, file=FILE or shm=SHM");
	if (map_source(P, st->proc, &t[3], &w) || map_options(P, t, n, 4, &w))
		return -1;
	/* Page size and `h` come from the object, so resolve sizes last. */
	if (map_pagesize(P, &w))
		return -1;
	h = (w.flags & MF_HUGETLB) ? w.ps : HR_SZ_2M;
	if (parse_size(P, t[2].s, t[2].col, h, &size) ||
	    parse_round_up(P, t[2].col, size, w.ps, &size))
		return -1;
	if (w.src == SRC_SHM && size != P->prog->shms[w.obj].size)
		return parse_err(P, t[2].col, "shm mappings map the whole segment: SIZE must be %s",
			    format_size(P->prog->shms[w.obj].size, sa, sizeof(sa)));
	return map_add(P, st, t[1].s, size, &w);
}

/* Resolve MAP RANGE of a process statement into st->map, a, b. */
static int map_range(struct parser *P, struct step *st, struct tok *tm, struct tok *tr)
{
	const struct prog_map *m;
	char what[2 * PROG_NAME_MAX + 32];

	st->map = parse_lookup_map(P, st->proc, tm);
	if (st->map < 0)
		return -1;
	m = &P->prog->maps[st->map];
	snprintf(what, sizeof(what), "mapping '%s'", m->name);
	return parse_range(P, tr, &(struct range_opts){
				   .h = map_h(m), .ps = m->pagesize,
				   .limit = P->ms.st[st->map].size, .what = what,
				   .align = true, .open_end = false },
			   &st->a, &st->b);
}

int st_touch(struct parser *P, struct step *st, struct tok *t, int n)
{
	const struct prog_map *m;
	int vcol;
	char *val;

	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "touch needs MAP RANGE read|write");
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	m = &P->prog->maps[st->map];
	if (n < 4)
		return parse_err(P, parse_col_after(P, t, n), "touch needs read or write");
	if (!strcmp(t[3].s, "write"))
		st->flags |= SF_WRITE;
	else if (strcmp(t[3].s, "read"))
		return parse_err(P, t[3].col, "expected read or write, got '%s'", t[3].s);
	st->stride = m->pagesize;
	if (n > 4) {
		if (!parse_opt_is(&t[4], "step"))
			return parse_err(P, t[4].col, "unknown touch option '%s' (expected step=SIZE)", t[4].s);
		val = parse_opt_value(&t[4], &vcol);
		if (parse_size(P, val, vcol, map_h(m), &st->stride))
			return -1;
		if (!st->stride)
			return parse_err(P, vcol, "step must not be 0");
	}
	if (n > 5)
		return parse_err(P, t[5].col, "unexpected '%s'", t[5].s);
	return 0;
}

static void kill_map(struct parser *P, int i)
{
	P->ms.st[i].live = 0;
	P->ms.st[i].line_gone = P->line;
}

int st_unmap(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "unmap needs a MAP");
	if (n > 3)
		return parse_err(P, t[3].col, "unexpected '%s'", t[3].s);
	if (n == 2 || !strcmp(t[2].s, "all")) {
		st->map = parse_lookup_map(P, st->proc, &t[1]);
		if (st->map < 0)
			return -1;
		st->flags |= SF_ALL;
		st->a = 0;
		st->b = P->ms.st[st->map].size;
	} else if (map_range(P, st, &t[1], &t[2])) {
		return -1;
	}
	/* Unmapping all of it ends the name; a part leaves a hole. */
	if (!parse_expect_fail(P) && st->a == 0 && st->b == P->ms.st[st->map].size)
		kill_map(P, st->map);
	return 0;
}

int st_protect(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 4)
		return parse_err(P, parse_col_after(P, t, n), "protect needs MAP RANGE none|ro|rw");
	if (n > 4)
		return parse_err(P, t[4].col, "unexpected '%s'", t[4].s);
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	if (!strcmp(t[3].s, "none"))
		st->prot = HR_PROT_NONE;
	else if (!strcmp(t[3].s, "ro"))
		st->prot = HR_PROT_READ;
	else if (!strcmp(t[3].s, "rw"))
		st->prot = HR_PROT_READ | HR_PROT_WRITE;
	else
		return parse_err(P, t[3].col, "expected none, ro or rw, got '%s'", t[3].s);
	return 0;
}

int st_remap(struct parser *P, struct step *st, struct tok *t, int n)
{
	const struct prog_map *m;
	uint64_t v;

	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "remap needs MAP NEWSIZE");
	st->map = parse_lookup_map(P, st->proc, &t[1]);
	if (st->map < 0)
		return -1;
	m = &P->prog->maps[st->map];
	if (parse_size(P, t[2].s, t[2].col, map_h(m), &v) ||
	    parse_round_up(P, t[2].col, v, m->pagesize, &v))
		return -1;
	if (n > 3) {
		if (strcmp(t[3].s, "maymove"))
			return parse_err(P, t[3].col, "unknown remap option '%s' (expected maymove)", t[3].s);
		st->flags |= SF_MAYMOVE;
	}
	if (n > 4)
		return parse_err(P, t[4].col, "unexpected '%s'", t[4].s);
	st->a = v;
	if (!parse_expect_fail(P))
		P->ms.st[st->map].size = v;
	return 0;
}

static const struct {
	const char *name;
	int advice;
} advices[] = {
	{ "dontneed", HR_MADV_DONTNEED }, { "remove", HR_MADV_REMOVE },
	{ "hugepage", HR_MADV_HUGEPAGE }, { "nohugepage", HR_MADV_NOHUGEPAGE },
	{ "collapse", HR_MADV_COLLAPSE }, { "pageout", HR_MADV_PAGEOUT },
};

int st_advise(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 4)
		return parse_err(P, parse_col_after(P, t, n), "advise needs MAP RANGE ADVICE");
	if (n > 4)
		return parse_err(P, t[4].col, "unexpected '%s'", t[4].s);
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	for (size_t i = 0; i < sizeof(advices) / sizeof(advices[0]); i++)
		if (!strcmp(t[3].s, advices[i].name)) {
			st->advice = advices[i].advice;
			return 0;
		}
	return parse_err(P, t[3].col,
		    "unknown advice '%s' (expected dontneed, remove, hugepage, nohugepage, collapse or pageout)",
		    t[3].s);
}

int st_fork(struct parser *P, struct step *st, struct tok *t, int n)
{
	int child, live, nmaps, old;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "fork needs a CHILD name");
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
	if (parse_check_name(P, &t[1], "process"))
		return -1;
	old = parse_find_proc(P, t[1].s);
	if (old >= 0)
		return parse_err(P, t[1].col, "process '%s' already exists (line %d)", t[1].s,
			    P->ps.st[old].line_made);
	live = !parse_expect_fail(P);
	child = new_proc(P, t[1].s, st->proc, live);
	if (child < 0)
		return -1;
	st->obj = child;
	st->cgroup = P->prog->procs[child].cgroup;
	if (!live)
		return 0;
	if (parse_fds_fork(P, st->proc, child))
		return -1;
	/* The child inherits every live mapping, at its current size. */
	nmaps = P->prog->nmaps;
	for (int i = 0; i < nmaps; i++) {
		struct prog_map *m;
		int c;

		if (P->prog->maps[i].proc != st->proc || !P->ms.st[i].live)
			continue;
		if ((c = new_map(P)) < 0)
			return -1;
		m = &P->prog->maps[c];
		*m = P->prog->maps[i];
		m->proc = child;
		m->size = P->ms.st[i].size;
		m->created_by = P->prog->nsteps - 1;
		m->inherit_from = i;
		P->ms.st[c].live = 1;
		P->ms.st[c].size = m->size;
	}
	return 0;
}

int st_exit(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n > 1)
		return parse_err(P, t[1].col, "unexpected '%s': exit takes nothing", t[1].s);
	P->ps.st[st->proc].live = 0;
	P->ps.st[st->proc].line_gone = P->line;
	parse_fds_exit(P, st->proc);
	for (int i = 0; i < P->prog->nmaps; i++)
		if (P->prog->maps[i].proc == st->proc && P->ms.st[i].live)
			kill_map(P, i);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Engine-only events                                                  */

int st_khugepaged(struct parser *P, struct step *st, struct tok *t, int n)
{
	int vcol;

	st->a = 1;
	if (n > 1) {
		char *val;

		if (!parse_opt_is(&t[1], "passes"))
			return parse_err(P, t[1].col, "unknown khugepaged option '%s' (expected passes=N)", t[1].s);
		val = parse_opt_value(&t[1], &vcol);
		if (parse_count(P, val, vcol, 1, 1000000, "passes", &st->a))
			return -1;
	}
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
	return 0;
}

int st_reclaim(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "reclaim needs SIZE or all");
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
	if (!strcmp(t[1].s, "all"))
		st->flags |= SF_ALL;
	else if (parse_size(P, t[1].s, t[1].col, HR_SZ_2M, &st->a))
		return -1;
	parse_mark_engine_only(P, st, "reclaim");
	return 0;
}

/*
 * inject SITE [after=N]: the Nth next allocation at SITE fails once
 * (hr_inject_fail).  Sites: hpage, region, pagecache.
 */
int st_inject(struct parser *P, struct step *st, struct tok *t, int n)
{
	static const char *const sites[] = { "hpage", "region", "pagecache" };
	size_t i;
	int vcol;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "inject needs a SITE (hpage, region or pagecache)");
	for (i = 0; i < sizeof(sites) / sizeof(sites[0]); i++)
		if (!strcmp(t[1].s, sites[i]))
			break;
	if (i == sizeof(sites) / sizeof(sites[0]))
		return parse_err(P, t[1].col, "unknown inject site '%s' (expected hpage, region or pagecache)",
			    t[1].s);
	snprintf(st->key, sizeof(st->key), "%s", t[1].s);
	st->a = 1;
	st->times = 1;
	for (int k = 2; k < n; k++) {
		uint64_t v;
		char *val = parse_opt_value(&t[k], &vcol);

		if (parse_opt_is(&t[k], "after")) {
			if (parse_count(P, val, vcol, 0, 1000000, "after", &st->a))
				return -1;
		} else if (parse_opt_is(&t[k], "times")) {
			if (parse_count(P, val, vcol, 1, 1000000, "times", &v))
				return -1;
			st->times = (long)v;
		} else {
			return parse_err(P, t[k].col, "unknown inject option '%s' (expected after=N or times=N)",
				    t[k].s);
		}
	}
	parse_mark_engine_only(P, st, "inject");
	return 0;
}

/*
 * nodes=LIST (t->s is "nodes=..."), at least one node: bits in *@mask.
 */
static int node_list(struct parser *P, struct tok *t, unsigned long *mask,
		     int empty_ok)
{
	char *val, *p;
	int vcol;

	val = parse_opt_value(t, &vcol);
	*mask = 0;
	for (p = val; *p;) {
		char *end;
		long nid = strtol(p, &end, 10);

		if (end == p || nid < 0 || nid >= HR_MAX_NODES || (*end && *end != ','))
			return parse_err(P, vcol + (int)(p - val),
				    "nodes= takes node numbers 0..%d separated by commas", HR_MAX_NODES - 1);
		*mask |= 1UL << nid;
		p = *end ? end + 1 : end;
	}
	if (!*mask && !empty_ok)
		return parse_err(P, vcol, "nodes= needs at least one node");
	return 0;
}

/*
 * NAME: mempolicy bind nodes=LIST | NAME: mempolicy default: the task's
 * set_mempolicy(MPOL_BIND or MPOL_DEFAULT).
 */
int st_mempolicy(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "mempolicy needs 'bind nodes=LIST' or 'default'");
	if (!strcmp(t[1].s, "default")) {
		if (n > 2)
			return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
		st->nodemask = 0;
		return 0;
	}
	if (strcmp(t[1].s, "bind"))
		return parse_err(P, t[1].col, "expected 'bind' or 'default', got '%s'", t[1].s);
	if (n < 3 || !parse_opt_is(&t[2], "nodes"))
		return parse_err(P, n < 3 ? parse_col_after(P, t, n) : t[2].col,
			    "mempolicy bind needs nodes=LIST");
	if (n > 3)
		return parse_err(P, t[3].col, "unexpected '%s'", t[3].s);
	return node_list(P, &t[2], &st->nodemask, 0);
}

/* NAME: bind MAP RANGE nodes=0,2: mbind(MPOL_BIND); nodes= with nothing resets */
int st_bind(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 4)
		return parse_err(P, parse_col_after(P, t, n), "bind needs MAP RANGE nodes=LIST");
	if (n > 4)
		return parse_err(P, t[4].col, "unexpected '%s'", t[4].s);
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	if (!parse_opt_is(&t[3], "nodes"))
		return parse_err(P, t[3].col, "expected nodes=LIST, got '%s'", t[3].s);
	return node_list(P, &t[3], &st->nodemask, 1);
}

/* NAME: migrate MAP RANGE node=N */
int st_migrate(struct parser *P, struct step *st, struct tok *t, int n)
{
	uint64_t nid;
	char *val;
	int vcol;

	if (n < 4)
		return parse_err(P, parse_col_after(P, t, n), "migrate needs MAP RANGE node=N");
	if (n > 4)
		return parse_err(P, t[4].col, "unexpected '%s'", t[4].s);
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	if (!parse_opt_is(&t[3], "node"))
		return parse_err(P, t[3].col, "expected node=N, got '%s'", t[3].s);
	val = parse_opt_value(&t[3], &vcol);
	if (parse_count(P, val, vcol, 0, HR_MAX_NODES - 1, "node", &nid))
		return -1;
	st->node = (int)nid;
	return 0;
}

