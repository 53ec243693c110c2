/* SPDX-License-Identifier: MIT */
/*
 * be_kernel_own.c - the run's own share of the machine-wide THP event
 * counters, and the check that nobody else writes the pool settings
 * (docs/kernel-backend.md, "Counters on a busy machine").
 *
 * /proc/vmstat's thp_* events and khugepaged's pages_collapsed count for
 * the whole machine, and a shared host is never idle: other processes
 * fault THPs, and khugepaged, woken or switched on by a step, collapses
 * their memory too.  A delta since the start of the run is then not the
 * scenario's.  So for every tracked key the back end adds up, step by
 * step, only a share it can show is the run's own:
 *
 *  - at a step that runs no code in the scenario's processes (sysctl,
 *    thp, mount, file, shm, khugepaged, ...) none of them can fault, so
 *    the fault events' share is 0, and the collapses' share is the THPs
 *    the agents gained in their scenario mappings (AnonHugePages; only
 *    khugepaged can have made them);
 *  - at a step of an agent, thp_fault_alloc's share is the number of new
 *    THPs in the agents' scenario mappings (page frames of THP heads that
 *    were not there before the step: /proc/PID/pagemap and
 *    /proc/kpageflags), and at `advise ... collapse` so is
 *    thp_collapse_alloc's;
 *  - at every step but `remap`, thp_split_pmd's share is the number of
 *    the agents' 2 MiB ranges that a PMD mapped before the step and page
 *    tables map after it (the PAGEMAP_SCAN ioctl of /proc/PID/pagemap
 *    tells PMD-mapped THPs, PAGE_IS_HUGE);
 *  - thp_deferred_split_page is noisy at once if it moved by more than
 *    the THPs the agents held (each is queued at most once), or, at a
 *    step that runs none of their code, by more than the step's
 *    collapses or the THPs the agents held before it (only a collapse
 *    over part of one of their THPs can queue it then);
 *  - otherwise the step's movement counts if the counter stood still in
 *    a quiet window just before the step (up to KB_OWN_TRIES windows of
 *    KB_OWN_WIN_MS are tried) and in one just after it (as long as the
 *    step took, at least KB_OWN_WIN_MS, at most KB_OWN_WIN_MAX_MS);
 *  - else the key is noisy from that step on: its figure is unknown,
 *    and the snapshot says so with a key "noisy:KEY" (the line), which
 *    diff and the runner report instead of comparing it.
 *
 * A derived share is never more than the machine moved (the rest was
 * other processes'); if the machine moved less, its figure is taken, so
 * that a derivation can hide no difference from the engine.
 *
 * A program that cannot make a THP of its own (every mapping hugetlb,
 * no `thp` or `khugepaged` statement) has a share of 0 by construction:
 * the conductor runs with THP disabled and every agent marks all of its
 * own memory MADV_NOHUGEPAGE.  Nothing is read for it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "backend/backend.h"
#include "backend/be_kernel.h"
#include "hugeresv.h"

#define KB_KH_COLLAPSED	"transparent_hugepage/khugepaged/pages_collapsed"

/*
 * The keys diff compares (diff_keys[] in cli/diff/diff.c) that count
 * machine-wide events, and how each one's share is found.  Event keys a
 * program `expect`s are tracked too (KO_WINDOW, unless listed here).
 */
static const struct {
	const char *key;
	enum kown_how how;
} kb_own_fixed[] = {
	{ "vmstat:thp_fault_alloc", KO_NEWTHP },
	{ "vmstat:thp_fault_fallback", KO_FAULT },
	{ "vmstat:thp_fault_fallback_charge", KO_FAULT },
	{ "vmstat:thp_zero_page_alloc", KO_FAULT },
	{ "vmstat:thp_collapse_alloc", KO_COLLAPSE },
	{ "vmstat:thp_split_pmd", KO_SPLIT },
	{ "vmstat:thp_deferred_split_page", KO_BOUNDED },
	{ "sysfs:" KB_KH_COLLAPSED, KO_COLLAPSE },
};

/* The fixed keys that are tracked in every program: diff's. */
static int kb_own_always(const char *key)
{
	return !strcmp(key, "vmstat:thp_fault_alloc") ||
	       !strcmp(key, "vmstat:thp_fault_fallback") ||
	       !strcmp(key, "vmstat:thp_collapse_alloc") ||
	       !strcmp(key, "vmstat:thp_split_pmd") ||
	       !strcmp(key, "vmstat:thp_deferred_split_page") ||
	       !strcmp(key, "sysfs:" KB_KH_COLLAPSED);
}

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void own_msleep(int64_t ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		if (kstate_stop_requested())
			return;
}

/*
 * Could the program make a THP of its own?  Any mapping that is not
 * hugetlb (anonymous memory: hugetlbfs files and SHM_HUGETLB segments are
 * hugetlb), or a statement that drives THP or khugepaged.
 */
static int prog_makes_thp(const struct program *prog)
{
	int i;

	for (i = 0; i < prog->nmaps; i++)
		if (!(prog->maps[i].flags & MF_HUGETLB))
			return 1;
	for (i = 0; i < prog->nsteps; i++)
		if (prog->steps[i].kind == ST_THP ||
		    prog->steps[i].kind == ST_KHUGEPAGED)
			return 1;
	return 0;
}

/* Does step @st run code in one of the scenario's processes? */
static int runs_agents(const struct step *st)
{
	switch (st->kind) {
	case ST_PROC:
	case ST_MAP:
	case ST_TOUCH:
	case ST_UNMAP:
	case ST_PROTECT:
	case ST_ADVISE:
	case ST_REMAP:
	case ST_FORK:
	case ST_EXIT:
		return 1;
	default:
		return 0;
	}
}

/* /proc/PID/pagemap and /proc/kpageflags (admin-guide/mm/pagemap.rst) */
#define PM_PRESENT		(1ULL << 63)
#define PM_PFN_MASK		((1ULL << 55) - 1)
#define KPF_COMPOUND_HEAD	15
#define KPF_THP			22
#define KPF_ZERO_PAGE		24

static int pfn_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int pfns_add(struct kpfns *s, uint64_t pfn)
{
	if (s->n == s->cap) {
		int cap = s->cap ? 2 * s->cap : 64;
		uint64_t *v = realloc(s->v, (size_t)cap * sizeof(*v));

		if (!v)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = pfn;
	return 0;
}

/*
 * agents_anon_walk() - call @scan(pagemap fd, process, lo, hi, @ctx) for
 * each interval of each live agent's anonymous scenario mappings
 * (hugetlb pages are no THPs), with that agent's /proc/PID/pagemap
 * open.  Stops at the first @scan that fails.
 * Return: 0, or -1 (a pagemap that could not be opened, or @scan's -1).
 */
static int agents_anon_walk(struct kbe *k,
			    int (*scan)(int pm, int proc, uint64_t lo,
					uint64_t hi, void *ctx),
			    void *ctx)
{
	const struct program *prog = k->prog;
	int p, i, j, rc = 0;

	for (p = 0; p < prog->nprocs && !rc; p++) {
		char path[64];
		int pm;

		if (!k->agents[p].live)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/pagemap",
			 (int)k->agents[p].pid);
		pm = open(path, O_RDONLY | O_CLOEXEC);
		if (pm < 0)
			return -1;
		for (i = 0; i < prog->nmaps && !rc; i++) {
			const struct kmap *km = &k->maps[i];

			if (prog->maps[i].proc != p ||
			    (prog->maps[i].flags & MF_HUGETLB))
				continue;
			for (j = 0; j < km->niv && !rc; j++)
				rc = scan(pm, p, km->iv[j].lo, km->iv[j].hi, ctx);
		}
		close(pm);
	}
	return rc;
}

struct thp_scan_ctx {
	int kpf;			/* /proc/kpageflags */
	struct kpfns *set;
};

/* The THP head frames mapped at the PMD-aligned addresses of [lo, hi). */
static int thp_scan(int pm, int proc, uint64_t lo, uint64_t hi, void *ctx)
{
	struct thp_scan_ctx *c = ctx;
	uint64_t a;

	(void)proc;
	for (a = ALIGN_UP(lo, KB_PMD_SIZE); a + KB_PMD_SIZE <= hi;
	     a += KB_PMD_SIZE) {
		uint64_t e, f, pfn;

		if (pread(pm, &e, sizeof(e), (off_t)(a / 4096 * 8)) !=
		    (ssize_t)sizeof(e))
			return -1;
		if (!(e & PM_PRESENT))
			continue;
		pfn = e & PM_PFN_MASK;
		if (!pfn ||
		    pread(c->kpf, &f, sizeof(f), (off_t)(pfn * 8)) !=
		    (ssize_t)sizeof(f))
			return -1;
		if ((f >> KPF_THP & 1) && (f >> KPF_COMPOUND_HEAD & 1) &&
		    !(f >> KPF_ZERO_PAGE & 1) && pfns_add(c->set, pfn) < 0)
			return -1;
	}
	return 0;
}

/*
 * thp_census() - the page frames of the THPs mapped at a PMD-aligned
 * address of the agents' scenario mappings (anonymous ones: hugetlb pages
 * are no THPs), sorted, each once (a fork child shares its parent's).
 * The huge zero page is left out: it is not allocated by the fault that
 * maps it.  Root only (pagemap shows frame numbers to CAP_SYS_ADMIN).
 * Return: 0, or -1 if a file could not be read.
 */
static int thp_census(struct kbe *k, struct kpfns *set)
{
	struct thp_scan_ctx c = { -1, set };
	int i, n, rc;

	set->n = 0;
	c.kpf = open("/proc/kpageflags", O_RDONLY | O_CLOEXEC);
	if (c.kpf < 0)
		return -1;
	rc = agents_anon_walk(k, thp_scan, &c);
	close(c.kpf);
	if (rc)
		return -1;
	if (set->n > 1)	/* qsort() wants an array, even of none */
		qsort(set->v, (size_t)set->n, sizeof(*set->v), pfn_cmp);
	for (i = n = 0; i < set->n; i++)
		if (!n || set->v[n - 1] != set->v[i])
			set->v[n++] = set->v[i];
	set->n = n;
	return 0;
}

/* How many of @after's frames are not in @before? */
static int64_t pfns_new(const struct kpfns *before, const struct kpfns *after)
{
	int64_t n = 0;
	int i;

	for (i = 0; i < after->n; i++)
		if (!before->n || !bsearch(&after->v[i], before->v,
					   (size_t)before->n,
					   sizeof(*before->v), pfn_cmp))
			n++;
	return n;
}

/*
 * PAGEMAP_SCAN (Linux 6.7, include/uapi/linux/fs.h): the kernel's own
 * header may be older than the running kernel, so the interface is
 * spelled out here.
 */
#define KB_PAGE_IS_PRESENT	(1ULL << 3)
#define KB_PAGE_IS_SWAPPED	(1ULL << 4)
#define KB_PAGE_IS_HUGE		(1ULL << 6)

struct kb_page_region {
	uint64_t start, end, categories;
};

struct kb_pm_scan_arg {
	uint64_t size, flags, start, end, walk_end, vec, vec_len, max_pages;
	uint64_t category_inverted, category_mask, category_anyof_mask;
	uint64_t return_mask;
};

#define KB_PAGEMAP_SCAN	_IOWR('f', 16, struct kb_pm_scan_arg)

static int pmds_add(struct kpmds *s, uint64_t addr, int proc, int huge)
{
	if (s->n && s->v[s->n - 1].proc == proc && s->v[s->n - 1].addr == addr) {
		s->v[s->n - 1].huge |= huge;
		return 0;
	}
	if (s->n == s->cap) {
		int cap = s->cap ? 2 * s->cap : 64;
		struct kpmd *v = realloc(s->v, (size_t)cap * sizeof(*v));

		if (!v)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n].addr = addr;
	s->v[s->n].proc = proc;
	s->v[s->n].huge = huge;
	s->n++;
	return 0;
}

struct pmd_scan_ctx {
	struct kbe *k;
	struct kpmds *set;
};

static int pmd_cmp(const void *a, const void *b)
{
	const struct kpmd *x = a, *y = b;

	if (x->proc != y->proc)
		return x->proc < y->proc ? -1 : 1;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/*
 * The regions of [lo, hi) of @pm that hold pages, into @ctx's set; a
 * kernel without PAGEMAP_SCAN is noted in @ctx's back end.
 */
static int pmd_scan(int pm, int proc, uint64_t lo, uint64_t hi, void *ctx)
{
	struct pmd_scan_ctx *c = ctx;
	struct kpmds *set = c->set;
	struct kb_page_region r[64];
	struct kb_pm_scan_arg a;
	long n, i;

	while (lo < hi) {
		memset(&a, 0, sizeof(a));
		a.size = sizeof(a);
		a.start = lo;
		a.end = hi;
		a.vec = (uint64_t)(uintptr_t)r;
		a.vec_len = sizeof(r) / sizeof(r[0]);
		a.category_anyof_mask = KB_PAGE_IS_PRESENT | KB_PAGE_IS_SWAPPED;
		a.return_mask = KB_PAGE_IS_PRESENT | KB_PAGE_IS_SWAPPED |
				KB_PAGE_IS_HUGE;
		n = ioctl(pm, KB_PAGEMAP_SCAN, &a);
		if (n < 0) {
			if (errno == ENOTTY || errno == EINVAL)
				c->k->own.no_pagemap_scan = 1;
			return -1;
		}
		for (i = 0; i < n; i++) {
			uint64_t x = r[i].start & ~(KB_PMD_SIZE - 1);
			int huge = !!(r[i].categories & KB_PAGE_IS_HUGE);

			for (; x < r[i].end; x += KB_PMD_SIZE)
				if (pmds_add(set, x, proc, huge) < 0)
					return -1;
		}
		if (a.walk_end <= lo)
			break;
		lo = a.walk_end;
	}
	return 0;
}

/*
 * pmd_census() - the 2 MiB ranges of the agents' anonymous scenario
 * mappings that hold pages (present or swapped), each marked whether a
 * PMD maps it (a THP, or the huge zero page).
 * Return: 0, or -1 (no PAGEMAP_SCAN: then k->own.no_pagemap_scan).
 */
static int pmd_census(struct kbe *k, struct kpmds *set)
{
	struct pmd_scan_ctx c = { k, set };
	int rc;

	set->n = 0;
	rc = agents_anon_walk(k, pmd_scan, &c);
	if (rc)
		return -1;
	if (set->n > 1)
		qsort(set->v, (size_t)set->n, sizeof(*set->v), pmd_cmp);
	return 0;
}

/* Ranges PMD-mapped in @before and mapped by page tables in @after. */
static int64_t pmds_split(const struct kpmds *before, const struct kpmds *after)
{
	int64_t n = 0;
	int i;

	for (i = 0; i < before->n; i++) {
		const struct kpmd *b = &before->v[i], *a;

		if (!b->huge || !after->n)
			continue;
		a = bsearch(b, after->v, (size_t)after->n, sizeof(*after->v),
			    pmd_cmp);
		n += a && !a->huge;
	}
	return n;
}

/* Is @st `advise ... collapse` (MADV_COLLAPSE)? */
static int is_collapse_advice(const struct step *st)
{
	return st->kind == ST_ADVISE && st->advice == HR_MADV_COLLAPSE;
}

/*
 * Add @d, the machine's movement of @kk at a step, of which the run made
 * @mine (derived): the smaller of the two (the rest was other
 * processes').
 */
static void own_derived(struct kown *o, struct kown_key *kk, int64_t d,
			int64_t mine)
{
	if (d > mine) {
		kk->own += mine;
		o->excluded += d - mine;
	} else {
		kk->own += d;
	}
}

static struct kown_key *own_add(struct kown *o, const char *key,
				enum kown_how how)
{
	struct kown_key *kk;
	int i;

	for (i = 0; i < o->nkeys; i++)
		if (!strcmp(o->keys[i].key, key))
			return &o->keys[i];
	if (o->nkeys == KB_OWN_MAX || strlen(key) >= sizeof(kk->key))
		return NULL;
	kk = &o->keys[o->nkeys++];
	memset(kk, 0, sizeof(*kk));
	snprintf(kk->key, sizeof(kk->key), "%s", key);
	kk->how = how;
	if (!strncmp(key, "sysfs:", 6))
		kk->file = kk->key + 6;
	return kk;
}

static enum kown_how fixed_how(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof(kb_own_fixed) / sizeof(kb_own_fixed[0]); i++)
		if (!strcmp(kb_own_fixed[i].key, key))
			return kb_own_fixed[i].how;
	return KO_WINDOW;
}

/*
 * Read every tracked key now into its @cur.  A key the kernel lacks keeps
 * have == 0 (set by the first read).  Return: 0, or -1.
 */
static int own_read(struct kbe *k, int first)
{
	struct kown *o = &k->own;
	char path[PATH_MAX], buf[64], *end;
	const char *line;
	int i, any_vmstat = 0;

	for (i = 0; i < o->nkeys; i++) {
		if (!first && !o->keys[i].have)
			continue;
		if (!o->keys[i].file)
			any_vmstat = 1;
		if (first)
			o->keys[i].have = 0;
	}
	for (i = 0; i < o->nkeys; i++) {
		struct kown_key *kk = &o->keys[i];

		if (!kk->file || (!first && !kk->have))
			continue;
		snprintf(path, sizeof(path), "/sys/kernel/mm/%s", kk->file);
		if (kstate_read_file(path, buf, sizeof(buf)) < 0) {
			if (first)
				continue;
			return -1;
		}
		kk->cur = strtoull(buf, &end, 10);
		kk->have = end != buf;
	}
	if (!any_vmstat)
		return 0;
	if (kb_slurp(k, "/proc/vmstat") < 0)
		return -1;
	/* one pass over the file; a handful of keys per line */
	for (line = k->buf; *line; ) {
		const char *sp = strchr(line, ' '), *nl = strchr(line, '\n');

		if (!nl)
			nl = line + strlen(line);
		if (sp && sp < nl) {
			size_t len = (size_t)(sp - line);

			for (i = 0; i < o->nkeys; i++) {
				struct kown_key *kk = &o->keys[i];
				const char *name = kk->key + 7;	/* "vmstat:" */

				if (kk->file || strlen(name) != len ||
				    memcmp(name, line, len))
					continue;
				kk->cur = strtoull(sp + 1, NULL, 10);
				if (first)
					kk->have = 1;
			}
		}
		line = *nl ? nl + 1 : nl;
	}
	return 0;
}

/* The pool settings now: nr_hugepages - surplus_hugepages, overcommit. */
static int pool_read(int64_t *persistent, int64_t *overcommit, int *have)
{
	static const char *const sizes[KB_POOL_SIZES] = {
		"hugepages-2048kB", "hugepages-1048576kB",
	};
	char path[PATH_MAX], buf[64];
	int64_t nr, surp, oc;
	int i;

	for (i = 0; i < KB_POOL_SIZES; i++) {
		have[i] = 0;
		snprintf(path, sizeof(path), "%s/%s/nr_hugepages",
			 KSTATE_SYSFS_HP, sizes[i]);
		if (kstate_read_file(path, buf, sizeof(buf)) < 0)
			continue;
		nr = strtoll(buf, NULL, 10);
		snprintf(path, sizeof(path), "%s/%s/surplus_hugepages",
			 KSTATE_SYSFS_HP, sizes[i]);
		if (kstate_read_file(path, buf, sizeof(buf)) < 0)
			return -1;
		surp = strtoll(buf, NULL, 10);
		snprintf(path, sizeof(path), "%s/%s/nr_overcommit_hugepages",
			 KSTATE_SYSFS_HP, sizes[i]);
		if (kstate_read_file(path, buf, sizeof(buf)) < 0)
			return -1;
		oc = strtoll(buf, NULL, 10);
		persistent[i] = nr - surp;
		overcommit[i] = oc;
		have[i] = 1;
	}
	return 0;
}

/**
 * kb_own_init() - start counting the run's own share: which keys, from
 * which readings.  Called once the run's base is taken (kb_take_base()),
 * so that every share starts at 0 as the deltas do.
 * Return: 0, or -1 with a message in @err.
 */
int kb_own_init(struct kbe *k, char *err, size_t errlen)
{
	struct kown *o = &k->own;
	const struct program *prog = k->prog;
	char key[160];
	size_t i;
	int s, j;

	memset(o, 0, sizeof(*o));
	o->thp = prog_makes_thp(prog);
	for (i = 0; i < sizeof(kb_own_fixed) / sizeof(kb_own_fixed[0]); i++)
		if (kb_own_always(kb_own_fixed[i].key))
			own_add(o, kb_own_fixed[i].key, kb_own_fixed[i].how);
	for (s = 0; s < prog->nsteps; s++) {
		const struct step *st = &prog->steps[s];

		if (st->kind != ST_EXPECT)
			continue;
		for (j = 0; j < st->nitems; j++) {
			const char *name = st->items[j].key;

			/* a program without THPs of its own tracks only THP
			 * events (its share of them is 0): oom_kill is not */
			if (st->ex_source == EX_VMSTAT && strncmp(name, "nr_", 3) &&
			    (o->thp || !strncmp(name, "thp_", 4)))
				snprintf(key, sizeof(key), "vmstat:%.120s", name);
			else if (st->ex_source == EX_SYSFS &&
				 !strcmp(name, KB_KH_COLLAPSED))
				snprintf(key, sizeof(key), "sysfs:%s", name);
			else
				continue;
			own_add(o, key, fixed_how(key));
		}
	}
	if (pool_read(o->persistent, o->overcommit, o->have_pool) < 0 ||
	    own_read(k, 1) < 0) {
		snprintf(err, errlen, "kernel back end: cannot read the event "
			 "counters");
		return -1;
	}
	return 0;
}

/*
 * Is the share of key @kk at step @st the counter's movement, if quiet
 * windows show it to be (rather than derived, or 0)?
 */
static int needs_window(const struct kown *o, const struct kown_key *kk,
			const struct step *st)
{
	if (!kk->have || kk->noisy_line)
		return 0;
	switch (kk->how) {
	case KO_NEWTHP:
		return 0;
	case KO_SPLIT:
		return st->kind == ST_REMAP || o->no_pagemap_scan;
	case KO_COLLAPSE:
		return runs_agents(st) && !is_collapse_advice(st);
	case KO_FAULT:
		return runs_agents(st);
	default:
		return 1;
	}
}

/* Does step @st need the THP census of the agents (KO_NEWTHP, ...)? */
static int needs_census(const struct kown *o, const struct step *st)
{
	int i;

	for (i = 0; i < o->nkeys; i++) {
		const struct kown_key *kk = &o->keys[i];

		if (!kk->have || kk->noisy_line)
			continue;
		if (kk->how == KO_BOUNDED ||
		    (runs_agents(st) && (kk->how == KO_NEWTHP ||
					 (kk->how == KO_COLLAPSE &&
					  is_collapse_advice(st)))))
			return 1;
	}
	return 0;
}

/* Does step @st need the PMD census of the agents (KO_SPLIT)? */
static int needs_pmds(const struct kown *o, const struct step *st)
{
	int i;

	for (i = 0; i < o->nkeys; i++)
		if (o->keys[i].how == KO_SPLIT && o->keys[i].have &&
		    !o->keys[i].noisy_line && !needs_window(o, &o->keys[i], st))
			return 1;
	return 0;
}

/**
 * kb_own_before() - just before step @st: wait for a quiet window (no
 * tracked counter moves for KB_OWN_WIN_MS; up to KB_OWN_TRIES windows)
 * and take the readings the step's share starts from.
 */
void kb_own_before(struct kbe *k, const struct step *st)
{
	struct kown *o = &k->own;
	int i, try, windows = 0, collapse = 0;

	if (!o->thp)
		return;
	for (i = 0; i < o->nkeys; i++) {
		windows |= needs_window(o, &o->keys[i], st);
		collapse |= o->keys[i].have && !o->keys[i].noisy_line &&
			    o->keys[i].how == KO_COLLAPSE && !runs_agents(st);
	}
	o->ahp_pre = 0;
	if (collapse && kb_smaps_sum(k, "AnonHugePages", &o->ahp_pre) < 0)
		o->ahp_pre = -1;
	o->census_ok = needs_census(o, st) && thp_census(k, &o->thp_pre) == 0;
	o->pmd_ok = needs_pmds(o, st) && pmd_census(k, &o->pmd_pre) == 0;
	if (own_read(k, 0) < 0)
		goto unreadable;
	for (i = 0; i < o->nkeys; i++) {
		o->keys[i].pre = o->keys[i].cur;
		o->keys[i].pre_moved = 0;
	}
	for (try = 0; windows && try < KB_OWN_TRIES; try++) {
		int moved = 0;

		own_msleep(KB_OWN_WIN_MS);
		if (own_read(k, 0) < 0)
			goto unreadable;
		for (i = 0; i < o->nkeys; i++) {
			struct kown_key *kk = &o->keys[i];

			kk->pre_moved = needs_window(o, kk, st) &&
					kk->cur != kk->pre;
			moved |= kk->pre_moved;
			kk->pre = kk->cur;
		}
		if (!moved)
			break;
	}
	o->t_pre_ns = now_ns();
	return;
unreadable:
	for (i = 0; i < o->nkeys; i++)
		o->keys[i].pre_moved = 1;	/* nothing can be shown */
	o->t_pre_ns = now_ns();
}

/*
 * Have the pool settings changed at step @st, which wrote none?  Under the
 * lock nobody else may write them (docs/kernel-backend.md), and none of
 * the run's other steps can: a surplus page that comes or goes changes
 * nr_hugepages and surplus_hugepages together.
 */
static int pool_check(struct kbe *k, const struct step *st, char *err,
		      size_t errlen)
{
	static const char *const names[KB_POOL_SIZES] = { "2 MiB", "1 GiB" };
	struct kown *o = &k->own;
	int64_t p[KB_POOL_SIZES], c[KB_POOL_SIZES];
	int have[KB_POOL_SIZES], i;

	if (pool_read(p, c, have) < 0) {
		kb_err(err, errlen, st, "cannot read the pool settings");
		return -1;
	}
	/* the run's own write (a process's, a node's pool): note it */
	if (st->kind == ST_SYSCTL || st->kind == ST_SYSCTL_AS ||
	    st->kind == ST_NODE) {
		memcpy(o->persistent, p, sizeof(p));
		memcpy(o->overcommit, c, sizeof(c));
		memcpy(o->have_pool, have, sizeof(have));
		return 0;
	}
	for (i = 0; i < KB_POOL_SIZES; i++) {
		if (have[i] != o->have_pool[i] ||
		    (have[i] && (p[i] != o->persistent[i] ||
				 c[i] != o->overcommit[i]))) {
			kb_err(err, errlen, st, "the %s pool settings changed "
			       "from outside the run (persistent pages %lld, "
			       "overcommit %lld; the run left %lld and %lld): "
			       "something wrote them without taking %s",
			       names[i], (long long)p[i], (long long)c[i],
			       (long long)o->persistent[i],
			       (long long)o->overcommit[i], KSTATE_LOCK);
			return -1;
		}
	}
	return 0;
}

/**
 * kb_own_after() - step @st is over (and khugepaged asleep again): add
 * each key's share of the step, or mark it noisy, and check the pool
 * settings.
 * Return: 0, or -1 with a message in @err (the pool settings changed
 * from outside the run).
 */
int kb_own_after(struct kbe *k, const struct step *st, char *err,
		 size_t errlen)
{
	struct kown *o = &k->own;
	int64_t ahp = 0, gained = -1, made = -1, split = -1, ms, d[KB_OWN_MAX];
	int i, pending[KB_OWN_MAX], npending = 0, ok;

	if (!o->thp)
		return pool_check(k, st, err, errlen);
	ms = (now_ns() - o->t_pre_ns) / 1000000;
	if (o->ahp_pre >= 0 && !runs_agents(st) &&
	    kb_smaps_sum(k, "AnonHugePages", &ahp) == 0)
		gained = ahp > o->ahp_pre ?
			 (ahp - o->ahp_pre) / (int64_t)KB_PMD_SIZE : 0;
	if (o->census_ok && thp_census(k, &o->thp_post) == 0)
		made = pfns_new(&o->thp_pre, &o->thp_post);
	if (o->pmd_ok && pmd_census(k, &o->pmd_post) == 0)
		split = pmds_split(&o->pmd_pre, &o->pmd_post);
	ok = own_read(k, 0) == 0;
	for (i = 0; ok && i < o->nkeys; i++) {
		struct kown_key *kk = &o->keys[i];

		pending[i] = 0;
		d[i] = (int64_t)(kk->cur - kk->pre);
		if (!kk->have || kk->noisy_line)
			continue;
		if ((kk->how == KO_FAULT || kk->how == KO_NEWTHP) &&
		    !runs_agents(st))
			continue;	/* nothing of the run can fault */
		if (kk->how == KO_COLLAPSE && !runs_agents(st)) {
			if (gained < 0)
				kk->noisy_line = st->line;
			else
				own_derived(o, kk, d[i], gained);
			continue;
		}
		if (kk->how == KO_NEWTHP ||
		    (kk->how == KO_COLLAPSE && is_collapse_advice(st))) {
			/* the new THPs are collapses at MADV_COLLAPSE and
			 * faults at every other step of an agent */
			int mine = (kk->how == KO_COLLAPSE) ==
				   is_collapse_advice(st);

			if (made < 0)
				kk->noisy_line = st->line;
			else
				own_derived(o, kk, d[i], mine ? made : 0);
			continue;
		}
		if (kk->how == KO_SPLIT && st->kind != ST_REMAP &&
		    !o->no_pagemap_scan) {
			if (split < 0)
				kk->noisy_line = st->line;
			else
				own_derived(o, kk, d[i], split);
			continue;
		}
		/*
		 * At a step that runs none of the run's code only khugepaged
		 * can unmap part of one of its THPs (a collapse over it), so
		 * no more than the step's collapses, nor than the THPs it held,
		 * can have been queued; a long `khugepaged` step otherwise
		 * takes other processes' splits (a qemu's guest memory, say)
		 * for the run's.
		 */
		if (kk->how == KO_BOUNDED && !runs_agents(st) && gained >= 0 &&
		    d[i] > (o->census_ok && o->thp_pre.n < gained ?
			    o->thp_pre.n : gained)) {
			kk->noisy_line = st->line;
			continue;
		}
		if (kk->how == KO_BOUNDED && made >= 0 &&
		    d[i] > o->thp_pre.n + made) {
			/* more than the run's THPs can have made */
			kk->noisy_line = st->line;
			continue;
		}
		if (kk->pre_moved) {
			kk->noisy_line = st->line;
			continue;
		}
		kk->pre = kk->cur;	/* the window after starts here */
		pending[i] = 1;
		npending++;
	}
	if (ok && npending) {
		if (ms < KB_OWN_WIN_MS)
			ms = KB_OWN_WIN_MS;
		if (ms > KB_OWN_WIN_MAX_MS)
			ms = KB_OWN_WIN_MAX_MS;
		own_msleep(ms);
		ok = own_read(k, 0) == 0;
		for (i = 0; ok && i < o->nkeys; i++) {
			struct kown_key *kk = &o->keys[i];

			if (!pending[i])
				continue;
			if (kk->cur == kk->pre)
				kk->own += d[i];
			else	/* moved right after the step: the step's
				 * movement cannot be shown to be ours */
				kk->noisy_line = st->line;
		}
	}
	if (!ok)
		for (i = 0; i < o->nkeys; i++)
			if (o->keys[i].have && !o->keys[i].noisy_line)
				o->keys[i].noisy_line = st->line;
	return pool_check(k, st, err, errlen);
}

/**
 * kb_own_apply() - put the run's own share in @snap in place of the
 * machine-wide delta of every tracked key, and "noisy:KEY" (the line it
 * went noisy at) beside a key whose share is unknown (its figure stays
 * the machine's delta, for -v and --json).
 * Return: 0, or -1 (out of memory).
 */
int kb_own_apply(struct kbe *k, struct snapshot *snap)
{
	const struct kown *o = &k->own;
	char key[176];
	int i;

	for (i = 0; i < o->nkeys; i++) {
		const struct kown_key *kk = &o->keys[i];

		if (!kk->have || !snapshot_get(snap, kk->key, NULL))
			continue;
		if (kk->noisy_line) {
			snprintf(key, sizeof(key), "noisy:%s", kk->key);
			if (snapshot_set(snap, key, kk->noisy_line) < 0)
				return -1;
		} else if (snapshot_set(snap, kk->key, o->thp ? kk->own : 0) < 0) {
			return -1;
		}
	}
	return 0;
}

/**
 * kb_own_fit() - would one pass of khugepaged (pages_to_scan pages)
 * cover all the memory of the run's processes that it visits: the
 * agents' anonymous scenario mappings and the anchor's 2 MiB?  (A range
 * counts its 512 pages whether or not they are present.)
 */
int kb_own_fit(struct kbe *k)
{
	const struct program *prog = k->prog;
	char path[PATH_MAX], buf[64];
	uint64_t pages = KB_PMD_SIZE / 4096, budget;
	int i, j;

	snprintf(path, sizeof(path), "%s/pages_to_scan", KB_KH_DIR);
	if (kstate_read_file(path, buf, sizeof(buf)) < 0)
		return 0;
	budget = strtoull(buf, NULL, 10);
	for (i = 0; i < prog->nmaps; i++) {
		const struct kmap *km = &k->maps[i];

		if ((prog->maps[i].flags & MF_HUGETLB) ||
		    !k->agents[prog->maps[i].proc].live)
			continue;
		for (j = 0; j < km->niv; j++)
			pages += (ALIGN_UP(km->iv[j].hi, KB_PMD_SIZE) -
				  (km->iv[j].lo & ~(KB_PMD_SIZE - 1))) / 4096;
	}
	return pages <= budget;
}
