/* SPDX-License-Identifier: MIT */
/*
 * machine.c - the top of the engine: the machine object, which owns every
 * subsystem's state (there is no global state anywhere in the engine),
 * its creation and teardown, the machine-wide validators
 * (hr_machine_check() and the cross-subsystem reservation conservation),
 * and the tunables (sysctl, THP knobs).  Allocation, bug reports, fault
 * injection and taint, which every layer uses, are in base.c.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

hr_machine *hr_machine_new(const struct hr_config *cfg)
{
	struct hr_machine *m = calloc(1, sizeof(*m));
	uint64_t mem = cfg && cfg->memory ? cfg->memory : 4 * HR_SZ_1G;
	int nodes = cfg && cfg->nodes ? cfg->nodes : 1;
	int i;

	if (!m)
		return NULL;
	if (phys_init(&m->phys, mem, nodes)) {
		free(m);
		return NULL;
	}
	list_init(&m->mounts);
	list_init(&m->files);
	list_init(&m->procs);
	list_init(&m->resv_lru);
	thp_settings_default(&m->thp);
	/* reclaim's order: reservations, split queue, huge zero page */
	register_shrinker(m, thp_resv_shrink);
	register_shrinker(m, deferred_split_shrink);
	register_shrinker(m, huge_zero_shrink);
	m->deferred_head = PB_NONE;
	m->deferred_tail = PB_NONE;
	/* user_reserve_kbytes: min(3% of free memory, 128 MiB) */
	m->user_reserve = HR_MIN(phys_free_total(&m->phys) * 3 / 100,
				 (128ULL << 20) / HR_PAGE_SIZE);
	m->next_pid = 1;
	m->overcommit_ratio = 50;
	m->default_hstate = HSTATE_2M;
	for (i = 0; i < HR_NR_HSTATES; i++) {
		hstate_init(&m->hstates[i], m, i);
		if (hugetlbfs_mount_internal(m, &m->hstates[i],
					     &m->internal_mnt[i])) {
			hr_machine_free(m);
			return NULL;
		}
	}
	return m;
}

void hr_machine_free(hr_machine *m)
{
	int i;

	if (!m)
		return;
	mm_teardown(m);
	free(m->tlb_pages);
	hugetlbfs_teardown(m);
	reclaim_pages(m, UINT64_MAX);	/* the huge zero page */
	for (i = 0; i < HR_NR_HSTATES; i++) {
		struct hstate *h = &m->hstates[i];

		/*
		 * Nothing holds a reservation any more.  A tainted machine
		 * may still count some (an unmount's skew, an injected
		 * failure's miscount, both as Linux would): that goes with
		 * the machine, and so do the surplus pages kept free for
		 * it, so that the pool can be emptied.  An untainted
		 * machine must be at 0 by itself (checked below).
		 */
		if (m->taint) {
			h->resv_huge_pages = h->surplus_huge_pages;
			hugetlb_acct_memory(h, -(long)h->surplus_huge_pages);
		}
		h->resv_skew = 0;
		hstate_teardown(h);
	}
#if HR_DEBUG
	for (i = 0; i < HR_NR_HSTATES; i++) {
		struct hstate *h = &m->hstates[i];

		if (h->nr_huge_pages || h->resv_huge_pages ||
		    h->surplus_huge_pages || !list_empty(&h->active)) {
			fprintf(stderr,
				"hugeresv: leak at teardown: hstate %d nr=%lu "
				"resv=%lu surplus=%lu\n",
				i, h->nr_huge_pages, h->resv_huge_pages,
				h->surplus_huge_pages);
			abort();
		}
	}
	if (phys_free_total(&m->phys) != phys_total(&m->phys) ||
	    m->nr_anon_pages || m->nr_anon_thps || m->nr_pagetables ||
	    m->nr_thp_reserved || m->nr_resv || m->vm_committed) {
		fprintf(stderr, "hugeresv: leak at teardown: base memory "
			"(free %llu of %llu, anon %llu, THP %llu, page tables "
			"%llu, reserved %llu, committed %llu)\n",
			(unsigned long long)phys_free_total(&m->phys),
			(unsigned long long)phys_total(&m->phys),
			(unsigned long long)m->nr_anon_pages,
			(unsigned long long)m->nr_anon_thps,
			(unsigned long long)m->nr_pagetables,
			(unsigned long long)m->nr_thp_reserved,
			(unsigned long long)m->vm_committed);
		abort();
	}
#endif
	phys_destroy(&m->phys);
	free(m);
}

/*
 * Every global reservation is accounted for by exactly one holder:
 *   an inode map entry whose page is not in the page cache,
 *   a page of a private owner's range whose reservation is unconsumed,
 *   a subpool's reserve for its minimum.
 * A page carrying HP_RESTORE_RESERVE will add one more when it is freed,
 * so it counts on the left; what unmounts got wrong (hstate->resv_skew)
 * counts on the right: resv + restoring == held + skew.
 */
static void resv_conservation_check(struct hr_machine *m, struct check_ctx *c)
{
	long held[HR_NR_HSTATES] = { 0 }, restoring[HR_NR_HSTATES] = { 0 };
	struct list_head *l, *v;
	int i;

	list_for_each(l, &m->files) {
		struct hr_file *f = list_entry(l, struct hr_file, link);
		long regions = region_count(f->resv, 0, LONG_MAX), cached = 0, k;

		for (k = 0; k < f->pc_n; k++)
			cached += region_count(f->resv, f->pc[k].index,
					       f->pc[k].index + 1);
		held[f->h->idx] += regions - cached;
	}
	list_for_each(l, &m->procs) {
		list_for_each(v, &list_entry(l, struct hr_proc, link)->vmas) {
			struct vm_area *vma = list_entry(v, struct vm_area, link);
			long s, e;

			if (!vma->resv)
				continue;
			s = vma_hugecache_offset(vma, vma->start);
			e = vma_hugecache_offset(vma, vma->end);
			held[vma->h->idx] += (e - s) - region_count(vma->resv, s, e);
		}
	}
	list_for_each(l, &m->mounts) {
		struct hr_mount *mnt = list_entry(l, struct hr_mount, link);

		if (mnt->spool)
			held[mnt->h->idx] += mnt->spool->rsv_hpages;
	}
	for (i = 0; i < HR_NR_HSTATES; i++) {
		restoring[i] = (long)hstate_nr_restoring(&m->hstates[i]);
		CHECK(c, (long)m->hstates[i].resv_huge_pages + restoring[i] ==
				 held[i] + m->hstates[i].resv_skew,
		      "hstate %s: resv_huge_pages=%lu (+%ld restoring) but "
		      "maps, owners and subpools hold %ld (unmount skew %ld)",
		      i == HSTATE_2M ? "2M" : "1G",
		      m->hstates[i].resv_huge_pages, restoring[i], held[i],
		      m->hstates[i].resv_skew);
	}
}

unsigned long hr_machine_restoring(const hr_machine *m)
{
	unsigned long n = 0;

	for (int i = 0; i < HR_NR_HSTATES; i++)
		n += hstate_nr_restoring(&m->hstates[i]);
	return n;
}

unsigned hr_machine_taint(const hr_machine *m, char *why, size_t len)
{
	if (why && len)
		snprintf(why, len, "%s", m->taint ? m->taint_why : "");
	return m->taint;
}

int hr_machine_check(hr_machine *m, char *msg, size_t len)
{
	struct check_ctx c = { msg, len, 0 };
	int i;

	if (msg && len)
		msg[0] = 0;
	phys_check(&m->phys, &c);
	for (i = 0; i < HR_NR_HSTATES; i++)
		hstate_check(&m->hstates[i], &c);
	hugetlbfs_check(m, &c);
	mm_check(m, &c);
	anon_check(m, &c);
	thp_resv_check(m, &c);
	thp_check(m, &c);
	if (!(m->taint & HR_TAINT_RESV))
		resv_conservation_check(m, &c);
	return c.failures ? -EUCLEAN : 0;
}

static int parse_ulong(const char *s, unsigned long *out)
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

/* "hugepages-2048kB.nr_hugepages" -> hstate and file */
static struct hstate *per_size_key(hr_machine *m, const char *key,
				   const char **file)
{
	int i;

	for (i = 0; i < HR_NR_HSTATES; i++) {
		char pfx[48];
		size_t n;

		n = (size_t)snprintf(pfx, sizeof(pfx), "hugepages-%llukB.",
				     (unsigned long long)(m->hstates[i].size /
							  1024));
		if (!strncmp(key, pfx, n)) {
			*file = key + n;
			return &m->hstates[i];
		}
	}
	return NULL;
}

static int write_hstate_knob(struct hstate *h, const char *file,
			     unsigned long v)
{
	if (!strcmp(file, "nr_hugepages") ||
	    !strcmp(file, "nr_hugepages_mempolicy"))
		return hstate_set_max(h, v);
	if (!strcmp(file, "nr_overcommit_hugepages")) {
		if (hstate_is_gigantic(h))
			return -EINVAL;
		h->nr_overcommit_huge_pages = v;
		return 0;
	}
	return -ENOENT;
}

int hr_sysctl_write(hr_machine *m, const char *key, const char *value)
{
	unsigned long v;
	const char *file;
	struct hstate *h;

	if (parse_ulong(value, &v))
		return -EINVAL;
	if (!strncmp(key, "vm.", 3)) {
		const char *k = key + 3;

		if (!strcmp(k, "nr_hugepages") ||
		    !strcmp(k, "nr_hugepages_mempolicy") ||
		    !strcmp(k, "nr_overcommit_hugepages"))
			return write_hstate_knob(
				&m->hstates[m->default_hstate], k, v);
		if (!strcmp(k, "overcommit_memory")) {
			if (v > 2)
				return -EINVAL;
			m->overcommit_memory = (int)v;
			return 0;
		}
		if (!strcmp(k, "overcommit_guess_free")) {
			if (v > 1)
				return -EINVAL;
			m->overcommit_guess_free = (int)v;
			return 0;
		}
		if (!strcmp(k, "overcommit_ratio")) {
			if (v > INT_MAX)
				return -EINVAL;
			m->overcommit_ratio = (int)v;
			return 0;
		}
		return -ENOENT;
	}
	h = per_size_key(m, key, &file);
	if (!h)
		return -ENOENT;
	return write_hstate_knob(h, file, v);
}

/* "always|madvise|never" -> index, or -1 */
static int word_index(const char *list, const char *w)
{
	size_t n = strlen(w);
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

/**
 * hr_thp_write() - set a THP knob: the files under
 * /sys/kernel/mm/transparent_hugepage (`khugepaged.max_ptes_none` for
 * khugepaged/max_ptes_none) and the engine's reservation knobs
 * `promotion_threshold` (1..512), `promotion_sync` (0, 1) and
 * `resv_shrink` (all, lru, util).
 */
int hr_thp_write(hr_machine *m, const char *key, const char *value)
{
	static const struct {
		const char *key;
		unsigned long lo, hi;
		size_t off;
	} nums[] = {
#define T(k, lo, hi, f) { k, lo, hi, offsetof(struct thp_settings, f) }
		T("use_zero_page", 0, 1, use_zero_page),
		T("shrink_underused", 0, 1, shrink_underused),
		T("khugepaged.defrag", 0, 1, khugepaged_defrag),
		T("promotion_sync", 0, 1, promotion_sync),
#undef T
	};
	struct thp_settings *t = &m->thp;
	unsigned long v;
	int w;

	if (!strcmp(key, "enabled")) {
		if ((w = word_index("always|madvise|never", value)) < 0)
			return -EINVAL;
		/*
		 * start_stop_khugepaged(): leaving `never` starts a new
		 * khugepaged thread, which scans before it first sleeps
		 * (scenarios/thp/thp_enable_restarts_khugepaged.scn).
		 */
		if (t->enabled == THP_NEVER && w != THP_NEVER) {
			t->enabled = w;
			return hr_khugepaged(m, 1);
		}
		t->enabled = w;
		return 0;
	}
	if (!strcmp(key, "defrag")) {
		w = word_index("always|defer|defer+madvise|madvise|never",
			       value);
		if (w < 0)
			return -EINVAL;
		t->defrag = w;
		return 0;
	}
	if (!strcmp(key, "resv_shrink")) {
		/* util: engine-only policy (thp_resv_util.c); knob registry */
		if ((w = word_index("all|lru|util", value)) < 0)
			return -EINVAL;
		t->resv_shrink = w;
		return 0;
	}
	if (parse_ulong(value, &v))
		return -EINVAL;
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		if (!strcmp(key, nums[i].key)) {
			if (v < nums[i].lo || v > nums[i].hi)
				return -EINVAL;
			*(int *)((char *)t + nums[i].off) = (int)v;
			return 0;
		}
	if (!strcmp(key, "khugepaged.max_ptes_none") ||
	    !strcmp(key, "khugepaged.max_ptes_swap") ||
	    !strcmp(key, "khugepaged.max_ptes_shared")) {
		if (v > 511)
			return -EINVAL;
		if (!strcmp(key + 20, "none"))
			t->max_ptes_none = (unsigned)v;
		else if (!strcmp(key + 20, "swap"))
			t->max_ptes_swap = (unsigned)v;
		else
			t->max_ptes_shared = (unsigned)v;
		return 0;
	}
	if (!strcmp(key, "khugepaged.pages_to_scan")) {
		if (!v)
			return -EINVAL;
		t->pages_to_scan = v;
		return 0;
	}
	if (!strcmp(key, "khugepaged.scan_sleep_millisecs")) {
		t->scan_sleep = v;
		return 0;
	}
	if (!strcmp(key, "khugepaged.alloc_sleep_millisecs")) {
		t->alloc_sleep = v;
		return 0;
	}
	if (!strcmp(key, "promotion_threshold")) {
		if (v < 1 || v > HPAGE_NR)
			return -EINVAL;
		t->promotion_threshold = (unsigned)v;
		return 0;
	}
	return -ENOENT;
}
