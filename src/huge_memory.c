/* SPDX-License-Identifier: MIT */
/*
 * huge_memory.c - transparent huge pages for anonymous memory, as Linux
 * 6.18 has them (mm/huge_memory.c): which VMAs may use THP, the THP
 * fault, the huge zero page, PMD split, the THP's reverse map, page
 * split, the deferred split queue and its shrinker (with the underused
 * shrinker of 6.12+), MADV_PAGEOUT's splits, and the vmstat events.
 * khugepaged and MADV_COLLAPSE are in khugepaged.c, the RFC's THP
 * reservations in thp_resv.c.
 *
 *  - a fault on an empty PMD of a VMA that may use THP (enabled=always,
 *    or madvise and MADV_HUGEPAGE; never with MADV_NOHUGEPAGE), whose
 *    2 MiB range lies inside the VMA, maps a whole THP (thp_fault_alloc),
 *    or for a read with use_zero_page the huge zero page; when no 2 MiB
 *    block is free it falls back to a base page (thp_fault_fallback);
 *  - a write to the huge zero page allocates a THP (6.13+);
 *  - a partial munmap, mprotect or MADV_DONTNEED splits the PMD into
 *    PTEs (thp_split_pmd); a THP left partly mapped goes on the deferred
 *    split queue (thp_deferred_split_page) and is split under memory
 *    pressure, freeing its unmapped subpages (thp_split_page); with
 *    shrink_underused (6.12+) a THP with more than max_ptes_none
 *    zero-filled subpages is split and those go back to the zero page.
 * Everything is per machine; nothing here is global.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *const thp_event_names[EV__COUNT] = {
	[EV_PGFAULT] = "pgfault",
	[EV_THP_FAULT_ALLOC] = "thp_fault_alloc",
	[EV_THP_FAULT_FALLBACK] = "thp_fault_fallback",
	[EV_THP_COLLAPSE_ALLOC] = "thp_collapse_alloc",
	[EV_THP_COLLAPSE_ALLOC_FAILED] = "thp_collapse_alloc_failed",
	[EV_THP_SPLIT_PAGE] = "thp_split_page",
	[EV_THP_SPLIT_PMD] = "thp_split_pmd",
	[EV_THP_DEFERRED_SPLIT_PAGE] = "thp_deferred_split_page",
	[EV_THP_UNDERUSED_SPLIT_PAGE] = "thp_underused_split_page",
	[EV_THP_ZERO_PAGE_ALLOC] = "thp_zero_page_alloc",
	[EV_THP_SCAN_EXCEED_NONE_PTE] = "thp_scan_exceed_none_pte",
	[EV_THP_SCAN_EXCEED_SHARE_PTE] = "thp_scan_exceed_share_pte",
	[EV_THP_RES_ALLOC] = "thp_res_alloc",
	[EV_THP_RES_ALLOC_FAILED] = "thp_res_alloc_failed",
	[EV_THP_RES_RELEASE] = "thp_res_release",
	[EV_THP_RES_PROMOTE_SYNC] = "thp_res_promote_sync",
	[EV_PAGES_COLLAPSED] = "pages_collapsed",
	[EV_RES_PAGES_COLLAPSED] = "res_pages_collapsed",
	[EV_FULL_SCANS] = "full_scans",
	[EV_COW_COPY] = "cow_copy",
	[EV_OOM] = "oom_kill",
	[EV_ZERO_4K] = "cost_zero_4k",
	[EV_ZERO_2M] = "cost_zero_2m",
	[EV_COPY_4K] = "cost_copy_4k",
	[EV_COPY_2M] = "cost_copy_2m",
};

/**
 * thp_vma_allowable() - may @vma use THP at all?  With @sysfs the global
 * `enabled` setting counts (faults, khugepaged); MADV_COLLAPSE ignores it.
 */
bool thp_vma_allowable(const struct vm_area *vma, bool sysfs)
{
	if (!vma_is_anon(vma) || (vma->flags & (VM_SHARED | VM_NOHUGEPAGE)))
		return false;
	if (!sysfs)
		return true;
	switch (vma->mm->m->thp.enabled) {
	case THP_ALWAYS:
		return true;
	case THP_MADVISE:
		return (vma->flags & VM_HUGEPAGE) != 0;
	default:
		return false;
	}
}

/**
 * thp_vma_has_range() - does @vma hold at least one aligned 2 MiB range?
 * Linux's thp_vma_suitable_order() on the last such range: outside a
 * fault, a VMA without one is not eligible at all.
 */
bool thp_vma_has_range(const struct vm_area *vma)
{
	return ((vma->start + HPAGE_SIZE - 1) & ~(HPAGE_SIZE - 1)) + HPAGE_SIZE <=
	       vma->end;
}

/** thp_range_ok() - does [@haddr, @haddr + 2 MiB) lie inside @vma? */
bool thp_range_ok(const struct vm_area *vma, uint64_t haddr)
{
	return haddr >= vma->start && haddr + HPAGE_SIZE <= vma->end;
}

/**
 * khugepaged_enter_span() - khugepaged_enter_vma() for a VMA that, as far
 * as the kernel is concerned, spans [@start, @end): @vma's flags, with
 * @anon_vma saying whether that VMA has an anon_vma.  The span differs
 * from @vma where the kernel would have merged neighbours that the
 * engine keeps apart (khugepaged_enter_merged(), mm.c).
 */
void khugepaged_enter_span(struct vm_area *vma, uint64_t start, uint64_t end,
			   bool anon_vma)
{
	/*
	 * 6.18: only a VMA with an anon_vma (a page was written, or a THP
	 * fault happened) registers; MADV_HUGEPAGE on untouched memory
	 * does not.
	 */
	if (vma->mm->m->thp.enabled == THP_NEVER || !anon_vma)
		return;
	/*
	 * The VMA must be eligible and hold an aligned 2 MiB range
	 * (thp_vma_suitable_order() on the last one, as thp_vma_has_range()).
	 */
	if (!thp_vma_allowable(vma, true) ||
	    ((start + HPAGE_SIZE - 1) & ~(HPAGE_SIZE - 1)) + HPAGE_SIZE > end)
		return;
	vma->mm->thp_registered = true;
}

/** khugepaged_enter() - MMF_VM_HUGEPAGE: khugepaged will scan this mm. */
void khugepaged_enter(struct vm_area *vma)
{
	khugepaged_enter_span(vma, vma->start, vma->end, vma->anon_vma);
}

/* ------------------------------------------------------------------ */
/* The huge zero page                                                  */

void thp_huge_zero_get(struct hr_machine *m)
{
	m->huge_zero_refs++;
}

void thp_huge_zero_put(struct hr_machine *m)
{
	HR_BUG_ON(!m->huge_zero_refs);
	m->huge_zero_refs--;
}

static int huge_zero_alloc(struct hr_machine *m)
{
	uint32_t pfn;

	if (m->huge_zero)
		return 0;
	if (anon_alloc_frame(m, NULL, PB_SHIFT, PBK_NONE, &pfn))
		return -ENOMEM;
	m->huge_zero = true;
	m->huge_zero_pfn = pfn;
	m->ev[EV_THP_ZERO_PAGE_ALLOC]++;
	return 0;
}

/* ------------------------------------------------------------------ */
/* THP blocks and the deferred split queue                             */

static struct pageblock *thp_pb(struct hr_machine *m, uint32_t pfn)
{
	return pfn_pb(&m->phys, pfn);
}

#define DS_QUEUED  0x1
#define DS_PARTIAL 0x2

/** thp_deferred_add() - queue the THP at @pfn for the split shrinker. */
void thp_deferred_add(struct hr_machine *m, uint32_t pfn)
{
	struct pageblock *pb = thp_pb(m, pfn);
	uint32_t i = pfn >> PB_SHIFT;

	if (pb->deferred & DS_QUEUED)
		return;
	/* list_add_tail(): the shrinker scans the oldest first */
	pb->deferred |= DS_QUEUED;
	pb->next = PB_NONE;
	pb->prev = m->deferred_tail;
	if (m->deferred_tail != PB_NONE)
		m->phys.pb[m->deferred_tail].next = i;
	else
		m->deferred_head = i;
	m->deferred_tail = i;
	m->nr_deferred++;
}

static void deferred_del(struct hr_machine *m, uint32_t pfn)
{
	struct pageblock *pb = thp_pb(m, pfn);

	if (!(pb->deferred & DS_QUEUED))
		return;
	if (pb->prev != PB_NONE)
		m->phys.pb[pb->prev].next = pb->next;
	else
		m->deferred_head = pb->next;
	if (pb->next != PB_NONE)
		m->phys.pb[pb->next].prev = pb->prev;
	else
		m->deferred_tail = pb->prev;
	pb->next = pb->prev = PB_NONE;
	pb->deferred = 0;
	m->nr_deferred--;
}

static unsigned subpages_mapped(const struct pb_pages *pp)
{
	unsigned i, n = 0;

	for (i = 0; i < PB_FRAMES; i++)
		n += pp->mapcount[i] != 0 ||
		     (pp->mapcount_hi && pp->mapcount_hi[i]);
	return n;
}

/* The PTE mappings of a THP's pages, counted up to @cap. */
static unsigned pte_maps(const struct pb_pages *pp, unsigned cap)
{
	unsigned i, n = 0;

	for (i = 0; i < PB_FRAMES && n < cap; i++)
		n += pb_mapcount(pp, i);
	return n;
}

/**
 * thp_new() - a THP (of @owner, or of no one yet: collapse) comes into
 * being at @haddr, mapped by one PMD.
 */
void thp_new(struct hr_machine *m, uint32_t pfn, uint64_t haddr,
		    struct hr_proc *owner)
{
	struct pb_pages *pp = phys_pages(&m->phys, pfn);

	memset(pp->written, 0, sizeof(pp->written));
	pp->haddr = haddr;
	pp->owner = owner;
	thp_pb(m, pfn)->entire_mapcount = 1;
	m->nr_anon_thps++;
	m->nr_anon_thps_pmd++;
	/* 6.12+: every anonymous THP is queued for the underused shrinker */
	thp_deferred_add(m, pfn);
}

static void thp_free(struct hr_machine *m, uint32_t pfn)
{
	deferred_del(m, pfn);
	m->nr_anon_thps--;
	phys_free(&m->phys, pfn, PB_SHIFT);
}

/* The THP at @pfn lost a mapping: free it or mark it partly mapped. */
static void thp_maybe_free(struct hr_machine *m, uint32_t pfn)
{
	struct pageblock *pb = thp_pb(m, pfn);
	unsigned mapped;

	if (pb->entire_mapcount)
		return;
	mapped = subpages_mapped(pb->pages);
	if (!mapped) {
		thp_free(m, pfn);
		return;
	}
	/*
	 * __folio_remove_rmap(): the last PMD going while PTEs map every
	 * subpage (a fork child split its copy) leaves nothing unmapped,
	 * so the THP is not partly mapped.
	 */
	if (mapped < PB_FRAMES && !(pb->deferred & DS_PARTIAL)) {
		thp_deferred_add(m, pfn);
		pb->deferred |= DS_PARTIAL;
		m->ev[EV_THP_DEFERRED_SPLIT_PAGE]++;
	}
}

/** thp_page_unmapped() - a THP subpage lost its last PTE. */
void thp_page_unmapped(struct hr_machine *m, uint32_t pfn)
{
	thp_maybe_free(m, pfn & ~(PB_FRAMES - 1));
}

/** thp_zap_pmd() - zap a whole huge PMD of @p (munmap, exit, dontneed). */
void thp_zap_pmd(struct hr_proc *p, struct pmd_entry *pmd)
{
	struct hr_machine *m = p->m;

	if (pmd->huge == PTE_ZERO) {
		thp_huge_zero_put(m);
	} else {
		uint32_t pfn = PTE_PFN(pmd->huge);
		struct pageblock *pb = thp_pb(m, pfn);

		HR_BUG_ON(!pb->entire_mapcount);
		if (!--pb->entire_mapcount) {
			m->nr_anon_thps_pmd--;
			thp_maybe_free(m, pfn);
		}
	}
	anon_free_pgtable(m, pmd->deposit);
	pmd->huge = 0;
	pmd->deposit = 0;
}

/**
 * thp_split_pmd() - __split_huge_pmd(): the huge PMD at @haddr becomes a
 * PTE table (the deposited one) mapping the same frames, or the small
 * zero page for the huge zero page.
 */
void thp_split_pmd(struct vm_area *vma, uint64_t haddr, struct pmd_entry *pmd)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	struct pte_table *pt = pte_table_new(m, pmd->deposit);
	unsigned i;

	(void)haddr;
	m->ev[EV_THP_SPLIT_PMD]++;
	if (pmd->huge == PTE_ZERO) {
		for (i = 0; i < HPAGE_NR; i++)
			pte_set(pt, i, PTE_ZERO);
		thp_huge_zero_put(m);
	} else {
		uint32_t pfn = PTE_PFN(pmd->huge);
		bool w = (pmd->huge & PTE_W) != 0;
		struct pageblock *pb = thp_pb(m, pfn);

		for (i = 0; i < HPAGE_NR; i++) {
			anon_page_map(m, pfn + i);
			pte_set(pt, i, PTE_MK(pfn + i, w));
		}
		if (!--pb->entire_mapcount)
			m->nr_anon_thps_pmd--;
	}
	pmd->huge = 0;
	pmd->deposit = 0;
	pmd->pt = pt;
}

/**
 * thp_huge_fault() - do_huge_pmd_anonymous_page() on an empty PMD, for
 * a fault at @addr.
 * Return 0, -ENOMEM, or 1 to fall back to a base page.
 */
int thp_huge_fault(struct vm_area *vma, uint64_t addr,
		   struct pmd_entry *pmd, bool write)
{
	struct hr_machine *m = vma->mm->m;
	uint64_t haddr = addr & ~(HPAGE_SIZE - 1);
	uint32_t pfn, frame;

	if (!write && m->thp.use_zero_page) {
		if (huge_zero_alloc(m))
			return 1;
		if (anon_alloc_pgtable(m, vma, &frame))
			return -ENOMEM;
		thp_huge_zero_get(m);
		pmd->huge = PTE_ZERO;
		pmd->deposit = frame;
		anon_pmd_table(vma->mm, haddr)->nr++;
		m->ev[EV_PGFAULT]++;
		return 0;
	}
	if (anon_alloc_frame(m, vma, PB_SHIFT, PBK_THP, &pfn)) {
		m->ev[EV_THP_FAULT_FALLBACK]++;
		return 1;
	}
	if (anon_alloc_pgtable(m, vma, &frame)) {
		phys_free(&m->phys, pfn, PB_SHIFT);
		return -ENOMEM;
	}
	thp_new(m, pfn, haddr, vma->mm);
	if (write)
		page_stored(m, pfn + ((unsigned)(addr >> 12) & (HPAGE_NR - 1)));
	pmd->huge = PTE_MK(pfn, (vma->flags & VM_WRITE) != 0);
	pmd->deposit = frame;
	anon_pmd_table(vma->mm, haddr)->nr++;
	m->ev[EV_THP_FAULT_ALLOC]++;
	m->ev[EV_ZERO_2M]++;
	m->ev[EV_PGFAULT]++;
	return 0;
}

/* Is the THP at @pfn mapped only by the one PMD that faults on it? */
static bool thp_exclusive(struct hr_machine *m, uint32_t pfn)
{
	struct pageblock *pb = thp_pb(m, pfn);

	return pb->entire_mapcount == 1 && !subpages_mapped(pb->pages);
}

/**
 * thp_huge_wp() - a write to a huge PMD that is not writable: the huge
 * zero page gets a THP of its own (do_huge_zero_wp_pmd, 6.13+); a THP
 * mapped once is reused; otherwise the PMD is split and the PTE fault
 * copies one base page.  Return 0, -ENOMEM, or 1 (fall back to PTEs).
 */
int thp_huge_wp(struct vm_area *vma, uint64_t haddr, struct pmd_entry *pmd)
{
	struct hr_machine *m = vma->mm->m;
	uint32_t pfn;

	/* a fallback is counted by the PTE fault that follows */
	if (pmd->huge == PTE_ZERO && KERNEL_BEFORE(m, 6, 13)) {
		/*
		 * Before 1ced09e0331f ("mm: allocate THP on hugezeropage
		 * wp-fault", 6.13) the PMD was split and the write copied
		 * one base page of zeros (section 4.5 of
		 * docs/kernel-differences.md).
		 */
		thp_split_pmd(vma, haddr, pmd);
		return 1;
	}
	if (pmd->huge == PTE_ZERO) {
		if (!anon_alloc_frame(m, vma, PB_SHIFT, PBK_THP, &pfn)) {
			thp_huge_zero_put(m);
			thp_new(m, pfn, haddr, vma->mm);
			pmd->huge = PTE_MK(pfn, true);
			m->ev[EV_THP_FAULT_ALLOC]++;
			m->ev[EV_ZERO_2M]++;
			m->ev[EV_PGFAULT]++;
			return 0;
		}
		m->ev[EV_THP_FAULT_FALLBACK]++;
		thp_split_pmd(vma, haddr, pmd);
		return 1;
	}
	if (thp_exclusive(m, PTE_PFN(pmd->huge))) {
		pmd->huge |= PTE_W;
		m->ev[EV_PGFAULT]++;
		return 0;
	}
	thp_split_pmd(vma, haddr, pmd);
	return 1;
}

/* ------------------------------------------------------------------ */
/* Reverse map (what maps a THP), for splits under memory pressure     */

typedef void (*rmap_fn)(struct hr_proc *p, struct pmd_entry *pmd,
			uint64_t haddr, uint32_t pfn, void *arg);

/*
 * Visit the PMD slots that may map the THP at @pfn: at its recorded
 * address in every process (fork keeps addresses), or every slot of
 * every process when a move put its pages elsewhere.
 */
static void rmap_one(struct hr_proc *p, const struct pb_pages *pp,
		     uint32_t pfn, rmap_fn fn, void *arg)
{
	uint32_t k;
	unsigned j;

	if (pp->haddr != UINT64_MAX) {
		struct pmd_entry *pmd = anon_pmd(p, pp->haddr, false, NULL);

		if (pmd)
			fn(p, pmd, pp->haddr, pfn, arg);
		return;
	}
	for (k = 0; k < p->pmdt_cap; k++) {
		struct pmd_table *t = p->pmdt[k];

		if (!t)
			continue;
		for (j = 0; j < 512; j++)
			if (t->e[j].huge || t->e[j].pt)
				fn(p, &t->e[j],
				   (t->gidx << 30) | ((uint64_t)j << 21), pfn,
				   arg);
	}
}

static void rmap_walk(struct hr_machine *m, uint32_t pfn, rmap_fn fn,
		      void *arg)
{
	struct pb_pages *pp = thp_pb(m, pfn)->pages;
	struct list_head *l;

	/*
	 * Linux finds the mappers through the anon_vma chain; the engine
	 * keeps only the owner until a fork shares the THP, then asks
	 * every mm (one PMD each when the THP never moved).
	 */
	if (pp->owner) {
		rmap_one(pp->owner, pp, pfn, fn, arg);
		return;
	}
	list_for_each(l, &m->procs)
		rmap_one(list_entry(l, struct hr_proc, link), pp, pfn, fn, arg);
}

static void rmap_split_pmd(struct hr_proc *p, struct pmd_entry *pmd,
			   uint64_t haddr, uint32_t pfn, void *arg)
{
	(void)arg;
	if (pmd->huge && pmd->huge != PTE_ZERO && PTE_PFN(pmd->huge) == pfn) {
		struct vm_area *vma = vma_at(p, haddr);

		HR_BUG_ON(!vma);
		thp_split_pmd(vma, haddr, pmd);
	}
}

/* Zero-filled subpages go back to the shared zero page. */
static void rmap_remap_zero(struct hr_proc *p, struct pmd_entry *pmd,
			    uint64_t haddr, uint32_t pfn, void *arg)
{
	struct pb_pages *pp = arg;
	unsigned i;
	uint32_t v;

	(void)p;
	(void)haddr;
	if (!pmd->pt)
		return;
	for (i = pte_next(pmd->pt, 0, &v); i < HPAGE_NR;
	     i = pte_next(pmd->pt, i + 1, &v)) {
		if (!PTE_PAGE(v) || (PTE_PFN(v) & ~(PB_FRAMES - 1)) != pfn)
			continue;
		{
			unsigned f = PTE_PFN(v) & (PB_FRAMES - 1);

			if (pp->written[f / 64] >> (f % 64) & 1)
				continue;
			pte_set(pmd->pt, i, PTE_ZERO);
			pb_mapcount_set(pp, f, pb_mapcount(pp, f) - 1);
		}
	}
}

/* Count the PMD and PTEs of @p that map the THP at @pfn (into *arg). */
static void rmap_count_mm(struct hr_proc *p, struct pmd_entry *pmd,
			  uint64_t haddr, uint32_t pfn, void *arg)
{
	unsigned *n = arg, i;
	uint32_t v;

	(void)p;
	(void)haddr;
	if (pmd->huge && pmd->huge != PTE_ZERO && PTE_PFN(pmd->huge) == pfn)
		++*n;
	if (!pmd->pt)
		return;
	for (i = pte_next(pmd->pt, 0, &v); i < HPAGE_NR;
	     i = pte_next(pmd->pt, i + 1, &v))
		if (PTE_PAGE(v) && (PTE_PFN(v) & ~(PB_FRAMES - 1)) == pfn)
			++*n;
}

/*
 * folio_maybe_mapped_shared(): does an mm other than @p map the THP at
 * @head?  Exact here (Linux tracks two mms per folio and may err
 * towards shared with three or more).
 */
static bool thp_mapped_by_other(struct hr_proc *p, uint32_t head)
{
	struct pageblock *pb = thp_pb(p->m, head);
	struct pb_pages *pp = pb->pages;
	unsigned mine = 0;

	if (pp->owner)
		return pp->owner != p;
	rmap_one(p, pp, head, rmap_count_mm, &mine);
	return mine != pb->entire_mapcount + pte_maps(pp, ~0u);
}

/**
 * thp_cow_reuse() - __wp_can_reuse_large_anon_folio(): may a write fault
 * of @p reuse its write-protected PTE of a page of the THP at @pfn?
 * Only when every mapping of the THP is @p's (what the folio's MM_ID
 * slots tell 6.18) and more than that one page is mapped: a THP down to
 * one mapped page is copied from, so that it can be freed.
 */
bool thp_cow_reuse(struct hr_proc *p, uint32_t pfn)
{
	uint32_t head = pfn & ~(PB_FRAMES - 1);
	struct pageblock *pb = thp_pb(p->m, head);

	return pb->entire_mapcount + pte_maps(pb->pages, 2) > 1 &&
	       !thp_mapped_by_other(p, head);
}

/*
 * split_huge_page(): the THP at @pfn becomes base pages; zero-filled
 * subpages are first replaced by the zero page wherever they are mapped
 * (RMP_USE_SHARED_ZEROPAGE, 6.12+, every anonymous split), then subpages
 * no PTE maps are freed.  @underused: the shrinker split it for that.
 * Return the frames freed.
 */
static unsigned thp_split_page(struct hr_machine *m, uint32_t pfn,
			       bool underused)
{
	struct pageblock *pb = thp_pb(m, pfn);
	struct pb_pages *pp = pb->pages;
	uint64_t keep[PB_FRAMES / 64] = { 0 };
	unsigned i, kept = 0;

	/*
	 * The split unmaps PTEs one at a time (try_to_migrate()), so a THP
	 * that two or more PTEs map is seen partly mapped on the way.
	 */
	if (KERNEL_BEFORE(m, 6, 12)) {
		/*
		 * Before 6.12 ("mm: split underused THPs" series) a split kept
		 * zero-filled subpages, and the PTEs of a PMD it split first
		 * were unmapped one at a time too (section 4.7 of
		 * docs/kernel-differences.md).
		 */
		if ((pb->entire_mapcount || pte_maps(pp, 2) >= 2) &&
		    !(pb->deferred & DS_PARTIAL))
			m->ev[EV_THP_DEFERRED_SPLIT_PAGE]++;
		rmap_walk(m, pfn, rmap_split_pmd, NULL);
		HR_BUG_ON(pb->entire_mapcount);
	} else {
		if (pte_maps(pp, 2) >= 2 && !(pb->deferred & DS_PARTIAL))
			m->ev[EV_THP_DEFERRED_SPLIT_PAGE]++;
		rmap_walk(m, pfn, rmap_split_pmd, NULL);
		HR_BUG_ON(pb->entire_mapcount);
		rmap_walk(m, pfn, rmap_remap_zero, pp);
	}
	for (i = 0; i < PB_FRAMES; i++)
		if (pb_mapcount(pp, i)) {
			keep[i / 64] |= 1ULL << (i % 64);
			kept++;
		}
	deferred_del(m, pfn);
	m->nr_anon_thps--;
	m->nr_anon_pages += kept;
	m->ev[EV_THP_SPLIT_PAGE]++;
	if (underused)
		m->ev[EV_THP_UNDERUSED_SPLIT_PAGE]++;
	if (!kept) {
		phys_free(&m->phys, pfn, PB_SHIFT);
		return PB_FRAMES;
	}
	return phys_split_block(&m->phys, pfn, keep);
}

static unsigned zero_subpages(const struct pb_pages *pp)
{
	unsigned k, w = 0;

	for (k = 0; k < PB_FRAMES / 64; k++)
		w += (unsigned)__builtin_popcountll(pp->written[k]);
	return PB_FRAMES - w;
}

/**
 * hr_events() - the machine's event counters, read-only, indexed by
 * hr_event_index(); valid as long as the machine.
 */
const uint64_t *hr_events(const hr_machine *m)
{
	return m->ev;
}

/**
 * hr_event_index() - the index in hr_events() of the vmstat (or
 * khugepaged) event called @name, or -ENOENT.
 */
int hr_event_index(const char *name)
{
	int i;

	for (i = 0; i < EV__COUNT; i++)
		if (thp_event_names[i] && !strcmp(thp_event_names[i], name))
			return i;
	return -ENOENT;
}

/**
 * thp_madvise_pageout() - MADV_PAGEOUT over [@start, @end) of @vma, with
 * no swap: reclaim writes nothing out, but every THP it isolates is split
 * (split_folio_to_list() once folio_alloc_swap() fails, or madvise's own
 * split of a THP the range covers in part), and the split gives its
 * zero-filled pages back to the zero page.  A THP another mm maps is
 * left alone; base pages stay.
 */
void thp_madvise_pageout(struct vm_area *vma, uint64_t start, uint64_t end)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	uint32_t seen = UINT32_MAX;
	struct pmd_walk w;

	for_each_pmd_range(p, &w, start, end) {
		struct pmd_entry *pmd = w.pmd;
		unsigned i;

		if (pmd->huge) {
			if (pmd->huge != PTE_ZERO &&
			    !thp_mapped_by_other(p, PTE_PFN(pmd->huge)))
				thp_split_page(m, PTE_PFN(pmd->huge), false);
			continue;
		}
		if (!pmd->pt)
			continue;
		for (i = w.lo; i < w.hi; i++) {
			uint32_t v = pte_get(pmd->pt, i), head;

			if (!PTE_PAGE(v) || !pb_is_thp(thp_pb(m, PTE_PFN(v))))
				continue;
			/* one verdict per THP: a shared one stays a THP */
			head = PTE_PFN(v) & ~(PB_FRAMES - 1);
			if (head == seen)
				continue;
			seen = head;
			if (!thp_mapped_by_other(p, head))
				thp_split_page(m, head, false);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Shrinkers                                                           */

/**
 * deferred_split_shrink() - deferred_split_scan(), 6.12+: one pass over
 * the split queue, oldest first, until the reclaim has what it wants; a
 * partly mapped THP is split, a whole one only if underused (never with
 * max_ptes_none at 511: thp_underused() gives up at once).  A whole THP
 * found in use leaves the queue: it is considered used and not scanned
 * again, which also keeps each pass short.
 */
void deferred_split_shrink(struct hr_machine *m, const struct shrink_control *sc)
{
	uint32_t i, nx;

	for (i = m->deferred_head; i != PB_NONE && shrink_freed(m, sc) < sc->want;
	     i = nx) {
		struct pageblock *pb = &m->phys.pb[i];

		nx = pb->next;
		if (pb->deferred & DS_PARTIAL)
			thp_split_page(m, i << PB_SHIFT, false);
		else if (m->thp.shrink_underused &&
			 m->thp.max_ptes_none < HPAGE_NR - 1 &&
			 zero_subpages(pb->pages) > m->thp.max_ptes_none)
			thp_split_page(m, i << PB_SHIFT, true);
		else
			deferred_del(m, i << PB_SHIFT);
	}
}

/**
 * huge_zero_shrink() - the huge zero page's shrinker: free it when no PMD
 * maps it and the reclaim still wants memory.
 */
void huge_zero_shrink(struct hr_machine *m, const struct shrink_control *sc)
{
	if (m->huge_zero && !m->huge_zero_refs && shrink_freed(m, sc) < sc->want) {
		phys_free(&m->phys, m->huge_zero_pfn, PB_SHIFT);
		m->huge_zero = false;
	}
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

/**
 * thp_check() - the deferred split queue is well linked, holds THPs
 * only, and is as long as nr_deferred says.
 */
void thp_check(struct hr_machine *m, struct check_ctx *c)
{
	uint64_t q = 0;
	uint32_t i, last;

	for (i = m->deferred_head, last = PB_NONE; i != PB_NONE;
	     last = i, i = m->phys.pb[i].next) {
		struct pageblock *pb = &m->phys.pb[i];

		q++;
		CHECK(c, pb->prev == last, "thp: split queue block %u has a "
		      "wrong prev link", i);
		CHECK(c, pb_is_thp(pb) &&
			 (pb->deferred & DS_QUEUED),
		      "thp: block %u on the split queue is not a THP", i);
		if (q > m->phys.nr_pb)
			break;
	}
	CHECK(c, q > m->phys.nr_pb || last == m->deferred_tail,
	      "thp: split queue ends at %u, tail is %u", last,
	      m->deferred_tail);
	CHECK(c, q == m->nr_deferred, "thp: split queue %llu long, counted "
	      "%llu", (unsigned long long)q, (unsigned long long)m->nr_deferred);
}
