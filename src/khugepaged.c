/* SPDX-License-Identifier: MIT */
/*
 * khugepaged.c - khugepaged and MADV_COLLAPSE (mm/khugepaged.c): the
 * scan of every mm that registered (khugepaged_enter(), huge_memory.c),
 * the collapse of a 2 MiB range of base pages into a new THP (a copy:
 * thp_collapse_alloc), and for a range that holds a THP reservation its
 * promotion in place (thp_resv.c decides whether it may).
 *
 *  - khugepaged collapses a range when at most max_ptes_none PTEs are
 *    empty or zero, at most max_ptes_shared pages are shared, and at
 *    least one PTE is young (since 6.18 no writable one is needed);
 *  - MADV_COLLAPSE does the same at once and without the none/shared
 *    limits, and promotes a reservation whatever its count.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Results of a collapse scan, as khugepaged's SCAN_*.  SCAN_PMD_NULL: no
 * PMD table covers the range; SCAN_PMD_NONE: the table is there and the
 * range's entry is empty.  MADV_COLLAPSE moves on after the first and
 * stops at the second.
 */
enum scan { SCAN_SUCCEED, SCAN_PMD_NULL, SCAN_PMD_NONE, SCAN_PMD_MAPPED,
	    SCAN_EXCEED_NONE, SCAN_EXCEED_SHARED, SCAN_LACK_REFERENCED,
	    SCAN_ALLOC_FAIL, SCAN_PAGE_RO };


/* ------------------------------------------------------------------ */
/* Collapse: khugepaged and MADV_COLLAPSE                              */

/*
 * hpage_collapse_scan_pmd() + collapse_huge_page() for the 2 MiB range
 * at @haddr mapped by PTE table @pmd->pt.  @khugepaged applies the
 * max_ptes_none/shared limits (MADV_COLLAPSE does not).
 */
static enum scan collapse_range(struct vm_area *vma, uint64_t haddr,
				struct pmd_entry *pmd, bool khugepaged)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	struct pte_table *pt = pmd->pt;
	unsigned none = 0, shared = 0, present = 0, i;
	bool referenced = false, writable = false;
	uint32_t pfn;
	struct pb_pages *np;
	uint32_t *old;

	/*
	 * A sparse range (the common case of a large mapping touched here
	 * and there) is over max_ptes_none before the loop below would find
	 * anything else: it cannot exceed max_ptes_shared with so few
	 * entries.  Same verdict, without 512 lookups.
	 */
	if (khugepaged && HPAGE_NR - pt->nr > m->thp.max_ptes_none &&
	    pt->nr <= m->thp.max_ptes_shared) {
		m->ev[EV_THP_SCAN_EXCEED_NONE_PTE]++;
		return SCAN_EXCEED_NONE;
	}
	for (i = 0; i < HPAGE_NR; i++) {
		uint32_t v = pte_get(pt, i);

		if (!PTE_PAGE(v)) {
			if (++none > m->thp.max_ptes_none && khugepaged) {
				m->ev[EV_THP_SCAN_EXCEED_NONE_PTE]++;
				return SCAN_EXCEED_NONE;
			}
			continue;
		}
		{
			struct pageblock *pb = pfn_pb(&m->phys, PTE_PFN(v));
			unsigned mc = pb_mapcount(pb->pages,
						  PTE_PFN(v) & (PB_FRAMES - 1));

			if (pb_is_thp(pb))
				mc += pb->entire_mapcount;
			if (mc > 1 && ++shared > m->thp.max_ptes_shared &&
			    khugepaged) {
				m->ev[EV_THP_SCAN_EXCEED_SHARE_PTE]++;
				return SCAN_EXCEED_SHARED;
			}
		}
		referenced |= (v & PTE_YOUNG) != 0;
		writable |= (v & PTE_W) != 0;
		present++;
	}
	/*
	 * Before 6.18 a range needed one writable entry, for khugepaged
	 * and MADV_COLLAPSE alike (SCAN_PAGE_RO): a read-only or a fork's
	 * write-protected range, or an empty one, was never collapsed
	 * (section 4.6 of docs/kernel-differences.md).
	 */
	if (!writable && KERNEL_BEFORE(m, 6, 18))
		return SCAN_PAGE_RO;
	/*
	 * Since 6.18 ("mm: Enable khugepaged to operate on non-writable
	 * VMAs") no writable entry is needed; khugepaged still wants one
	 * referenced page (fork leaves the child's entries old).  With
	 * nothing present (only khugepaged's none limit forbids that)
	 * MADV_COLLAPSE makes a zero-filled THP.
	 */
	if (khugepaged && !referenced)
		return SCAN_LACK_REFERENCED;
	if (anon_alloc_frame(m, khugepaged && !m->thp.khugepaged_defrag ? NULL
								   : vma,
			     PB_SHIFT, PBK_THP, &pfn)) {
		m->ev[EV_THP_COLLAPSE_ALLOC_FAILED]++;
		return SCAN_ALLOC_FAIL;
	}
	m->ev[EV_THP_COLLAPSE_ALLOC]++;
	m->ev[EV_COPY_4K] += present;
	m->ev[EV_ZERO_4K] += none;
	thp_new(m, pfn, haddr, vma->mm);
	np = pfn_pb(&m->phys, pfn)->pages;
	old = calloc(HPAGE_NR, sizeof(*old));
	HR_BUG_ON(!old);
	for (i = 0; i < HPAGE_NR; i++) {
		uint32_t v = pte_get(pt, i);

		if (!PTE_PAGE(v))
			continue;
		{
			uint32_t f = PTE_PFN(v);
			struct pb_pages *op = pfn_pb(&m->phys, f)->pages;
			unsigned fi = f & (PB_FRAMES - 1);

			if (op->written[fi / 64] >> (fi % 64) & 1)
				np->written[i / 64] |= 1ULL << (i % 64);
			old[i] = v;
		}
	}
	/* the new THP is in place before the old pages go */
	pmd->deposit = pt->frame;
	pte_table_free(m, pt, false);
	pmd->pt = NULL;
	pmd->huge = PTE_MK(pfn, (vma->flags & VM_WRITE) != 0);
	for (i = 0; i < HPAGE_NR; i++)
		if (old[i])
			anon_page_unmap(m, PTE_PFN(old[i]));
	free(old);
	return SCAN_SUCCEED;
}

/*
 * One range for khugepaged or MADV_COLLAPSE: a reservation that reached
 * its threshold is promoted in place; one that cannot ever be (a plain
 * page among its frames) is released and the range collapsed as usual;
 * one below its threshold keeps the range for itself.
 */
static enum scan collapse_one(struct vm_area *vma, uint64_t haddr,
			      bool khugepaged)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	struct pmd_entry *pmd = anon_pmd(p, haddr, false, NULL);
	struct thp_resv *r;
	enum scan res;

	if (!pmd)
		return SCAN_PMD_NULL;
	if (!pmd->huge && !pmd->pt)
		return SCAN_PMD_NONE;
	if (pmd->huge)
		return SCAN_PMD_MAPPED;
	r = thp_resv_lookup(p, haddr);
	if (r) {
		/*
		 * Below its threshold a range waits.  A COW copy in the range
		 * means it can never be promoted in place, whatever the
		 * threshold: release it and treat the range like any other.
		 * Anything else that stops an in-place promotion (a frame a
		 * fork child still shares) may pass: wait.  A COW copy also
		 * fails thp_resv_can_promote(), so below the threshold the
		 * cheaper test alone decides.
		 */
		bool below = khugepaged && !thp_resv_should_promote(m, r);

		if (!below && thp_resv_can_promote(m, r, pmd->pt)) {
			thp_resv_promote(vma, r, pmd);
			if (khugepaged) {
				m->ev[EV_PAGES_COLLAPSED]++;
				m->ev[EV_RES_PAGES_COLLAPSED]++;
			}
			return SCAN_SUCCEED;
		}
		if (khugepaged && !thp_resv_has_foreign(r, pmd->pt))
			return SCAN_PMD_NULL;
		thp_resv_release(m, r);
	}
	res = collapse_range(vma, haddr, pmd, khugepaged);
	if (res == SCAN_SUCCEED && khugepaged)
		m->ev[EV_PAGES_COLLAPSED]++;
	return res;
}

/*
 * One pass of khugepaged over the mm of @p (khugepaged_scan_mm_slot()).
 * Return: false when an allocation failure ended it (khugepaged then
 * sleeps: the pass over every mm ends too).
 */
static bool khugepaged_scan_mm(struct hr_proc *p)
{
	struct list_head *vl;

	list_for_each(vl, &p->vmas) {
		struct vm_area *v = list_entry(vl, struct vm_area, link);
		struct pmd_walk w;

		if (!thp_vma_allowable(v, true))
			continue;
		/* a range without a PMD table is SCAN_PMD_NULL: passed over */
		for_each_pmd_range(p, &w, v->start, v->end)
			if (pmd_walk_whole(&w) &&
			    collapse_one(v, w.haddr, true) == SCAN_ALLOC_FAIL)
				return false;
	}
	return true;
}

/**
 * hr_khugepaged() - @passes full scans of khugepaged over every mm it
 * knows (MMF_VM_HUGEPAGE).  With enabled=never the thread is stopped
 * and nothing happens, full_scans included.
 */
int hr_khugepaged(hr_machine *m, int passes)
{
	struct list_head *pl;
	int n;

	if (passes < 1)
		return -EINVAL;
	if (m->thp.enabled == THP_NEVER)
		return 0;
	for (n = 0; n < passes; n++) {
		list_for_each(pl, &m->procs) {
			struct hr_proc *p = list_entry(pl, struct hr_proc, link);

			if (p->thp_registered && !khugepaged_scan_mm(p))
				break;
		}
		m->ev[EV_FULL_SCANS]++;
	}
	return 0;
}

/**
 * hr_khugepaged_proc() - khugepaged's scan of one mm, as if its turn had
 * come round (no full scan is counted).
 * Return: 0, or -ENOMEM if an allocation failure ended the scan early.
 */
int hr_khugepaged_proc(hr_proc *p)
{
	if (p->m->thp.enabled == THP_NEVER || !p->thp_registered)
		return 0;
	return khugepaged_scan_mm(p) ? 0 : -ENOMEM;
}

/**
 * thp_madvise_collapse() - MADV_COLLAPSE over [@start, @end) of @vma:
 * every 2 MiB range wholly inside; 0 when each ends up PMD-mapped.
 */
int thp_madvise_collapse(struct vm_area *vma, uint64_t start, uint64_t end)
{
	uint64_t hs = (start + HPAGE_SIZE - 1) & ~(HPAGE_SIZE - 1);
	uint64_t he = end & ~(HPAGE_SIZE - 1), lo, hi;
	uint64_t want = 0, got = 0;
	struct pmd_walk w;

	/*
	 * thp_vma_allowable_order() outside a fault: no anon_vma (nothing
	 * written yet) or no aligned 2 MiB range in the whole VMA is
	 * EINVAL, even when the advised range holds no range to collapse.
	 */
	if (!thp_vma_allowable(vma, false) || !vma->anon_vma ||
	    !thp_vma_has_range(vma))
		return -EINVAL;
	/*
	 * An advised range inside one 2 MiB range touching neither of its
	 * ends rounds to hs > he: Linux compares the count of collapsed
	 * ranges with a wrapped (he - hs) and fails with EINVAL.
	 */
	if (hs > he)
		return -EINVAL;
	/* every 2 MiB range of [hs, he) that lies inside the VMA */
	lo = HR_MAX(hs, (vma->start + HPAGE_SIZE - 1) & ~(HPAGE_SIZE - 1));
	hi = HR_MIN(he, vma->end & ~(HPAGE_SIZE - 1));
	if (hi > lo)
		want = (hi - lo) / HPAGE_SIZE;
	/*
	 * A range without a PMD table is SCAN_PMD_NULL, which
	 * madvise_collapse() passes over (counted in want, not in got):
	 * the walk skips it.
	 */
	for_each_pmd_range(vma->mm, &w, lo, hi) {
		enum scan r = collapse_one(vma, w.haddr, false);

		switch (r) {
		case SCAN_SUCCEED:
		case SCAN_PMD_MAPPED:
			got++;
			continue;
		case SCAN_PMD_NULL:	/* madvise_collapse()'s whitelist */
		case SCAN_PAGE_RO:
			continue;
		case SCAN_ALLOC_FAIL:
			return -ENOMEM;
		default:		/* SCAN_PMD_NONE: the walk stops */
			return -EINVAL;
		}
	}
	return got == want ? 0 : -EINVAL;
}
