/* SPDX-License-Identifier: MIT */
/*
 * thp.c - transparent huge pages for anonymous memory: Linux's THP of
 * today and the THP reservations of the 2018 RFC (seed 004), built the
 * way its reviewers asked.
 *
 * THP today (promotion_threshold = 1, Linux 6.18):
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
 *    zero-filled subpages is split and those go back to the zero page;
 *  - khugepaged collapses a 2 MiB range of base pages into a new THP
 *    (a copy, thp_collapse_alloc) when at most max_ptes_none PTEs are
 *    empty or zero, at most max_ptes_shared pages are shared, and at
 *    least one PTE is writable; MADV_COLLAPSE does the same at once and
 *    without the none/shared limits.
 *
 * THP reservations (promotion_threshold > 1; the RFC's design with its
 * review):
 *  - the first write fault in a 2 MiB-aligned range inside an eligible
 *    VMA allocates an aligned 2 MiB block (thp_res_alloc, or
 *    thp_res_alloc_failed and a plain base page), maps the faulting
 *    page from it and keeps the rest reserved (nr_thp_reserved, counted
 *    in MemAvailable); a read fault maps the zero page and reserves
 *    nothing (review: "Reserving based on a zero-page fault works
 *    counter to your goal");
 *  - later write faults in the range map the reservation's own frame
 *    for that address;
 *  - once promotion_threshold frames are handed out, khugepaged promotes
 *    the range in place: the block becomes the THP, nothing is copied
 *    (res_pages_collapsed, also in pages_collapsed); with promotion_sync
 *    the fault that reaches the threshold promotes at once (the RFC's
 *    "Investigate promoting a reservation synchronously");
 *  - reservations are per address space (review: "Why is this per-vma
 *    and not per address space?");
 *  - fork: the parent keeps its reservations; the child maps the same
 *    frames and its COW takes a plain page (review: "Maybe keep the
 *    reservations in the parent");
 *  - memory pressure releases unused reserved frames: all of them (the
 *    first policy the review asked for) or least recently changed first
 *    (resv_shrink=lru, the RFC's shrinker as a separate step);
 *  - a range that a VMA split, mremap or munmap cuts releases its
 *    reservation; a range wholly moved by mremap keeps it (review: "dump
 *    all reservations for a range ... For any corner case, dump").
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

/*
 * Results of a collapse scan, as khugepaged's SCAN_*.  SCAN_PMD_NULL: no
 * PMD table covers the range; SCAN_PMD_NONE: the table is there and the
 * range's entry is empty.  MADV_COLLAPSE moves on after the first and
 * stops at the second.
 */
enum scan { SCAN_SUCCEED, SCAN_PMD_NULL, SCAN_PMD_NONE, SCAN_PMD_MAPPED,
	    SCAN_EXCEED_NONE, SCAN_EXCEED_SHARED, SCAN_LACK_REFERENCED,
	    SCAN_ALLOC_FAIL, SCAN_PAGE_RO };

/**
 * thp_settings_default() - the kernel back end's baseline: the defaults
 * of the knob registry (knobs.c).  @t is always a machine's own.
 */
void thp_settings_default(struct thp_settings *t)
{
	memset(t, 0, sizeof(*t));
	knob_set_defaults(container_of(t, struct hr_machine, thp), HR_KNOB_THP);
}

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

/** khugepaged_enter() - MMF_VM_HUGEPAGE: khugepaged will scan this mm. */
void khugepaged_enter(struct vm_area *vma)
{
	/*
	 * 6.18: only a VMA with an anon_vma (a page was written, or a THP
	 * fault happened) registers; MADV_HUGEPAGE on untouched memory
	 * does not.
	 */
	if (vma->mm->m->thp.enabled == THP_NEVER || !vma->anon_vma)
		return;
	/* the VMA must be eligible and hold an aligned 2 MiB range */
	if (!thp_vma_allowable(vma, true) || !thp_vma_has_range(vma))
		return;
	vma->mm->thp_registered = true;
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

static void deferred_add(struct hr_machine *m, uint32_t pfn)
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

/* A THP (of @vma, or of no VMA: collapse) comes into being at @haddr. */
static void thp_new(struct hr_machine *m, uint32_t pfn, uint64_t haddr,
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
	deferred_add(m, pfn);
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
		deferred_add(m, pfn);
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

static struct vm_area *vma_at(struct hr_proc *p, uint64_t addr)
{
	struct list_head *l;

	list_for_each(l, &p->vmas) {
		struct vm_area *v = list_entry(l, struct vm_area, link);

		if (addr >= v->start && addr < v->end)
			return v;
	}
	return NULL;
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

/* ------------------------------------------------------------------ */
/* Reservations                                                        */

static uint32_t resv_hash(uint64_t haddr, uint32_t cap)
{
	return (uint32_t)(((haddr >> 21) * 0x9e3779b97f4a7c15ULL) >> 32) &
	       (cap - 1);
}

/** thp_resv_lookup() - @p's reservation for the range at @haddr. */
struct thp_resv *thp_resv_lookup(struct hr_proc *p, uint64_t haddr)
{
	struct thp_resv *r;

	if (!p->resv_n)
		return NULL;
	for (r = p->resv[resv_hash(haddr, p->resv_cap)]; r; r = r->hnext)
		if (r->haddr == haddr)
			return r;
	return NULL;
}

static void resv_hash_add(struct hr_proc *p, struct thp_resv *r)
{
	uint32_t h;

	if (p->resv_n + 1 > p->resv_cap) {
		struct thp_resv **old = p->resv;
		uint32_t oc = p->resv_cap, k;

		p->resv_cap = oc ? oc * 2 : 16;
		p->resv = calloc(p->resv_cap, sizeof(*p->resv));
		HR_BUG_ON(!p->resv);
		for (k = 0; k < oc; k++) {
			struct thp_resv *x = old[k], *nx;

			for (; x; x = nx) {
				nx = x->hnext;
				h = resv_hash(x->haddr, p->resv_cap);
				x->hnext = p->resv[h];
				p->resv[h] = x;
			}
		}
		free(old);
	}
	h = resv_hash(r->haddr, p->resv_cap);
	r->hnext = p->resv[h];
	p->resv[h] = r;
	p->resv_n++;
}

static void resv_hash_del(struct hr_proc *p, struct thp_resv *r)
{
	struct thp_resv **pp = &p->resv[resv_hash(r->haddr, p->resv_cap)];

	while (*pp != r)
		pp = &(*pp)->hnext;
	*pp = r->hnext;
	p->resv_n--;
}

static void resv_touch(struct hr_machine *m, struct thp_resv *r)
{
	r->stamp = m->tick;
	list_del(&r->lru);
	list_add_tail(&r->lru, &m->resv_lru);
}

static void resv_forget(struct hr_machine *m, struct thp_resv *r)
{
	resv_hash_del(r->mm, r);
	list_del(&r->lru);
	m->nr_resv--;
	free(r);
}

/**
 * thp_resv_release() - give the unused frames of @r back and forget it;
 * frames handed out stay mapped as base pages.
 */
void thp_resv_release(struct hr_machine *m, struct thp_resv *r)
{
	uint64_t keep[PB_FRAMES / 64];

	memcpy(keep, r->used, sizeof(keep));
	m->nr_thp_reserved -= r->nr_unused;
	m->ev[EV_THP_RES_RELEASE]++;
	if (r->nr_unused == HPAGE_NR)
		phys_free(&m->phys, r->pfn, PB_SHIFT);
	else
		phys_split_block(&m->phys, r->pfn, keep);
	resv_forget(m, r);
}

/** thp_resv_frame_freed() - a handed-out frame is unmapped everywhere. */
void thp_resv_frame_freed(struct hr_machine *m, uint32_t pfn)
{
	struct pb_pages *pp = thp_pb(m, pfn)->pages;
	struct thp_resv *r = pp->resv;
	unsigned i = pfn & (PB_FRAMES - 1);

	HR_BUG_ON(!r || !(r->used[i / 64] >> (i % 64) & 1));
	r->used[i / 64] &= ~(1ULL << (i % 64));
	pp->written[i / 64] &= ~(1ULL << (i % 64));
	r->nr_unused++;
	m->nr_thp_reserved++;
	resv_touch(m, r);
}

/*
 * Can @r be promoted in place in @pt?  Every frame handed out must be
 * mapped here at its own index and only here, nothing else may be mapped
 * in the range but the zero page.  (The RFC also needed a writable PTE,
 * as every collapse did in 2018: its Known Issue 2.  Linux 6.18 dropped
 * that rule for khugepaged, and the engine follows the kernel.)
 */
static bool resv_can_promote(struct hr_machine *m, struct thp_resv *r,
			     struct pte_table *pt)
{
	unsigned i, mapped = 0;

	for (i = 0; i < HPAGE_NR; i++) {
		uint32_t v = pte_get(pt, i);
		bool used = r->used[i / 64] >> (i % 64) & 1;

		if (!PTE_PAGE(v)) {
			if (used)
				return false;	/* mapped elsewhere only */
			continue;
		}
		if (PTE_PFN(v) != r->pfn + i || !used ||
		    pb_mapcount(thp_pb(m, r->pfn)->pages, i) != 1)
			return false;
		mapped++;
	}
	return mapped == HPAGE_NR - r->nr_unused;
}

/*
 * Does the range hold a page that is not its reservation's own frame at
 * its own index (a COW copy)?  Then it can never be promoted in place.
 */
static bool resv_has_foreign(const struct thp_resv *r, struct pte_table *pt)
{
	uint32_t v;
	unsigned i;

	for (i = pte_next(pt, 0, &v); i < HPAGE_NR; i = pte_next(pt, i + 1, &v))
		if (PTE_PAGE(v) && PTE_PFN(v) != r->pfn + i)
			return true;
	return false;
}

/* Promote @r in place: its block becomes the THP mapped by @pmd. */
static void resv_promote(struct vm_area *vma, struct thp_resv *r,
			 struct pmd_entry *pmd)
{
	struct hr_machine *m = vma->mm->m;
	struct pageblock *pb = thp_pb(m, r->pfn);
	struct pb_pages *pp = pb->pages;
	struct pte_table *pt = pmd->pt;
	unsigned i, handed = HPAGE_NR - r->nr_unused;

	for (i = 0; i < HPAGE_NR; i++)
		pb_mapcount_set(pp, i, 0);
	m->nr_anon_pages -= handed;
	m->nr_thp_reserved -= r->nr_unused;
	m->ev[EV_ZERO_4K] += r->nr_unused;
	pmd->deposit = pt->frame;
	pte_table_free(m, pt, false);
	pmd->pt = NULL;
	pb->kind = PBK_THP;
	pp->resv = NULL;
	pp->haddr = r->haddr;
	pp->owner = vma->mm;	/* mapcounts were all 1: no one else */
	pb->entire_mapcount = 1;
	m->nr_anon_thps++;
	m->nr_anon_thps_pmd++;
	deferred_add(m, r->pfn);
	pmd->huge = PTE_MK(r->pfn, (vma->flags & VM_WRITE) != 0);
	resv_forget(m, r);
}

/* Does the PTE table hold any page (not only the zero page)? */
static bool pt_has_page(struct pte_table *pt)
{
	unsigned i;

	if (!pt->nr)
		return false;
	for (i = 0; i < HPAGE_NR; i++)
		if (PTE_PAGE(pte_get(pt, i)))
			return true;
	return false;
}

/**
 * thp_resv_fault() - the reservation part of a write fault in an
 * eligible range (promotion_threshold > 1).  Sets *@handled when the
 * fault was served from a reservation; otherwise the base-page path goes
 * on (a present page's COW, a plain page when no block could be had).
 */
int thp_resv_fault(struct vm_area *vma, uint64_t addr, struct pmd_entry *pmd,
		   bool *handled)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	uint64_t haddr = addr & ~(HPAGE_SIZE - 1);
	unsigned i = (unsigned)(addr >> 12) & (HPAGE_NR - 1);
	uint32_t e = pte_get(pmd->pt, i), pfn;
	struct thp_resv *r = thp_resv_lookup(p, haddr);
	struct pb_pages *pp;

	*handled = false;
	if (PTE_PAGE(e))
		return 0;
	if (!r) {
		/* only the first write in a range with no pages reserves */
		if (pt_has_page(pmd->pt))
			return 0;
		khugepaged_enter(vma);
		if (anon_alloc_frame(m, vma, PB_SHIFT, PBK_RESV, &pfn)) {
			m->ev[EV_THP_RES_ALLOC_FAILED]++;
			return 0;
		}
		r = calloc(1, sizeof(*r));
		HR_BUG_ON(!r);
		r->haddr = haddr;
		r->mm = p;
		r->pfn = pfn;
		r->nr_unused = HPAGE_NR;
		list_init(&r->lru);
		list_add_tail(&r->lru, &m->resv_lru);
		resv_hash_add(p, r);
		pp = phys_pages(&m->phys, pfn);
		memset(pp->written, 0, sizeof(pp->written));
		pp->resv = r;
		pp->haddr = haddr;
		m->nr_resv++;
		m->nr_thp_reserved += HPAGE_NR;
		m->ev[EV_THP_RES_ALLOC]++;
	}
	if (r->used[i / 64] >> (i % 64) & 1)
		return 0;	/* its frame is mapped elsewhere (a child) */
	pfn = r->pfn + i;
	r->used[i / 64] |= 1ULL << (i % 64);
	r->nr_unused--;
	m->nr_thp_reserved--;
	anon_page_map(m, pfn);
	page_stored(m, pfn);
	pte_set(pmd->pt, i, PTE_MK(pfn, true));
	m->ev[EV_ZERO_4K]++;
	m->ev[EV_PGFAULT]++;
	resv_touch(m, r);
	*handled = true;
	if (m->thp.promotion_sync &&
	    HPAGE_NR - r->nr_unused >= m->thp.promotion_threshold &&
	    resv_can_promote(m, r, pmd->pt)) {
		resv_promote(vma, r, pmd);
		m->ev[EV_THP_RES_PROMOTE_SYNC]++;
	}
	return 0;
}

/**
 * thp_resv_release_range() - release @p's reservations whose range
 * overlaps [@start, @end): those wholly inside it (RESV_INSIDE), those
 * it cuts (RESV_STRADDLING), or both.
 */
void thp_resv_release_range(struct hr_proc *p, uint64_t start, uint64_t end,
			    unsigned which)
{
	uint64_t a;
	uint32_t k;

	if (!p->resv_n || end <= start)
		return;
	if ((end - start) / HPAGE_SIZE > 2ULL * p->resv_n) {
		for (k = 0; k < p->resv_cap && p->resv_n; k++) {
			struct thp_resv *r = p->resv[k], *nx;

			for (; r; r = nx) {
				nx = r->hnext;
				if (r->haddr + HPAGE_SIZE <= start ||
				    r->haddr >= end)
					continue;
				if (!(which & (r->haddr >= start &&
					       r->haddr + HPAGE_SIZE <= end
					       ? RESV_INSIDE : RESV_STRADDLING)))
					continue;
				thp_resv_release(p->m, r);
			}
		}
		return;
	}
	for (a = start & ~(HPAGE_SIZE - 1); a < end; a += HPAGE_SIZE) {
		struct thp_resv *r = thp_resv_lookup(p, a);

		if (!r)
			continue;
		if (!(which & (a >= start && a + HPAGE_SIZE <= end
			       ? RESV_INSIDE : RESV_STRADDLING)))
			continue;
		thp_resv_release(p->m, r);
	}
}

/**
 * thp_resv_move() - mremap moved [@start, @end) to @new_start: a range
 * wholly inside moves with it when the distance keeps 2 MiB alignment;
 * every other overlapping one is released.
 */
void thp_resv_move(struct hr_proc *p, uint64_t start, uint64_t end,
		   uint64_t new_start)
{
	uint64_t delta = new_start - start, a;

	if (delta & (HPAGE_SIZE - 1)) {
		thp_resv_release_range(p, start, end, RESV_BOTH);
		return;
	}
	thp_resv_release_range(p, start, end, RESV_STRADDLING);
	for (a = start & ~(HPAGE_SIZE - 1); a < end; a += HPAGE_SIZE) {
		struct thp_resv *r = thp_resv_lookup(p, a);

		if (!r)
			continue;
		resv_hash_del(p, r);
		r->haddr += delta;
		thp_pb(p->m, r->pfn)->pages->haddr = r->haddr;
		resv_hash_add(p, r);
	}
}

/** thp_mm_release() - exit: every reservation of @p goes. */
void thp_mm_release(struct hr_proc *p)
{
	uint32_t k;

	for (k = 0; k < p->resv_cap; k++)
		while (p->resv[k])
			thp_resv_release(p->m, p->resv[k]);
	free(p->resv);
	p->resv = NULL;
	p->resv_cap = p->resv_n = 0;
}

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
			struct pageblock *pb = thp_pb(m, PTE_PFN(v));
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
	np = thp_pb(m, pfn)->pages;
	old = calloc(HPAGE_NR, sizeof(*old));
	HR_BUG_ON(!old);
	for (i = 0; i < HPAGE_NR; i++) {
		uint32_t v = pte_get(pt, i);

		if (!PTE_PAGE(v))
			continue;
		{
			uint32_t f = PTE_PFN(v);
			struct pb_pages *op = thp_pb(m, f)->pages;
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
		 * fails resv_can_promote(), so below the threshold the
		 * cheaper test alone decides.
		 */
		bool below = khugepaged && HPAGE_NR - r->nr_unused <
					   m->thp.promotion_threshold;

		if (!below && resv_can_promote(m, r, pmd->pt)) {
			resv_promote(vma, r, pmd);
			if (khugepaged) {
				m->ev[EV_PAGES_COLLAPSED]++;
				m->ev[EV_RES_PAGES_COLLAPSED]++;
			}
			return SCAN_SUCCEED;
		}
		if (khugepaged && !resv_has_foreign(r, pmd->pt))
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
		uint64_t a;

		if (!thp_vma_allowable(v, true))
			continue;
		for (a = (v->start + HPAGE_SIZE - 1) & ~(HPAGE_SIZE - 1);
		     a + HPAGE_SIZE <= v->end; a += HPAGE_SIZE)
			if (collapse_one(v, a, true) == SCAN_ALLOC_FAIL)
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
 * thp_madvise_collapse() - MADV_COLLAPSE over [@start, @end) of @vma:
 * every 2 MiB range wholly inside; 0 when each ends up PMD-mapped.
 */
int thp_madvise_collapse(struct vm_area *vma, uint64_t start, uint64_t end)
{
	uint64_t hs = (start + HPAGE_SIZE - 1) & ~(HPAGE_SIZE - 1);
	uint64_t he = end & ~(HPAGE_SIZE - 1), a;
	unsigned want = 0, got = 0;

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
	for (a = hs; a + HPAGE_SIZE <= he; a += HPAGE_SIZE) {
		enum scan r;

		if (!thp_range_ok(vma, a))
			continue;
		want++;
		r = collapse_one(vma, a, false);
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
	uint64_t a;

	for (a = start & ~(HPAGE_SIZE - 1); a < end; a += HPAGE_SIZE) {
		uint64_t s = HR_MAX(a, start), e = HR_MIN(a + HPAGE_SIZE, end);
		struct pmd_entry *pmd = anon_pmd(p, a, false, NULL);
		unsigned i;

		if (!pmd)
			continue;
		if (pmd->huge) {
			if (pmd->huge != PTE_ZERO &&
			    !thp_mapped_by_other(p, PTE_PFN(pmd->huge)))
				thp_split_page(m, PTE_PFN(pmd->huge), false);
			continue;
		}
		if (!pmd->pt)
			continue;
		for (i = (unsigned)((s - a) >> 12); i < (e - a) >> 12; i++) {
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
/* Memory pressure                                                     */

/**
 * thp_reclaim() - free at least @want frames if possible: unused
 * reservations first (all of them, or least recently changed first),
 * then the deferred split queue (partly mapped THPs, then with
 * shrink_underused THPs with more than max_ptes_none zero-filled
 * subpages), then the huge zero page if nothing maps it.  Return the
 * frames freed.
 */
uint64_t thp_reclaim(struct hr_machine *m, uint64_t want)
{
	uint64_t before = phys_free_total(&m->phys), got;
	uint32_t i, nx;

#define GOT() (phys_free_total(&m->phys) - before)
	if (m->thp.resv_shrink == RESV_SHRINK_ALL) {
		while (!list_empty(&m->resv_lru))
			thp_resv_release(m, list_entry(m->resv_lru.next,
						       struct thp_resv, lru));
	} else {
		while (!list_empty(&m->resv_lru) && GOT() < want)
			thp_resv_release(m, list_entry(m->resv_lru.next,
						       struct thp_resv, lru));
	}
	/*
	 * deferred_split_scan(), 6.12+: one pass, oldest first; a partly
	 * mapped THP is split, a whole one only if underused (never with
	 * max_ptes_none at 511: thp_underused() gives up at once).  A
	 * whole THP found in use leaves the queue: it is considered used
	 * and not scanned again, which also keeps each pass short.
	 */
	for (i = m->deferred_head; i != PB_NONE && GOT() < want; i = nx) {
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
	if (m->huge_zero && !m->huge_zero_refs && GOT() < want) {
		phys_free(&m->phys, m->huge_zero_pfn, PB_SHIFT);
		m->huge_zero = false;
	}
	got = GOT();
#undef GOT
	return got;
}

/**
 * hr_reclaim() - the `reclaim` statement: memory pressure wanting
 * @bytes (UINT64_MAX: everything reclaimable).  Return the bytes freed.
 */
int64_t hr_reclaim(hr_machine *m, uint64_t bytes)
{
	uint64_t want = bytes == UINT64_MAX ? UINT64_MAX
					    : (bytes + HR_PAGE_SIZE - 1) / HR_PAGE_SIZE;

	return (int64_t)(thp_reclaim(m, want) * HR_PAGE_SIZE);
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

/**
 * thp_check() - nr_thp_reserved is the sum of unused reserved frames;
 * every reservation lies inside one eligible anonymous VMA of its mm, is
 * in its mm's hash, and its handed-out frames are mapped; the deferred
 * split queue holds THPs only.
 */
void thp_check(struct hr_machine *m, struct check_ctx *c)
{
	struct list_head *l;
	uint64_t unused = 0, n = 0, q = 0;
	uint32_t i, last;

	list_for_each(l, &m->resv_lru) {
		struct thp_resv *r = list_entry(l, struct thp_resv, lru);
		struct vm_area *v = vma_at(r->mm, r->haddr);
		struct pageblock *pb = thp_pb(m, r->pfn);
		unsigned k, used = 0;

		n++;
		unused += r->nr_unused;
		CHECK(c, v && vma_is_anon(v) && thp_range_ok(v, r->haddr),
		      "thp: pid %d reservation at %#llx outside its VMA",
		      r->mm->pid, (unsigned long long)r->haddr);
		CHECK(c, thp_resv_lookup(r->mm, r->haddr) == r,
		      "thp: reservation at %#llx not in its mm's hash",
		      (unsigned long long)r->haddr);
		CHECK(c, pb->state == PB_ALLOC_HEAD && pb->kind == PBK_RESV &&
			 pb->pages && pb->pages->resv == r,
		      "thp: reservation at %#llx does not own its block",
		      (unsigned long long)r->haddr);
		for (k = 0; k < HPAGE_NR; k++) {
			bool u = r->used[k / 64] >> (k % 64) & 1;

			used += u;
			if (pb->pages)
				CHECK(c, u == (pb_mapcount(pb->pages, k) != 0),
				      "thp: reservation at %#llx frame %u "
				      "used=%d mapcount=%u",
				      (unsigned long long)r->haddr, k, u,
				      pb_mapcount(pb->pages, k));
		}
		CHECK(c, used + r->nr_unused == HPAGE_NR,
		      "thp: reservation at %#llx used %u + unused %u != 512",
		      (unsigned long long)r->haddr, used, r->nr_unused);
	}
	CHECK(c, unused == m->nr_thp_reserved,
	      "thp: nr_thp_reserved=%llu but reservations hold %llu",
	      (unsigned long long)m->nr_thp_reserved,
	      (unsigned long long)unused);
	CHECK(c, n == m->nr_resv, "thp: nr_resv=%llu, %llu on the LRU",
	      (unsigned long long)m->nr_resv, (unsigned long long)n);
	list_for_each(l, &m->procs) {
		struct hr_proc *p = list_entry(l, struct hr_proc, link);
		uint32_t k, cnt = 0;

		for (k = 0; k < p->resv_cap; k++) {
			struct thp_resv *r;

			for (r = p->resv[k]; r; r = r->hnext) {
				cnt++;
				CHECK(c, r->mm == p, "thp: reservation in the "
				      "wrong mm's hash");
			}
		}
		CHECK(c, cnt == p->resv_n, "thp: pid %d resv_n=%u, %u hashed",
		      p->pid, p->resv_n, cnt);
	}
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
