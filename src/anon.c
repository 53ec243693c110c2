/* SPDX-License-Identifier: MIT */
/*
 * anon.c - anonymous private memory in base pages: the fault path and
 * the operations over ranges of its page tables (zap, write protect,
 * fork, mremap), smaps figures and the validator.  The tables themselves
 * are pgtable.c's; THP is reached through hooks that go one way
 * (thp_huge_fault(), thp_huge_wp(), thp_split_pmd(), thp_zap_pmd(),
 * thp_cow_reuse(), thp_resv_fault(), khugepaged_enter()): nothing in
 * huge_memory.c, khugepaged.c or thp_resv.c calls back into this file.
 *
 * The model follows mm/memory.c:
 *  - a read fault on an empty PTE maps the shared zero page (no memory,
 *    not in Rss); a write fault allocates a zeroed frame;
 *  - fork copies the page tables of private VMAs, write protects both
 *    sides and raises each page's map count; a write to a write
 *    protected page reuses it when it is mapped once and copies it
 *    otherwise (do_wp_page);
 *  - MADV_DONTNEED and munmap zap PTEs; munmap and exit also free page
 *    tables whose range no VMA covers any more (free_pgtables);
 *  - every page table is a frame counted in PageTables (pgtable.c).
 * Allocation failure reclaims (page_alloc.c: the shrinkers, reservations
 * first) and then fails the fault with -ENOMEM, the engine's VM_FAULT_OOM.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Map counts                                                          */

static unsigned frame_mapcount(struct hr_machine *m, uint32_t pfn)
{
	struct pageblock *pb = pfn_pb(&m->phys, pfn);

	return pb->pages ? pb_mapcount(pb->pages, pfn & (PB_FRAMES - 1)) : 0;
}

/* ------------------------------------------------------------------ */
/* Faults                                                              */

static int new_anon_page(struct vm_area *vma, struct pte_table *pt,
			 unsigned i, uint32_t old)
{
	struct hr_machine *m = vma->mm->m;
	uint32_t pfn;

	if (anon_alloc_frame(m, vma, 0, PBK_NONE, &pfn))
		return -ENOMEM;
	vma->anon_vma = true;
	anon_page_map(m, pfn);
	page_stored(m, pfn);
	pte_set(pt, i, PTE_MK(pfn, true));
	if (PTE_PAGE(old)) {
		m->ev[EV_COW_COPY]++;
		m->ev[EV_COPY_4K]++;
		anon_page_unmap(m, PTE_PFN(old));
	} else {
		m->ev[EV_ZERO_4K]++;
	}
	m->ev[EV_PGFAULT]++;
	return 0;
}

/*
 * May a write fault of @p reuse the write-protected page @pfn
 * (wp_can_reuse_anon_folio)?  A page of a THP follows the large-folio
 * rule; any other when it is mapped once.
 */
static bool can_reuse(struct hr_proc *p, uint32_t pfn)
{
	struct pageblock *pb = pfn_pb(&p->m->phys, pfn);

	if (pb_is_thp(pb))
		return thp_cow_reuse(p, pfn);
	return frame_mapcount(p->m, pfn) == 1;
}

static int do_anon_fault(struct vm_area *vma, uint64_t addr, bool write)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	uint64_t haddr = addr & ~(HPAGE_SIZE - 1);
	struct pmd_entry *pmd;
	unsigned i = (unsigned)(addr >> 12) & (HPAGE_NR - 1);
	uint32_t e, frame;
	bool eligible;
	int err = 0;

	m->tick++;
	pmd = anon_pmd(p, addr, true, &err);
	if (!pmd)
		return err;
	if (pmd->huge) {
		if (!write)
			return 0;
		/* a THP of our own after thp_huge_wp() unless it fell back */
		err = pmd->huge != PTE_ZERO && (pmd->huge & PTE_W) ? 0 :
			thp_huge_wp(vma, haddr, pmd);
		if (!err)
			page_stored(m, PTE_PFN(pmd->huge) + i);
		if (err != 1)
			return err;
		/* fell back: the PMD is split, handle the PTE */
	}
	/* THP matters only on an empty PMD or to a reservation's write */
	eligible = (!pmd->pt || (write && m->thp.promotion_threshold > 1)) &&
		   thp_vma_allowable(vma, true) && thp_range_ok(vma, haddr);
	if (!pmd->pt) {
		if (eligible) {
			/* do_huge_pmd_anonymous_page: vmf_anon_prepare() */
			vma->anon_vma = true;
			khugepaged_enter(vma);
		}
		if (eligible && m->thp.promotion_threshold == 1) {
			err = thp_huge_fault(vma, addr, pmd, write);
			if (err != 1)
				return err;
		}
		if ((err = anon_alloc_pgtable(m, vma, &frame)))
			return err;
		pmd->pt = pte_table_new(m, frame);
		anon_pmd_table(p, addr)->nr++;
	}
	if (write && eligible && m->thp.promotion_threshold > 1) {
		bool handled = false;

		err = thp_resv_fault(vma, addr, pmd, &handled);
		if (handled)
			return err;
	}
	e = pte_get(pmd->pt, i);
	if (e == PTE_NONE) {
		if (!write) {
			pte_set(pmd->pt, i, PTE_ZERO);
			m->ev[EV_PGFAULT]++;
			return 0;
		}
		return new_anon_page(vma, pmd->pt, i, e);
	}
	if (PTE_PAGE(e) && !(e & PTE_YOUNG)) {
		e |= PTE_YOUNG;		/* the access sets the accessed bit */
		pte_set(pmd->pt, i, e);
	}
	if (!write)
		return 0;
	if (e == PTE_ZERO)
		return new_anon_page(vma, pmd->pt, i, e);
	if (e & PTE_W) {
		page_stored(m, PTE_PFN(e));
		return 0;
	}
	if (can_reuse(p, PTE_PFN(e))) {
		m->ev[EV_PGFAULT]++;
		pte_set(pmd->pt, i, e | PTE_W);
		page_stored(m, PTE_PFN(e));
		return 0;
	}
	return new_anon_page(vma, pmd->pt, i, e);
}

/**
 * anon_fault() - handle_mm_fault() for an anonymous private VMA.
 *
 * Return: 0, or -ENOMEM when no frame could be had even after reclaim
 * (the kernel's OOM, counted in oom_kill; the touch reports it).
 */
int anon_fault(struct vm_area *vma, uint64_t addr, bool write)
{
	int err = do_anon_fault(vma, addr, write);

	if (err == -ENOMEM)
		vma->mm->m->ev[EV_OOM]++;
	return err;
}

/* ------------------------------------------------------------------ */
/* Zap, page table freeing, write protection                           */

static void zap_ptes(struct hr_proc *p, struct pte_table *pt, unsigned lo,
		     unsigned hi)
{
	struct hr_machine *m = p->m;
	unsigned i = lo, n, k;
	uint32_t e, pfn;

	while (i < hi && pt->nr) {
		struct pageblock *pb;
		bool lost = false;

		e = pte_get(pt, i);
		if (!PTE_PAGE(e)) {
			if (e != PTE_NONE)
				pte_set(pt, i, PTE_NONE);
			i++;
			continue;
		}
		pfn = PTE_PFN(e);
		pb = pfn_pb(&m->phys, pfn);
		if (!pb_is_thp(pb)) {
			pte_set(pt, i, PTE_NONE);
			anon_page_unmap(m, pfn);
			i++;
			continue;
		}
		/*
		 * zap_present_ptes(): a run of PTEs mapping consecutive pages
		 * of one THP is one rmap removal, so a THP zapped whole is
		 * never seen partly mapped (no deferred split).
		 */
		for (n = 1; i + n < hi && ((pfn + n) & (PB_FRAMES - 1)); n++) {
			uint32_t v = pte_get(pt, i + n);

			if (!PTE_PAGE(v) || PTE_PFN(v) != pfn + n)
				break;
		}
		for (k = 0; k < n; k++) {
			unsigned f = (pfn + k) & (PB_FRAMES - 1);
			unsigned c = pb_mapcount(pb->pages, f);

			HR_BUG_ON(c == 0);
			pte_set(pt, i + k, PTE_NONE);
			pb_mapcount_set(pb->pages, f, c - 1);
			lost |= c == 1;
		}
		if (lost)
			thp_page_unmapped(m, pfn);
		i += n;
	}
}

/**
 * anon_zap_range() - unmap every page of [@start, @end) of @vma (page
 * aligned); a huge PMD only partly inside is split first.
 */
void anon_zap_range(struct vm_area *vma, uint64_t start, uint64_t end)
{
	struct hr_proc *p = vma->mm;
	struct pmd_walk w;

	for_each_pmd_range(p, &w, start, end) {
		struct pmd_entry *pmd = w.pmd;

		if (pmd->huge) {
			if (pmd_walk_whole(&w)) {
				thp_zap_pmd(p, pmd);
				w.t->nr--;
				continue;
			}
			thp_split_pmd(vma, w.haddr, pmd);
		}
		if (pmd->pt)
			zap_ptes(p, pmd->pt, w.lo, w.hi);
	}
}

/**
 * anon_reclaim_pt() - MADV_DONTNEED's PTE-page reclaim (CONFIG_PT_RECLAIM,
 * Linux 6.14+): a zap that covered a whole 2 MiB range left its PTE
 * page empty, and the page goes at once instead of at munmap.  A zap
 * of part of a range keeps the page, empty or not.
 */
void anon_reclaim_pt(struct vm_area *vma, uint64_t start, uint64_t end)
{
	struct hr_proc *p = vma->mm;
	struct pmd_walk w;

	for_each_pmd_range(p, &w, start, end) {
		struct pmd_entry *pmd = w.pmd;

		if (!pmd_walk_whole(&w) || !pmd->pt || pmd->pt->nr)
			continue;
		pte_table_free(p->m, pmd->pt, true);
		pmd->pt = NULL;
		w.t->nr--;
	}
}

/**
 * anon_populated() - MAP_POPULATE faulted every page of the new @vma for
 * write (FOLL_WRITE) but stored nothing: its frames are all still
 * zero-filled, which a THP split later sees.
 */
void anon_populated(struct vm_area *vma)
{
	struct hr_proc *p = vma->mm;
	struct pmd_walk w;

	for_each_pmd_range(p, &w, vma->start, vma->end) {
		struct pmd_entry *pmd = w.pmd;
		unsigned i;
		uint32_t v;

		if (pmd->huge && pmd->huge != PTE_ZERO)
			memset(phys_pages(&p->m->phys, PTE_PFN(pmd->huge))->written,
			       0, sizeof(((struct pb_pages *)0)->written));
		if (!pmd->pt)
			continue;
		/* a neighbour VMA may share the PTE page: ours only */
		PT_FOR_EACH(pmd->pt, w.lo, w.hi, i, v, {
			if (PTE_PAGE(v)) {
				uint32_t f = PTE_PFN(v) & (PB_FRAMES - 1);

				phys_pages(&p->m->phys, PTE_PFN(v))->written[f / 64] &=
					~(1ULL << (f % 64));
			}
		});
	}
}

static bool range_has_vma(struct hr_proc *p, uint64_t s, uint64_t e)
{
	struct list_head *l;

	list_for_each(l, &p->vmas) {
		struct vm_area *v = list_entry(l, struct vm_area, link);

		if (v->start >= e)
			break;
		if (v->end > s && vma_is_anon(v))
			return true;
	}
	return false;
}

/**
 * anon_free_pgtables() - free_pgtables() after [@start, @end) was
 * unmapped: PTE pages whose 2 MiB range no VMA touches any more, then
 * PMD pages whose GiB no VMA touches.
 */
void anon_free_pgtables(struct hr_proc *p, uint64_t start, uint64_t end)
{
	struct pmd_walk w;

	for_each_pmd_range(p, &w, start, end) {
		struct pmd_table *t = w.t;
		struct pmd_entry *pmd = w.pmd;

		if (pmd->pt && !range_has_vma(p, w.haddr, w.haddr + HPAGE_SIZE)) {
			HR_BUG_ON(pmd->pt->nr);
			pte_table_free(p->m, pmd->pt, true);
			pmd->pt = NULL;
			t->nr--;
		}
		if (!t->nr && !range_has_vma(p, t->gidx << 30,
					     (t->gidx + 1) << 30))
			pmd_table_free(p, t);
	}
}

/** anon_wrprotect() - mprotect without PROT_WRITE: clear every W bit. */
void anon_wrprotect(struct vm_area *vma, uint64_t start, uint64_t end)
{
	struct hr_proc *p = vma->mm;
	struct pmd_walk w;

	for_each_pmd_range(p, &w, start, end) {
		struct pmd_entry *pmd = w.pmd;
		unsigned i;
		uint32_t v;

		if (pmd->huge) {
			pmd->huge &= pmd->huge == PTE_ZERO ? ~0u : ~PTE_W;
			continue;
		}
		if (!pmd->pt)
			continue;
		PT_FOR_EACH(pmd->pt, w.lo, w.hi, i, v,
			    if (PTE_PAGE(v) && (v & PTE_W))
				    pte_set(pmd->pt, i, v & ~PTE_W));
	}
}

/* ------------------------------------------------------------------ */
/* fork, mremap, exit                                                  */

/**
 * anon_fork() - copy_page_range() for one private VMA: the child maps
 * what the parent maps, both write protected.  Return -ENOMEM when the
 * child's page tables cannot be had (fork fails).
 */
int anon_fork(struct vm_area *src, struct vm_area *dst)
{
	struct hr_proc *p = src->mm, *c = dst->mm;
	struct hr_machine *m = p->m;
	struct pmd_walk w;
	int err = 0;

	for_each_pmd_range(p, &w, src->start, src->end) {
		struct pmd_entry *sp = w.pmd, *dp;
		uint64_t a = w.haddr;
		uint32_t frame, v;
		unsigned i;

		if (!sp->huge && !sp->pt)
			continue;
		dp = anon_pmd(c, a, true, &err);
		if (!dp)
			return err;
		if (dp->pt)	/* a VMA before this one shares the range */
			goto copy_ptes;
		if ((err = anon_alloc_pgtable(m, dst, &frame)))
			return err;
		anon_pmd_table(c, a)->nr++;
		if (sp->huge) {
			/* copy_huge_pmd: share the THP or the zero page */
			if (sp->huge == PTE_ZERO) {
				thp_huge_zero_get(m);
			} else {
				struct pageblock *pb =
					pfn_pb(&m->phys, PTE_PFN(sp->huge));

				pb->entire_mapcount++;
				pb->pages->owner = NULL;	/* shared now */
				sp->huge &= ~PTE_W;
			}
			dp->huge = sp->huge;
			dp->deposit = frame;
			continue;
		}
		dp->pt = pte_table_new(m, frame);
copy_ptes:
		PT_FOR_EACH(sp->pt, w.lo, w.hi, i, v, {
			if (PTE_PAGE(v)) {
				anon_page_map(m, PTE_PFN(v));
				pfn_pb(&m->phys, PTE_PFN(v))->pages->owner = NULL;
				v &= ~PTE_W;
				pte_set(sp->pt, i, v);
				v &= ~PTE_YOUNG;	/* copy_present_pte */
			}
			pte_set(dp->pt, i, v);
		});
	}
	return 0;
}

/**
 * anon_move() - move_page_tables(): the pages of @vma go to the same
 * offsets from @new_start.  Huge PMDs move whole when the distance is a
 * multiple of 2 MiB, else they are split first.  Return -ENOMEM if page
 * tables for the destination cannot be had.
 */
int anon_move(struct vm_area *vma, uint64_t new_start)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	uint64_t delta = new_start - vma->start;
	struct pmd_walk w;
	int err = 0;

	for_each_pmd_range(p, &w, vma->start, vma->end) {
		struct pmd_entry *sp = w.pmd, *dp;
		uint64_t a = w.haddr;
		unsigned i;
		uint32_t v;

		if (!sp->huge && !sp->pt)
			continue;
		if (sp->huge && !(delta & (HPAGE_SIZE - 1))) {
			dp = anon_pmd(p, a + delta, true, &err);
			if (!dp)
				return err;
			if (sp->huge != PTE_ZERO)	/* rmap_walk: search */
				phys_pages(&m->phys, PTE_PFN(sp->huge))->haddr =
					UINT64_MAX;
			*dp = *sp;
			memset(sp, 0, sizeof(*sp));
			anon_pmd_table(p, a + delta)->nr++;
			w.t->nr--;
			continue;
		}
		if (sp->huge)
			thp_split_pmd(vma, a, sp);
		for (i = w.lo; i < w.hi; i++) {
			uint64_t na = a + ((uint64_t)i << 12) + delta;
			struct pte_table *pt = sp->pt;

			v = pte_get(pt, i);
			if (v == PTE_NONE)
				continue;
			dp = anon_pmd(p, na, true, &err);
			if (!dp)
				return err;
			if (!dp->pt) {
				uint32_t frame;

				if ((err = anon_alloc_pgtable(m, vma, &frame)))
					return err;
				dp->pt = pte_table_new(m, frame);
				anon_pmd_table(p, na)->nr++;
			}
			pte_set(pt, i, PTE_NONE);
			pte_set(dp->pt, (unsigned)(na >> 12) & 511, v);
			if (PTE_PAGE(v)) {
				struct pageblock *pb = pfn_pb(&m->phys, PTE_PFN(v));

				if (pb_is_thp(pb))
					pb->pages->haddr = UINT64_MAX;
			}
		}
	}
	return 0;
}

/** anon_mm_release() - free every page table of @p (all pages zapped). */
void anon_mm_release(struct hr_proc *p)
{
	pgtable_mm_release(p);
}

/* ------------------------------------------------------------------ */
/* smaps, validation                                                   */

/** anon_vma_usage() - what smaps shows for @vma. */
void anon_vma_usage(const struct vm_area *vma, struct anon_usage *u)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	struct pmd_walk w;
	/*
	 * Before 6.12 (seen on 6.1; docs/kernel-differences.md 4.12) smaps
	 * does not see a THP that a PMD maps in a PROT_NONE VMA: its
	 * smaps_pmd_entry() looks the page up through
	 * follow_trans_huge_pmd(), which does not follow a protnone PMD for
	 * a caller without FOLL_FORCE.  The PTEs of base pages are still
	 * counted (smaps_pte_entry() takes vm_normal_page()).
	 */
	bool hide_pmd = KERNEL_BEFORE(m, 6, 12) &&
			!(vma->flags & (VM_READ | VM_WRITE));

	memset(u, 0, sizeof(*u));
	for_each_pmd_range(p, &w, vma->start, vma->end) {
		struct pmd_entry *pmd = w.pmd;
		unsigned i;
		uint32_t v;

		if (pmd->huge && pmd->huge != PTE_ZERO && hide_pmd)
			continue;
		if (pmd->huge && pmd->huge != PTE_ZERO) {
			struct pageblock *pb = pfn_pb(&m->phys,
						      PTE_PFN(pmd->huge));
			unsigned mc = pb->entire_mapcount;

			u->rss += HPAGE_SIZE;
			u->anon_huge += HPAGE_SIZE;
			if (mc > 1)
				u->shared += HPAGE_SIZE;
			u->pss_x512 += HPAGE_SIZE * 512 / mc;
			continue;
		}
		if (!pmd->pt)
			continue;
		PT_FOR_EACH(pmd->pt, w.lo, w.hi, i, v, {
			if (PTE_PAGE(v)) {
				unsigned mc = frame_mapcount(m, PTE_PFN(v));
				struct pageblock *pb =
					pfn_pb(&m->phys, PTE_PFN(v));

				if (pb_is_thp(pb))
					mc += pb->entire_mapcount;
				u->rss += HR_PAGE_SIZE;
				if (mc > 1)
					u->shared += HR_PAGE_SIZE;
				u->pss_x512 += HR_PAGE_SIZE * 512 / (mc ? mc : 1);
			}
		});
	}
}

/*
 * Count, per frame, the PTEs and PMDs that map it, and compare with the
 * map counts.  A scratch count per frame of the machine would cost
 * 4 bytes per frame, so the validator counts into a temporary hash of
 * pfn -> count holding only the frames that are mapped.
 */
struct cnt { uint32_t pfn; uint32_t n; };
struct cnts { struct cnt *v; size_t cap, n; };

static void cnt_add(struct cnts *c, uint32_t pfn)
{
	size_t h;

	if ((c->n + 1) * 2 > c->cap) {
		struct cnt *old = c->v;
		size_t oc = c->cap, k;

		c->cap = oc ? oc * 2 : 1024;
		c->v = calloc(c->cap, sizeof(*c->v));
		HR_BUG_ON(!c->v);
		c->n = 0;
		for (k = 0; k < oc; k++)
			if (old[k].n) {
				size_t j = (old[k].pfn * 2654435761u) & (c->cap - 1);

				while (c->v[j].n)
					j = (j + 1) & (c->cap - 1);
				c->v[j] = old[k];
				c->n++;
			}
		free(old);
	}
	for (h = (pfn * 2654435761u) & (c->cap - 1); c->v[h].n;
	     h = (h + 1) & (c->cap - 1))
		if (c->v[h].pfn == pfn) {
			c->v[h].n++;
			return;
		}
	c->v[h].pfn = pfn;
	c->v[h].n = 1;
	c->n++;
}

static uint32_t cnt_get(const struct cnts *c, uint32_t pfn)
{
	size_t h;

	if (!c->cap)
		return 0;
	for (h = (pfn * 2654435761u) & (c->cap - 1); c->v[h].n;
	     h = (h + 1) & (c->cap - 1))
		if (c->v[h].pfn == pfn)
			return c->v[h].n;
	return 0;
}

/* A THP that names its owner is mapped by no one else (rmap_walk). */
static void owner_check(struct hr_machine *m, struct check_ctx *c,
			struct hr_proc *p, uint32_t pfn)
{
	const struct pageblock *pb = pfn_pb(&m->phys, pfn);

	if (!pb_is_thp(pb))
		return;
	CHECK(c, !pb->pages->owner || pb->pages->owner == p,
	      "pid %d maps THP pfn %u owned by pid %d", p->pid, pfn,
	      pb->pages->owner ? pb->pages->owner->pid : 0);
}

/*
 * What anon_check() counts as it walks: the PTEs and PMDs mapping each
 * frame (pfn -> count), the page tables it met, the PMDs mapping the
 * huge zero page; then, over the pageblocks, the frames in each use.
 */
struct anon_tally {
	struct cnts ptes, pmds;
	uint64_t tables, zero_refs;
	uint64_t anon, thps, thps_pmd, resv_blocks, hugetlb, split_unmapped;
};

/* A sparse PTE table is sorted by index; a dense one's nr is right. */
static void check_pte_table_shape(struct check_ctx *c, const struct hr_proc *p,
				  uint64_t a, const struct pte_table *pt)
{
	unsigned ii, cntp = 0;
	int q;

	if (pt->cap != PT_DENSE) {
		for (q = 1; q < pt->nr; q++)
			CHECK(c, pt->u.sp[q - 1] >> 32 < pt->u.sp[q] >> 32,
			      "pid %d: PTE table at %#llx unsorted", p->pid,
			      (unsigned long long)a);
		return;
	}
	for (ii = 0; ii < 512; ii++)
		cntp += pt->u.d[ii] != PTE_NONE;
	CHECK(c, cntp == pt->nr, "pid %d: PTE table at %#llx nr=%u, %u present",
	      p->pid, (unsigned long long)a, pt->nr, cntp);
}

/* Count what the PTEs of the table at @a map; each lies in an anon VMA. */
static void tally_pte_table(struct hr_machine *m, struct check_ctx *c,
			    struct hr_proc *p, uint64_t a,
			    const struct pte_table *pt, struct anon_tally *t)
{
	unsigned ii;
	uint32_t v;

	PT_FOR_EACH(pt, 0u, 512u, ii, v, {
		uint64_t va = a + ((uint64_t)ii << 12);
		struct vm_area *vm = NULL;
		struct list_head *vl;

		if (PTE_PAGE(v)) {
			cnt_add(&t->ptes, PTE_PFN(v));
			owner_check(m, c, p, PTE_PFN(v));
		}
		list_for_each(vl, &p->vmas) {
			struct vm_area *x = list_entry(vl, struct vm_area, link);

			if (va >= x->start && va < x->end)
				vm = x;
		}
		CHECK(c, vm && vma_is_anon(vm),
		      "pid %d: PTE at %#llx outside an anonymous VMA", p->pid,
		      (unsigned long long)va);
	});
}

/* Count what a huge PMD at @a maps; it lies in an anonymous VMA. */
static void tally_huge_pmd(struct hr_machine *m, struct check_ctx *c,
			   struct hr_proc *p, uint64_t a,
			   const struct pmd_entry *pmd, struct anon_tally *t)
{
	if (pmd->huge == PTE_ZERO) {
		t->zero_refs++;
	} else {
		cnt_add(&t->pmds, PTE_PFN(pmd->huge));
		owner_check(m, c, p, PTE_PFN(pmd->huge));
	}
	CHECK(c, range_has_vma(p, a, a + HPAGE_SIZE),
	      "pid %d: huge PMD at %#llx outside any VMA", p->pid,
	      (unsigned long long)a);
}

/* Every page table of @p: PMD tables, their slots, PTE tables. */
static void tally_mm_page_tables(struct hr_machine *m, struct check_ctx *c,
				 struct hr_proc *p, struct anon_tally *t)
{
	uint32_t k;

	for (k = 0; k < p->pmdt_cap; k++) {
		struct pmd_table *pt = p->pmdt[k];
		unsigned j, nr = 0;

		if (!pt)
			continue;
		t->tables++;
		for (j = 0; j < 512; j++) {
			struct pmd_entry *pmd = &pt->e[j];
			uint64_t a = (pt->gidx << 30) | ((uint64_t)j << 21);

			if (!pmd->huge && !pmd->pt)
				continue;
			nr++;
			t->tables++;
			CHECK(c, !(pmd->huge && pmd->pt),
			      "pid %d: PMD at %#llx both huge and a table",
			      p->pid, (unsigned long long)a);
			if (pmd->huge) {
				tally_huge_pmd(m, c, p, a, pmd, t);
				continue;
			}
			check_pte_table_shape(c, p, a, pmd->pt);
			tally_pte_table(m, c, p, a, pmd->pt, t);
		}
		CHECK(c, nr == pt->nr, "pid %d: PMD table nr=%u, %u used", p->pid,
		      pt->nr, nr);
	}
}

/*
 * One pageblock @b: hugetlb pages and the huge zero page are counted
 * whole; a THP's PMD count and every frame's PTE count must match the
 * tally; frames in each use are counted for the totals.
 */
static void check_block(struct hr_machine *m, struct check_ctx *c, uint32_t b,
			struct anon_tally *t)
{
	struct pageblock *pb = &m->phys.pb[b];
	uint32_t base = b << PB_SHIFT;
	uint64_t anon = 0, split_unmapped = 0;
	unsigned f;

	if (pb->state == PB_ALLOC_HEAD && pb->kind == PBK_HUGETLB) {
		t->hugetlb += 1ULL << pb->order;
		return;
	}
	if (pb->state == PB_ALLOC_HEAD && pb->kind == PBK_NONE) {
		CHECK(c, m->huge_zero && base == m->huge_zero_pfn,
		      "anon: block %u allocated for no one", b);
		return;
	}
	if (pb->state != PB_SPLIT &&
	    !(pb->state == PB_ALLOC_HEAD &&
	      (pb->kind == PBK_THP || pb->kind == PBK_RESV)))
		return;
	if (pb_is_thp(pb)) {
		t->thps++;
		if (pb->entire_mapcount)
			t->thps_pmd++;
		CHECK(c, cnt_get(&t->pmds, base) == pb->entire_mapcount,
		      "anon: THP %#x entire_mapcount=%u, %u PMDs", base,
		      pb->entire_mapcount, cnt_get(&t->pmds, base));
	}
	if (pb->state == PB_ALLOC_HEAD && pb->kind == PBK_RESV)
		t->resv_blocks++;
	/*
	 * The 512-frame loop is most of a validator pass: its tallies are
	 * locals, so that they stay in registers (through @t, every call
	 * to cnt_get() would make the compiler store and reload them).
	 */
	for (f = 0; f < PB_FRAMES; f++) {
		uint32_t pfn = base + f;
		unsigned mc = pb->pages ? pb_mapcount(pb->pages, f) : 0;
		bool fr = pb->state == PB_SPLIT &&
			  (pb->pages->free[f / 64] >> (f % 64) & 1);

		CHECK(c, mc == cnt_get(&t->ptes, pfn),
		      "anon: frame %#x mapcount=%u, %u PTEs map it", pfn, mc,
		      cnt_get(&t->ptes, pfn));
		if (fr)
			CHECK(c, !mc, "anon: free frame %#x mapped", pfn);
		if (mc && pb->kind != PBK_THP)
			anon++;
		if (pb->state == PB_SPLIT && !fr && !mc)
			split_unmapped++;
	}
	t->anon += anon;
	t->split_unmapped += split_unmapped;
}

/* The machine's counters are what the walk found. */
static void check_counters(struct hr_machine *m, struct check_ctx *c,
			   const struct anon_tally *t)
{
	uint64_t absent = 0;
	int n;

	for (n = 0; n < m->phys.nr_nodes; n++)
		absent += m->phys.absent[n];
	/* an order-0 frame no PTE maps is a page table or does not exist */
	CHECK(c, t->split_unmapped == m->nr_pagetables + absent,
	      "anon: %llu taken base frames map nothing, but there are %llu "
	      "page tables and %llu absent frames",
	      (unsigned long long)t->split_unmapped,
	      (unsigned long long)m->nr_pagetables, (unsigned long long)absent);
	CHECK(c, t->anon == m->nr_anon_pages,
	      "anon: nr_anon_pages=%llu but %llu frames are mapped",
	      (unsigned long long)m->nr_anon_pages, (unsigned long long)t->anon);
	CHECK(c, t->thps == m->nr_anon_thps && t->thps_pmd == m->nr_anon_thps_pmd,
	      "anon: THPs %llu (%llu PMD-mapped) but counted %llu (%llu)",
	      (unsigned long long)t->thps, (unsigned long long)t->thps_pmd,
	      (unsigned long long)m->nr_anon_thps,
	      (unsigned long long)m->nr_anon_thps_pmd);
	CHECK(c, t->resv_blocks == m->nr_resv,
	      "anon: %llu reservation blocks, nr_resv=%llu",
	      (unsigned long long)t->resv_blocks, (unsigned long long)m->nr_resv);
}

/*
 * Memory is conserved, in frames.  Mapped frames of reservation blocks
 * are in nr_anon_pages, so a block counts by its unused frames only.
 */
static void check_conservation(struct hr_machine *m, struct check_ctx *c,
			       uint64_t hugetlb)
{
	uint64_t total = phys_total(&m->phys), sum, resv_unused = 0;
	struct list_head *rl;

	list_for_each(rl, &m->resv_lru)
		resv_unused += list_entry(rl, struct thp_resv, lru)->nr_unused;
	sum = phys_free_total(&m->phys) + m->nr_anon_pages +
	      m->nr_anon_thps * HPAGE_NR + resv_unused + m->nr_pagetables +
	      hugetlb + (m->huge_zero ? HPAGE_NR : 0);
	CHECK(c, sum == total,
	      "memory not conserved: free %llu + anon %llu + THP %llu "
	      "+ reserved %llu + page tables %llu + hugetlb %llu + "
	      "huge zero %u = %llu, total %llu",
	      (unsigned long long)phys_free_total(&m->phys),
	      (unsigned long long)m->nr_anon_pages,
	      (unsigned long long)(m->nr_anon_thps * HPAGE_NR),
	      (unsigned long long)resv_unused,
	      (unsigned long long)m->nr_pagetables,
	      (unsigned long long)hugetlb, m->huge_zero ? HPAGE_NR : 0,
	      (unsigned long long)sum, (unsigned long long)total);
}

/**
 * anon_check() - page tables and frames agree: every frame's map count
 * is the number of PTEs mapping it, every THP's entire map count the
 * number of PMDs; page tables are what PageTables counts; entries lie
 * inside anonymous VMAs; and memory is conserved:
 * free + base pages + THPs + reservations + page tables + hugetlb +
 * huge zero page + absent frames = total.
 */
void anon_check(struct hr_machine *m, struct check_ctx *c)
{
	struct anon_tally t = { 0 };
	struct list_head *pl;
	uint32_t b;

	list_for_each(pl, &m->procs)
		tally_mm_page_tables(m, c, list_entry(pl, struct hr_proc, link),
				     &t);
	CHECK(c, t.tables == m->nr_pagetables,
	      "anon: nr_pagetables=%llu but %llu page tables exist",
	      (unsigned long long)m->nr_pagetables,
	      (unsigned long long)t.tables);
	CHECK(c, t.zero_refs == m->huge_zero_refs,
	      "anon: huge zero page refs=%llu, %llu PMDs map it",
	      (unsigned long long)m->huge_zero_refs,
	      (unsigned long long)t.zero_refs);
	for (b = 0; b < m->phys.nr_pb; b++)
		check_block(m, c, b, &t);
	check_counters(m, c, &t);
	check_conservation(m, c, t.hugetlb);
	free(t.ptes.v);
	free(t.pmds.v);
}
