/* SPDX-License-Identifier: MIT */
/*
 * parse.c - the scenario language (docs/scenario-language.md) into a
 * struct program (program.h).
 *
 * The parser is the only place that knows the language.  It resolves
 * every name to a table index, every size to bytes and every range to a
 * byte range inside its object, so that both back ends run exactly the
 * same program and never disagree about what `3h` or `all` meant.
 *
 * To do that it follows the file's objects statically, statement by
 * statement: which names are live (a mapping dies with a whole unmap or
 * its process's exit, a file with unlink or with its mount's umount, a
 * mount with umount, a segment with shm-rm), how big each mapping is
 * (remap changes it) and how big each file is (truncate, fallocate).
 * One rule keeps this static view honest: a statement that is *expected*
 * to fail with an errno (`-> ENOMEM`) changes nothing, so a failed map
 * binds no name and a failed remap keeps the old size.
 *
 * The first error stops the parse; it is reported as
 * "PATH:LINE:COL: message" with the column of the offending word (for a
 * KEY=VALUE word, of the key or of the value).  Columns count bytes from
 * 1; a tab is one column.
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
/* Kernel versions                                                     */

int kernel_parse(const char *s, const char **end)
{
	unsigned long major, minor;
	char *e;

	if (!s || *s < '0' || *s > '9')
		return 0;
	major = strtoul(s, &e, 10);
	if (*e != '.' || e[1] < '0' || e[1] > '9' || major < 1 || major > 99)
		return 0;
	minor = strtoul(e + 1, &e, 10);
	if (minor > 99)
		return 0;
	if (end)
		*end = e;
	else if (*e && *e != '.' && *e != '-' && *e != '+')
		return 0;
	return HR_KERNEL((int)major, (int)minor);
}

const char *kernel_name(int kernel, char *buf, size_t len)
{
	snprintf(buf, len, "%d.%d", kernel / 256, kernel % 256);
	return buf;
}

int step_holds_for(const struct step *st, int kernel)
{
	if (st->kernel_min && kernel < st->kernel_min)
		return 0;
	if (st->kernel_max && kernel > st->kernel_max)
		return 0;
	return 1;
}

/*
 * The RANGE of `expect[RANGE]`, in @r (NUL terminated, without the
 * brackets): V (that MAJOR.MINOR only), V+ (V and later), V- (V and
 * earlier), V-W (V to W).
 */
static int parse_kernel_range(struct parser *P, const char *r, int col,
			      struct step *st)
{
	const char *e;
	int lo = kernel_parse(r, &e), hi;

	if (!lo)
		goto bad;
	if (!*e) {
		hi = lo;
	} else if (!strcmp(e, "+")) {
		hi = 0;
	} else if (!strcmp(e, "-")) {
		hi = lo;
		lo = 0;
	} else if (*e == '-' && (hi = kernel_parse(e + 1, &e)) && !*e) {
		if (hi < lo)
			return parse_err(P, col, "expect[%s]: the range ends before it starts", r);
	} else {
		goto bad;
	}
	st->kernel_min = lo;
	st->kernel_max = hi;
	snprintf(st->kernel_range, sizeof(st->kernel_range), "%s", r);
	return 0;
bad:
	return parse_err(P, col, "expect[%s]: expected a kernel range: 6.9+, 6.8-, 6.1-6.8 or 6.12", r);
}

/* ------------------------------------------------------------------ */
/* Machine and knobs                                                   */

static int st_machine(struct parser *P, struct step *st, struct tok *t, int n)
{
	int vcol, got = 0;

	(void)st;
	uint64_t v;
	char *val;

	if (P->first_proc_line)
		return parse_err(P, t[0].col,
			    "'machine' must come before the first 'proc' (line %d)",
			    P->first_proc_line);
	if (P->machine_line)
		return parse_err(P, t[0].col, "a second 'machine' statement (the first is on line %d)",
			    P->machine_line);
	P->machine_line = P->line;
	for (int i = 1; i < n; i++) {
		val = parse_opt_value(&t[i], &vcol);
		if (parse_opt_is(&t[i], "memory")) {
			if (parse_size(P, val, vcol, HR_SZ_2M, &v))
				return -1;
			if (!v)
				return parse_err(P, vcol, "memory must not be 0");
			P->prog->memory = v;
		} else if (parse_opt_is(&t[i], "nodes")) {
			if (parse_count(P, val, vcol, 1, HR_MAX_NODES, "nodes", &v))
				return -1;
			/*
			 * Not engine-only: the kernel back end runs the file
			 * on a kernel with as many nodes (a --vm guest booted
			 * so), and refuses it on any other.
			 */
			P->prog->nodes = (int)v;
		} else if (parse_opt_is(&t[i], "kernel")) {
			int k = val ? kernel_parse(val, NULL) : 0;
			const char *e;

			/* MAJOR.MINOR only: a profile is per minor release */
			if (!k || kernel_parse(val, &e) != k || *e ||
			    k < HR_KERNEL_OLDEST || k > HR_KERNEL_LATEST)
				return parse_err(P, vcol, "kernel= takes a version from 6.1 to 6.18 (6.1, 6.12, ...)");
			P->prog->kernel = k;
		} else {
			return parse_err(P, t[i].col, "unknown machine option '%s' (expected memory=SIZE, nodes=N or kernel=VERSION)",
				    t[i].s);
		}
		got++;
	}
	if (!got)
		return parse_err(P, parse_col_after(P, t, n), "machine needs memory=SIZE, nodes=N and/or kernel=VERSION");
	return 0;
}

/* Split the single KEY=VALUE word of sysctl and thp. */
static int knob_word(struct parser *P, struct step *st, struct tok *t, int n,
		     char **val, int *vcol)
{
	char *eq;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "%s needs KEY=VALUE", t[0].s);
	eq = strchr(t[1].s, '=');
	if (!eq)
		return parse_err(P, t[1].col, "expected KEY=VALUE, got '%s'", t[1].s);
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s': %s takes one KEY=VALUE", t[2].s, t[0].s);
	if (eq == t[1].s)
		return parse_err(P, t[1].col, "missing key before '='");
	*eq = '\0';
	*val = eq + 1;
	*vcol = t[1].col + (int)(eq - t[1].s) + 1;
	if (!**val)
		return parse_err(P, *vcol, "missing value after '%s='", t[1].s);
	if (strlen(t[1].s) >= sizeof(st->key) || strlen(*val) >= sizeof(st->value))
		return parse_err(P, t[1].col, "key or value is too long");
	snprintf(st->key, sizeof(st->key), "%s", t[1].s);
	snprintf(st->value, sizeof(st->value), "%s", *val);
	return 0;
}

/*
 * The knobs come from the engine's registry (hr_knob_info()): the
 * language knows every knob of the statement's group but the API-only
 * ones, takes numbers within [min, lang_max] and words of the knob's
 * list, and marks a program that sets an engine-only knob.
 */
static int lang_knob(const char *key, enum hr_knob_group group,
		     struct hr_knob_info *ki)
{
	int i = hr_knob_find(key);

	if (i < 0 || hr_knob_info(i, ki) || ki->group != group ||
	    (ki->flags & HR_KNOB_API_ONLY))
		return -1;
	return i;
}

static const char *const knob_stmt[] = {
	[HR_KNOB_SYSCTL] = "sysctl",
	[HR_KNOB_THP] = "thp",
};

/*
 * @val, at @vcol, as a value of knob @ki: a count for numbers (@hi: the
 * largest taken), the word's index for words.
 */
static int knob_value(struct parser *P, const struct hr_knob_info *ki,
		      const char *val, int vcol, uint64_t hi, uint64_t *v)
{
	if (ki->kind == HR_KNOB_WORDS) {
		if (hr_knob_parse(ki->name, val, v))
			return parse_err(P, vcol, "%s %s must be one of %s, not '%s'",
				    knob_stmt[ki->group], ki->name, ki->words, val);
		return 0;
	}
	return parse_count(P, val, vcol, ki->min, hi, ki->name, v);
}

/* sysctl KEY=VALUE and thp KEY=VALUE */
static int st_knob(struct parser *P, struct step *st, struct tok *t, int n,
		   enum hr_knob_group group)
{
	struct hr_knob_info ki;
	char *val = NULL, buf[sizeof(st->key) + 8];
	int vcol = 0;
	uint64_t v;

	if (knob_word(P, st, t, n, &val, &vcol))
		return -1;
	if (lang_knob(st->key, group, &ki) < 0)
		return parse_err(P, t[1].col, "unknown %s key '%s'", knob_stmt[group], st->key);
	if (knob_value(P, &ki, val, vcol, ki.lang_max, &v))
		return -1;
	if (ki.flags & HR_KNOB_ENGINE_ONLY) {
		snprintf(buf, sizeof(buf), "%s %s", knob_stmt[group], st->key);
		parse_mark_engine_only(P, st, buf);
	}
	return 0;
}

static int st_sysctl(struct parser *P, struct step *st, struct tok *t, int n)
{
	return st_knob(P, st, t, n, HR_KNOB_SYSCTL);
}

static int st_thp(struct parser *P, struct step *st, struct tok *t, int n)
{
	return st_knob(P, st, t, n, HR_KNOB_THP);
}

/*
 * NAME: sysctl KEY=VALUE: a pool or overcommit knob written by the
 * process, with its memory policy: the sysctl statement's keys and the
 * two nr_hugepages_mempolicy files (vm.nr_hugepages_mempolicy,
 * hugepages-SIZEkB.nr_hugepages_mempolicy), which only a process's
 * policy gives a meaning of their own.
 */
static int st_sysctl_as(struct parser *P, struct step *st, struct tok *t,
			int n)
{
	struct hr_knob_info ki;
	char *val = NULL;
	int vcol = 0, i;
	uint64_t v;

	if (knob_word(P, st, t, n, &val, &vcol))
		return -1;
	i = hr_knob_find(st->key);
	if (i < 0 || hr_knob_info(i, &ki) || ki.group != HR_KNOB_SYSCTL ||
	    ((ki.flags & HR_KNOB_API_ONLY) &&
	     !strstr(st->key, "nr_hugepages_mempolicy")))
		return parse_err(P, t[1].col, "unknown sysctl key '%s'", st->key);
	if (knob_value(P, &ki, val, vcol, ki.lang_max, &v))
		return -1;
	if (ki.flags & HR_KNOB_ENGINE_ONLY)
		parse_mark_engine_only(P, st, st->key);
	return 0;
}

/*
 * The node a `node N` or `expect node N` names, which the machine must
 * have (machine nodes=, default 1).
 */
static int node_number(struct parser *P, const struct tok *t, int *nid)
{
	int nodes = P->prog->nodes ? P->prog->nodes : 1;
	uint64_t v;

	if (parse_count(P, t->s, t->col, 0, HR_MAX_NODES - 1, "node", &v))
		return -1;
	if ((int)v >= nodes)
		return parse_err(P, t->col, "node %d: the machine has %d node%s (machine nodes=N before the first proc)",
			    (int)v, nodes, nodes == 1 ? "" : "s");
	*nid = (int)v;
	return 0;
}

/* "hugepages-2048kB/" or "hugepages-1048576kB/" then one of @files. */
static int node_file_ok(const char *key, const char *const *files, size_t n)
{
	static const char *const dirs[] = { "hugepages-2048kB/",
					    "hugepages-1048576kB/" };

	for (size_t d = 0; d < 2; d++) {
		size_t l = strlen(dirs[d]);

		if (!strncmp(key, dirs[d], l))
			for (size_t i = 0; i < n; i++)
				if (!strcmp(key + l, files[i]))
					return 1;
	}
	return 0;
}

/*
 * node N hugepages-2048kB/nr_hugepages=COUNT: a write of node N's pool
 * file under /sys/devices/system/node/nodeN/hugepages/.
 */
static int st_node(struct parser *P, struct step *st, struct tok *t, int n)
{
	static const char *const files[] = { "nr_hugepages" };
	char *eq;
	uint64_t v;

	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "node needs N and hugepages-SIZEkB/nr_hugepages=COUNT");
	if (n > 3)
		return parse_err(P, t[3].col, "unexpected '%s'", t[3].s);
	if (node_number(P, &t[1], &st->node))
		return -1;
	eq = strchr(t[2].s, '=');
	if (!eq)
		return parse_err(P, t[2].col, "expected hugepages-SIZEkB/nr_hugepages=COUNT, got '%s'", t[2].s);
	*eq = '\0';
	if (!node_file_ok(t[2].s, files, 1))
		return parse_err(P, t[2].col, "unknown node file '%s' (expected hugepages-2048kB/nr_hugepages or hugepages-1048576kB/nr_hugepages)",
			    t[2].s);
	if (strlen(t[2].s) >= sizeof(st->key))
		return parse_err(P, t[2].col, "key '%s' is too long", t[2].s);
	if (parse_count(P, eq + 1, t[2].col + (int)(eq - t[2].s) + 1, 0,
			(uint64_t)INT64_MAX, "nr_hugepages", &v))
		return -1;
	snprintf(st->key, sizeof(st->key), "%s", t[2].s);
	snprintf(st->value, sizeof(st->value), "%llu", (unsigned long long)v);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Files and segments                                                  */

static int st_mount(struct parser *P, struct step *st, struct tok *t, int n)
{
	struct prog_mount *m;
	struct objstate *os;
	struct tok *tsize = NULL, *tmin = NULL, *tps = NULL;
	uint64_t ps = HR_SZ_2M, v;
	int i, idx, vcol;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "mount needs a NAME");
	if (parse_check_name(P, &t[1], "mount"))
		return -1;
	FIND_LAST(P, mounts, nmounts, t[1].s, idx);
	if (idx >= 0 && P->mts.st[idx].live)
		return parse_err(P, t[1].col, "mount '%s' already exists (line %d)", t[1].s,
			    P->mts.st[idx].line_made);
	for (i = 2; i < n; i++) {
		struct tok **slot;

		if (parse_opt_is(&t[i], "pagesize"))
			slot = &tps;
		else if (parse_opt_is(&t[i], "size"))
			slot = &tsize;
		else if (parse_opt_is(&t[i], "min_size"))
			slot = &tmin;
		else
			return parse_err(P, t[i].col,
				    "unknown mount option '%s' (expected pagesize=, size= or min_size=)",
				    t[i].s);
		if (*slot)
			return parse_err(P, t[i].col, "option '%s' given twice", t[i].s);
		*slot = &t[i];
	}
	if (tps && parse_pagesize(P, tps, &ps))
		return -1;
	ADD(P, mounts, nmounts, cap_mounts, idx);
	os = parse_state_at(&P->mts, idx);
	if (!os)
		return parse_oom(P);
	m = &P->prog->mounts[idx];
	snprintf(m->name, sizeof(m->name), "%s", t[1].s);
	m->pagesize = ps;
	m->size = m->min_size = -1;
	if (tsize) {
		char *val = parse_opt_value(tsize, &vcol);

		if (parse_size(P, val, vcol, ps, &v))
			return -1;
		m->size = (int64_t)v;
	}
	if (tmin) {
		char *val = parse_opt_value(tmin, &vcol);

		if (parse_size(P, val, vcol, ps, &v))
			return -1;
		m->min_size = (int64_t)v;
	}
	st->obj = idx;
	os->live = !parse_expect_fail(P);	/* a mount expected to fail makes no name */
	os->line_made = P->line;
	return 0;
}

/*
 * umount NAME: umount2(dir, 0).  Expected to succeed, it ends the mount's
 * name and the name of every file still on it (evicted with it); the
 * mappings of those files need no care, since a mapped file makes the
 * umount fail with EBUSY.  Expected to fail (`-> EBUSY`), it ends nothing.
 */
static int st_umount(struct parser *P, struct step *st, struct tok *t, int n)
{
	int mnt;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "umount needs a mount NAME");
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s': umount takes one mount NAME",
			    t[2].s);
	if (parse_check_name(P, &t[1], "mount"))
		return -1;
	mnt = parse_lookup_mount(P, &t[1]);
	if (mnt < 0)
		return -1;
	st->obj = mnt;
	if (parse_expect_fail(P))
		return 0;
	P->mts.st[mnt].live = 0;
	P->mts.st[mnt].line_gone = P->line;
	for (int i = 0; i < P->prog->nfiles; i++)
		if (P->prog->files[i].mount == mnt && P->fs.st[i].live) {
			P->fs.st[i].live = 0;
			P->fs.st[i].line_gone = P->line;
			P->fs.st[i].by_umount = 1;
		}
	return 0;
}

static int st_file(struct parser *P, struct step *st, struct tok *t, int n)
{
	struct objstate *os;
	int idx, mnt, vcol;
	char *val;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "file needs a NAME and mount=MOUNT");
	if (parse_check_name(P, &t[1], "file"))
		return -1;
	FIND_LAST(P, files, nfiles, t[1].s, idx);
	if (idx >= 0 && P->fs.st[idx].live)
		return parse_err(P, t[1].col, "file '%s' already exists (line %d)", t[1].s,
			    P->fs.st[idx].line_made);
	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "file needs mount=MOUNT");
	if (!parse_opt_is(&t[2], "mount"))
		return parse_err(P, t[2].col, "expected mount=MOUNT, got '%s'", t[2].s);
	if (n > 3)
		return parse_err(P, t[3].col, "unexpected '%s' after mount=", t[3].s);
	val = parse_opt_value(&t[2], &vcol);
	{
		struct tok mt = { val, vcol };

		mnt = parse_lookup_mount(P, &mt);
		if (mnt < 0)
			return -1;
	}
	ADD(P, files, nfiles, cap_files, idx);
	os = parse_state_at(&P->fs, idx);
	if (!os)
		return parse_oom(P);
	snprintf(P->prog->files[idx].name, PROG_NAME_MAX, "%s", t[1].s);
	P->prog->files[idx].mount = mnt;
	P->prog->files[idx].memfd_proc = -1;
	P->prog->files[idx].pagesize = P->prog->mounts[mnt].pagesize;
	os->live = 1;
	os->line_made = P->line;
	st->obj = idx;
	return 0;
}

uint64_t parse_file_pagesize(struct parser *P, int f)
{
	return P->prog->files[f].pagesize;
}

static int st_truncate(struct parser *P, struct step *st, struct tok *t, int n)
{
	int f;
	uint64_t v;

	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "truncate needs FILE SIZE");
	if (n > 3)
		return parse_err(P, t[3].col, "unexpected '%s'", t[3].s);
	f = parse_lookup_file(P, &t[1]);
	if (f < 0)
		return -1;
	if (parse_size(P, t[2].s, t[2].col, parse_file_pagesize(P, f), &v))
		return -1;
	st->obj = f;
	st->a = v;
	if (!parse_expect_fail(P))
		P->fs.st[f].size = v;
	return 0;
}

static int st_fallocate(struct parser *P, struct step *st, struct tok *t, int n)
{
	char what[PROG_NAME_MAX + 16];
	int f;
	uint64_t ps;

	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "fallocate needs FILE RANGE");
	f = parse_lookup_file(P, &t[1]);
	if (f < 0)
		return -1;
	if (n > 3) {
		if (strcmp(t[3].s, "punch"))
			return parse_err(P, t[3].col, "unknown fallocate option '%s' (expected punch)", t[3].s);
		st->flags |= SF_PUNCH;
	}
	if (n > 4)
		return parse_err(P, t[4].col, "unexpected '%s'", t[4].s);
	ps = parse_file_pagesize(P, f);
	snprintf(what, sizeof(what), "file '%s'", t[1].s);
	if (!strcmp(t[2].s, "all"))
		st->flags |= SF_ALL;
	/*
	 * Unaligned ranges are Linux's business here: fallocate rounds an
	 * allocation outward and a hole punch inward.
	 */
	if (parse_range(P, &t[2], &(struct range_opts){
				.h = ps, .ps = ps, .limit = P->fs.st[f].size,
				.what = what, .align = false,
				.open_end = strcmp(t[2].s, "all") != 0 },
			&st->a, &st->b))
		return -1;
	st->obj = f;
	if (!(st->flags & SF_PUNCH) && !parse_expect_fail(P) && st->b > P->fs.st[f].size)
		P->fs.st[f].size = st->b;
	return 0;
}

static int st_unlink(struct parser *P, struct step *st, struct tok *t, int n)
{
	int f;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "unlink needs a FILE");
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
	f = parse_lookup_file(P, &t[1]);
	if (f < 0)
		return -1;
	if (P->prog->files[f].mount < 0)
		return parse_err(P, t[1].col, "memfd '%s' has no name to unlink: it goes when its last fd (close, exit) and mapping go",
			    t[1].s);
	st->obj = f;
	P->fs.st[f].live = 0;
	P->fs.st[f].line_gone = P->line;
	return 0;
}

static int st_shm(struct parser *P, struct step *st, struct tok *t, int n)
{
	struct prog_shm *s;
	struct objstate *os;
	struct tok *tps = NULL;
	uint64_t ps = HR_SZ_2M, v;
	int idx, noreserve = 0;

	if (n < 3)
		return parse_err(P, parse_col_after(P, t, n), "shm needs NAME SIZE");
	if (parse_check_name(P, &t[1], "shm segment"))
		return -1;
	FIND_LAST(P, shms, nshms, t[1].s, idx);
	if (idx >= 0 && P->ss.st[idx].live)
		return parse_err(P, t[1].col, "shm segment '%s' already exists (line %d)",
			    t[1].s, P->ss.st[idx].line_made);
	if (parse_size(P, t[2].s, t[2].col, HR_SZ_2M, &v))
		return -1;
	for (int i = 3; i < n; i++) {
		if (parse_opt_is(&t[i], "pagesize") && !tps) {
			tps = &t[i];
		} else if (!strcmp(t[i].s, "noreserve") && !noreserve) {
			noreserve = 1;
		} else if (parse_opt_is(&t[i], "pagesize") || !strcmp(t[i].s, "noreserve")) {
			return parse_err(P, t[i].col, "option '%s' given twice", t[i].s);
		} else {
			return parse_err(P, t[i].col,
				    "unknown shm option '%s' (expected pagesize= or noreserve)",
				    t[i].s);
		}
	}
	if (tps && parse_pagesize(P, tps, &ps))
		return -1;
	if (parse_size(P, t[2].s, t[2].col, ps, &v) || parse_round_up(P, t[2].col, v, ps, &v))
		return -1;
	ADD(P, shms, nshms, cap_shms, idx);
	os = parse_state_at(&P->ss, idx);
	if (!os)
		return parse_oom(P);
	s = &P->prog->shms[idx];
	snprintf(s->name, sizeof(s->name), "%s", t[1].s);
	s->size = v;
	s->pagesize = ps;
	s->noreserve = noreserve;
	os->live = !parse_expect_fail(P);
	os->line_made = P->line;
	os->size = v;
	st->obj = idx;
	return 0;
}

static int st_shm_rm(struct parser *P, struct step *st, struct tok *t, int n)
{
	int s;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "shm-rm needs a NAME");
	if (n > 2)
		return parse_err(P, t[2].col, "unexpected '%s'", t[2].s);
	s = parse_lookup_shm(P, &t[1]);
	if (s < 0)
		return -1;
	st->obj = s;
	P->ss.st[s].live = 0;
	P->ss.st[s].line_gone = P->line;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */

/* /proc/meminfo as of Linux 6.x; a key outside it is surely a typo. */
static const char *const meminfo_keys[] = {
	"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached",
	"SwapCached", "Active", "Inactive", "Active(anon)", "Inactive(anon)",
	"Active(file)", "Inactive(file)", "Unevictable", "Mlocked",
	"HighTotal", "HighFree", "LowTotal", "LowFree", "MmapCopy",
	"SwapTotal", "SwapFree", "Zswap", "Zswapped", "Dirty", "Writeback",
	"AnonPages", "Mapped", "Shmem", "KReclaimable", "Slab",
	"SReclaimable", "SUnreclaim", "KernelStack", "ShadowCallStack",
	"PageTables", "SecPageTables", "NFS_Unstable", "Bounce",
	"WritebackTmp", "CommitLimit", "Committed_AS", "VmallocTotal",
	"VmallocUsed", "VmallocChunk", "Percpu", "HardwareCorrupted",
	"AnonHugePages", "ShmemHugePages", "ShmemPmdMapped",
	"FileHugePages", "FilePmdMapped", "CmaTotal", "CmaFree",
	"Unaccepted", "Balloon", "HugePages_Total", "HugePages_Free",
	"HugePages_Rsvd", "HugePages_Surp", "Hugepagesize", "Hugetlb",
	"DirectMap4k", "DirectMap2M", "DirectMap4M", "DirectMap1G",
};

/*
 * /proc/PID/smaps' numeric fields that add up over VMAs.  KernelPageSize
 * and MMUPageSize are per-VMA constants: a sum of them means nothing.
 */
static const char *const smaps_keys[] = {
	"Size", "Rss", "Pss", "Pss_Dirty",
	"Pss_Anon", "Pss_File", "Pss_Shmem", "Shared_Clean", "Shared_Dirty",
	"Private_Clean", "Private_Dirty", "Referenced", "Anonymous", "KSM",
	"LazyFree", "AnonHugePages", "ShmemPmdMapped", "FilePmdMapped",
	"Shared_Hugetlb", "Private_Hugetlb", "Swap", "SwapPss", "Locked",
	"THPeligible", "ProtectionKey",
};

static int in_list(const char *const *list, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i], key))
			return 1;
	return 0;
}

static int key_chars_ok(const char *k, const char *extra)
{
	if (!*k)
		return 0;
	for (; *k; k++)
		if (!isalnum((unsigned char)*k) && *k != '_' && !strchr(extra, *k))
			return 0;
	return 1;
}

static int check_expect_key(struct parser *P, enum expect_source src,
			    const char *key, int col)
{
	switch (src) {
	case EX_MEMINFO:
		if (!in_list(meminfo_keys, sizeof(meminfo_keys) / sizeof(*meminfo_keys), key))
			return parse_err(P, col, "unknown meminfo key '%s'", key);
		return 0;
	case EX_SMAPS:
		if (!in_list(smaps_keys, sizeof(smaps_keys) / sizeof(*smaps_keys), key))
			return parse_err(P, col, "unknown smaps key '%s'", key);
		return 0;
	case EX_VMSTAT:
		if (!key_chars_ok(key, ""))
			return parse_err(P, col, "bad vmstat key '%s'", key);
		return 0;
	case EX_SYSCTL:
	case EX_THP: {
		struct hr_knob_info ki;
		enum hr_knob_group g = src == EX_SYSCTL ? HR_KNOB_SYSCTL : HR_KNOB_THP;

		if (lang_knob(key, g, &ki) < 0)
			return parse_err(P, col, "unknown %s key '%s'", knob_stmt[g], key);
		return 0;
	}
	case EX_NODE: {
		static const char *const files[] = {
			"nr_hugepages", "free_hugepages", "surplus_hugepages",
		};

		if (!node_file_ok(key, files, 3))
			return parse_err(P, col, "unknown node file '%s' (a file under /sys/devices/system/node/nodeN/hugepages: hugepages-2048kB/nr_hugepages, free_hugepages or surplus_hugepages; 1048576kB alike)",
				    key);
		return 0;
	}
	case EX_CGROUP:
		return 0;	/* parse_cgroup.c checks its own */
	case EX_SYSFS:
		if (!key_chars_ok(key, "/.-") || key[0] == '/' || strstr(key, "..") ||
		    strstr(key, "//") || key[strlen(key) - 1] == '/')
			return parse_err(P, col, "bad sysfs path '%s' (a path under /sys/kernel/mm, such as hugepages/hugepages-2048kB/resv_hugepages)",
				    key);
		return 0;
	}
	return 0;
}

static int st_expect(struct parser *P, struct step *st, struct tok *t, int n)
{
	static const char *const srcs[] = { "meminfo", "vmstat", "smaps", "sysfs",
					    "sysctl", "thp", "node", "cgroup" };
	char skey[sizeof(st->items[0].key) + PROG_NAME_MAX + 16];
	int first;

	if (n < 2)
		return parse_err(P, parse_col_after(P, t, n), "expect needs a source: meminfo, vmstat, sysfs, sysctl, thp, node N, cgroup CG or NAME smaps");
	if (n >= 3 && !strcmp(t[2].s, "smaps")) {
		st->ex_source = EX_SMAPS;
		st->ex_proc = parse_lookup_proc(P, &t[1]);
		if (st->ex_proc < 0)
			return -1;
		first = 3;
	} else if (!strcmp(t[1].s, "meminfo")) {
		st->ex_source = EX_MEMINFO;
		first = 2;
	} else if (!strcmp(t[1].s, "vmstat")) {
		st->ex_source = EX_VMSTAT;
		first = 2;
	} else if (!strcmp(t[1].s, "sysfs")) {
		st->ex_source = EX_SYSFS;
		first = 2;
	} else if (!strcmp(t[1].s, "sysctl")) {
		st->ex_source = EX_SYSCTL;
		first = 2;
	} else if (!strcmp(t[1].s, "thp")) {
		st->ex_source = EX_THP;
		first = 2;
	} else if (!strcmp(t[1].s, "node")) {
		st->ex_source = EX_NODE;
		if (n < 3)
			return parse_err(P, parse_col_after(P, t, n), "expect node needs N and KEY=VALUE");
		if (node_number(P, &t[2], &st->node))
			return -1;
		first = 3;
	} else if (!strcmp(t[1].s, "cgroup")) {
		st->ex_source = EX_CGROUP;
		return parse_cgroup_expect(P, st, t, n, &first);
	} else if (!strcmp(t[1].s, "smaps")) {
		return parse_err(P, t[1].col, "smaps needs a process: expect NAME smaps KEY=VALUE");
	} else if (n >= 3 && !strchr(t[2].s, '=')) {
		return parse_err(P, t[2].col, "unknown expect source '%s %s' (expected NAME smaps)",
			    t[1].s, t[2].s);
	} else {
		return parse_err(P, t[1].col,
			    "unknown expect source '%s' (expected meminfo, vmstat, sysfs, sysctl, thp, node N, cgroup CG or NAME smaps)",
			    t[1].s);
	}
	if (n <= first)
		return parse_err(P, parse_col_after(P, t, n), "expect %s needs at least one KEY=VALUE",
			    srcs[st->ex_source]);
	st->items = calloc((size_t)(n - first), sizeof(*st->items));
	if (!st->items)
		return parse_oom(P);
	for (int i = first; i < n; i++) {
		struct expect_item *it = &st->items[st->nitems];
		char *eq = strchr(t[i].s, '=');
		const char *val;
		int vcol;
		uint64_t v;

		if (!eq)
			return parse_err(P, t[i].col, "expected KEY=VALUE, got '%s'", t[i].s);
		*eq = '\0';
		val = eq + 1;
		vcol = t[i].col + (int)(eq - t[i].s) + 1;
		if (!t[i].s[0])
			return parse_err(P, t[i].col, "missing key before '='");
		if (strlen(t[i].s) >= sizeof(it->key))
			return parse_err(P, t[i].col, "key '%s' is too long", t[i].s);
		if (check_expect_key(P, st->ex_source, t[i].s, t[i].col))
			return -1;
		if (!*val)
			return parse_err(P, vcol, "missing value after '%s='", t[i].s);
		snprintf(it->key, sizeof(it->key), "%s", t[i].s);
		it->col = t[i].col;
		if (st->ex_source == EX_NODE)
			snprintf(skey, sizeof(skey), "node%d:%s", st->node, it->key);
		else
			snprintf(skey, sizeof(skey), "%s:%s%s%s", srcs[st->ex_source],
				 st->ex_source == EX_SMAPS ? "P" : "",
				 st->ex_source == EX_SMAPS ? ":" : "", it->key);
		if (st->ex_source == EX_SYSCTL || st->ex_source == EX_THP) {
			/* a knob reads back what its statement writes */
			struct hr_knob_info ki;

			if (lang_knob(it->key, st->ex_source == EX_SYSCTL ?
				      HR_KNOB_SYSCTL : HR_KNOB_THP, &ki) < 0 ||
			    knob_value(P, &ki, val, vcol, UINT64_MAX, &v))
				return -1;
		} else if (snapshot_key_is_kb(skey)) {
			if (isdigit((unsigned char)val[0]) && !val[strspn(val, "0123456789")] &&
			    strspn(val, "0") != strlen(val))
				return parse_err(P, vcol,
					    "%s is a size in kB: give a unit, as in %s=%sK",
					    it->key, it->key, val);
			if (parse_size(P, val, vcol, HR_SZ_2M, &v))
				return -1;
		} else if (parse_count(P, val, vcol, 0, UINT64_MAX, it->key, &v)) {
			/*
			 * Counts go up to 2^64 - 1: Linux prints a wrapped
			 * counter (HugePages_Rsvd after an underflow) as
			 * 18446744073709551615, and a scenario may pin that.
			 */
			return -1;
		}
		it->value = (int64_t)v;	/* compared as 64-bit patterns */
		st->nitems++;
	}
	return 0;
}

static int st_show(struct parser *P, struct step *st, struct tok *t, int n)
{
	(void)st;
	if (n > 1)
		return parse_err(P, t[1].col, "unexpected '%s': show takes nothing", t[1].s);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */

typedef int (*stmt_fn)(struct parser *P, struct step *st, struct tok *t, int n);

struct stmt {
	const char *word;
	enum step_kind kind;
	stmt_fn fn;
	int has_result;		/* may end in `-> RESULT` */
};

static const struct stmt top_stmts[] = {
	{ "machine", ST_MACHINE, st_machine, 0 },
	{ "sysctl", ST_SYSCTL, st_sysctl, 1 },		/* result: extension */
	{ "thp", ST_THP, st_thp, 0 },
	{ "mount", ST_MOUNT, st_mount, 1 },		/* result: extension */
	{ "umount", ST_UMOUNT, st_umount, 1 },		/* extension */
	{ "file", ST_FILE, st_file, 0 },
	{ "truncate", ST_TRUNCATE, st_truncate, 1 },
	{ "fallocate", ST_FALLOCATE, st_fallocate, 1 },
	{ "unlink", ST_UNLINK, st_unlink, 0 },
	{ "shm", ST_SHM, st_shm, 1 },
	{ "shm-rm", ST_SHM_RM, st_shm_rm, 0 },
	{ "proc", ST_PROC, st_proc, 0 },
	{ "node", ST_NODE, st_node, 1 },		/* result: extension */
	{ "cgroup", ST_CGROUP, st_cgroup, 1 },		/* extension */
	{ "cgroup-set", ST_CGROUP_SET, st_cgroup_set, 1 },	/* extension */
	{ "cgroup-rm", ST_CGROUP_RM, st_cgroup_rm, 1 },	/* extension */
	{ "khugepaged", ST_KHUGEPAGED, st_khugepaged, 0 },
	{ "reclaim", ST_RECLAIM, st_reclaim, 0 },
	{ "inject", ST_INJECT, st_inject, 0 },
	{ "expect", ST_EXPECT, st_expect, 0 },
	{ "show", ST_SHOW, st_show, 0 },
};

static const struct stmt proc_stmts[] = {
	{ "map", ST_MAP, st_map, 1 },
	{ "touch", ST_TOUCH, st_touch, 1 },
	{ "unmap", ST_UNMAP, st_unmap, 1 },
	{ "protect", ST_PROTECT, st_protect, 1 },
	{ "remap", ST_REMAP, st_remap, 1 },
	{ "advise", ST_ADVISE, st_advise, 1 },
	{ "fork", ST_FORK, st_fork, 1 },
	{ "exit", ST_EXIT, st_exit, 0 },
	{ "mempolicy", ST_MEMPOLICY, st_mempolicy, 1 },
	{ "sysctl", ST_SYSCTL_AS, st_sysctl_as, 1 },
	{ "bind", ST_BIND, st_bind, 1 },
	{ "migrate", ST_MIGRATE, st_migrate, 1 },
	{ "cgroup", ST_CGROUP_MOVE, st_cgroup_move, 1 },	/* extension */
	{ "memfd", ST_MEMFD, st_memfd, 1 },		/* extension */
	{ "close", ST_CLOSE, st_close, 0 },		/* extension */
};

/**
 * step_kind_name() - the statement keyword of a step kind.
 * Return: "map", "expect", ...; "?" for a value outside the enum.
 */
const char *step_kind_name(enum step_kind kind)
{
	for (size_t i = 0; i < sizeof(top_stmts) / sizeof(top_stmts[0]); i++)
		if (top_stmts[i].kind == kind)
			return top_stmts[i].word;
	for (size_t i = 0; i < sizeof(proc_stmts) / sizeof(proc_stmts[0]); i++)
		if (proc_stmts[i].kind == kind)
			return proc_stmts[i].word;
	return "?";
}

static const struct stmt *find_stmt(const struct stmt *tab, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(tab[i].word, w))
			return &tab[i];
	return NULL;
}


static int parse_line(struct parser *P, char *line)
{
	const struct stmt *sm;
	struct step *st;
	struct tok *t = P->tok;
	char *hash = strchr(line, '#'), *text, *colon, *range = NULL;
	int n, idx, proc = -1, range_col = 0;
	size_t tlen;

	if (hash)
		*hash = '\0';
	/* Keep the statement as written, trimmed, for -v and messages. */
	text = line + strspn(line, " \t\r");
	tlen = strlen(text);
	while (tlen && strchr(" \t\r", text[tlen - 1]))
		tlen--;
	if (!tlen) {
		/* Blank or comment, but still no stray control characters. */
		return parse_tokenize(P, line);
	}
	text = strndup(text, tlen);
	if (!text)
		return parse_oom(P);
	if (parse_tokenize(P, line) || parse_split_result(P)) {
		free(text);
		return -1;
	}
	n = P->ntok;

	/* `NAME: verb ...` or a top-level keyword. */
	colon = strchr(t[0].s, ':');
	if (colon && colon[1]) {
		free(text);
		if (colon == t[0].s)
			return parse_err(P, t[0].col, "missing process name before ':'");
		return parse_err(P, t[0].col + (int)(colon - t[0].s) + 1,
			    "put a space after '%.*s:'", (int)(colon - t[0].s), t[0].s);
	}
	if (colon) {
		*colon = '\0';
		if (!t[0].s[0]) {
			free(text);
			return parse_err(P, t[0].col, "missing process name before ':'");
		}
		if (parse_check_name(P, &t[0], "process") || (proc = parse_lookup_proc(P, &t[0])) < 0) {
			free(text);
			return -1;
		}
		if (n < 2) {
			free(text);
			return parse_err(P, P->arrow_col ? P->arrow_col : t[0].col + (int)strlen(t[0].s) + 2,
				    "missing statement after '%s:'", t[0].s);
		}
		sm = find_stmt(proc_stmts, sizeof(proc_stmts) / sizeof(proc_stmts[0]), t[1].s);
		if (!sm) {
			free(text);
			if (find_stmt(top_stmts, sizeof(top_stmts) / sizeof(top_stmts[0]), t[1].s))
				return parse_err(P, t[1].col, "'%s' is not a process statement (write it without '%s:')",
					    t[1].s, t[0].s);
			return parse_err(P, t[1].col, "unknown process statement '%s'", t[1].s);
		}
		t++;
		n--;
	} else {
		char *br = strchr(t[0].s, '[');

		/* expect[RANGE]: the kernels an expect line holds for */
		if (br && br - t[0].s == 6 && !strncmp(t[0].s, "expect", 6)) {
			size_t l = strlen(br);

			if (l < 3 || br[l - 1] != ']') {
				free(text);
				return parse_err(P, t[0].col + 6, "expect[RANGE] needs a closing ']' and a range");
			}
			br[l - 1] = '\0';
			*br = '\0';
			range = br + 1;
			range_col = t[0].col + 7;
		}
		sm = find_stmt(top_stmts, sizeof(top_stmts) / sizeof(top_stmts[0]), t[0].s);
		if (!sm) {
			free(text);
			if (find_stmt(proc_stmts, sizeof(proc_stmts) / sizeof(proc_stmts[0]), t[0].s))
				return parse_err(P, t[0].col, "'%s' needs a process: NAME: %s ...", t[0].s, t[0].s);
			if (parse_find_proc(P, t[0].s) >= 0)
				return parse_err(P, t[0].col, "missing ':' after process name '%s'", t[0].s);
			return parse_err(P, t[0].col, "unknown statement '%s'", t[0].s);
		}
	}
	if (P->arrow_col && !sm->has_result) {
		free(text);
		return parse_err(P, P->arrow_col, "'%s' takes no '-> RESULT'", sm->word);
	}

	{
		void *q = parse_grow(P->prog->steps, &P->cap_steps, P->prog->nsteps,
			       sizeof(*P->prog->steps));

		if (!q) {
			free(text);
			return parse_oom(P);
		}
		P->prog->steps = q;
	}
	idx = P->prog->nsteps++;
	st = &P->prog->steps[idx];
	memset(st, 0, sizeof(*st));
	st->kind = sm->kind;
	st->line = P->line;
	st->col = P->tok[0].col;
	st->text = text;
	st->proc = proc;
	st->map = st->obj = st->ex_proc = st->cgroup = -1;
	st->want = P->want;
	st->want_col = P->arrow_col;
	if (range && parse_kernel_range(P, range, range_col, st))
		return -1;
	return sm->fn(P, st, t, n);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */

/**
 * program_parse() - parse a scenario file (see program.h).
 * @path: file name, used in messages
 * @text: the whole file, NUL terminated
 * @out:  the program on success; free with program_free()
 * @err, @errlen: on failure, "PATH:LINE:COL: message"
 *
 * Return: 0, or -1 with @err set.
 */
int program_parse(const char *path, const char *text, struct program **out,
		  char *err, size_t errlen)
{
	struct parser P;
	char *copy, *line, *next;
	int rc = 0;

	memset(&P, 0, sizeof(P));
	P.path = path;
	P.err = err;
	P.errlen = errlen;
	*out = NULL;
	if (err && errlen)
		err[0] = '\0';
	P.prog = calloc(1, sizeof(*P.prog));
	copy = strdup(text);
	if (!P.prog || !copy || !(P.prog->path = strdup(path)) ||
	    !(P.prog->source = strdup(text))) {
		free(copy);
		program_free(P.prog);
		return parse_oom(&P);
	}
	if (parse_cgroup_init(&P)) {
		free(copy);
		program_free(P.prog);
		return -1;
	}
	for (line = copy; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		P.line++;
		rc = parse_line(&P, line);
		if (rc)
			break;
	}
	free(copy);
	free(P.ps.st);
	free(P.ms.st);
	free(P.fs.st);
	free(P.ss.st);
	free(P.mts.st);
	free(P.cs.st);
	free(P.fds);
	if (rc) {
		program_free(P.prog);
		return -1;
	}
	*out = P.prog;
	return 0;
}

/**
 * program_load() - read a scenario file and parse it.
 * @path: the file, or "-" for standard input
 *
 * A NUL byte in the file is an error at its position, since the parser
 * works on C strings and would otherwise silently stop there.
 *
 * Return: 0, or -1 with "PATH:LINE:COL: message" (or "PATH: reason" when
 * the file cannot be read) in @err.
 */
int program_load(const char *path, struct program **out, char *err, size_t errlen)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *buf = NULL, *nul;
	size_t len = 0, cap = 0, got;
	int rc;

	*out = NULL;
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	do {
		if (len + 4096 + 1 > cap) {
			char *q;

			cap = cap ? 2 * cap : 16384;
			q = realloc(buf, cap);
			if (!q) {
				free(buf);
				if (f != stdin)
					fclose(f);
				snprintf(err, errlen, "%s: out of memory", path);
				return -1;
			}
			buf = q;
		}
		got = fread(buf + len, 1, cap - len - 1, f);
		len += got;
	} while (got > 0);
	rc = ferror(f);
	if (f != stdin)
		fclose(f);
	if (rc) {
		free(buf);
		snprintf(err, errlen, "%s: read error", path);
		return -1;
	}
	buf[len] = '\0';
	nul = memchr(buf, '\0', len);
	if (nul) {
		int line = 1, col = 1;

		for (char *p = buf; p < nul; p++, col++)
			if (*p == '\n') {
				line++;
				col = 0;
			}
		snprintf(err, errlen, "%s:%d:%d: NUL byte in the file", path, line, col);
		free(buf);
		return -1;
	}
	rc = program_parse(path, buf, out, err, errlen);
	free(buf);
	return rc;
}

/** program_free() - free a program and everything it owns (NULL is fine). */
void program_free(struct program *prog)
{
	if (!prog)
		return;
	for (int i = 0; i < prog->nsteps; i++) {
		free(prog->steps[i].text);
		free(prog->steps[i].items);
	}
	free(prog->steps);
	free(prog->mounts);
	free(prog->files);
	free(prog->shms);
	free(prog->procs);
	free(prog->maps);
	free(prog->cgroups);
	free(prog->path);
	free(prog->source);
	free(prog);
}

/**
 * snapshot_key_is_kb() - whether a snapshot key holds a kB field (in
 * bytes).  See cli.h.
 */
int snapshot_key_is_kb(const char *key)
{
	const char *k;

	if (!strncmp(key, "meminfo:", 8)) {
		k = key + 8;
		return strcmp(k, "HugePages_Total") && strcmp(k, "HugePages_Free") &&
		       strcmp(k, "HugePages_Rsvd") && strcmp(k, "HugePages_Surp");
	}
	if (!strncmp(key, "smaps:", 6)) {
		k = strrchr(key, ':') + 1;
		return strcmp(k, "THPeligible") && strcmp(k, "ProtectionKey");
	}
	if (!strncmp(key, "cgroup:", 7))
		return !strstr(key, ".events.");	/* sizes in bytes */
	return 0;
}
