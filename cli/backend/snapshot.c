/* SPDX-License-Identifier: MIT */
/*
 * snapshot.c - counters as a flat key -> value list (backend.h), and the
 * helpers that print them the way scenarios write them.
 *
 * Both back ends fill a snapshot from the same kernel-format text
 * (/proc/meminfo, /proc/vmstat, smaps, sysfs), so one parser here reads
 * the engine's rendering and the real kernel's alike.  Snapshots hold a
 * few hundred keys and are filled and searched at every `expect`, so
 * lookups go through a small hash index (FNV-1a, linear probing).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "hugeresv.h"

/** snapshot_init() - an empty snapshot. */
void snapshot_init(struct snapshot *s)
{
	s->v = NULL;
	s->n = s->cap = 0;
	s->slot = NULL;
	s->nslot = 0;
}

/** snapshot_free() - release the storage (the snapshot is empty again). */
void snapshot_free(struct snapshot *s)
{
	free(s->v);
	free(s->slot);
	snapshot_init(s);
}

/** snapshot_clear() - forget every key, keep the storage. */
void snapshot_clear(struct snapshot *s)
{
	s->n = 0;
	if (s->slot)
		memset(s->slot, 0xff, (size_t)s->nslot * sizeof(*s->slot));
}

static unsigned hash_key(const char *key)
{
	unsigned h = 2166136261u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

/* The slot that holds @key, or the empty slot where it would go. */
static int *find_slot(const struct snapshot *s, const char *key)
{
	unsigned mask = (unsigned)s->nslot - 1, i = hash_key(key) & mask;

	while (s->slot[i] >= 0 && strcmp(s->v[s->slot[i]].key, key))
		i = (i + 1) & mask;
	return &s->slot[i];
}

static int reindex(struct snapshot *s, int nslot)
{
	int *slot = malloc((size_t)nslot * sizeof(*slot));

	if (!slot)
		return -ENOMEM;
	free(s->slot);
	s->slot = slot;
	s->nslot = nslot;
	memset(slot, 0xff, (size_t)nslot * sizeof(*slot));
	for (int i = 0; i < s->n; i++)
		*find_slot(s, s->v[i].key) = i;
	return 0;
}

static struct kv *find(const struct snapshot *s, const char *key)
{
	int idx;

	if (!s->nslot)
		return NULL;
	idx = *find_slot(s, key);
	return idx >= 0 ? &s->v[idx] : NULL;
}

/**
 * snapshot_set() - add @key with @val, or replace its value.
 * Keys longer than a struct kv holds are cut (they never occur: the
 * longest is a sysfs path of about 60 characters).
 * Return: 0, -ENOMEM.
 */
int snapshot_set(struct snapshot *s, const char *key, int64_t val)
{
	struct kv *kv = find(s, key);

	if (!kv) {
		if (s->n == s->cap) {
			int ncap = s->cap ? 2 * s->cap : 256;
			struct kv *q = realloc(s->v, (size_t)ncap * sizeof(*q));

			if (!q)
				return -ENOMEM;
			s->v = q;
			s->cap = ncap;
			if (reindex(s, 2 * ncap))
				return -ENOMEM;
		}
		kv = &s->v[s->n];
		snprintf(kv->key, sizeof(kv->key), "%s", key);
		*find_slot(s, kv->key) = s->n++;
	}
	kv->val = val;
	return 0;
}

/** snapshot_get() - Return: 1 and *@val if @key is present, else 0. */
int snapshot_get(const struct snapshot *s, const char *key, int64_t *val)
{
	const struct kv *kv = find(s, key);

	if (!kv)
		return 0;
	if (val)
		*val = kv->val;
	return 1;
}

/*
 * One line of a counters file: "Key:   123 kB", "Key: 8" or "key 123".
 * Lines whose value is not a number (smaps' VMA headers and VmFlags,
 * sysfs words) are not counters and are skipped.
 */
static int parse_line(const char *line, size_t len, char *key, size_t klen,
		      int64_t *val)
{
	const char *p = line, *end = line + len, *k;
	size_t kn;
	int neg = 0;
	uint64_t v = 0;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	k = p;
	while (p < end && *p != ':' && *p != ' ' && *p != '\t')
		p++;
	kn = (size_t)(p - k);
	if (!kn || kn >= klen)
		return 0;
	memcpy(key, k, kn);
	key[kn] = '\0';
	if (p < end && *p == ':')
		p++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	if (p >= end || *p < '0' || *p > '9')
		return 0;
	for (; p < end && *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (uint64_t)(*p - '0');
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (end - p >= 2 && p[0] == 'k' && p[1] == 'B') {
		v *= 1024;
		p += 2;
	}
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	if (p != end)
		return 0;
	*val = neg ? -(int64_t)v : (int64_t)v;
	return 1;
}

/**
 * snapshot_parse_keyvals() - add the counters of a text file.
 * @s:      the snapshot
 * @prefix: prepended to every key ("meminfo:", "smaps:A:")
 * @text:   the file's text, NUL terminated
 * @filter: if non-NULL, only keys (without prefix) it returns true for
 *
 * "Key: value kB" lines are stored in bytes.  A key already present is
 * added to, so the per-VMA entries of smaps sum per process.
 *
 * Return: 0, -ENOMEM.
 */
int snapshot_parse_keyvals(struct snapshot *s, const char *prefix,
			   const char *text, int (*filter)(const char *key))
{
	char key[sizeof(s->v[0].key)], full[sizeof(s->v[0].key)];
	size_t plen = strlen(prefix);

	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		int64_t val;

		if (parse_line(line, len, key, sizeof(key), &val) &&
		    (!filter || filter(key)) &&
		    plen + strlen(key) < sizeof(full)) {
			struct kv *kv;

			memcpy(full, prefix, plen);
			strcpy(full + plen, key);
			kv = find(s, full);
			if (kv)
				kv->val += val;
			else if (snapshot_set(s, full, val))
				return -ENOMEM;
		}
		line += len + (nl != NULL);
	}
	return 0;
}

const char *knob_key(const char *key)
{
	if (!strncmp(key, "sysctl:", 7))
		return key + 7;
	if (!strncmp(key, "thp:", 4))
		return key + 4;
	return NULL;
}

int knob_text_value(const char *name, const char *text, int64_t *val)
{
	const char *w = strchr(text, '['), *e;
	char word[64];
	uint64_t v;
	int err;

	/* Linux shows a word knob as its list, the current word in brackets */
	if (w) {
		e = strchr(++w, ']');
		if (!e)
			return -EINVAL;
	} else {
		w = text;
		e = w + strcspn(w, "\n");
	}
	if ((size_t)(e - w) >= sizeof(word))
		return -EINVAL;
	memcpy(word, w, (size_t)(e - w));
	word[e - w] = '\0';
	err = hr_knob_parse(name, word, &v);
	if (err)
		return err;
	*val = (int64_t)v;
	return 0;
}

/* A word knob's value is the index of its word: print the word. */
static const char *knob_word_of(const char *key, int64_t val, char *buf,
				size_t len)
{
	const char *name = knob_key(key), *p;
	struct hr_knob_info ki;
	int64_t i;

	if (!name || hr_knob_info(hr_knob_find(name), &ki) ||
	    ki.kind != HR_KNOB_WORDS)
		return NULL;
	for (p = ki.words, i = 0; p && i < val; i++) {
		p = strchr(p, '|');
		if (p)
			p++;
	}
	if (!p || val < 0)
		return NULL;
	snprintf(buf, len, "%.*s", (int)strcspn(p, "|"), p);
	return buf;
}

/** format_value() - @val as a scenario writes it for @key (see cli.h). */
char *format_value(const char *key, int64_t val, char *buf, size_t len)
{
	if (knob_word_of(key, val, buf, len))
		return buf;
	if (!strncmp(key, "cgroup:", 7) && val == CG_MAX_VALUE &&
	    strlen(key) > 4 && !strcmp(key + strlen(key) - 4, ".max") &&
	    !strstr(key, ".events.")) {
		snprintf(buf, len, "max");
		return buf;
	}
	if (!snapshot_key_is_kb(key)) {
		/* counts print unsigned, as Linux prints them (wraps too) */
		snprintf(buf, len, "%" PRIu64, (uint64_t)val);
		return buf;
	}
	if (val < 0) {
		if (len > 1) {
			buf[0] = '-';
			format_size((uint64_t)0 - (uint64_t)val, buf + 1, len - 1);
		}
		return buf;
	}
	return format_size((uint64_t)val, buf, len);
}

/* "smaps:A:Rss" -> group "A smaps", name "Rss"; "meminfo:X" -> "meminfo", "X" */
static void split_key(const char *key, char *group, size_t glen, const char **name)
{
	const char *c1 = strchr(key, ':'), *c2;

	if (!c1) {
		snprintf(group, glen, "?");
		*name = key;
		return;
	}
	if (!strncmp(key, "smaps:", 6) && (c2 = strchr(c1 + 1, ':'))) {
		snprintf(group, glen, "%.*s smaps", (int)(c2 - c1 - 1), c1 + 1);
		*name = c2 + 1;
		return;
	}
	snprintf(group, glen, "%.*s", (int)(c1 - key), key);
	*name = c1 + 1;
}

struct change {
	const char *key;
	int64_t old, new;
	int done;
};

/**
 * snapshot_print_changes() - print the counters that differ, one line per
 * source (see cli.h).
 * Return: the number of counters that changed.
 */
int snapshot_print_changes(FILE *f, const char *indent,
			   const struct snapshot *before,
			   const struct snapshot *after)
{
	struct change *ch;
	int n = 0;

	ch = calloc((size_t)(before->n + after->n) + 1, sizeof(*ch));
	if (!ch)
		return 0;
	for (int i = 0; i < after->n; i++) {
		int64_t old = 0;

		snapshot_get(before, after->v[i].key, &old);
		if (old != after->v[i].val)
			ch[n++] = (struct change){ after->v[i].key, old, after->v[i].val, 0 };
	}
	for (int i = 0; i < before->n; i++)
		if (!snapshot_get(after, before->v[i].key, NULL) && before->v[i].val)
			ch[n++] = (struct change){ before->v[i].key, before->v[i].val, 0, 0 };

	/* Group by source in order of first appearance. */
	for (int i = 0; i < n; i++) {
		char group[sizeof(before->v[0].key)], g2[sizeof(group)];
		const char *name;
		int first = 1;

		if (ch[i].done)
			continue;
		split_key(ch[i].key, group, sizeof(group), &name);
		fprintf(f, "%s%s:", indent, group);
		for (int j = i; j < n; j++) {
			char a[48], b[48];

			if (ch[j].done)
				continue;
			split_key(ch[j].key, g2, sizeof(g2), &name);
			if (strcmp(group, g2))
				continue;
			ch[j].done = 1;
			fprintf(f, "%s %s %s -> %s", first ? "" : ",", name,
				format_value(ch[j].key, ch[j].old, a, sizeof(a)),
				format_value(ch[j].key, ch[j].new, b, sizeof(b)));
			first = 0;
		}
		fputc('\n', f);
	}
	free(ch);
	return n;
}

/*
 * same_outcome() - see backend.h.  The outcomes agree if they are the same, counting "no outcome" and
 * "ok" as the same (a statement without `-> RESULT` in the grammar may
 * report either when it succeeds).
 */
int same_outcome(const struct result *a, const struct result *b)
{
	int an = a->kind == RES_NONE || a->kind == RES_OK;
	int bn = b->kind == RES_NONE || b->kind == RES_OK;

	if (an || bn)
		return an && bn;
	return a->kind == b->kind && (a->kind != RES_ERRNO || a->err == b->err);
}
