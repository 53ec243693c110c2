/* SPDX-License-Identifier: MIT */
/*
 * footprint.c - reading and writing footprint files (docs/footprint.md).
 *
 * The whole file is read into memory and parsed line by line in place:
 * a footprint of a big process has hundreds of thousands of runs, and
 * one pass over a buffer with arrays that double keeps loading linear.
 * Every check of footprint.h's invariants is made while the line that
 * breaks it is at hand, so that the message can point at its column.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/footprint.h"

#define FP_MAGIC	"# hugeresv footprint "
#define FP_VERSION	1
#define PAGE_SIZE_4K	4096ULL
#define HUGE_SIZE_2M	(2ULL << 20)

static const char *const kind_names[] = {
	[FP_ANON] = "anon",
	[FP_FILE] = "file",
	[FP_SHARED] = "shared",
	[FP_SPECIAL] = "special",
};

const char *footprint_kind_name(enum fp_kind k)
{
	if ((unsigned int)k >= sizeof(kind_names) / sizeof(kind_names[0]))
		return "?";
	return kind_names[k];
}

void footprint_free(struct footprint *fp)
{
	if (!fp)
		return;
	for (size_t i = 0; i < fp->nvmas; i++) {
		free(fp->vmas[i].name);
		free(fp->vmas[i].runs);
		free(fp->vmas[i].huge);
	}
	free(fp->vmas);
	free(fp->name);
	free(fp->source);
	free(fp->thp_enabled);
	free(fp);
}

/*
 * The parser's state.  fp->vmas[fp->nvmas - 1] is the vma that `present`
 * and `huge` lines add to; vcap, rcap and hcap are the capacities of
 * fp->vmas and of that vma's runs and huge arrays (a vma's arrays are
 * never grown again once the next vma line is read).  line and lbeg say
 * where we are for messages: columns count bytes from 1.
 */
struct parser {
	const char *path;
	char *err;
	size_t errlen;
	unsigned long line;
	const char *lbeg;
	struct footprint *fp;
	size_t vcap, rcap, hcap;
	int have_name, have_source, have_thp;
};

__attribute__((format(printf, 3, 4)))
static int perr(struct parser *ps, const char *at, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(ps->err, ps->errlen, "%s:%lu:%ld: %s", ps->path, ps->line,
		 (long)(at - ps->lbeg) + 1, msg);
	return -1;
}

/* Grow *arr (of *cap elements of size sz) to hold n + 1 elements. */
static int grow(void **arr, size_t *cap, size_t n, size_t sz)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / sz)
		return -1;
	p = realloc(*arr, ncap * sz);
	if (!p)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static const char *skip_blank(const char *p, const char *end)
{
	while (p < end && is_blank(*p))
		p++;
	return p;
}

/* The next blank-separated token at or after *p: [*tok, return). */
static const char *token(const char **p, const char *end)
{
	const char *t = skip_blank(*p, end), *e = t;

	while (e < end && !is_blank(*e))
		e++;
	*p = t;
	return e;
}

/* Trim blanks from both ends of [*b, *e). */
static void trim(const char **b, const char **e)
{
	while (*b < *e && is_blank(**b))
		(*b)++;
	while (*e > *b && is_blank((*e)[-1]))
		(*e)--;
}

static int tok_is(const char *t, const char *e, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(e - t) == n && !memcmp(t, word, n);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Parse hex digits in [t, e) into *v: 0 or -1 with the message set (the
 * column of the first bad character).
 */
static int parse_hex(struct parser *ps, const char *t, const char *e,
		     const char *what, uint64_t *v)
{
	uint64_t x = 0;

	if (t == e)
		return perr(ps, t, "expected a hex %s", what);
	for (const char *q = t; q < e; q++) {
		int d = hexval(*q);

		if (d < 0)
			return perr(ps, q, "bad hex digit '%c' in %s", *q,
				    what);
		if (x >> 60)
			return perr(ps, t, "%s too large", what);
		x = x << 4 | (uint64_t)d;
	}
	*v = x;
	return 0;
}

static int parse_dec(struct parser *ps, const char *t, const char *e,
		     const char *what, uint64_t *v)
{
	uint64_t x = 0;

	if (t == e)
		return perr(ps, t, "expected a decimal %s", what);
	for (const char *q = t; q < e; q++) {
		if (*q < '0' || *q > '9')
			return perr(ps, q, "bad decimal digit '%c' in %s", *q,
				    what);
		if (x > (UINT64_MAX - (uint64_t)(*q - '0')) / 10)
			return perr(ps, t, "%s too large", what);
		x = x * 10 + (uint64_t)(*q - '0');
	}
	*v = x;
	return 0;
}

static int set_str(struct parser *ps, const char *at, char **dst,
		   const char *b, const char *e)
{
	char *s = strndup(b, (size_t)(e - b));

	if (!s)
		return perr(ps, at, "out of memory");
	*dst = s;
	return 0;
}

/* `name WORD`, `thp WORD`: exactly one word. */
static int parse_word(struct parser *ps, const char *kw, const char *p,
		      const char *end, int *seen, char **dst)
{
	const char *t = p, *e = token(&t, end), *t2 = e;

	if (*seen)
		return perr(ps, kw, "second '%.*s' line", (int)(p - kw), kw);
	if (t == e)
		return perr(ps, t, "'%.*s' needs a word", (int)(p - kw), kw);
	token(&t2, end);
	if (t2 != end)
		return perr(ps, t2, "'%.*s' takes one word (no blanks)",
			    (int)(p - kw), kw);
	*seen = 1;
	return set_str(ps, t, dst, t, e);
}

static int parse_source(struct parser *ps, const char *kw, const char *p,
			const char *end)
{
	const char *b = p, *e = end;

	if (ps->have_source)
		return perr(ps, kw, "second 'source' line");
	trim(&b, &e);
	ps->have_source = 1;
	free(ps->fp->source);
	ps->fp->source = NULL;
	return set_str(ps, b, &ps->fp->source, b, e);
}

static int parse_kind(struct parser *ps, const char *t, const char *e,
		      enum fp_kind *k)
{
	for (size_t i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]);
	     i++) {
		if (tok_is(t, e, kind_names[i])) {
			*k = (enum fp_kind)i;
			return 0;
		}
	}
	if (t == e)
		return perr(ps, t, "vma needs a kind (anon, file, shared or special)");
	return perr(ps, t, "unknown vma kind '%.*s' (anon, file, shared or special)",
		    (int)(e - t), t);
}

/* `vma START-END PERMS KIND [NAME]` */
static int parse_vma(struct parser *ps, const char *p, const char *end)
{
	static const char perm_ok[4][3] = { "r-", "w-", "x-", "ps" };
	struct footprint *fp = ps->fp;
	struct fp_vma v;
	const char *t = p, *e = token(&t, end), *dash, *nb, *ne;

	memset(&v, 0, sizeof(v));
	dash = memchr(t, '-', (size_t)(e - t));
	if (t == e)
		return perr(ps, t, "vma needs START-END");
	if (!dash)
		return perr(ps, t, "expected START-END (hex, as in /proc/PID/maps)");
	if (parse_hex(ps, t, dash, "start address", &v.start) ||
	    parse_hex(ps, dash + 1, e, "end address", &v.end))
		return -1;
	if (v.start % PAGE_SIZE_4K)
		return perr(ps, t, "start %" PRIx64 " is not 4 KiB aligned",
			    v.start);
	if (v.end % PAGE_SIZE_4K)
		return perr(ps, dash + 1, "end %" PRIx64 " is not 4 KiB aligned",
			    v.end);
	if (v.start >= v.end)
		return perr(ps, t, "empty vma: start is not below end");
	if (fp->nvmas && v.start < fp->vmas[fp->nvmas - 1].end)
		return perr(ps, t,
			    "vma overlaps or comes before the previous one (which ends at %" PRIx64 ")",
			    fp->vmas[fp->nvmas - 1].end);

	t = e;
	e = token(&t, end);
	if (e - t != 4)
		return perr(ps, t, "expected permissions like rw-p");
	for (int i = 0; i < 4; i++) {
		if (t[i] != perm_ok[i][0] && t[i] != perm_ok[i][1])
			return perr(ps, t + i, "bad permission character '%c' (want %c or %c)",
				    t[i], perm_ok[i][0], perm_ok[i][1]);
	}
	memcpy(v.perms, t, 4);

	t = e;
	e = token(&t, end);
	if (parse_kind(ps, t, e, &v.kind))
		return -1;

	nb = e;
	ne = end;
	trim(&nb, &ne);
	if (grow((void **)&fp->vmas, &ps->vcap, fp->nvmas, sizeof(*fp->vmas)))
		return perr(ps, p, "out of memory");
	if (set_str(ps, nb, &v.name, nb, ne))
		return -1;
	fp->vmas[fp->nvmas++] = v;
	ps->rcap = 0;
	ps->hcap = 0;
	return 0;
}

/* `present FIRST[+COUNT] ...` */
static int parse_present(struct parser *ps, const char *kw, const char *p,
			 const char *end)
{
	struct fp_vma *v;
	uint64_t npages;

	if (!ps->fp->nvmas)
		return perr(ps, kw, "'present' before any 'vma' line");
	v = &ps->fp->vmas[ps->fp->nvmas - 1];
	npages = (v->end - v->start) / PAGE_SIZE_4K;
	for (;;) {
		const char *t = p, *e = token(&t, end), *plus;
		uint64_t first, count = 1;

		if (t == e)
			break;
		p = e;
		plus = memchr(t, '+', (size_t)(e - t));
		if (parse_dec(ps, t, plus ? plus : e, "first page", &first))
			return -1;
		if (plus && parse_dec(ps, plus + 1, e, "page count", &count))
			return -1;
		if (!count)
			return perr(ps, plus + 1, "empty run (count 0)");
		if (first >= npages || count > npages - first)
			return perr(ps, t,
				    "run %" PRIu64 "+%" PRIu64 " goes past the vma's %" PRIu64 " pages",
				    first, count, npages);
		if (v->nruns) {
			struct fp_run *last = &v->runs[v->nruns - 1];
			uint64_t last_end = last->first + last->count;

			if (first < last_end)
				return perr(ps, t,
					    "run at page %" PRIu64 " overlaps or comes before the previous run (which ends at page %" PRIu64 ")",
					    first, last_end);
			if (first == last_end) {
				/* adjacent: one run, as the invariant says */
				last->count += count;
				v->present += count;
				continue;
			}
		}
		if (grow((void **)&v->runs, &ps->rcap, v->nruns,
			 sizeof(*v->runs)))
			return perr(ps, t, "out of memory");
		v->runs[v->nruns].first = first;
		v->runs[v->nruns].count = count;
		v->nruns++;
		v->present += count;
	}
	return 0;
}

/* `huge ADDR ...` */
static int parse_huge(struct parser *ps, const char *kw, const char *p,
		      const char *end)
{
	struct fp_vma *v;

	if (!ps->fp->nvmas)
		return perr(ps, kw, "'huge' before any 'vma' line");
	v = &ps->fp->vmas[ps->fp->nvmas - 1];
	for (;;) {
		const char *t = p, *e = token(&t, end);
		uint64_t a;

		if (t == e)
			break;
		p = e;
		if (parse_hex(ps, t, e, "huge page address", &a))
			return -1;
		if (a % HUGE_SIZE_2M)
			return perr(ps, t, "huge page address %" PRIx64 " is not 2 MiB aligned",
				    a);
		if (a < v->start || v->end - a < HUGE_SIZE_2M)
			return perr(ps, t, "huge page %" PRIx64 " is not wholly inside the vma",
				    a);
		if (v->nhuge && a <= v->huge[v->nhuge - 1])
			return perr(ps, t, "huge page addresses must be sorted and distinct");
		if (grow((void **)&v->huge, &ps->hcap, v->nhuge,
			 sizeof(*v->huge)))
			return perr(ps, t, "out of memory");
		v->huge[v->nhuge++] = a;
	}
	return 0;
}

/* The first line: "# hugeresv footprint 1". */
static int parse_magic(struct parser *ps, const char *b, const char *e)
{
	size_t n = strlen(FP_MAGIC);
	const char *t, *te;
	uint64_t ver;

	if ((size_t)(e - b) < n || memcmp(b, FP_MAGIC, n))
		return perr(ps, b,
			    "not a hugeresv footprint: the first line must be '%s%d'",
			    FP_MAGIC, FP_VERSION);
	t = b + n;
	te = token(&t, e);
	if (t == te || skip_blank(te, e) != e ||
	    parse_dec(ps, t, te, "version", &ver))
		return perr(ps, t, "expected the format version after '%s'",
			    FP_MAGIC);
	if (ver != FP_VERSION)
		return perr(ps, t, "footprint version %" PRIu64 " is not supported (this hugeresv reads version %d)",
			    ver, FP_VERSION);
	return 0;
}

static int parse_line(struct parser *ps, const char *b, const char *e)
{
	const char *t = b, *te;

	for (const char *q = b; q < e; q++) {
		unsigned char c = (unsigned char)*q;

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return perr(ps, q, "control character 0x%02x", c);
	}
	if (ps->line == 1)
		return parse_magic(ps, b, e);
	te = token(&t, e);
	if (t == te || *t == '#')
		return 0;
	if (tok_is(t, te, "name"))
		return parse_word(ps, t, te, e, &ps->have_name, &ps->fp->name);
	if (tok_is(t, te, "thp"))
		return parse_word(ps, t, te, e, &ps->have_thp,
				  &ps->fp->thp_enabled);
	if (tok_is(t, te, "source"))
		return parse_source(ps, t, te, e);
	if (tok_is(t, te, "vma"))
		return parse_vma(ps, te, e);
	if (tok_is(t, te, "present"))
		return parse_present(ps, t, te, e);
	if (tok_is(t, te, "huge"))
		return parse_huge(ps, t, te, e);
	return perr(ps, t, "unknown keyword '%.*s' (name, source, thp, vma, present or huge)",
		    (int)(te - t), t);
}

/* Read all of @path ("-": stdin) into a NUL-terminated buffer. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	size_t cap = 1 << 16, n = 0;
	char *buf;

	if (!f)
		return NULL;
	buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n - 1, f);

		n += got;
		if (got == 0) {
			if (ferror(f)) {
				free(buf);
				buf = NULL;
			}
			break;
		}
		if (n + 1 == cap) {
			char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;

			if (!nb) {
				free(buf);
				buf = NULL;
				errno = ENOMEM;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (f != stdin) {
		int saved = errno;

		fclose(f);
		errno = saved;
	}
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

int footprint_load(const char *path, struct footprint **out, char *err,
		   size_t errlen)
{
	struct parser ps;
	const char *end;
	size_t len = 0;
	char *buf;
	int rc = 0;

	*out = NULL;
	buf = slurp(path, &len);
	if (!buf) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	memset(&ps, 0, sizeof(ps));
	ps.path = path;
	ps.err = err;
	ps.errlen = errlen;
	ps.fp = calloc(1, sizeof(*ps.fp));
	if (!ps.fp) {
		snprintf(err, errlen, "%s: out of memory", path);
		free(buf);
		return -1;
	}
	/* line 1 is parsed even in an empty file: its magic is missing */
	for (size_t off = 0; !rc && (off < len || ps.line == 0); ) {
		const char *nl = memchr(buf + off, '\n', len - off);
		size_t lend = nl ? (size_t)(nl - buf) : len;

		ps.line++;
		ps.lbeg = buf + off;
		rc = parse_line(&ps, buf + off, buf + lend);
		off = nl ? lend + 1 : len;
	}
	end = buf + len;
	if (!rc && !ps.have_name) {
		/* point at the end of the file, past its last newline */
		if (len && buf[len - 1] == '\n')
			ps.line++;
		ps.lbeg = end;
		rc = perr(&ps, end, "no 'name' line (a footprint needs one)");
	}
	if (!rc && ((!ps.fp->source && !(ps.fp->source = strdup(""))) ||
		    (!ps.fp->thp_enabled &&
		     !(ps.fp->thp_enabled = strdup(""))))) {
		snprintf(err, errlen, "%s: out of memory", path);
		rc = -1;
	}
	free(buf);
	if (rc) {
		footprint_free(ps.fp);
		return -1;
	}
	*out = ps.fp;
	return 0;
}

/* Runs and huge addresses per line: keeps lines near 80 columns. */
#define RUNS_PER_LINE	8
#define HUGE_PER_LINE	5

int footprint_write(FILE *f, const struct footprint *fp)
{
	fprintf(f, "%s%d\n", FP_MAGIC, FP_VERSION);
	fprintf(f, "name %s\n", fp->name);
	if (fp->source && *fp->source)
		fprintf(f, "source %s\n", fp->source);
	if (fp->thp_enabled && *fp->thp_enabled)
		fprintf(f, "thp %s\n", fp->thp_enabled);
	for (size_t i = 0; i < fp->nvmas; i++) {
		const struct fp_vma *v = &fp->vmas[i];

		fprintf(f, "vma %08" PRIx64 "-%08" PRIx64 " %.4s %s%s%s\n",
			v->start, v->end, v->perms,
			footprint_kind_name(v->kind),
			v->name && *v->name ? " " : "",
			v->name ? v->name : "");
		for (size_t r = 0; r < v->nruns; r++) {
			const struct fp_run *run = &v->runs[r];

			fputs(r % RUNS_PER_LINE ? " " : "present ", f);
			if (run->count == 1)
				fprintf(f, "%" PRIu64, run->first);
			else
				fprintf(f, "%" PRIu64 "+%" PRIu64, run->first,
					run->count);
			if (r % RUNS_PER_LINE == RUNS_PER_LINE - 1 ||
			    r + 1 == v->nruns)
				fputc('\n', f);
		}
		for (size_t h = 0; h < v->nhuge; h++) {
			fprintf(f, "%s%" PRIx64, h % HUGE_PER_LINE ? " " : "huge ",
				v->huge[h]);
			if (h % HUGE_PER_LINE == HUGE_PER_LINE - 1 ||
			    h + 1 == v->nhuge)
				fputc('\n', f);
		}
	}
	if (fflush(f) || ferror(f)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}
