/* SPDX-License-Identifier: MIT */
/*
 * knobs.c - the registry of tunables: every sysctl, sysfs pool file and
 * THP knob the engine models, described once.
 *
 * One row of knob_table[] says everything about a knob: its scenario
 * name, its file on Linux, its kind (a number, a boolean, a word of a
 * list), what a write accepts, the upper bound the scenario language
 * allows, its default (the kernel back end's baseline, which is the
 * machine the engine starts with), where the machine keeps it (a plain
 * field, or get/set hooks where writing it has an effect), whether there
 * is one per huge page size, and whether it is the engine's own.
 *
 * Everything else reads the table: hr_sysctl_write() and hr_thp_write()
 * (machine.c), the text of the files (stats.c), a new machine's
 * defaults (knob_set_defaults() from hr_machine_new()), and through the
 * public hr_knob_*() calls the scenario parser, the kernel back end's
 * baseline and paths (kstate.c, be_kernel.c) and the fuzz generator.
 *
 * Adding a knob is one row here (KNOB_HSTATE() rows expand to one knob
 * per huge page size), plus its behaviour: a field of struct hr_machine
 * and whatever code reads it, or a set hook when a write must act.
 */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Hooks: knobs whose write does more than store a number              */

static struct hstate *knob_hstate(struct hr_machine *m, const struct knob *k)
{
	return &m->hstates[k->hstate >= 0 ? k->hstate : m->default_hstate];
}

/* /proc/sys/vm/nr_hugepages shows the pool size asked for */
static int get_max_pages(struct hr_machine *m, const struct knob *k,
			 unsigned long *v)
{
	*v = knob_hstate(m, k)->max_huge_pages;
	return 0;
}

/* the sysfs nr_hugepages shows the pool as it is */
static int get_nr_pages(struct hr_machine *m, const struct knob *k,
			unsigned long *v)
{
	*v = knob_hstate(m, k)->nr_huge_pages;
	return 0;
}

static int set_nr_pages(struct hr_machine *m, const struct knob *k,
			unsigned long v)
{
	return hstate_set_max(knob_hstate(m, k), v);
}

/*
 * nr_hugepages_mempolicy: the pool grows and shrinks on the writer's
 * MPOL_BIND nodes (init_nodemask_of_mempolicy()), on every node for a
 * writer with the default policy or none (a top-level statement).
 */
static int set_nr_pages_mempolicy(struct hr_machine *m, const struct knob *k,
				  unsigned long v)
{
	return hstate_set_max_node(knob_hstate(m, k), v, -1, m->current_policy);
}

static int get_overcommit(struct hr_machine *m, const struct knob *k,
			  unsigned long *v)
{
	*v = knob_hstate(m, k)->nr_overcommit_huge_pages;
	return 0;
}

/* gigantic pages cannot be overcommitted: Linux refuses the write */
static int set_overcommit(struct hr_machine *m, const struct knob *k,
			  unsigned long v)
{
	struct hstate *h = knob_hstate(m, k);

	if (hstate_is_gigantic(h))
		return -EINVAL;
	h->nr_overcommit_huge_pages = v;
	return 0;
}

/*
 * start_stop_khugepaged(): leaving `never` starts a new khugepaged
 * thread, which scans before it first sleeps
 * (scenarios/thp/thp_enable_restarts_khugepaged.scn).
 */
static int set_thp_enabled(struct hr_machine *m, const struct knob *k,
			   unsigned long v)
{
	(void)k;
	if (m->thp.enabled == THP_NEVER && v != THP_NEVER) {
		m->thp.enabled = (int)v;
		return hr_khugepaged(m, 1);
	}
	m->thp.enabled = (int)v;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */

#define SYS_VM	"/proc/sys/vm/"
#define SYS_THP	"/sys/kernel/mm/transparent_hugepage/"
#define SYS_HP	"/sys/kernel/mm/hugepages/"
#define LANG_COUNT ((uint64_t)INT64_MAX)	/* any size the language holds */

/* A plain field of struct hr_machine. */
#define FIELD(f) .off = offsetof(struct hr_machine, f), \
		 .size = sizeof(((struct hr_machine *)0)->f)

/* A number a write takes in [lo, hi]; the language too, unless LANG(). */
#define NUM(lo, hi) .kind = HR_KNOB_ULONG, .min = (lo), .max = (hi)
#define LANG(hi) .lang_max = (hi)
#define BOOL .kind = HR_KNOB_BOOL, .min = 0, .max = 1
#define WORDS(w) .kind = HR_KNOB_WORDS, .words = (w)

/*
 * A pool file of every huge page size: sysctl `hugepages-2048kB.FILE`,
 * /sys/kernel/mm/hugepages/hugepages-2048kB/FILE, and the same for 1 GiB.
 */
#define KNOB_HSTATE(file, fl, ...)					\
	{ .name = "hugepages-2048kB." file,				\
	  .path = SYS_HP "hugepages-2048kB/" file,			\
	  .hstate = HSTATE_2M, .flags = HR_KNOB_PER_HSTATE | (fl),	\
	  .group = HR_KNOB_SYSCTL, __VA_ARGS__ },			\
	{ .name = "hugepages-1048576kB." file,				\
	  .path = SYS_HP "hugepages-1048576kB/" file,			\
	  .hstate = HSTATE_1G, .flags = HR_KNOB_PER_HSTATE | (fl),	\
	  .group = HR_KNOB_SYSCTL, __VA_ARGS__ }

/* A vm.* sysctl (/proc/sys/vm/NAME). */
#define KNOB_VM(n, ...)							\
	{ .name = "vm." n, .path = SYS_VM n, .hstate = -1,		\
	  .group = HR_KNOB_SYSCTL, __VA_ARGS__ }

/* A THP knob: `thp a.b` is /sys/kernel/mm/transparent_hugepage/a/b. */
#define KNOB_THP(n, file, ...)						\
	{ .name = n, .path = SYS_THP file, .hstate = -1,		\
	  .group = HR_KNOB_THP, __VA_ARGS__ }

/*
 * The rows.  Read-only once built; nothing changes them.  Invariants
 * (checked by tests/unit/test_knobs.c): names and paths are unique; a
 * row has a plain field (size 4 or 8) or a get hook; WORDS rows have a
 * field and their default is one of their words; a NUM default is in
 * [min, max].  Rows with hooks and no field (the pools) have no default
 * to apply: the pools start empty.
 */
/* resv_shrink's words, "|all|lru|...": one per reservation policy */
static const char resv_shrink_words[] =
#define THP_RESV_POLICY(word, ops) "|" #word
#include "thp_resv_policies.h"
#undef THP_RESV_POLICY
	;

const struct knob knob_table[] = {
	/* huge page pools: the default size's under the sysctl names */
	KNOB_VM("nr_hugepages", NUM(0, ULONG_MAX), LANG(LANG_COUNT),
		.def = "0", .flags = HR_KNOB_DEFAULT_HSTATE,
		.get = get_max_pages, .set = set_nr_pages),
	KNOB_VM("nr_overcommit_hugepages", NUM(0, ULONG_MAX),
		LANG(LANG_COUNT), .def = "0",
		.flags = HR_KNOB_DEFAULT_HSTATE,
		.get = get_overcommit, .set = set_overcommit),
	KNOB_VM("nr_hugepages_mempolicy", NUM(0, ULONG_MAX),
		LANG(LANG_COUNT), .def = "0",
		.flags = HR_KNOB_DEFAULT_HSTATE | HR_KNOB_API_ONLY,
		.get = get_max_pages, .set = set_nr_pages_mempolicy),
	KNOB_HSTATE("nr_hugepages", 0, NUM(0, ULONG_MAX), LANG(LANG_COUNT),
		    .def = "0", .get = get_nr_pages, .set = set_nr_pages),
	KNOB_HSTATE("nr_overcommit_hugepages", 0, NUM(0, ULONG_MAX),
		    LANG(LANG_COUNT), .def = "0",
		    .get = get_overcommit, .set = set_overcommit),
	KNOB_HSTATE("nr_hugepages_mempolicy", HR_KNOB_API_ONLY,
		    NUM(0, ULONG_MAX), LANG(LANG_COUNT), .def = "0",
		    .get = get_nr_pages, .set = set_nr_pages_mempolicy),

	/*
	 * Overcommit of base memory.  overcommit_ratio is an int on Linux:
	 * the language takes any count and leaves the refusal (EINVAL) to
	 * the write, as the kernel does.
	 */
	KNOB_VM("overcommit_memory", NUM(0, 2), .def = "0",
		FIELD(overcommit_memory)),
	KNOB_VM("overcommit_ratio", NUM(0, INT_MAX), LANG(LANG_COUNT),
		.def = "50", FIELD(overcommit_ratio)),
	/* mode 0 as before Linux 5.2 (docs/thp.md) */
	KNOB_VM("overcommit_guess_free", BOOL, .def = "0",
		.flags = HR_KNOB_ENGINE_ONLY, FIELD(overcommit_guess_free)),

	/* THP: Linux's defaults with CONFIG_TRANSPARENT_HUGEPAGE_MADVISE */
	KNOB_THP("enabled", "enabled", WORDS("always|madvise|never"),
		 .def = "madvise", FIELD(thp.enabled), .set = set_thp_enabled),
	KNOB_THP("defrag", "defrag",
		 WORDS("always|defer|defer+madvise|madvise|never"),
		 .def = "madvise", FIELD(thp.defrag)),
	KNOB_THP("use_zero_page", "use_zero_page", BOOL, .def = "1",
		 FIELD(thp.use_zero_page)),
	KNOB_THP("shrink_underused", "shrink_underused", BOOL, .def = "1",
		 FIELD(thp.shrink_underused)),
	KNOB_THP("khugepaged.max_ptes_none", "khugepaged/max_ptes_none",
		 NUM(0, HPAGE_NR - 1), .def = "511", FIELD(thp.max_ptes_none)),
	KNOB_THP("khugepaged.max_ptes_swap", "khugepaged/max_ptes_swap",
		 NUM(0, HPAGE_NR - 1), .def = "64", FIELD(thp.max_ptes_swap)),
	KNOB_THP("khugepaged.max_ptes_shared", "khugepaged/max_ptes_shared",
		 NUM(0, HPAGE_NR - 1), .def = "256",
		 FIELD(thp.max_ptes_shared)),
	/* the language keeps the sleeps and the batch below 2^31 */
	KNOB_THP("khugepaged.pages_to_scan", "khugepaged/pages_to_scan",
		 NUM(1, ULONG_MAX), LANG(1ULL << 31), .def = "4096",
		 FIELD(thp.pages_to_scan)),
	KNOB_THP("khugepaged.defrag", "khugepaged/defrag", BOOL, .def = "1",
		 FIELD(thp.khugepaged_defrag)),
	KNOB_THP("khugepaged.scan_sleep_millisecs",
		 "khugepaged/scan_sleep_millisecs", NUM(0, ULONG_MAX),
		 LANG(1ULL << 31), .def = "10000",
		 FIELD(thp.scan_sleep)),
	KNOB_THP("khugepaged.alloc_sleep_millisecs",
		 "khugepaged/alloc_sleep_millisecs", NUM(0, ULONG_MAX),
		 LANG(1ULL << 31), .def = "60000",
		 FIELD(thp.alloc_sleep)),

	/* THP reservations (engine only, docs/thp.md) */
	KNOB_THP("promotion_threshold", "promotion_threshold",
		 NUM(1, HPAGE_NR), .def = "1", .flags = HR_KNOB_ENGINE_ONLY,
		 FIELD(thp.promotion_threshold)),
	KNOB_THP("promotion_sync", "promotion_sync", BOOL, .def = "0",
		 .flags = HR_KNOB_ENGINE_ONLY, FIELD(thp.promotion_sync)),
	KNOB_THP("resv_shrink", "resv_shrink", WORDS(resv_shrink_words + 1), .def = "all",
		 .flags = HR_KNOB_ENGINE_ONLY, FIELD(thp.resv_shrink)),
};

const int knob_nr = (int)(sizeof(knob_table) / sizeof(knob_table[0]));

/* ------------------------------------------------------------------ */
/* Lookups and values                                                  */

/** knob_find() - the row called @name (a scenario name), or NULL. */
const struct knob *knob_find(const char *name)
{
	for (int i = 0; i < knob_nr; i++)
		if (!strcmp(knob_table[i].name, name))
			return &knob_table[i];
	return NULL;
}

/** knob_by_path() - the row whose file is @path, or NULL. */
const struct knob *knob_by_path(const char *path)
{
	for (int i = 0; i < knob_nr; i++)
		if (!strcmp(knob_table[i].path, path))
			return &knob_table[i];
	return NULL;
}

/* "always|madvise|never" -> the index of @w, or -1 */
static int word_index(const char *list, const char *w, size_t n)
{
	int i = 0;

	for (const char *p = list; *p; i++) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && !strncmp(p, w, n))
			return i;
		if (!e)
			break;
		p = e + 1;
	}
	return -1;
}

/* Word @i of @list into @buf ("" past the end). */
static const char *word_at(const char *list, unsigned long i, char *buf,
			   size_t len)
{
	const char *p = list;

	for (; i && p; i--) {
		p = strchr(p, '|');
		if (p)
			p++;
	}
	if (!p) {
		snprintf(buf, len, "%s", "");
		return buf;
	}
	snprintf(buf, len, "%.*s", (int)strcspn(p, "|"), p);
	return buf;
}

/* A decimal as a write takes it: trailing blanks and a newline allowed. */
int knob_parse_ulong(const char *s, unsigned long *out)
{
	char *end;
	unsigned long long v;

	if (!s || !*s || *s == '-')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	while (*end == ' ' || *end == '\n')
		end++;
	if (errno || *end || v > ULONG_MAX)
		return -EINVAL;
	*out = (unsigned long)v;
	return 0;
}

/**
 * knob_parse() - @value as a write of @k takes it: a number within
 * [min, max], or the index of one of its words.
 * Return: 0, -EINVAL.
 */
int knob_parse(const struct knob *k, const char *value, unsigned long *v)
{
	int w;

	if (k->kind == HR_KNOB_WORDS) {
		if (!value || (w = word_index(k->words, value, strlen(value))) < 0)
			return -EINVAL;
		*v = (unsigned long)w;
		return 0;
	}
	if (knob_parse_ulong(value, v) || *v < k->min || *v > k->max)
		return -EINVAL;
	return 0;
}

/**
 * knob_get() - @k's current value: the number, or the index of its word.
 * Return: 0, or the get hook's error.
 */
int knob_get(struct hr_machine *m, const struct knob *k, unsigned long *v)
{
	const char *f = (const char *)m + k->off;

	if (k->get)
		return k->get(m, k, v);
	if (k->size == sizeof(uint32_t)) {
		uint32_t x;

		memcpy(&x, f, sizeof(x));
		*v = x;
	} else {
		uint64_t x;

		memcpy(&x, f, sizeof(x));
		*v = (unsigned long)x;
	}
	return 0;
}

/* Store @v in @k's field (the hooks do their own). */
static void knob_store(struct hr_machine *m, const struct knob *k,
		       unsigned long v)
{
	char *f = (char *)m + k->off;

	if (k->size == sizeof(uint32_t)) {
		uint32_t x = (uint32_t)v;

		memcpy(f, &x, sizeof(x));
	} else {
		uint64_t x = v;

		memcpy(f, &x, sizeof(x));
	}
}

/**
 * knob_write() - a write of @value to @k's file: parsed and bounded by
 * knob_parse(), then stored or handed to the set hook.
 * Return: 0, -EINVAL, or the set hook's error.
 */
int knob_write(struct hr_machine *m, const struct knob *k, const char *value)
{
	unsigned long v;
	int err = knob_parse(k, value, &v);

	if (err)
		return err;
	if (k->set)
		return k->set(m, k, v);
	knob_store(m, k, v);
	return 0;
}

/**
 * knob_show() - @k's value as text: as hr_knob_write() takes it, or with
 * @file as Linux's file shows it (a newline; a word knob's whole list
 * with the current word in brackets).
 * Return: the length of the full text (like snprintf), or an error.
 */
int knob_show(struct hr_machine *m, const struct knob *k, bool file,
	      char *buf, size_t len)
{
	unsigned long v;
	char w[32];
	int err = knob_get(m, k, &v), n = 0;

	if (err)
		return err;
	if (k->kind != HR_KNOB_WORDS)
		return snprintf(buf, len, file ? "%lu\n" : "%lu", v);
	if (!file)
		return snprintf(buf, len, "%s", word_at(k->words, v, w, sizeof(w)));
	/* Linux's format: every word, the current one in brackets */
	for (unsigned long i = 0;; i++) {
		size_t room = (size_t)n < len ? len - (size_t)n : 0;

		word_at(k->words, i, w, sizeof(w));
		if (!w[0])
			break;
		n += snprintf(room ? buf + n : NULL, room, i == v ? "%s[%s]" : "%s%s",
			      i ? " " : "", w);
	}
	{
		size_t room = (size_t)n < len ? len - (size_t)n : 0;

		n += snprintf(room ? buf + n : NULL, room, "\n");
	}
	return n;
}

/**
 * knob_set_defaults() - store the default of every @group knob that has a
 * plain field; the pools (hooks, no field) start empty by themselves.
 * Called while the machine is built, before anything reads the knobs.
 */
void knob_set_defaults(struct hr_machine *m, enum hr_knob_group group)
{
	unsigned long v;

	for (int i = 0; i < knob_nr; i++) {
		const struct knob *k = &knob_table[i];

		if (k->group != group || !k->size || !k->def)
			continue;
		HR_BUG_ON(knob_parse(k, k->def, &v));
		knob_store(m, k, v);
	}
}

/* ------------------------------------------------------------------ */
/* The public interface                                                */

int hr_knob_count(void)
{
	return knob_nr;
}

int hr_knob_info(int i, struct hr_knob_info *out)
{
	const struct knob *k;

	if (i < 0 || i >= knob_nr)
		return -ENOENT;
	k = &knob_table[i];
	memset(out, 0, sizeof(*out));
	out->name = k->name;
	out->path = k->path;
	out->kind = k->kind;
	out->group = k->group;
	out->min = k->min;
	out->max = k->max;
	if (k->kind == HR_KNOB_WORDS)	/* the words' indices */
		for (const char *p = k->words; (p = strchr(p, '|')); p++)
			out->max++;
	out->lang_max = k->lang_max ? k->lang_max : k->max;
	out->words = k->words;
	out->def = k->def;
	out->pagesize = k->hstate == HSTATE_1G ? HR_SZ_1G :
			k->hstate == HSTATE_2M ? HR_SZ_2M : 0;
	out->flags = k->flags;
	return 0;
}

int hr_knob_find(const char *name)
{
	const struct knob *k = name ? knob_find(name) : NULL;

	return k ? (int)(k - knob_table) : -ENOENT;
}

int hr_knob_parse(const char *name, const char *value, uint64_t *out)
{
	const struct knob *k = name ? knob_find(name) : NULL;
	unsigned long v;
	int err;

	if (!k)
		return -ENOENT;
	err = knob_parse(k, value, &v);
	if (!err && out)
		*out = v;
	return err;
}

ssize_t hr_knob_read(hr_machine *m, const char *name, char *buf, size_t len)
{
	const struct knob *k = name ? knob_find(name) : NULL;

	if (!k)
		return -ENOENT;
	if (len)
		buf[0] = 0;
	return knob_show(m, k, false, buf, len);
}

int hr_knob_write(hr_machine *m, const char *name, const char *value)
{
	const struct knob *k = name ? knob_find(name) : NULL;

	if (!k)
		return -ENOENT;
	return knob_write(m, k, value);
}
