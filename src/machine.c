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
	int kernel = cfg && cfg->kernel ? cfg->kernel : HR_KERNEL_LATEST;
	int i;

	if (!m)
		return NULL;
	if (kernel < HR_KERNEL_OLDEST || kernel > HR_KERNEL_LATEST ||
	    kernel % 256 > 99) {
		free(m);
		return NULL;
	}
	m->kernel_version = kernel;
	if (phys_init(&m->phys, mem, nodes)) {
		free(m);
		return NULL;
	}
	list_init(&m->mounts);
	list_init(&m->files);
	list_init(&m->procs);
	list_init(&m->resv_lru);
	/* the THP knobs' defaults are Linux's (the kernel back end's baseline) */
	knob_set_defaults(m, HR_KNOB_THP);
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
	knob_set_defaults(m, HR_KNOB_SYSCTL);
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

int hr_machine_kernel(const hr_machine *m)
{
	return m->kernel_version;
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

/*
 * Writes of one statement's knobs (knobs.c).  A key the group lacks is
 * -ENOENT, but a value that is no number is -EINVAL before the key is
 * looked at, as it always was.
 */
static int write_group(hr_machine *m, enum hr_knob_group group,
		       const char *key, const char *value)
{
	const struct knob *k = knob_find(key);
	unsigned long v;

	if (!k || k->group != group)
		return knob_parse_ulong(value, &v) ? -EINVAL : -ENOENT;
	return knob_write(m, k, value);
}

int hr_sysctl_write(hr_machine *m, const char *key, const char *value)
{
	return write_group(m, HR_KNOB_SYSCTL, key, value);
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
	return write_group(m, HR_KNOB_THP, key, value);
}
