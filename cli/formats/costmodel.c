/* SPDX-License-Identifier: MIT */
/*
 * costmodel.c - the cost model: the shipped default, and reading and
 * writing cost model files (docs/cost-model.md).
 *
 * The parser is strict on purpose: a model that silently lost a figure
 * to a typo would make every latency the lab prints wrong without a
 * word.  So an unknown key, a key given twice, a key left out, a value
 * that is not a plain positive decimal number, and anything after it on
 * the line are all errors, reported as FILE:LINE:COL.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "formats/costmodel.h"

#define CM_MAGIC	"# hugeresv cost model 1"
#define CM_LINE_MAX	1024

/**
 * cost_model_default() - see costmodel.h.
 *
 * These figures were measured here, not invented: `hugeresv calibrate`
 * (5 runs each) run 7 times on the development machine, a 2-core
 * Debian 12 VM (KVM, AMD EPYC, Linux 6.18.44), and the median of the 7
 * medians taken.  docs/cost-model.md gives their spread.  Recalibrate
 * rather than edit them.
 */
void cost_model_default(struct cost_model *cm)
{
	memset(cm, 0, sizeof(*cm));
	cm->fault_4k = 689.1;
	cm->fault_2m = 98623.2;
	cm->zero_2m = 48366.9;
	cm->copy_2m = 107250.7;
	cm->walk_4k = 22.92;
	cm->walk_2m = 12.38;
	snprintf(cm->host, sizeof(cm->host), "default (measured on a 2-core "
		 "Debian 12 VM, AMD EPYC, Linux 6.18.44, 2026-11-21)");
	snprintf(cm->date, sizeof(cm->date), "2026-11-21T23:55:00Z");
	snprintf(cm->kernel, sizeof(cm->kernel), "6.18.44");
}

/* ------------------------------------------------------------------ */
/* The keys                                                            */

enum cm_kind { CM_NUM, CM_WORD, CM_TEXT };

/*
 * One key of the file: its name, what its value is (a number; one word;
 * the rest of the line), and where it lives in struct cost_model.  The
 * table's order is the order cost_model_write() uses.
 */
struct cm_key {
	const char *name;
	enum cm_kind kind;
	size_t off;		/* offsetof() the field */
	size_t size;		/* of a char array field */
};

#define CM_NUMKEY(n, f) { n, CM_NUM, offsetof(struct cost_model, f), 0 }
#define CM_STRKEY(n, k, f) { n, k, offsetof(struct cost_model, f), \
			     sizeof(((struct cost_model *)0)->f) }

static const struct cm_key cm_keys[] = {
	CM_STRKEY("host", CM_TEXT, host),
	CM_STRKEY("date", CM_WORD, date),
	CM_STRKEY("kernel", CM_WORD, kernel),
	CM_NUMKEY("fault_4k_ns", fault_4k),
	CM_NUMKEY("fault_2m_ns", fault_2m),
	CM_NUMKEY("zero_2m_ns", zero_2m),
	CM_NUMKEY("copy_2m_ns", copy_2m),
	CM_NUMKEY("walk_4k_ns", walk_4k),
	CM_NUMKEY("walk_2m_ns", walk_2m),
};

#define CM_NKEYS (sizeof(cm_keys) / sizeof(cm_keys[0]))

static double *cm_num(struct cost_model *cm, const struct cm_key *k)
{
	return (double *)((char *)cm + k->off);
}

static char *cm_str(struct cost_model *cm, const struct cm_key *k)
{
	return (char *)cm + k->off;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

__attribute__((format(printf, 6, 7)))
static int cm_error(char *err, size_t errlen, const char *path, int line,
		    int col, const char *fmt, ...)
{
	int n = 0;
	va_list ap;

	if (!errlen)
		return -1;
	if (line > 0)
		n = snprintf(err, errlen, "%s:%d:%d: ", path, line, col);
	else
		n = snprintf(err, errlen, "%s: ", path);
	if (n < 0 || (size_t)n >= errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * A plain decimal number: digits with at most one '.', and an optional
 * exponent.  strtod() alone would also take "inf", "nan" and hex
 * floats, none of which belongs in a hand-checked file.
 */
static int parse_number(const char *s, size_t len, double *out)
{
	char buf[64], *end;
	size_t i = 0;
	int digits = 0;
	double v;

	if (!len || len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (buf[i] == '+' || buf[i] == '-')
		i++;
	for (; buf[i] >= '0' && buf[i] <= '9'; i++)
		digits++;
	if (buf[i] == '.')
		for (i++; buf[i] >= '0' && buf[i] <= '9'; i++)
			digits++;
	if (!digits)
		return -1;
	if (buf[i] == 'e' || buf[i] == 'E') {
		i++;
		if (buf[i] == '+' || buf[i] == '-')
			i++;
		if (buf[i] < '0' || buf[i] > '9')
			return -1;
		while (buf[i] >= '0' && buf[i] <= '9')
			i++;
	}
	if (buf[i])
		return -1;
	errno = 0;
	v = strtod(buf, &end);
	if (*end || errno == ERANGE || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

/* Parse one "key value" line into @cm; @seen[] is the line of each key. */
static int parse_line(const char *path, int lineno, const char *line,
		      struct cost_model *cm, int *seen, char *err,
		      size_t errlen)
{
	const char *p = line, *key, *val, *end;
	const struct cm_key *k = NULL;
	size_t klen, vlen, i;

	while (is_blank(*p))
		p++;
	key = p;
	while (*p && !is_blank(*p))
		p++;
	klen = (size_t)(p - key);
	for (i = 0; i < CM_NKEYS; i++)
		if (strlen(cm_keys[i].name) == klen &&
		    !strncmp(cm_keys[i].name, key, klen)) {
			k = &cm_keys[i];
			break;
		}
	if (!k)
		return cm_error(err, errlen, path, lineno, (int)(key - line) + 1,
				"unknown key '%.*s'", (int)klen, key);
	if (seen[i])
		return cm_error(err, errlen, path, lineno, (int)(key - line) + 1,
				"duplicate key '%s' (first on line %d)",
				k->name, seen[i]);
	while (is_blank(*p))
		p++;
	val = p;
	if (!*val)
		return cm_error(err, errlen, path, lineno, (int)(val - line) + 1,
				"'%s' needs a value", k->name);
	/* The value ends at the line's end, less trailing blanks. */
	end = val + strlen(val);
	while (end > val && is_blank(end[-1]))
		end--;
	vlen = (size_t)(end - val);
	if (k->kind != CM_TEXT) {
		const char *q = val;

		while (q < end && !is_blank(*q))
			q++;
		if (q < end) {
			const char *extra = q;

			while (is_blank(*extra))
				extra++;
			return cm_error(err, errlen, path, lineno,
					(int)(extra - line) + 1,
					"unexpected '%.*s' after the value of "
					"'%s'", (int)(end - extra), extra,
					k->name);
		}
	}
	if (k->kind == CM_NUM) {
		double v;

		if (parse_number(val, vlen, &v) < 0)
			return cm_error(err, errlen, path, lineno,
					(int)(val - line) + 1,
					"bad number '%.*s' for '%s'",
					(int)vlen, val, k->name);
		if (!(v > 0))
			return cm_error(err, errlen, path, lineno,
					(int)(val - line) + 1,
					"'%s' must be positive, not %.*s",
					k->name, (int)vlen, val);
		*cm_num(cm, k) = v;
	} else {
		if (vlen >= k->size)
			return cm_error(err, errlen, path, lineno,
					(int)(val - line) + 1,
					"'%s' is too long (at most %zu "
					"characters)", k->name, k->size - 1);
		memcpy(cm_str(cm, k), val, vlen);
		cm_str(cm, k)[vlen] = '\0';
	}
	seen[i] = lineno;
	return 0;
}

/**
 * cost_model_load() - see costmodel.h.
 *
 * Parses into a copy, so that *cm is only written when the whole file
 * is good.
 */
int cost_model_load(const char *path, struct cost_model *cm, char *err,
		    size_t errlen)
{
	struct cost_model tmp;
	char line[CM_LINE_MAX + 2];
	int seen[CM_NKEYS] = { 0 };
	int lineno = 0, rc = 0;
	size_t i;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return cm_error(err, errlen, path, 0, 0, "%s", strerror(errno));
	memset(&tmp, 0, sizeof(tmp));
	while (fgets(line, sizeof(line), f)) {
		size_t len = strlen(line);
		const char *p;

		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		else if (!feof(f)) {
			rc = cm_error(err, errlen, path, lineno, CM_LINE_MAX + 1,
				      "line longer than %d characters",
				      CM_LINE_MAX);
			break;
		}
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';
		if (strlen(line) != len) {
			rc = cm_error(err, errlen, path, lineno,
				      (int)strlen(line) + 1, "NUL character");
			break;
		}
		for (p = line; *p; p++)
			if ((unsigned char)*p < 0x20 && *p != '\t')
				break;
		if (*p) {
			rc = cm_error(err, errlen, path, lineno,
				      (int)(p - line) + 1,
				      "control character 0x%02x",
				      (unsigned char)*p);
			break;
		}
		if (lineno == 1) {
			if (strcmp(line, CM_MAGIC)) {
				rc = cm_error(err, errlen, path, 1, 1,
					      "not a hugeresv cost model (the "
					      "first line must be '%s')",
					      CM_MAGIC);
				break;
			}
			continue;
		}
		for (p = line; is_blank(*p); p++)
			;
		if (!*p || *p == '#')
			continue;
		rc = parse_line(path, lineno, line, &tmp, seen, err, errlen);
		if (rc)
			break;
	}
	if (!rc && ferror(f))
		rc = cm_error(err, errlen, path, 0, 0, "read error");
	fclose(f);
	if (rc)
		return -1;
	if (!lineno)
		return cm_error(err, errlen, path, 1, 1, "empty file (the "
				"first line must be '%s')", CM_MAGIC);
	for (i = 0; i < CM_NKEYS; i++)
		if (!seen[i])
			return cm_error(err, errlen, path, lineno + 1, 1,
					"missing key '%s'", cm_keys[i].name);
	*cm = tmp;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/*
 * A figure as short as it can be while reading back as a positive
 * number close to it: one decimal for the large ones (faults and
 * copies, where a tenth of a nanosecond is far below the noise), three
 * significant digits for the small ones.
 */
static void format_ns(double v, char *buf, size_t len)
{
	if (v >= 100)
		snprintf(buf, len, "%.1f", v);
	else if (v >= 0.001)
		snprintf(buf, len, "%.4g", v);
	else
		snprintf(buf, len, "%.6e", v);
}

/**
 * cost_model_write() - see costmodel.h.
 */
int cost_model_write(FILE *f, const struct cost_model *cm)
{
	struct cost_model c = *cm;
	char num[64];
	size_t i;

	fprintf(f, "%s\n", CM_MAGIC);
	fprintf(f, "# written by hugeresv calibrate; docs/cost-model.md "
		"explains each figure (ns)\n");
	for (i = 0; i < CM_NKEYS; i++) {
		const struct cm_key *k = &cm_keys[i];

		if (k->kind == CM_NUM) {
			format_ns(*cm_num(&c, k), num, sizeof(num));
			fprintf(f, "%s %s\n", k->name, num);
		} else {
			const char *s = cm_str(&c, k);

			fprintf(f, "%s %s\n", k->name, *s ? s : "unknown");
		}
	}
	fflush(f);
	return ferror(f) ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Finding the model to use                                            */

/**
 * cost_model_default_path() - see costmodel.h.
 */
const char *cost_model_default_path(char *buf, size_t len)
{
	const char *env = getenv("HUGERESV_COST_MODEL");
	int n;

	if (env && *env)
		n = snprintf(buf, len, "%s", env);
	else if ((env = getenv("XDG_CONFIG_HOME")) && env[0] == '/')
		n = snprintf(buf, len, "%s/hugeresv/cost-model", env);
	else if ((env = getenv("HOME")) && *env)
		n = snprintf(buf, len, "%s/.config/hugeresv/cost-model", env);
	else
		return NULL;
	if (n < 0 || (size_t)n >= len)
		return NULL;
	return buf;
}

/**
 * cost_model_find() - see costmodel.h.
 */
int cost_model_find(const char *explicit_path, struct cost_model *cm,
		    char *which, size_t whichlen, char *err, size_t errlen)
{
	char buf[4096];
	const char *path = explicit_path;
	struct stat st;

	if (!path) {
		path = cost_model_default_path(buf, sizeof(buf));
		if (!path || stat(path, &st) < 0) {
			cost_model_default(cm);
			snprintf(which, whichlen, "built-in default");
			return 0;
		}
	}
	if (cost_model_load(path, cm, err, errlen) < 0)
		return -1;
	snprintf(which, whichlen, "%s", path);
	return 0;
}
