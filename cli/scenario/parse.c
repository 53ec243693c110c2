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
	struct table_state ps, ms, fs, ss, mts;	/* procs, maps, files, shms, mounts */

	struct tok tok[MAX_TOKS];
	int ntok;
	int arrow_col;		/* column of `->`, 0 if none */
	struct result want;
};

/* ------------------------------------------------------------------ */
/* Errors                                                              */

__attribute__((format(printf, 3, 4)))
static int perr(struct parser *P, int col, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!P->err || !P->errlen)
		return -1;
	n = snprintf(P->err, P->errlen, "%s:%d:%d: ", P->path, P->line, col);
	if (n < 0 || (size_t)n >= P->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(P->err + n, P->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int oom(struct parser *P)
{
	return perr(P, 1, "out of memory");
}

/* Where a missing word should have been: at `->`, or past the last word. */
static int col_after(struct parser *P, const struct tok *t, int n)
{
	if (P->arrow_col)
		return P->arrow_col;
	return t[n - 1].col + (int)strlen(t[n - 1].s) + 1;
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

static void *grow(void *arr, int *cap, int n, size_t elem)
{
	char *q;
	int ncap;

	if (n < *cap)
		return arr;
	ncap = *cap ? 2 * *cap : 8;
	q = realloc(arr, (size_t)ncap * elem);
	if (!q)
		return NULL;
	memset(q + (size_t)*cap * elem, 0, (size_t)(ncap - *cap) * elem);
	*cap = ncap;
	return q;
}

static struct objstate *state_at(struct table_state *ts, int i)
{
	void *q = grow(ts->st, &ts->cap, i, sizeof(*ts->st));

	if (!q)
		return NULL;
	ts->st = q;
	return &ts->st[i];
}

#define ADD(P, arr, n, cap, out)					\
	do {								\
		void *q_ = grow((P)->prog->arr, &(P)->cap, (P)->prog->n,	\
				sizeof(*(P)->prog->arr));		\
		if (!q_)						\
			return oom(P);					\
		(P)->prog->arr = q_;					\
		(out) = (P)->prog->n++;					\
	} while (0)

static int valid_name(const char *s)
{
	const char *p = s;

	if (!(isalpha((unsigned char)*p) || *p == '_'))
		return 0;
	for (p++; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-'))
			return 0;
	return 1;
}

static int check_name(struct parser *P, const struct tok *t, const char *what)
{
	if (!valid_name(t->s))
		return perr(P, t->col,
			    "bad %s name '%s': names are letters, digits, '_' and '-', starting with a letter or '_'",
			    what, t->s);
	if (strlen(t->s) >= PROG_NAME_MAX)
		return perr(P, t->col, "%s name '%s' is too long (at most %d characters)",
			    what, t->s, PROG_NAME_MAX - 1);
	return 0;
}

/* The live process called @name, or -1. */
static int find_proc(struct parser *P, const char *name)
{
	for (int i = P->prog->nprocs - 1; i >= 0; i--)
		if (P->ps.st[i].live && !strcmp(P->prog->procs[i].name, name))
			return i;
	return -1;
}

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

static int lookup_proc(struct parser *P, const struct tok *t)
{
	int i = find_proc(P, t->s), last;

	if (i >= 0)
		return i;
	FIND_LAST(P, procs, nprocs, t->s, last);
	if (last >= 0)
		return perr(P, t->col, "process '%s' has exited (line %d)",
			    t->s, P->ps.st[last].line_gone);
	return perr(P, t->col, "undefined process '%s'", t->s);
}

static int find_map(struct parser *P, int proc, const char *name)
{
	for (int i = P->prog->nmaps - 1; i >= 0; i--)
		if (P->ms.st[i].live && P->prog->maps[i].proc == proc &&
		    !strcmp(P->prog->maps[i].name, name))
			return i;
	return -1;
}

static int lookup_map(struct parser *P, int proc, const struct tok *t)
{
	const char *pn = P->prog->procs[proc].name;
	int i = find_map(P, proc, t->s);

	if (i >= 0)
		return i;
	if (check_name(P, t, "mapping"))
		return -1;
	for (i = P->prog->nmaps - 1; i >= 0; i--)
		if (P->prog->maps[i].proc == proc &&
		    !strcmp(P->prog->maps[i].name, t->s)) {
			if (P->ms.st[i].line_gone)
				return perr(P, t->col,
					    "mapping '%s' of process '%s' was unmapped (line %d)",
					    t->s, pn, P->ms.st[i].line_gone);
			break;
		}
	return perr(P, t->col, "undefined mapping '%s' in process '%s'", t->s, pn);
}

static int lookup_file(struct parser *P, const struct tok *t)
{
	int last;

	FIND_LAST(P, files, nfiles, t->s, last);
	if (last >= 0 && P->fs.st[last].live)
		return last;
	if (last >= 0 && P->fs.st[last].by_umount)
		return perr(P, t->col, "file '%s' went with mount '%s' (umount, line %d)",
			    t->s, P->prog->mounts[P->prog->files[last].mount].name,
			    P->fs.st[last].line_gone);
	if (last >= 0)
		return perr(P, t->col, "file '%s' was unlinked (line %d)", t->s,
			    P->fs.st[last].line_gone);
	return perr(P, t->col, "undefined file '%s'", t->s);
}

static int lookup_shm(struct parser *P, const struct tok *t)
{
	int last;

	FIND_LAST(P, shms, nshms, t->s, last);
	if (last >= 0 && P->ss.st[last].live)
		return last;
	if (last >= 0 && P->ss.st[last].line_gone)
		return perr(P, t->col, "shm segment '%s' was removed (line %d)",
			    t->s, P->ss.st[last].line_gone);
	if (last >= 0)
		return perr(P, t->col, "shm segment '%s' was never made (line %d "
			    "expects it to fail)", t->s, P->ss.st[last].line_made);
	return perr(P, t->col, "undefined shm segment '%s'", t->s);
}

static int lookup_mount(struct parser *P, const struct tok *t)
{
	int last;

	FIND_LAST(P, mounts, nmounts, t->s, last);
	if (last >= 0 && P->mts.st[last].live)
		return last;
	if (last >= 0 && P->mts.st[last].line_gone)
		return perr(P, t->col, "mount '%s' was unmounted (line %d)", t->s,
			    P->mts.st[last].line_gone);
	if (last >= 0)
		return perr(P, t->col, "mount '%s' was never made (line %d "
			    "expects it to fail)", t->s, P->mts.st[last].line_made);
	return perr(P, t->col, "undefined mount '%s'", t->s);
}

/* ------------------------------------------------------------------ */
/* Words: sizes, counts, ranges, options                               */

#define SIZE_MAX_BYTES ((uint64_t)INT64_MAX)

/*
 * parse_size() - a size: decimal digits and one unit, or a bare 0.
 * @h: bytes in one `h` for the object at hand; 0 where `h` means nothing
 *     (pagesize= cannot be given in huge pages of itself).
 *
 * Every size fits in an int64_t, so that expect values, mount sizes and
 * the back ends' arithmetic (start + size) cannot overflow.
 */
static int parse_size(struct parser *P, const char *s, int col, uint64_t h,
		      uint64_t *out)
{
	const char *p = s;
	uint64_t n = 0, mult;

	if (*p == '-')
		return perr(P, col, "negative size '%s'", s);
	if (!isdigit((unsigned char)*p))
		return perr(P, col, "bad size '%s': expected a number and a unit (K, M, G, T, p or h)", s);
	for (; isdigit((unsigned char)*p); p++) {
		if (n > (SIZE_MAX_BYTES - (uint64_t)(*p - '0')) / 10)
			return perr(P, col, "size '%s' is too large", s);
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (!*p) {
		if (n == 0) {
			*out = 0;
			return 0;
		}
		return perr(P, col, "size '%s' needs a unit (K, M, G, T, p or h)", s);
	}
	switch (*p) {
	case 'K': mult = 1ULL << 10; break;
	case 'M': mult = 1ULL << 20; break;
	case 'G': mult = 1ULL << 30; break;
	case 'T': mult = 1ULL << 40; break;
	case 'p': mult = HR_PAGE_SIZE; break;
	case 'h':
		if (!h)
			return perr(P, col, "the unit 'h' cannot be used here ('%s')", s);
		mult = h;
		break;
	default:
		return perr(P, col, "bad unit in size '%s' (units are K, M, G, T, p and h)", s);
	}
	if (p[1])
		return perr(P, col, "bad unit in size '%s' (units are K, M, G, T, p and h)", s);
	if (n && mult > SIZE_MAX_BYTES / n)
		return perr(P, col, "size '%s' is too large", s);
	*out = n * mult;
	return 0;
}

/* A plain decimal count (no unit) within [lo, hi]. */
static int parse_count(struct parser *P, const char *s, int col, uint64_t lo,
		       uint64_t hi, const char *what, uint64_t *out)
{
	const char *p = s;
	uint64_t n = 0;

	if (*p == '-')
		return perr(P, col, "%s must not be negative ('%s')", what, s);
	if (!isdigit((unsigned char)*p))
		return perr(P, col, "%s must be a number, not '%s'", what, s);
	for (; isdigit((unsigned char)*p); p++) {
		if (n > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return perr(P, col, "%s '%s' is too large", what, s);
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (*p)
		return perr(P, col, "%s is a plain number, not '%s'", what, s);
	if (n < lo || n > hi)
		return perr(P, col, "%s must be between %" PRIu64 " and %" PRIu64 ", not %s",
			    what, lo, hi, s);
	*out = n;
	return 0;
}

static int round_up(struct parser *P, int col, uint64_t v, uint64_t ps, uint64_t *out)
{
	uint64_t r = v % ps ? v + (ps - v % ps) : v;

	if (r < v || r > SIZE_MAX_BYTES)
		return perr(P, col, "size is too large");
	*out = r;
	return 0;
}

/*
 * parse_range() - RANGE inside an object of @limit bytes whose pages are
 * @ps bytes: `all`, `A..B` (half open; aligned to @ps when @align) or
 * `A` (the page holding byte A).  With @open_end there is no upper bound
 * (fallocate can grow a file).
 */
static int parse_range(struct parser *P, const struct tok *t, uint64_t h,
		       uint64_t ps, int align, uint64_t limit, int open_end,
		       const char *what, uint64_t *a, uint64_t *b)
{
	char sa[48], sb[48], sl[48];
	char *dots = strstr(t->s, "..");
	uint64_t x, y;

	if (!strcmp(t->s, "all")) {
		if (!limit)
			return perr(P, t->col, "'all' is empty: %s has size 0", what);
		*a = 0;
		*b = limit;
		return 0;
	}
	if (dots) {
		*dots = '\0';
		if (!*t->s)
			return perr(P, t->col, "range '..%s' has no start", dots + 2);
		if (!dots[2])
			return perr(P, t->col, "range '%s..' has no end", t->s);
		if (parse_size(P, t->s, t->col, h, &x) ||
		    parse_size(P, dots + 2, t->col + (int)(dots - t->s) + 2, h, &y))
			return -1;
		*dots = '.';
		if (y <= x)
			return perr(P, t->col, "empty range '%s'", t->s);
		if (align && (x % ps || y % ps))
			return perr(P, t->col, "range '%s' is not aligned to the %s pages of %s",
				    t->s, format_size(ps, sa, sizeof(sa)), what);
	} else {
		if (parse_size(P, t->s, t->col, h, &x))
			return -1;
		x -= x % ps;
		y = x + ps;
	}
	if (!open_end && y > limit)
		return perr(P, t->col, "range '%s' (%s..%s) is outside %s (%s)", t->s,
			    format_size(x, sa, sizeof(sa)), format_size(y, sb, sizeof(sb)),
			    what, format_size(limit, sl, sizeof(sl)));
	if (y > SIZE_MAX_BYTES)
		return perr(P, t->col, "range '%s' is too large", t->s);
	*a = x;
	*b = y;
	return 0;
}

/* Split "key=value": returns the value (and its column) or NULL. */
static char *opt_value(const struct tok *t, int *vcol)
{
	char *eq = strchr(t->s, '=');

	*vcol = t->col;
	if (!eq)
		return NULL;
	*vcol = t->col + (int)(eq - t->s) + 1;
	return eq + 1;
}

static int opt_is(const struct tok *t, const char *key)
{
	size_t n = strlen(key);

	return !strncmp(t->s, key, n) && t->s[n] == '=';
}

static int parse_pagesize(struct parser *P, const struct tok *t, uint64_t *out)
{
	int vcol;
	char *v = opt_value(t, &vcol);

	if (parse_size(P, v, vcol, 0, out))
		return -1;
	if (*out != HR_SZ_2M && *out != HR_SZ_1G)
		return perr(P, vcol, "pagesize must be 2M or 1G, not '%s'", v);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Results                                                             */

static const struct {
	const char *name;
	int val;
} errnos[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "ESRCH", ESRCH },
	{ "EINTR", EINTR }, { "EIO", EIO }, { "ENXIO", ENXIO },
	{ "E2BIG", E2BIG }, { "ENOEXEC", ENOEXEC }, { "EBADF", EBADF },
	{ "ECHILD", ECHILD }, { "EAGAIN", EAGAIN }, { "ENOMEM", ENOMEM },
	{ "EACCES", EACCES }, { "EFAULT", EFAULT }, { "EBUSY", EBUSY },
	{ "EEXIST", EEXIST }, { "EXDEV", EXDEV }, { "ENODEV", ENODEV },
	{ "ENOTDIR", ENOTDIR }, { "EISDIR", EISDIR }, { "EINVAL", EINVAL },
	{ "ENFILE", ENFILE }, { "EMFILE", EMFILE }, { "ENOTTY", ENOTTY },
	{ "ETXTBSY", ETXTBSY }, { "EFBIG", EFBIG }, { "ENOSPC", ENOSPC },
	{ "ESPIPE", ESPIPE }, { "EROFS", EROFS }, { "EMLINK", EMLINK },
	{ "ERANGE", ERANGE }, { "EDEADLK", EDEADLK }, { "ENOSYS", ENOSYS },
	{ "EIDRM", EIDRM }, { "EOVERFLOW", EOVERFLOW },
	{ "EOPNOTSUPP", EOPNOTSUPP }, { "ETIMEDOUT", ETIMEDOUT },
	{ "EUCLEAN", EUCLEAN }, { "EHWPOISON", EHWPOISON },
	{ "EWOULDBLOCK", EWOULDBLOCK },	/* an alias: printed as EAGAIN */
};

static int parse_result(struct parser *P, const struct tok *t, struct result *r)
{
	r->err = 0;
	if (!strcmp(t->s, "ok")) {
		r->kind = RES_OK;
		return 0;
	}
	if (!strcmp(t->s, "SIGBUS")) {
		r->kind = RES_SIGBUS;
		return 0;
	}
	if (!strcmp(t->s, "SIGSEGV")) {
		r->kind = RES_SIGSEGV;
		return 0;
	}
	for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (!strcmp(t->s, errnos[i].name)) {
			r->kind = RES_ERRNO;
			r->err = errnos[i].val;
			return 0;
		}
	if (t->s[0] == 'E' && isupper((unsigned char)t->s[1]))
		return perr(P, t->col, "unknown errno name '%s'", t->s);
	return perr(P, t->col,
		    "unknown result '%s' (expected ok, SIGBUS, SIGSEGV or an errno name such as ENOMEM)",
		    t->s);
}

/**
 * result_name() - the name of an outcome as a scenario writes it.
 * @r: the outcome
 * @buf, @len: room for names the table does not know ("errno 133")
 *
 * Return: "ok", "SIGBUS", "SIGSEGV", the errno's name, or "none" for
 * RES_NONE.
 */
const char *result_name(const struct result *r, char *buf, size_t len)
{
	switch (r->kind) {
	case RES_NONE: return "none";
	case RES_OK: return "ok";
	case RES_SIGBUS: return "SIGBUS";
	case RES_SIGSEGV: return "SIGSEGV";
	case RES_ERRNO:
		for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
			if (errnos[i].val == r->err)
				return errnos[i].name;
		snprintf(buf, len, "errno %d", r->err);
		return buf;
	}
	snprintf(buf, len, "result %d", (int)r->kind);
	return buf;
}

/* Will the statement fail by the file's own account? Then it changes nothing. */
static int expect_fail(const struct parser *P)
{
	return P->want.kind == RES_ERRNO;
}

static void mark_engine_only(struct parser *P, struct step *st, const char *what)
{
	st->engine_only = 1;
	if (!P->prog->engine_only) {
		P->prog->engine_only = 1;
		snprintf(P->prog->engine_only_why, sizeof(P->prog->engine_only_why),
			 "line %d: %s is engine-only", P->line, what);
	}
}

/* ------------------------------------------------------------------ */
/* Machine and knobs                                                   */

static int st_machine(struct parser *P, struct step *st, struct tok *t, int n)
{
	int vcol, got = 0;
	uint64_t v;
	char *val;

	if (P->first_proc_line)
		return perr(P, t[0].col,
			    "'machine' must come before the first 'proc' (line %d)",
			    P->first_proc_line);
	if (P->machine_line)
		return perr(P, t[0].col, "a second 'machine' statement (the first is on line %d)",
			    P->machine_line);
	P->machine_line = P->line;
	for (int i = 1; i < n; i++) {
		val = opt_value(&t[i], &vcol);
		if (opt_is(&t[i], "memory")) {
			if (parse_size(P, val, vcol, HR_SZ_2M, &v))
				return -1;
			if (!v)
				return perr(P, vcol, "memory must not be 0");
			P->prog->memory = v;
		} else if (opt_is(&t[i], "nodes")) {
			if (parse_count(P, val, vcol, 1, HR_MAX_NODES, "nodes", &v))
				return -1;
			P->prog->nodes = (int)v;
			/* this machine's kernel has one node; it cannot make more */
			if (v > 1)
				mark_engine_only(P, st, "machine nodes=N with N > 1");
		} else {
			return perr(P, t[i].col, "unknown machine option '%s' (expected memory=SIZE or nodes=N)",
				    t[i].s);
		}
		got++;
	}
	if (!got)
		return perr(P, col_after(P, t, n), "machine needs memory=SIZE and/or nodes=N");
	return 0;
}

/* Split the single KEY=VALUE word of sysctl and thp. */
static int knob_word(struct parser *P, struct step *st, struct tok *t, int n,
		     char **val, int *vcol)
{
	char *eq;

	if (n < 2)
		return perr(P, col_after(P, t, n), "%s needs KEY=VALUE", t[0].s);
	eq = strchr(t[1].s, '=');
	if (!eq)
		return perr(P, t[1].col, "expected KEY=VALUE, got '%s'", t[1].s);
	if (n > 2)
		return perr(P, t[2].col, "unexpected '%s': %s takes one KEY=VALUE", t[2].s, t[0].s);
	if (eq == t[1].s)
		return perr(P, t[1].col, "missing key before '='");
	*eq = '\0';
	*val = eq + 1;
	*vcol = t[1].col + (int)(eq - t[1].s) + 1;
	if (!**val)
		return perr(P, *vcol, "missing value after '%s='", t[1].s);
	if (strlen(t[1].s) >= sizeof(st->key) || strlen(*val) >= sizeof(st->value))
		return perr(P, t[1].col, "key or value is too long");
	snprintf(st->key, sizeof(st->key), "%s", t[1].s);
	snprintf(st->value, sizeof(st->value), "%s", *val);
	return 0;
}

static const struct {
	const char *key;
	uint64_t lo, hi;
} sysctls[] = {
	{ "vm.nr_hugepages", 0, SIZE_MAX_BYTES },
	{ "vm.nr_overcommit_hugepages", 0, SIZE_MAX_BYTES },
	{ "vm.overcommit_memory", 0, 2 },
	{ "vm.overcommit_ratio", 0, SIZE_MAX_BYTES },
	{ "hugepages-2048kB.nr_hugepages", 0, SIZE_MAX_BYTES },
	{ "hugepages-1048576kB.nr_hugepages", 0, SIZE_MAX_BYTES },
	{ "hugepages-2048kB.nr_overcommit_hugepages", 0, SIZE_MAX_BYTES },
	{ "hugepages-1048576kB.nr_overcommit_hugepages", 0, SIZE_MAX_BYTES },
	/* engine-only: mode 0 as before Linux 5.2 (docs/thp.md) */
	{ "vm.overcommit_guess_free", 0, 1 },
};

static int st_sysctl(struct parser *P, struct step *st, struct tok *t, int n)
{
	char *val;
	int vcol;
	uint64_t v;

	if (knob_word(P, st, t, n, &val, &vcol))
		return -1;
	for (size_t i = 0; i < sizeof(sysctls) / sizeof(sysctls[0]); i++)
		if (!strcmp(st->key, sysctls[i].key))
		{
			if (parse_count(P, val, vcol, sysctls[i].lo, sysctls[i].hi,
					st->key, &v))
				return -1;
			if (!strcmp(st->key, "vm.overcommit_guess_free"))
				mark_engine_only(P, st, "sysctl vm.overcommit_guess_free");
			return 0;
		}
	return perr(P, t[1].col, "unknown sysctl key '%s'", st->key);
}

/*
 * THP knobs.  @words lists the accepted values ("a|b|c") or is NULL for a
 * number in [lo, hi].  Knobs Linux lacks make the program engine-only.
 */
static const struct {
	const char *key;
	const char *words;
	uint64_t lo, hi;
	int engine_only;
} thp_knobs[] = {
	{ "enabled", "always|madvise|never", 0, 0, 0 },
	{ "defrag", "always|defer|defer+madvise|madvise|never", 0, 0, 0 },
	{ "use_zero_page", NULL, 0, 1, 0 },
	{ "khugepaged.max_ptes_none", NULL, 0, 511, 0 },
	{ "khugepaged.max_ptes_swap", NULL, 0, 511, 0 },
	{ "khugepaged.max_ptes_shared", NULL, 0, 511, 0 },
	{ "khugepaged.pages_to_scan", NULL, 1, 1U << 31, 0 },
	{ "khugepaged.defrag", NULL, 0, 1, 0 },
	{ "khugepaged.scan_sleep_millisecs", NULL, 0, 1U << 31, 0 },
	{ "khugepaged.alloc_sleep_millisecs", NULL, 0, 1U << 31, 0 },
	{ "shrink_underused", NULL, 0, 1, 0 },
	{ "promotion_threshold", NULL, 1, 512, 1 },
	{ "promotion_sync", NULL, 0, 1, 1 },
	{ "resv_shrink", "all|lru|util", 0, 0, 1 },	/* util: engine-only */
};

static int word_in(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = list; *p;) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && !strncmp(p, w, n))
			return 1;
		p += len + (e != NULL);
	}
	return 0;
}

static int st_thp(struct parser *P, struct step *st, struct tok *t, int n)
{
	char *val, buf[sizeof(st->key) + 8];
	int vcol;
	uint64_t v;

	if (knob_word(P, st, t, n, &val, &vcol))
		return -1;
	for (size_t i = 0; i < sizeof(thp_knobs) / sizeof(thp_knobs[0]); i++) {
		if (strcmp(st->key, thp_knobs[i].key))
			continue;
		if (thp_knobs[i].words) {
			if (!word_in(thp_knobs[i].words, val))
				return perr(P, vcol, "thp %s must be one of %s, not '%s'",
					    st->key, thp_knobs[i].words, val);
		} else if (parse_count(P, val, vcol, thp_knobs[i].lo, thp_knobs[i].hi,
				       st->key, &v)) {
			return -1;
		}
		if (thp_knobs[i].engine_only) {
			snprintf(buf, sizeof(buf), "thp %s", st->key);
			mark_engine_only(P, st, buf);
		}
		return 0;
	}
	return perr(P, t[1].col, "unknown thp key '%s'", st->key);
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
		return perr(P, col_after(P, t, n), "mount needs a NAME");
	if (check_name(P, &t[1], "mount"))
		return -1;
	FIND_LAST(P, mounts, nmounts, t[1].s, idx);
	if (idx >= 0 && P->mts.st[idx].live)
		return perr(P, t[1].col, "mount '%s' already exists (line %d)", t[1].s,
			    P->mts.st[idx].line_made);
	for (i = 2; i < n; i++) {
		struct tok **slot;

		if (opt_is(&t[i], "pagesize"))
			slot = &tps;
		else if (opt_is(&t[i], "size"))
			slot = &tsize;
		else if (opt_is(&t[i], "min_size"))
			slot = &tmin;
		else
			return perr(P, t[i].col,
				    "unknown mount option '%s' (expected pagesize=, size= or min_size=)",
				    t[i].s);
		if (*slot)
			return perr(P, t[i].col, "option '%s' given twice", t[i].s);
		*slot = &t[i];
	}
	if (tps && parse_pagesize(P, tps, &ps))
		return -1;
	ADD(P, mounts, nmounts, cap_mounts, idx);
	os = state_at(&P->mts, idx);
	if (!os)
		return oom(P);
	m = &P->prog->mounts[idx];
	snprintf(m->name, sizeof(m->name), "%s", t[1].s);
	m->pagesize = ps;
	m->size = m->min_size = -1;
	if (tsize) {
		char *val = opt_value(tsize, &vcol);

		if (parse_size(P, val, vcol, ps, &v))
			return -1;
		m->size = (int64_t)v;
	}
	if (tmin) {
		char *val = opt_value(tmin, &vcol);

		if (parse_size(P, val, vcol, ps, &v))
			return -1;
		m->min_size = (int64_t)v;
	}
	st->obj = idx;
	os->live = !expect_fail(P);	/* a mount expected to fail makes no name */
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
		return perr(P, col_after(P, t, n), "umount needs a mount NAME");
	if (n > 2)
		return perr(P, t[2].col, "unexpected '%s': umount takes one mount NAME",
			    t[2].s);
	if (check_name(P, &t[1], "mount"))
		return -1;
	mnt = lookup_mount(P, &t[1]);
	if (mnt < 0)
		return -1;
	st->obj = mnt;
	if (expect_fail(P))
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
		return perr(P, col_after(P, t, n), "file needs a NAME and mount=MOUNT");
	if (check_name(P, &t[1], "file"))
		return -1;
	FIND_LAST(P, files, nfiles, t[1].s, idx);
	if (idx >= 0 && P->fs.st[idx].live)
		return perr(P, t[1].col, "file '%s' already exists (line %d)", t[1].s,
			    P->fs.st[idx].line_made);
	if (n < 3)
		return perr(P, col_after(P, t, n), "file needs mount=MOUNT");
	if (!opt_is(&t[2], "mount"))
		return perr(P, t[2].col, "expected mount=MOUNT, got '%s'", t[2].s);
	if (n > 3)
		return perr(P, t[3].col, "unexpected '%s' after mount=", t[3].s);
	val = opt_value(&t[2], &vcol);
	{
		struct tok mt = { val, vcol };

		mnt = lookup_mount(P, &mt);
		if (mnt < 0)
			return -1;
	}
	ADD(P, files, nfiles, cap_files, idx);
	os = state_at(&P->fs, idx);
	if (!os)
		return oom(P);
	snprintf(P->prog->files[idx].name, PROG_NAME_MAX, "%s", t[1].s);
	P->prog->files[idx].mount = mnt;
	os->live = 1;
	os->line_made = P->line;
	st->obj = idx;
	return 0;
}

static uint64_t file_pagesize(struct parser *P, int f)
{
	return P->prog->mounts[P->prog->files[f].mount].pagesize;
}

static int st_truncate(struct parser *P, struct step *st, struct tok *t, int n)
{
	int f;
	uint64_t v;

	if (n < 3)
		return perr(P, col_after(P, t, n), "truncate needs FILE SIZE");
	if (n > 3)
		return perr(P, t[3].col, "unexpected '%s'", t[3].s);
	f = lookup_file(P, &t[1]);
	if (f < 0)
		return -1;
	if (parse_size(P, t[2].s, t[2].col, file_pagesize(P, f), &v))
		return -1;
	st->obj = f;
	st->a = v;
	if (!expect_fail(P))
		P->fs.st[f].size = v;
	return 0;
}

static int st_fallocate(struct parser *P, struct step *st, struct tok *t, int n)
{
	char what[PROG_NAME_MAX + 16];
	int f;
	uint64_t ps;

	if (n < 3)
		return perr(P, col_after(P, t, n), "fallocate needs FILE RANGE");
	f = lookup_file(P, &t[1]);
	if (f < 0)
		return -1;
	if (n > 3) {
		if (strcmp(t[3].s, "punch"))
			return perr(P, t[3].col, "unknown fallocate option '%s' (expected punch)", t[3].s);
		st->flags |= SF_PUNCH;
	}
	if (n > 4)
		return perr(P, t[4].col, "unexpected '%s'", t[4].s);
	ps = file_pagesize(P, f);
	snprintf(what, sizeof(what), "file '%s'", t[1].s);
	if (!strcmp(t[2].s, "all"))
		st->flags |= SF_ALL;
	/*
	 * Unaligned ranges are Linux's business here: fallocate rounds an
	 * allocation outward and a hole punch inward.
	 */
	if (parse_range(P, &t[2], ps, ps, 0, P->fs.st[f].size, strcmp(t[2].s, "all") != 0,
			what, &st->a, &st->b))
		return -1;
	st->obj = f;
	if (!(st->flags & SF_PUNCH) && !expect_fail(P) && st->b > P->fs.st[f].size)
		P->fs.st[f].size = st->b;
	return 0;
}

static int st_unlink(struct parser *P, struct step *st, struct tok *t, int n)
{
	int f;

	if (n < 2)
		return perr(P, col_after(P, t, n), "unlink needs a FILE");
	if (n > 2)
		return perr(P, t[2].col, "unexpected '%s'", t[2].s);
	f = lookup_file(P, &t[1]);
	if (f < 0)
		return -1;
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
		return perr(P, col_after(P, t, n), "shm needs NAME SIZE");
	if (check_name(P, &t[1], "shm segment"))
		return -1;
	FIND_LAST(P, shms, nshms, t[1].s, idx);
	if (idx >= 0 && P->ss.st[idx].live)
		return perr(P, t[1].col, "shm segment '%s' already exists (line %d)",
			    t[1].s, P->ss.st[idx].line_made);
	if (parse_size(P, t[2].s, t[2].col, HR_SZ_2M, &v))
		return -1;
	for (int i = 3; i < n; i++) {
		if (opt_is(&t[i], "pagesize") && !tps) {
			tps = &t[i];
		} else if (!strcmp(t[i].s, "noreserve") && !noreserve) {
			noreserve = 1;
		} else if (opt_is(&t[i], "pagesize") || !strcmp(t[i].s, "noreserve")) {
			return perr(P, t[i].col, "option '%s' given twice", t[i].s);
		} else {
			return perr(P, t[i].col,
				    "unknown shm option '%s' (expected pagesize= or noreserve)",
				    t[i].s);
		}
	}
	if (tps && parse_pagesize(P, tps, &ps))
		return -1;
	if (parse_size(P, t[2].s, t[2].col, ps, &v) || round_up(P, t[2].col, v, ps, &v))
		return -1;
	ADD(P, shms, nshms, cap_shms, idx);
	os = state_at(&P->ss, idx);
	if (!os)
		return oom(P);
	s = &P->prog->shms[idx];
	snprintf(s->name, sizeof(s->name), "%s", t[1].s);
	s->size = v;
	s->pagesize = ps;
	s->noreserve = noreserve;
	os->live = !expect_fail(P);
	os->line_made = P->line;
	os->size = v;
	st->obj = idx;
	return 0;
}

static int st_shm_rm(struct parser *P, struct step *st, struct tok *t, int n)
{
	int s;

	if (n < 2)
		return perr(P, col_after(P, t, n), "shm-rm needs a NAME");
	if (n > 2)
		return perr(P, t[2].col, "unexpected '%s'", t[2].s);
	s = lookup_shm(P, &t[1]);
	if (s < 0)
		return -1;
	st->obj = s;
	P->ss.st[s].live = 0;
	P->ss.st[s].line_gone = P->line;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Processes                                                           */

static int new_proc(struct parser *P, const char *name, int parent, int live)
{
	struct objstate *os;
	int idx;

	ADD(P, procs, nprocs, cap_procs, idx);
	os = state_at(&P->ps, idx);
	if (!os)
		return oom(P);
	snprintf(P->prog->procs[idx].name, PROG_NAME_MAX, "%s", name);
	P->prog->procs[idx].parent = parent;
	os->live = live;
	os->line_made = P->line;
	return idx;
}

static int st_proc(struct parser *P, struct step *st, struct tok *t, int n)
{
	int idx;

	if (n < 2)
		return perr(P, col_after(P, t, n), "proc needs a NAME");
	if (n > 2)
		return perr(P, t[2].col, "unexpected '%s'", t[2].s);
	if (check_name(P, &t[1], "process"))
		return -1;
	idx = find_proc(P, t[1].s);
	if (idx >= 0)
		return perr(P, t[1].col, "process '%s' already exists (line %d)", t[1].s,
			    P->ps.st[idx].line_made);
	if (!P->first_proc_line)
		P->first_proc_line = P->line;
	idx = new_proc(P, t[1].s, -1, 1);
	if (idx < 0)
		return -1;
	st->proc = st->obj = idx;
	return 0;
}

static int new_map(struct parser *P)
{
	struct objstate *os;
	int idx;

	ADD(P, maps, nmaps, cap_maps, idx);
	os = state_at(&P->ms, idx);
	if (!os)
		return oom(P);
	os->line_made = P->line;
	return idx;
}

/* The `h` of a mapping: its huge page size, or 2 MiB for base pages. */
static uint64_t map_h(const struct prog_map *m)
{
	return (m->flags & MF_HUGETLB) ? m->pagesize : HR_SZ_2M;
}

static int st_map(struct parser *P, struct step *st, struct tok *t, int n)
{
	struct prog_map *m;
	struct tok *tps = NULL, *tmis = NULL, *toff = NULL, *tsrc, *tshare;
	enum map_source src;
	uint64_t ps, h, size, v;
	int i, obj = -1, flags = 0, idx, vcol;
	char *val, sa[48], sb[48];

	if (n < 2)
		return perr(P, col_after(P, t, n), "map needs MAP SIZE SOURCE SHARING");
	if (check_name(P, &t[1], "mapping"))
		return -1;
	idx = find_map(P, st->proc, t[1].s);
	if (idx >= 0)
		return perr(P, t[1].col, "mapping '%s' already exists in process '%s' (line %d)",
			    t[1].s, P->prog->procs[st->proc].name, P->ms.st[idx].line_made);
	if (n < 3)
		return perr(P, col_after(P, t, n), "map needs a SIZE");
	/* Report a malformed SIZE before anything after it (h is resolved below). */
	if (parse_size(P, t[2].s, t[2].col, HR_SZ_2M, &size))
		return -1;
	if (n < 4)
		return perr(P, col_after(P, t, n), "map needs a SOURCE: anon, file=FILE or shm=SHM");
	tsrc = &t[3];
	if (!strcmp(tsrc->s, "anon")) {
		src = SRC_ANON;
	} else if (opt_is(tsrc, "file") || opt_is(tsrc, "shm")) {
		struct tok ot;

		ot.s = opt_value(tsrc, &ot.col);
		src = tsrc->s[0] == 'f' ? SRC_FILE : SRC_SHM;
		obj = src == SRC_FILE ? lookup_file(P, &ot) : lookup_shm(P, &ot);
		if (obj < 0)
			return -1;
	} else {
		return perr(P, tsrc->col, "expected a SOURCE (anon, file=FILE or shm=SHM), got '%s'",
			    tsrc->s);
	}
	i = 4;
	if (i < n && opt_is(&t[i], "offset"))
		toff = &t[i++];
	if (i >= n)
		return perr(P, col_after(P, t, n), "map needs private or shared");
	tshare = &t[i++];
	if (!strcmp(tshare->s, "shared"))
		flags |= MF_SHARED;
	else if (strcmp(tshare->s, "private"))
		return perr(P, tshare->col, "expected private or shared, got '%s'", tshare->s);
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
		else if (opt_is(&t[i], "pagesize"))
			slot = &tps;
		else if (opt_is(&t[i], "misalign"))
			slot = &tmis;
		else if (opt_is(&t[i], "offset"))
			slot = &toff;
		else
			return perr(P, t[i].col,
				    "unknown map option '%s' (expected hugetlb, pagesize=, noreserve, ro, populate, misalign=)",
				    t[i].s);
		if ((flag && (flags & flag)) || (slot && *slot))
			return perr(P, t[i].col, "option '%s' given twice", t[i].s);
		flags |= flag;
		if (slot)
			*slot = &t[i];
	}

	/* Page size and `h` come from the object, so resolve sizes last. */
	if (tps && parse_pagesize(P, tps, &v))
		return -1;
	if (src == SRC_ANON) {
		if (tps && !(flags & MF_HUGETLB))
			return perr(P, tps->col, "pagesize= needs hugetlb (an anon mapping of base pages has 4K pages)");
		ps = (flags & MF_HUGETLB) ? (tps ? v : HR_SZ_2M) : HR_PAGE_SIZE;
	} else {
		ps = src == SRC_FILE ? file_pagesize(P, obj) : P->prog->shms[obj].pagesize;
		if (tps && v != ps)
			return perr(P, tps->col + 9, "pagesize=%s does not match the %s pages of %s '%s'",
				    format_size(v, sa, sizeof(sa)), format_size(ps, sb, sizeof(sb)),
				    src == SRC_FILE ? "file" : "shm segment",
				    src == SRC_FILE ? P->prog->files[obj].name : P->prog->shms[obj].name);
		flags |= MF_HUGETLB;
	}
	if (src == SRC_SHM && !(flags & MF_SHARED))
		return perr(P, tshare->col, "a shm segment is always attached shared");
	if (toff && src != SRC_FILE)
		return perr(P, toff->col, "offset= is only for file mappings");
	if (tmis && (flags & MF_HUGETLB))
		return perr(P, tmis->col, "misalign= is only for base-page mappings (a hugetlb mapping is always aligned)");
	h = (flags & MF_HUGETLB) ? ps : HR_SZ_2M;
	if (parse_size(P, t[2].s, t[2].col, h, &size) || round_up(P, t[2].col, size, ps, &size))
		return -1;
	if (src == SRC_SHM && size != P->prog->shms[obj].size)
		return perr(P, t[2].col, "shm mappings map the whole segment: SIZE must be %s",
			    format_size(P->prog->shms[obj].size, sa, sizeof(sa)));

	if ((idx = new_map(P)) < 0)
		return -1;
	m = &P->prog->maps[idx];
	snprintf(m->name, sizeof(m->name), "%s", t[1].s);
	m->proc = st->proc;
	m->source = src;
	m->obj = obj;
	m->size = size;
	m->pagesize = ps;
	m->flags = flags;
	m->created_by = P->prog->nsteps - 1;
	m->inherit_from = -1;
	if (toff) {
		val = opt_value(toff, &vcol);
		if (parse_size(P, val, vcol, ps, &m->offset))
			return -1;
	}
	if (tmis) {
		val = opt_value(tmis, &vcol);
		if (parse_size(P, val, vcol, HR_SZ_2M, &m->misalign))
			return -1;
		if (m->misalign % HR_PAGE_SIZE || m->misalign >= HR_SZ_2M)
			return perr(P, vcol, "misalign must be a multiple of 4K below 2M, not '%s'", val);
	}
	P->ms.st[idx].live = !expect_fail(P);
	P->ms.st[idx].size = size;
	st->map = idx;
	st->obj = obj;
	st->b = size;
	return 0;
}

/* Resolve MAP RANGE of a process statement into st->map, a, b. */
static int map_range(struct parser *P, struct step *st, struct tok *tm, struct tok *tr)
{
	const struct prog_map *m;
	char what[2 * PROG_NAME_MAX + 32];

	st->map = lookup_map(P, st->proc, tm);
	if (st->map < 0)
		return -1;
	m = &P->prog->maps[st->map];
	snprintf(what, sizeof(what), "mapping '%s'", m->name);
	return parse_range(P, tr, map_h(m), m->pagesize, 1, P->ms.st[st->map].size, 0,
			   what, &st->a, &st->b);
}

static int st_touch(struct parser *P, struct step *st, struct tok *t, int n)
{
	const struct prog_map *m;
	int vcol;
	char *val;

	if (n < 3)
		return perr(P, col_after(P, t, n), "touch needs MAP RANGE read|write");
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	m = &P->prog->maps[st->map];
	if (n < 4)
		return perr(P, col_after(P, t, n), "touch needs read or write");
	if (!strcmp(t[3].s, "write"))
		st->flags |= SF_WRITE;
	else if (strcmp(t[3].s, "read"))
		return perr(P, t[3].col, "expected read or write, got '%s'", t[3].s);
	st->stride = m->pagesize;
	if (n > 4) {
		if (!opt_is(&t[4], "step"))
			return perr(P, t[4].col, "unknown touch option '%s' (expected step=SIZE)", t[4].s);
		val = opt_value(&t[4], &vcol);
		if (parse_size(P, val, vcol, map_h(m), &st->stride))
			return -1;
		if (!st->stride)
			return perr(P, vcol, "step must not be 0");
	}
	if (n > 5)
		return perr(P, t[5].col, "unexpected '%s'", t[5].s);
	return 0;
}

static void kill_map(struct parser *P, int i)
{
	P->ms.st[i].live = 0;
	P->ms.st[i].line_gone = P->line;
}

static int st_unmap(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 2)
		return perr(P, col_after(P, t, n), "unmap needs a MAP");
	if (n > 3)
		return perr(P, t[3].col, "unexpected '%s'", t[3].s);
	if (n == 2 || !strcmp(t[2].s, "all")) {
		st->map = lookup_map(P, st->proc, &t[1]);
		if (st->map < 0)
			return -1;
		st->flags |= SF_ALL;
		st->a = 0;
		st->b = P->ms.st[st->map].size;
	} else if (map_range(P, st, &t[1], &t[2])) {
		return -1;
	}
	/* Unmapping all of it ends the name; a part leaves a hole. */
	if (!expect_fail(P) && st->a == 0 && st->b == P->ms.st[st->map].size)
		kill_map(P, st->map);
	return 0;
}

static int st_protect(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 4)
		return perr(P, col_after(P, t, n), "protect needs MAP RANGE none|ro|rw");
	if (n > 4)
		return perr(P, t[4].col, "unexpected '%s'", t[4].s);
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	if (!strcmp(t[3].s, "none"))
		st->prot = HR_PROT_NONE;
	else if (!strcmp(t[3].s, "ro"))
		st->prot = HR_PROT_READ;
	else if (!strcmp(t[3].s, "rw"))
		st->prot = HR_PROT_READ | HR_PROT_WRITE;
	else
		return perr(P, t[3].col, "expected none, ro or rw, got '%s'", t[3].s);
	return 0;
}

static int st_remap(struct parser *P, struct step *st, struct tok *t, int n)
{
	const struct prog_map *m;
	uint64_t v;

	if (n < 3)
		return perr(P, col_after(P, t, n), "remap needs MAP NEWSIZE");
	st->map = lookup_map(P, st->proc, &t[1]);
	if (st->map < 0)
		return -1;
	m = &P->prog->maps[st->map];
	if (parse_size(P, t[2].s, t[2].col, map_h(m), &v) ||
	    round_up(P, t[2].col, v, m->pagesize, &v))
		return -1;
	if (n > 3) {
		if (strcmp(t[3].s, "maymove"))
			return perr(P, t[3].col, "unknown remap option '%s' (expected maymove)", t[3].s);
		st->flags |= SF_MAYMOVE;
	}
	if (n > 4)
		return perr(P, t[4].col, "unexpected '%s'", t[4].s);
	st->a = v;
	if (!expect_fail(P))
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

static int st_advise(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 4)
		return perr(P, col_after(P, t, n), "advise needs MAP RANGE ADVICE");
	if (n > 4)
		return perr(P, t[4].col, "unexpected '%s'", t[4].s);
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	for (size_t i = 0; i < sizeof(advices) / sizeof(advices[0]); i++)
		if (!strcmp(t[3].s, advices[i].name)) {
			st->advice = advices[i].advice;
			return 0;
		}
	return perr(P, t[3].col,
		    "unknown advice '%s' (expected dontneed, remove, hugepage, nohugepage, collapse or pageout)",
		    t[3].s);
}

static int st_fork(struct parser *P, struct step *st, struct tok *t, int n)
{
	int child, live, nmaps, old;

	if (n < 2)
		return perr(P, col_after(P, t, n), "fork needs a CHILD name");
	if (n > 2)
		return perr(P, t[2].col, "unexpected '%s'", t[2].s);
	if (check_name(P, &t[1], "process"))
		return -1;
	old = find_proc(P, t[1].s);
	if (old >= 0)
		return perr(P, t[1].col, "process '%s' already exists (line %d)", t[1].s,
			    P->ps.st[old].line_made);
	live = !expect_fail(P);
	child = new_proc(P, t[1].s, st->proc, live);
	if (child < 0)
		return -1;
	st->obj = child;
	if (!live)
		return 0;
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

static int st_exit(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n > 1)
		return perr(P, t[1].col, "unexpected '%s': exit takes nothing", t[1].s);
	P->ps.st[st->proc].live = 0;
	P->ps.st[st->proc].line_gone = P->line;
	for (int i = 0; i < P->prog->nmaps; i++)
		if (P->prog->maps[i].proc == st->proc && P->ms.st[i].live)
			kill_map(P, i);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Engine-only events                                                  */

static int st_khugepaged(struct parser *P, struct step *st, struct tok *t, int n)
{
	int vcol;

	st->a = 1;
	if (n > 1) {
		char *val;

		if (!opt_is(&t[1], "passes"))
			return perr(P, t[1].col, "unknown khugepaged option '%s' (expected passes=N)", t[1].s);
		val = opt_value(&t[1], &vcol);
		if (parse_count(P, val, vcol, 1, 1000000, "passes", &st->a))
			return -1;
	}
	if (n > 2)
		return perr(P, t[2].col, "unexpected '%s'", t[2].s);
	return 0;
}

static int st_reclaim(struct parser *P, struct step *st, struct tok *t, int n)
{
	if (n < 2)
		return perr(P, col_after(P, t, n), "reclaim needs SIZE or all");
	if (n > 2)
		return perr(P, t[2].col, "unexpected '%s'", t[2].s);
	if (!strcmp(t[1].s, "all"))
		st->flags |= SF_ALL;
	else if (parse_size(P, t[1].s, t[1].col, HR_SZ_2M, &st->a))
		return -1;
	mark_engine_only(P, st, "reclaim");
	return 0;
}

/*
 * inject SITE [after=N]: the Nth next allocation at SITE fails once
 * (hr_inject_fail).  Sites: hpage, region, pagecache.
 */
static int st_inject(struct parser *P, struct step *st, struct tok *t, int n)
{
	static const char *const sites[] = { "hpage", "region", "pagecache" };
	size_t i;
	int vcol;

	if (n < 2)
		return perr(P, col_after(P, t, n), "inject needs a SITE (hpage, region or pagecache)");
	for (i = 0; i < sizeof(sites) / sizeof(sites[0]); i++)
		if (!strcmp(t[1].s, sites[i]))
			break;
	if (i == sizeof(sites) / sizeof(sites[0]))
		return perr(P, t[1].col, "unknown inject site '%s' (expected hpage, region or pagecache)",
			    t[1].s);
	snprintf(st->key, sizeof(st->key), "%s", t[1].s);
	st->a = 1;
	st->times = 1;
	for (int k = 2; k < n; k++) {
		uint64_t v;
		char *val = opt_value(&t[k], &vcol);

		if (opt_is(&t[k], "after")) {
			if (parse_count(P, val, vcol, 0, 1000000, "after", &st->a))
				return -1;
		} else if (opt_is(&t[k], "times")) {
			if (parse_count(P, val, vcol, 1, 1000000, "times", &v))
				return -1;
			st->times = (long)v;
		} else {
			return perr(P, t[k].col, "unknown inject option '%s' (expected after=N or times=N)",
				    t[k].s);
		}
	}
	mark_engine_only(P, st, "inject");
	return 0;
}

/* NAME: bind MAP RANGE nodes=0,2: mbind(MPOL_BIND); nodes= with nothing resets */
static int st_bind(struct parser *P, struct step *st, struct tok *t, int n)
{
	char *val, *p;
	int vcol;

	if (n < 4)
		return perr(P, col_after(P, t, n), "bind needs MAP RANGE nodes=LIST");
	if (n > 4)
		return perr(P, t[4].col, "unexpected '%s'", t[4].s);
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	if (!opt_is(&t[3], "nodes"))
		return perr(P, t[3].col, "expected nodes=LIST, got '%s'", t[3].s);
	val = opt_value(&t[3], &vcol);
	st->nodemask = 0;
	for (p = val; *p;) {
		char *end;
		long nid = strtol(p, &end, 10);

		if (end == p || nid < 0 || nid >= HR_MAX_NODES || (*end && *end != ','))
			return perr(P, vcol + (int)(p - val),
				    "nodes= takes node numbers 0..%d separated by commas", HR_MAX_NODES - 1);
		st->nodemask |= 1UL << nid;
		p = *end ? end + 1 : end;
	}
	mark_engine_only(P, st, "bind");
	return 0;
}

/* NAME: migrate MAP RANGE node=N */
static int st_migrate(struct parser *P, struct step *st, struct tok *t, int n)
{
	uint64_t nid;
	char *val;
	int vcol;

	if (n < 4)
		return perr(P, col_after(P, t, n), "migrate needs MAP RANGE node=N");
	if (n > 4)
		return perr(P, t[4].col, "unexpected '%s'", t[4].s);
	if (map_range(P, st, &t[1], &t[2]))
		return -1;
	if (!opt_is(&t[3], "node"))
		return perr(P, t[3].col, "expected node=N, got '%s'", t[3].s);
	val = opt_value(&t[3], &vcol);
	if (parse_count(P, val, vcol, 0, HR_MAX_NODES - 1, "node", &nid))
		return -1;
	st->node = (int)nid;
	mark_engine_only(P, st, "migrate");
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
			return perr(P, col, "unknown meminfo key '%s'", key);
		return 0;
	case EX_SMAPS:
		if (!in_list(smaps_keys, sizeof(smaps_keys) / sizeof(*smaps_keys), key))
			return perr(P, col, "unknown smaps key '%s'", key);
		return 0;
	case EX_VMSTAT:
		if (!key_chars_ok(key, ""))
			return perr(P, col, "bad vmstat key '%s'", key);
		return 0;
	case EX_SYSFS:
		if (!key_chars_ok(key, "/.-") || key[0] == '/' || strstr(key, "..") ||
		    strstr(key, "//") || key[strlen(key) - 1] == '/')
			return perr(P, col, "bad sysfs path '%s' (a path under /sys/kernel/mm, such as hugepages/hugepages-2048kB/resv_hugepages)",
				    key);
		return 0;
	}
	return 0;
}

static int st_expect(struct parser *P, struct step *st, struct tok *t, int n)
{
	static const char *const srcs[] = { "meminfo", "vmstat", "smaps", "sysfs" };
	char skey[sizeof(st->items[0].key) + PROG_NAME_MAX + 16];
	int first;

	if (n < 2)
		return perr(P, col_after(P, t, n), "expect needs a source: meminfo, vmstat, sysfs or NAME smaps");
	if (n >= 3 && !strcmp(t[2].s, "smaps")) {
		st->ex_source = EX_SMAPS;
		st->ex_proc = lookup_proc(P, &t[1]);
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
	} else if (!strcmp(t[1].s, "smaps")) {
		return perr(P, t[1].col, "smaps needs a process: expect NAME smaps KEY=VALUE");
	} else if (n >= 3 && !strchr(t[2].s, '=')) {
		return perr(P, t[2].col, "unknown expect source '%s %s' (expected NAME smaps)",
			    t[1].s, t[2].s);
	} else {
		return perr(P, t[1].col,
			    "unknown expect source '%s' (expected meminfo, vmstat, sysfs or NAME smaps)",
			    t[1].s);
	}
	if (n <= first)
		return perr(P, col_after(P, t, n), "expect %s needs at least one KEY=VALUE",
			    srcs[st->ex_source]);
	st->items = calloc((size_t)(n - first), sizeof(*st->items));
	if (!st->items)
		return oom(P);
	for (int i = first; i < n; i++) {
		struct expect_item *it = &st->items[st->nitems];
		char *eq = strchr(t[i].s, '=');
		const char *val;
		int vcol;
		uint64_t v;

		if (!eq)
			return perr(P, t[i].col, "expected KEY=VALUE, got '%s'", t[i].s);
		*eq = '\0';
		val = eq + 1;
		vcol = t[i].col + (int)(eq - t[i].s) + 1;
		if (!t[i].s[0])
			return perr(P, t[i].col, "missing key before '='");
		if (strlen(t[i].s) >= sizeof(it->key))
			return perr(P, t[i].col, "key '%s' is too long", t[i].s);
		if (check_expect_key(P, st->ex_source, t[i].s, t[i].col))
			return -1;
		if (!*val)
			return perr(P, vcol, "missing value after '%s='", t[i].s);
		snprintf(it->key, sizeof(it->key), "%s", t[i].s);
		it->col = t[i].col;
		snprintf(skey, sizeof(skey), "%s:%s%s%s", srcs[st->ex_source],
			 st->ex_source == EX_SMAPS ? "P" : "",
			 st->ex_source == EX_SMAPS ? ":" : "", it->key);
		if (snapshot_key_is_kb(skey)) {
			if (isdigit((unsigned char)val[0]) && !val[strspn(val, "0123456789")] &&
			    strspn(val, "0") != strlen(val))
				return perr(P, vcol,
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
		return perr(P, t[1].col, "unexpected '%s': show takes nothing", t[1].s);
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
	{ "bind", ST_BIND, st_bind, 1 },
	{ "migrate", ST_MIGRATE, st_migrate, 1 },
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

/* Cut a line (comment already removed) into words. */
static int tokenize(struct parser *P, char *s)
{
	P->ntok = 0;
	for (char *p = s; *p;) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ' || c == '\t' || c == '\r') {
			*p++ = '\0';
			continue;
		}
		if (c < 0x21 || c > 0x7e)
			return perr(P, (int)(p - s) + 1, "invalid character 0x%02x", c);
		if (P->ntok == MAX_TOKS)
			return perr(P, (int)(p - s) + 1, "too many words on one line (at most %d)", MAX_TOKS);
		P->tok[P->ntok].s = p;
		P->tok[P->ntok].col = (int)(p - s) + 1;
		P->ntok++;
		for (; *p && *p != ' ' && *p != '\t' && *p != '\r'; p++)
			if ((unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e)
				return perr(P, (int)(p - s) + 1, "invalid character 0x%02x",
					    (unsigned char)*p);
	}
	return 0;
}

/* Take `-> RESULT` off the end of the line. */
static int split_result(struct parser *P)
{
	P->arrow_col = 0;
	P->want.kind = RES_NONE;
	P->want.err = 0;
	for (int i = 0; i < P->ntok; i++) {
		struct tok *t = &P->tok[i];

		if (strncmp(t->s, "->", 2))
			continue;
		if (t->s[2])
			return perr(P, t->col, "put a space between '->' and the result ('-> %s')",
				    t->s + 2);
		if (i == 0)
			return perr(P, t->col, "'->' needs a statement before it");
		P->arrow_col = t->col;
		if (i + 1 >= P->ntok)
			return perr(P, t->col, "missing result after '->'");
		if (i + 2 < P->ntok)
			return perr(P, P->tok[i + 2].col, "unexpected '%s' after the result",
				    P->tok[i + 2].s);
		if (parse_result(P, &P->tok[i + 1], &P->want))
			return -1;
		P->ntok = i;
		return 0;
	}
	return 0;
}

static int parse_line(struct parser *P, char *line)
{
	const struct stmt *sm;
	struct step *st;
	struct tok *t = P->tok;
	char *hash = strchr(line, '#'), *text, *colon;
	int n, idx, proc = -1;
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
		return tokenize(P, line);
	}
	text = strndup(text, tlen);
	if (!text)
		return oom(P);
	if (tokenize(P, line) || split_result(P)) {
		free(text);
		return -1;
	}
	n = P->ntok;

	/* `NAME: verb ...` or a top-level keyword. */
	colon = strchr(t[0].s, ':');
	if (colon && colon[1]) {
		free(text);
		if (colon == t[0].s)
			return perr(P, t[0].col, "missing process name before ':'");
		return perr(P, t[0].col + (int)(colon - t[0].s) + 1,
			    "put a space after '%.*s:'", (int)(colon - t[0].s), t[0].s);
	}
	if (colon) {
		*colon = '\0';
		if (!t[0].s[0]) {
			free(text);
			return perr(P, t[0].col, "missing process name before ':'");
		}
		if (check_name(P, &t[0], "process") || (proc = lookup_proc(P, &t[0])) < 0) {
			free(text);
			return -1;
		}
		if (n < 2) {
			free(text);
			return perr(P, P->arrow_col ? P->arrow_col : t[0].col + (int)strlen(t[0].s) + 2,
				    "missing statement after '%s:'", t[0].s);
		}
		sm = find_stmt(proc_stmts, sizeof(proc_stmts) / sizeof(proc_stmts[0]), t[1].s);
		if (!sm) {
			free(text);
			if (find_stmt(top_stmts, sizeof(top_stmts) / sizeof(top_stmts[0]), t[1].s))
				return perr(P, t[1].col, "'%s' is not a process statement (write it without '%s:')",
					    t[1].s, t[0].s);
			return perr(P, t[1].col, "unknown process statement '%s'", t[1].s);
		}
		t++;
		n--;
	} else {
		sm = find_stmt(top_stmts, sizeof(top_stmts) / sizeof(top_stmts[0]), t[0].s);
		if (!sm) {
			free(text);
			if (find_stmt(proc_stmts, sizeof(proc_stmts) / sizeof(proc_stmts[0]), t[0].s))
				return perr(P, t[0].col, "'%s' needs a process: NAME: %s ...", t[0].s, t[0].s);
			if (find_proc(P, t[0].s) >= 0)
				return perr(P, t[0].col, "missing ':' after process name '%s'", t[0].s);
			return perr(P, t[0].col, "unknown statement '%s'", t[0].s);
		}
	}
	if (P->arrow_col && !sm->has_result) {
		free(text);
		return perr(P, P->arrow_col, "'%s' takes no '-> RESULT'", sm->word);
	}

	{
		void *q = grow(P->prog->steps, &P->cap_steps, P->prog->nsteps,
			       sizeof(*P->prog->steps));

		if (!q) {
			free(text);
			return oom(P);
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
	st->map = st->obj = st->ex_proc = -1;
	st->want = P->want;
	st->want_col = P->arrow_col;
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
	if (!P.prog || !copy || !(P.prog->path = strdup(path))) {
		free(copy);
		program_free(P.prog);
		return oom(&P);
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
	free(prog->path);
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
	return 0;
}
