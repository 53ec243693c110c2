/* SPDX-License-Identifier: MIT */
/*
 * parse_words.c - the words of the scenario language: errors at
 * FILE:LINE:COL, the object tables and name lookups, sizes, counts,
 * ranges, options and results, and the cutting of a line into words
 * (parse.c has the language's rules as a whole).
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
/* Errors                                                              */

__attribute__((format(printf, 3, 4)))
int parse_err(struct parser *P, int col, const char *fmt, ...)
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

int parse_oom(struct parser *P)
{
	return parse_err(P, 1, "out of memory");
}

/* Where a missing word should have been: at `->`, or past the last word. */
int parse_col_after(struct parser *P, const struct tok *t, int n)
{
	if (P->arrow_col)
		return P->arrow_col;
	return t[n - 1].col + (int)strlen(t[n - 1].s) + 1;
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

void *parse_grow(void *arr, int *cap, int n, size_t elem)
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

struct objstate *parse_state_at(struct table_state *ts, int i)
{
	void *q = parse_grow(ts->st, &ts->cap, i, sizeof(*ts->st));

	if (!q)
		return NULL;
	ts->st = q;
	return &ts->st[i];
}


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

int parse_check_name(struct parser *P, const struct tok *t, const char *what)
{
	if (!valid_name(t->s))
		return parse_err(P, t->col,
			    "bad %s name '%s': names are letters, digits, '_' and '-', starting with a letter or '_'",
			    what, t->s);
	if (strlen(t->s) >= PROG_NAME_MAX)
		return parse_err(P, t->col, "%s name '%s' is too long (at most %d characters)",
			    what, t->s, PROG_NAME_MAX - 1);
	return 0;
}

/* The live process called @name, or -1. */
int parse_find_proc(struct parser *P, const char *name)
{
	for (int i = P->prog->nprocs - 1; i >= 0; i--)
		if (P->ps.st[i].live && !strcmp(P->prog->procs[i].name, name))
			return i;
	return -1;
}


int parse_lookup_proc(struct parser *P, const struct tok *t)
{
	int i = parse_find_proc(P, t->s), last;

	if (i >= 0)
		return i;
	FIND_LAST(P, procs, nprocs, t->s, last);
	if (last >= 0)
		return parse_err(P, t->col, "process '%s' has exited (line %d)",
			    t->s, P->ps.st[last].line_gone);
	return parse_err(P, t->col, "undefined process '%s'", t->s);
}

int parse_find_map(struct parser *P, int proc, const char *name)
{
	for (int i = P->prog->nmaps - 1; i >= 0; i--)
		if (P->ms.st[i].live && P->prog->maps[i].proc == proc &&
		    !strcmp(P->prog->maps[i].name, name))
			return i;
	return -1;
}

int parse_lookup_map(struct parser *P, int proc, const struct tok *t)
{
	const char *pn = P->prog->procs[proc].name;
	int i = parse_find_map(P, proc, t->s);

	if (i >= 0)
		return i;
	if (parse_check_name(P, t, "mapping"))
		return -1;
	for (i = P->prog->nmaps - 1; i >= 0; i--)
		if (P->prog->maps[i].proc == proc &&
		    !strcmp(P->prog->maps[i].name, t->s)) {
			if (P->ms.st[i].line_gone)
				return parse_err(P, t->col,
					    "mapping '%s' of process '%s' was unmapped (line %d)",
					    t->s, pn, P->ms.st[i].line_gone);
			break;
		}
	return parse_err(P, t->col, "undefined mapping '%s' in process '%s'", t->s, pn);
}

int parse_lookup_file(struct parser *P, const struct tok *t)
{
	int last;

	FIND_LAST(P, files, nfiles, t->s, last);
	if (last >= 0 && P->fs.st[last].live)
		return last;
	if (last >= 0 && P->fs.st[last].by_close)
		return parse_err(P, t->col, "memfd '%s' is gone: its last fd was closed (line %d)",
			    t->s, P->fs.st[last].line_gone);
	if (last >= 0 && P->prog->files[last].mount < 0 && !P->fs.st[last].line_gone)
		return parse_err(P, t->col, "memfd '%s' was never made (line %d expects it to fail)",
			    t->s, P->fs.st[last].line_made);
	if (last >= 0 && P->fs.st[last].by_umount)
		return parse_err(P, t->col, "file '%s' went with mount '%s' (umount, line %d)",
			    t->s, P->prog->mounts[P->prog->files[last].mount].name,
			    P->fs.st[last].line_gone);
	if (last >= 0)
		return parse_err(P, t->col, "file '%s' was unlinked (line %d)", t->s,
			    P->fs.st[last].line_gone);
	return parse_err(P, t->col, "undefined file '%s'", t->s);
}

int parse_lookup_shm(struct parser *P, const struct tok *t)
{
	int last;

	FIND_LAST(P, shms, nshms, t->s, last);
	if (last >= 0 && P->ss.st[last].live)
		return last;
	if (last >= 0 && P->ss.st[last].line_gone)
		return parse_err(P, t->col, "shm segment '%s' was removed (line %d)",
			    t->s, P->ss.st[last].line_gone);
	if (last >= 0)
		return parse_err(P, t->col, "shm segment '%s' was never made (line %d "
			    "expects it to fail)", t->s, P->ss.st[last].line_made);
	return parse_err(P, t->col, "undefined shm segment '%s'", t->s);
}

int parse_lookup_mount(struct parser *P, const struct tok *t)
{
	int last;

	FIND_LAST(P, mounts, nmounts, t->s, last);
	if (last >= 0 && P->mts.st[last].live)
		return last;
	if (last >= 0 && P->mts.st[last].line_gone)
		return parse_err(P, t->col, "mount '%s' was unmounted (line %d)", t->s,
			    P->mts.st[last].line_gone);
	if (last >= 0)
		return parse_err(P, t->col, "mount '%s' was never made (line %d "
			    "expects it to fail)", t->s, P->mts.st[last].line_made);
	return parse_err(P, t->col, "undefined mount '%s'", t->s);
}

/* ------------------------------------------------------------------ */
/* Words: sizes, counts, ranges, options                               */


/*
 * parse_size() - a size: decimal digits and one unit, or a bare 0.
 * @h: bytes in one `h` for the object at hand; 0 where `h` means nothing
 *     (pagesize= cannot be given in huge pages of itself).
 *
 * Every size fits in an int64_t, so that expect values, mount sizes and
 * the back ends' arithmetic (start + size) cannot overflow.
 */
int parse_size(struct parser *P, const char *s, int col, uint64_t h,
	       uint64_t *out)
{
	const char *p = s;
	uint64_t n = 0, mult;

	if (*p == '-')
		return parse_err(P, col, "negative size '%s'", s);
	if (!isdigit((unsigned char)*p))
		return parse_err(P, col, "bad size '%s': expected a number and a unit (K, M, G, T, p or h)", s);
	for (; isdigit((unsigned char)*p); p++) {
		if (n > (SIZE_MAX_BYTES - (uint64_t)(*p - '0')) / 10)
			return parse_err(P, col, "size '%s' is too large", s);
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (!*p) {
		if (n == 0) {
			*out = 0;
			return 0;
		}
		return parse_err(P, col, "size '%s' needs a unit (K, M, G, T, p or h)", s);
	}
	switch (*p) {
	case 'K': mult = 1ULL << 10; break;
	case 'M': mult = 1ULL << 20; break;
	case 'G': mult = 1ULL << 30; break;
	case 'T': mult = 1ULL << 40; break;
	case 'p': mult = HR_PAGE_SIZE; break;
	case 'h':
		if (!h)
			return parse_err(P, col, "the unit 'h' cannot be used here ('%s')", s);
		mult = h;
		break;
	default:
		return parse_err(P, col, "bad unit in size '%s' (units are K, M, G, T, p and h)", s);
	}
	if (p[1])
		return parse_err(P, col, "bad unit in size '%s' (units are K, M, G, T, p and h)", s);
	if (n && mult > SIZE_MAX_BYTES / n)
		return parse_err(P, col, "size '%s' is too large", s);
	*out = n * mult;
	return 0;
}

/* A plain decimal count (no unit) within [lo, hi]. */
int parse_count(struct parser *P, const char *s, int col, uint64_t lo,
		uint64_t hi, const char *what, uint64_t *out)
{
	const char *p = s;
	uint64_t n = 0;

	if (*p == '-')
		return parse_err(P, col, "%s must not be negative ('%s')", what, s);
	if (!isdigit((unsigned char)*p))
		return parse_err(P, col, "%s must be a number, not '%s'", what, s);
	for (; isdigit((unsigned char)*p); p++) {
		if (n > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return parse_err(P, col, "%s '%s' is too large", what, s);
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (*p)
		return parse_err(P, col, "%s is a plain number, not '%s'", what, s);
	if (n < lo || n > hi)
		return parse_err(P, col, "%s must be between %" PRIu64 " and %" PRIu64 ", not %s",
			    what, lo, hi, s);
	*out = n;
	return 0;
}

int parse_round_up(struct parser *P, int col, uint64_t v, uint64_t ps, uint64_t *out)
{
	uint64_t r = v % ps ? v + (ps - v % ps) : v;

	if (r < v || r > SIZE_MAX_BYTES)
		return parse_err(P, col, "size is too large");
	*out = r;
	return 0;
}

/*
 * parse_range() - RANGE inside the object @o describes: `all`, `A..B`
 * (half open; aligned to o->ps when o->align) or `A` (the page holding
 * byte A).  With o->open_end there is no upper bound (fallocate can grow
 * a file).
 */
int parse_range(struct parser *P, const struct tok *t,
		const struct range_opts *o, uint64_t *a, uint64_t *b)
{
	uint64_t h = o->h, ps = o->ps, limit = o->limit;
	const char *what = o->what;
	char sa[48], sb[48], sl[48];
	char *dots = strstr(t->s, "..");
	uint64_t x, y;

	if (!strcmp(t->s, "all")) {
		if (!limit)
			return parse_err(P, t->col, "'all' is empty: %s has size 0", what);
		*a = 0;
		*b = limit;
		return 0;
	}
	if (dots) {
		*dots = '\0';
		if (!*t->s)
			return parse_err(P, t->col, "range '..%s' has no start", dots + 2);
		if (!dots[2])
			return parse_err(P, t->col, "range '%s..' has no end", t->s);
		if (parse_size(P, t->s, t->col, h, &x) ||
		    parse_size(P, dots + 2, t->col + (int)(dots - t->s) + 2, h, &y))
			return -1;
		*dots = '.';
		if (y <= x)
			return parse_err(P, t->col, "empty range '%s'", t->s);
		if (o->align && (x % ps || y % ps))
			return parse_err(P, t->col, "range '%s' is not aligned to the %s pages of %s",
				    t->s, format_size(ps, sa, sizeof(sa)), what);
	} else {
		if (parse_size(P, t->s, t->col, h, &x))
			return -1;
		x -= x % ps;
		y = x + ps;
	}
	if (!o->open_end && y > limit)
		return parse_err(P, t->col, "range '%s' (%s..%s) is outside %s (%s)", t->s,
			    format_size(x, sa, sizeof(sa)), format_size(y, sb, sizeof(sb)),
			    what, format_size(limit, sl, sizeof(sl)));
	if (y > SIZE_MAX_BYTES)
		return parse_err(P, t->col, "range '%s' is too large", t->s);
	*a = x;
	*b = y;
	return 0;
}

/* Split "key=value": returns the value (and its column) or NULL. */
char *parse_opt_value(const struct tok *t, int *vcol)
{
	char *eq = strchr(t->s, '=');

	*vcol = t->col;
	if (!eq)
		return NULL;
	*vcol = t->col + (int)(eq - t->s) + 1;
	return eq + 1;
}

int parse_opt_is(const struct tok *t, const char *key)
{
	size_t n = strlen(key);

	return !strncmp(t->s, key, n) && t->s[n] == '=';
}

int parse_pagesize(struct parser *P, const struct tok *t, uint64_t *out)
{
	int vcol;
	char *v = parse_opt_value(t, &vcol);

	if (parse_size(P, v, vcol, 0, out))
		return -1;
	if (*out != HR_SZ_2M && *out != HR_SZ_1G)
		return parse_err(P, vcol, "pagesize must be 2M or 1G, not '%s'", v);
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
		return parse_err(P, t->col, "unknown errno name '%s'", t->s);
	return parse_err(P, t->col,
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
int parse_expect_fail(const struct parser *P)
{
	return P->want.kind == RES_ERRNO;
}

void parse_mark_engine_only(struct parser *P, struct step *st, const char *what)
{
	st->engine_only = 1;
	if (!P->prog->engine_only) {
		P->prog->engine_only = 1;
		snprintf(P->prog->engine_only_why, sizeof(P->prog->engine_only_why),
			 "line %d: %s is engine-only", P->line, what);
	}
}

/* Cut a line (comment already removed) into words. */
int parse_tokenize(struct parser *P, char *s)
{
	P->ntok = 0;
	for (char *p = s; *p;) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ' || c == '\t' || c == '\r') {
			*p++ = '\0';
			continue;
		}
		if (c < 0x21 || c > 0x7e)
			return parse_err(P, (int)(p - s) + 1, "invalid character 0x%02x", c);
		if (P->ntok == MAX_TOKS)
			return parse_err(P, (int)(p - s) + 1, "too many words on one line (at most %d)", MAX_TOKS);
		P->tok[P->ntok].s = p;
		P->tok[P->ntok].col = (int)(p - s) + 1;
		P->ntok++;
		for (; *p && *p != ' ' && *p != '\t' && *p != '\r'; p++)
			if ((unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e)
				return parse_err(P, (int)(p - s) + 1, "invalid character 0x%02x",
					    (unsigned char)*p);
	}
	return 0;
}

/* Take `-> RESULT` off the end of the line. */
int parse_split_result(struct parser *P)
{
	P->arrow_col = 0;
	P->want.kind = RES_NONE;
	P->want.err = 0;
	for (int i = 0; i < P->ntok; i++) {
		struct tok *t = &P->tok[i];

		if (strncmp(t->s, "->", 2))
			continue;
		if (t->s[2])
			return parse_err(P, t->col, "put a space between '->' and the result ('-> %s')",
				    t->s + 2);
		if (i == 0)
			return parse_err(P, t->col, "'->' needs a statement before it");
		P->arrow_col = t->col;
		if (i + 1 >= P->ntok)
			return parse_err(P, t->col, "missing result after '->'");
		if (i + 2 < P->ntok)
			return parse_err(P, P->tok[i + 2].col, "unexpected '%s' after the result",
				    P->tok[i + 2].s);
		if (parse_result(P, &P->tok[i + 1], &P->want))
			return -1;
		P->ntok = i;
		return 0;
	}
	return 0;
}
