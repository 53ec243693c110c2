/* SPDX-License-Identifier: MIT */
/*
 * hugetlb.c - reservations and the hugetlb fault path.
 *
 * This follows hugetlbfs_reserv.txt (Linux v4.10) where today's kernel
 * still does the same, and today's kernel (6.x) where it changed; every
 * such place says so and docs/kernel-differences.md lists them.
 *
 * Reserve map semantics (the "opposite meaning" of the design document):
 *   shared mapping   the inode's map; a region means a reservation
 *                    exists or existed for the page
 *   private mapping  the owner VMA's map; a region means the page's
 *                    reservation was consumed
 * vma_needs_reservation() hides the difference: 0 means "a reservation
 * exists for this page", 1 means "none".
 *
 * The allocation of a page for a fault is three steps, as in Linux:
 * needs (region_chg) -> allocate (subpool, dequeue or surplus) -> commit
 * (region_add) or end (region_abort).  A page allocated against a
 * reservation carries HP_RESTORE_RESERVE until it is instantiated, so
 * that freeing it on an error path gives the reservation back; and
 * restore_reserve_on_error() puts the reserve map back to match.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static struct hugepage_subpool *subpool_vma(struct vm_area *vma)
{
	return subpool_inode(vma->file);
}

static unsigned huge_page_shift(const struct hstate *h)
{
	return h->order + 12;
}

/** vma_hugecache_offset() - the huge page index of @addr in the file. */
long vma_hugecache_offset(const struct vm_area *vma, uint64_t addr)
{
	const struct hstate *h = vma->h;

	return (long)(((addr - vma->start) >> huge_page_shift(h)) +
		      (vma->pgoff >> h->order));
}

/* The reserve map that governs @vma: the inode's or the owner's. */
static struct resv_map *vma_resv_map(struct vm_area *vma)
{
	if (vma->flags & VM_MAYSHARE)
		return vma->file->resv;
	return vma->resv;
}

static bool is_vma_resv_set(const struct vm_area *vma, unsigned flag)
{
	return (vma->resv_flags & flag) != 0;
}

/* __vma_private_lock: a private VMA that has its own reserve map. */
static bool vma_private_with_map(const struct vm_area *vma)
{
	return !(vma->flags & VM_MAYSHARE) && vma->resv != NULL;
}

enum vma_resv_mode {
	VMA_NEEDS_RESV,
	VMA_COMMIT_RESV,
	VMA_END_RESV,
	VMA_ADD_RESV,
	VMA_DEL_RESV,
};

static long __vma_reservation_common(struct vm_area *vma, uint64_t addr,
				     enum vma_resv_mode mode)
{
	struct resv_map *resv = vma_resv_map(vma);
	long idx, ret, dummy;

	if (!resv)
		return 1;
	idx = vma_hugecache_offset(vma, addr);
	switch (mode) {
	case VMA_NEEDS_RESV:
		ret = region_chg(resv, idx, idx + 1, &dummy);
		break;
	case VMA_COMMIT_RESV:
		ret = region_add(resv, idx, idx + 1, 1);
		break;
	case VMA_END_RESV:
		region_abort(resv, idx, idx + 1, 1);
		ret = 0;
		break;
	case VMA_ADD_RESV:
		if (vma->flags & VM_MAYSHARE) {
			ret = region_add(resv, idx, idx + 1, 1);
		} else {
			region_abort(resv, idx, idx + 1, 1);
			ret = region_del(resv, idx, idx + 1);
		}
		break;
	case VMA_DEL_RESV:
		if (vma->flags & VM_MAYSHARE) {
			region_abort(resv, idx, idx + 1, 1);
			ret = region_del(resv, idx, idx + 1);
		} else {
			ret = region_add(resv, idx, idx + 1, 1);
		}
		break;
	default:
		HR_BUG_ON(1);
		return -EINVAL;
	}
	if ((vma->flags & VM_MAYSHARE) || mode == VMA_DEL_RESV)
		return ret;
	/*
	 * Private map: an entry means the reservation was consumed, so the
	 * answer is the opposite of the map operation's count.
	 */
	if (ret > 0)
		return 0;
	if (ret == 0)
		return 1;
	return ret;
}

static long vma_needs_reservation(struct vm_area *vma, uint64_t addr)
{
	return __vma_reservation_common(vma, addr, VMA_NEEDS_RESV);
}

static long vma_commit_reservation(struct vm_area *vma, uint64_t addr)
{
	return __vma_reservation_common(vma, addr, VMA_COMMIT_RESV);
}

static void vma_end_reservation(struct vm_area *vma, uint64_t addr)
{
	(void)__vma_reservation_common(vma, addr, VMA_END_RESV);
}

static long vma_add_reservation(struct vm_area *vma, uint64_t addr)
{
	return __vma_reservation_common(vma, addr, VMA_ADD_RESV);
}

static long vma_del_reservation(struct vm_area *vma, uint64_t addr)
{
	return __vma_reservation_common(vma, addr, VMA_DEL_RESV);
}

/* Does @vma's reserve map have an entry for the page at @addr? */
static bool map_has_entry(struct vm_area *vma, uint64_t addr)
{
	struct resv_map *resv = vma_resv_map(vma);
	long idx = vma_hugecache_offset(vma, addr);

	return resv && region_count(resv, idx, idx + 1);
}

/*
 * A page that carries HP_RESTORE_RESERVE will give its reservation back
 * to the global count when freed: make the reserve map say the same
 * (the entry of a consumed reservation goes, or an in-progress change is
 * ended).  When the map cannot be changed, drop the flag instead, so the
 * counts stay consistent and only the guarantee for the page is lost.
 */
static void restore_map_for_page(struct vm_area *vma, uint64_t addr,
				 struct hpage *pg)
{
	long rc = vma_needs_reservation(vma, addr);

	if (rc < 0) {
		/*
		 * Linux's reasoning ("appear as though the reservation was
		 * consumed") holds for a private map; a shared map keeps the
		 * entry alloc_hugetlb_folio added, with no page and no global
		 * reservation behind it.
		 */
		if ((vma->flags & VM_MAYSHARE) && map_has_entry(vma, addr))
			machine_taint(vma->h->m, HR_TAINT_RESV,
				      "restore_reserve_on_error: region_chg failed "
				      "for a shared page that consumed a reservation; "
				      "its map entry outlives the reservation, as in "
				      "Linux");
		pg->flags &= ~HP_RESTORE_RESERVE;
	}
	else if (rc)
		(void)vma_add_reservation(vma, addr);
	else
		/* Linux leaves the change in progress in the zap case */
		vma_end_reservation(vma, addr);
}

/*
 * restore_reserve_on_error - a page allocated for @addr is being freed
 * before it was instantiated: make the reserve map agree with what
 * free_huge_folio() will do to the global count.  When the map cannot be
 * changed (no descriptor), change the page's flag instead, so the counts
 * stay consistent and only the guarantee for that one page is lost.
 */
static void restore_reserve_on_error(struct vm_area *vma, uint64_t addr,
				     struct hpage *pg)
{
	long rc;

	if (pg->flags & HP_RESTORE_RESERVE) {
		restore_map_for_page(vma, addr, pg);
		return;
	}
	rc = vma_needs_reservation(vma, addr);
	if (!rc) {
		/* an entry not added by this allocation: remove it */
		if (vma_del_reservation(vma, addr) < 0)
			pg->flags |= HP_RESTORE_RESERVE;
	} else if (rc < 0) {
		/*
		 * Linux assumes region_chg only allocates when no entry
		 * exists, so that for a shared mapping there is nothing to
		 * undo and for a private one the free must restore the
		 * reservation.  But region_chg also allocates when the
		 * descriptor cache is empty, which it is right after
		 * alloc_hugetlb_folio's own region_add: then the entry is
		 * there, and the shared map keeps a reservation no global
		 * count backs (or the private free restores one that the
		 * map says was consumed).  Do the same, and say so.
		 */
		if (map_has_entry(vma, addr))
			machine_taint(vma->h->m, HR_TAINT_RESV,
				      "restore_reserve_on_error: region_chg failed "
				      "with the page's entry present; the reserve "
				      "map and HugePages_Rsvd now disagree by one, "
				      "as in Linux");
		if (!(vma->flags & VM_MAYSHARE))
			pg->flags |= HP_RESTORE_RESERVE;
	} else {
		vma_end_reservation(vma, addr);
	}
}

/*
 * The first node the VMA's policy (or its task's) allows: the task runs
 * on node 0.
 */
static int vma_pref_nid(const struct vm_area *vma)
{
	unsigned long mask = vma_policy_nodes(vma);
	int nid;

	if (!mask)
		return 0;
	for (nid = 0; !(mask & (1UL << nid)); nid++)
		;
	return nid;
}

enum map_chg_state {
	MAP_CHG_REUSE = 0,	/* the VMA's reservation covers the page */
	MAP_CHG_NEEDED = 1,	/* no reservation in the map */
	MAP_CHG_ENFORCED = 2,	/* COW by the owner: never use the map */
};

/*
 * An older profile's path changed what the subpools hold by @held while
 * resv_huge_pages did not follow: count it in resv_skew (the
 * conservation validator's allowance) and taint the machine, as its
 * counters are off for good, like that kernel's.
 */
static void old_kernel_skew(struct hstate *h, long held, const char *why)
{
	if (!held)
		return;
	h->resv_skew -= held;
	machine_taint(h->m, HR_TAINT_OLD_KERNEL, why);
}

/*
 * Before 6.14 (Peter Xu's series that renamed avoid_reserve to
 * cow_from_owner and let the global charge alone decide) a page was
 * taken from the reserved ones when vma_has_reserves() said so, not
 * whenever the subpool covered it: a VMA without reservations of its
 * own (a fork child's private mapping) whose fault the subpool's minimum
 * covered used the subpool's reserve and still took an unreserved page
 * (section 4.4 of docs/kernel-differences.md).  @chg: the global charge.
 */
static bool old_vma_has_reserves(const struct vm_area *vma, long chg)
{
	if (vma->flags & VM_NORESERVE)
		return (vma->flags & VM_MAYSHARE) && !chg;
	if (vma->flags & VM_MAYSHARE)
		return !chg;
	if (is_vma_resv_set(vma, HPAGE_RESV_OWNER))
		return !chg;
	return false;
}

/**
 * alloc_hugetlb_folio() - allocate a huge page for @addr in @vma.
 * @cow_from_owner: a COW by the reservation's owner of a page whose
 *                  reservation was already consumed; the new page must
 *                  come from outside the reservations.
 *
 * Return: the page (refcount 1), or NULL with *err = -ENOSPC (no page or
 * subpool limit) or -ENOMEM (the reserve map could not be changed).
 */
static struct hpage *alloc_hugetlb_folio(struct vm_area *vma, uint64_t addr,
					 bool cow_from_owner, int *err)
{
	struct hugepage_subpool *spool = subpool_vma(vma);
	struct hstate *h = vma->h;
	struct hpage *pg = NULL;
	enum map_chg_state map_chg;
	long retval, gbl_chg;
	bool use_resv;		/* take a reserved page */

	if (cow_from_owner) {
		map_chg = MAP_CHG_ENFORCED;
	} else {
		retval = vma_needs_reservation(vma, addr);
		if (retval < 0) {
			*err = -ENOMEM;
			return NULL;
		}
		map_chg = retval ? MAP_CHG_NEEDED : MAP_CHG_REUSE;
	}

	/*
	 * Without a reservation of its own the page counts against the
	 * subpool, which may still cover it from its minimum's reserves.
	 */
	if (map_chg) {
		gbl_chg = hugepage_subpool_get_pages(spool, 1);
		if (gbl_chg < 0)
			goto out_end_reservation;
	} else {
		gbl_chg = 0;
	}

	use_resv = !gbl_chg;
	/*
	 * The owner's COW (avoid_reserve) takes what the subpool gave
	 * there too: the series' fix of avoid_reserve went to stable and
	 * Debian's 6.12 has it.
	 */
	if (KERNEL_BEFORE(h->m, 6, 14) && map_chg != MAP_CHG_ENFORCED)
		use_resv = old_vma_has_reserves(vma, gbl_chg);

	/* spin_lock(&hugetlb_lock) */
	if (!machine_should_fail(h->m, FAIL_HPAGE_ALLOC)) {
		int nid = vma_pref_nid(vma);

		if (use_resv || hstate_available(h))
			pg = hstate_dequeue(h, nid, vma_policy_nodes(vma));
		if (!pg)
			pg = hstate_alloc_surplus(h, nid, vma_policy_nodes(vma));
	}
	if (!pg)
		goto out_subpool_put;
	if (!use_resv && !gbl_chg)
		old_kernel_skew(h, -1, "a fault before 6.14: the subpool's "
				"reserve used for an unreserved page");
	if (use_resv) {
		pg->flags |= HP_RESTORE_RESERVE;
		h->resv_huge_pages--;
	}
	pg->spool = spool;

	if (map_chg != MAP_CHG_ENFORCED) {
		retval = vma_commit_reservation(vma, addr);
		/*
		 * The page entered the map between needs and commit (a race
		 * with hugetlb_reserve_pages in Linux): the reservation taken
		 * there no longer applies.
		 */
		if (map_chg == MAP_CHG_NEEDED && retval == 0) {
			long rsv_adjust = hugepage_subpool_put_pages(spool, 1);

			hugetlb_acct_memory(h, -rsv_adjust);
		}
	}
	return pg;

out_subpool_put:
	if (KERNEL_BEFORE(h->m, 6, 15)) {
		/*
		 * Before a833a693a490 (6.15) every page charged to the
		 * subpool went back to it, whatever it was charged against,
		 * and what that returned was ignored: on a min_size mount the
		 * subpool's reserve grows by one that the global count lacks
		 * (section 4.3 of docs/kernel-differences.md).
		 */
		if (map_chg) {
			long before = spool ? spool->rsv_hpages : 0;

			(void)hugepage_subpool_put_pages(spool, 1);
			if (gbl_chg)	/* not taken from the reserve */
				old_kernel_skew(h, (spool ? spool->rsv_hpages : 0) -
						before, "a failed fault before 6.15: "
						"the subpool's reserve grew alone");
		}
		goto out_end_reservation;
	}
	/* only if the subpool's own reserve was used */
	if (map_chg && !gbl_chg) {
		long gbl_reserve = hugepage_subpool_put_pages(spool, 1);

		hugetlb_acct_memory(h, -gbl_reserve);
	}
out_end_reservation:
	if (map_chg != MAP_CHG_ENFORCED)
		vma_end_reservation(vma, addr);
	*err = -ENOSPC;
	return NULL;
}

/** hugetlb_put_page() - drop a reference; the last one frees the page. */
void hugetlb_put_page(struct hpage *pg)
{
	HR_BUG_ON(pg->refcount <= 0);
	if (--pg->refcount == 0)
		free_huge_folio(pg);
}

static struct hpte *vma_pte(struct vm_area *vma, uint64_t addr)
{
	uint64_t i = (addr - vma->start) >> huge_page_shift(vma->h);

	if (!vma->pte) {
		vma->pte = hr_zalloc(vma->mm->m,
				     sizeof(struct hpte) * vma_pages(vma));
		HR_BUG_ON(!vma->pte);
	}
	return &vma->pte[i];
}

static void pte_unmap_page(struct hpte *pte)
{
	pte->page->mapcount--;
	pte->page = NULL;
	pte->write = false;
}

/* Every process's VMAs, for the rmap walks Linux does through i_mmap. */
#define for_each_file_vma(m, f, vma, pp, vp)                                  \
	list_for_each(pp, &(m)->procs)                                        \
		list_for_each(vp, &list_entry(pp, struct hr_proc, link)->vmas) \
			if (((vma) = list_entry(vp, struct vm_area, link)),    \
			    (vma)->file == (f))

/*
 * unmap_ref_private - the owner could not get a page to break COW: take
 * the page away from the other private mappings (fork children) that
 * still map it, and mark them so their next fault on a missing page is
 * SIGBUS rather than silently reading zeroes.
 */
static void unmap_ref_private(struct vm_area *vma, struct hpage *pg,
			      uint64_t addr)
{
	struct hr_machine *m = vma->mm->m;
	struct list_head *pp, *vp;
	struct vm_area *iter;
	uint64_t hmask = vma->h->size - 1;

	addr &= ~hmask;
	for_each_file_vma(m, vma->file, iter, pp, vp) {
		if (iter == vma || (iter->flags & VM_MAYSHARE))
			continue;
		if (addr < iter->start || addr >= iter->end)
			continue;
		if (!is_vma_resv_set(iter, HPAGE_RESV_OWNER))
			hugetlb_unmap_range(iter, addr, addr + vma->h->size, pg);
	}
}

/*
 * hugetlb_wp - a write to a present, write-protected page.  Shared
 * mappings just make the PTE writable; a private page that only this
 * mapping uses is reused; otherwise the page is copied (COW).
 */
static int hugetlb_wp(struct vm_area *vma, uint64_t addr)
{
	struct hpte *pte = vma_pte(vma, addr);
	struct hpage *old, *new;
	bool cow_from_owner = false;
	int err = 0;

	if (vma->flags & VM_MAYSHARE) {
		pte->write = true;
		return 0;
	}
	old = pte->page;
retry:
	if (old->mapcount == 1 && (old->flags & HP_ANON)) {
		pte->write = true;
		return 0;
	}
	/*
	 * The owner's COW of a page whose reservation it already consumed
	 * must not consume another: take the page from outside.
	 */
	if (is_vma_resv_set(vma, HPAGE_RESV_OWNER) && (old->flags & HP_ANON))
		cow_from_owner = true;

	old->refcount++;
	new = alloc_hugetlb_folio(vma, addr, cow_from_owner, &err);
	if (!new) {
		if (cow_from_owner) {
			hugetlb_put_page(old);
			unmap_ref_private(vma, old, addr);
			if (pte->page == old)
				goto retry;
			return 0;
		}
		hugetlb_put_page(old);
		return HR_FAULT_SIGBUS;
	}
	vma->anon_vma = true;
	/* break COW: the new page replaces the old in this PTE */
	new->flags |= HP_ANON;
	new->flags &= ~HP_RESTORE_RESERVE;	/* hugetlb_add_new_anon_rmap */
	new->mapcount = 1;
	pte_unmap_page(pte);
	hugetlb_put_page(old);		/* the PTE's reference */
	pte->page = new;
	pte->write = true;
	hugetlb_put_page(old);		/* the reference taken above */
	return 0;
}

/*
 * hugetlb_no_page - a fault where no page is mapped: find the page in
 * the page cache or allocate one, then map it.
 */
static int hugetlb_no_page(struct vm_area *vma, uint64_t addr, bool write)
{
	struct hr_file *f = vma->file;
	struct hpte *pte;
	long idx = vma_hugecache_offset(vma, addr);
	struct hpage *pg;
	bool new_page = false;
	int err = 0;

	/* the owner took a page from this (child) VMA on a failed COW */
	if (is_vma_resv_set(vma, HPAGE_RESV_UNMAPPED))
		return HR_FAULT_SIGBUS;

	pg = pagecache_lookup(f, idx);
	if (!pg) {
		if ((uint64_t)idx >= (f->size >> huge_page_shift(vma->h)))
			return HR_FAULT_SIGBUS;
		pg = alloc_hugetlb_folio(vma, addr, false, &err);
		if (!pg)
			return HR_FAULT_SIGBUS;
		new_page = true;
		if (vma->flags & VM_MAYSHARE) {
			if (pagecache_add(f, pg, idx) < 0) {
				restore_reserve_on_error(vma, addr, pg);
				hugetlb_put_page(pg);
				return HR_FAULT_SIGBUS;
			}
		} else {
			vma->anon_vma = true;
			pg->flags |= HP_ANON;
		}
	} else {
		pg->refcount++;		/* the PTE's reference */
	}

	/* pending COW: prepare the reserve map outside the PTE lock */
	if (write && !(vma->flags & VM_SHARED)) {
		if (vma_needs_reservation(vma, addr) < 0) {
			/*
			 * Back out.  A new page already in the page cache
			 * stays there: only its PTE was not made.
			 */
			if (new_page && !(vma->flags & VM_MAYSHARE))
				restore_reserve_on_error(vma, addr, pg);
			if (!new_page || !(vma->flags & VM_MAYSHARE))
				hugetlb_put_page(pg);
			return HR_FAULT_SIGBUS;
		}
		vma_end_reservation(vma, addr);
	}

	pte = vma_pte(vma, addr);
	if (new_page && (pg->flags & HP_ANON))
		pg->flags &= ~HP_RESTORE_RESERVE; /* hugetlb_add_new_anon_rmap */
	pg->mapcount++;
	pte->page = pg;
	pte->write = (vma->flags & VM_SHARED) != 0;
	if (new_page && (vma->flags & VM_MAYSHARE)) {
		/* the allocation's reference became the page cache's */
		pg->refcount++;
	}
	if (write && !(vma->flags & VM_SHARED))
		return hugetlb_wp(vma, addr);
	return 0;
}

/**
 * hugetlb_fault() - a user access to @addr in the hugetlb VMA @vma
 * (already checked against the VMA's protection).
 *
 * Return: 0 or HR_FAULT_SIGBUS.
 */
int hugetlb_fault(struct vm_area *vma, uint64_t addr, bool write)
{
	struct hpte *pte = vma_pte(vma, addr);

	if (!pte->page)
		return hugetlb_no_page(vma, addr, write);
	if (write && !pte->write) {
		if (!(vma->flags & VM_MAYSHARE)) {
			if (vma_needs_reservation(vma, addr) < 0)
				return HR_FAULT_SIGBUS;
			vma_end_reservation(vma, addr);
		}
		return hugetlb_wp(vma, addr);
	}
	return 0;
}

/** tlb_gather_mmu() - start deferring page frees (nests). */
void tlb_gather_mmu(struct hr_machine *m)
{
	m->tlb_depth++;
}

/** tlb_finish_mmu() - the outermost one frees the gathered pages. */
void tlb_finish_mmu(struct hr_machine *m)
{
	HR_BUG_ON(m->tlb_depth <= 0);
	if (--m->tlb_depth)
		return;
	for (int i = 0; i < m->tlb_n; i++)
		hugetlb_put_page(m->tlb_pages[i]);
	m->tlb_n = 0;
}

/* tlb_remove_page: drop the mapping's reference at tlb_finish_mmu(). */
static void tlb_remove_page(struct hr_machine *m, struct hpage *pg)
{
	if (m->tlb_depth && m->tlb_n == m->tlb_cap) {
		int cap = m->tlb_cap ? m->tlb_cap * 2 : 64;
		struct hpage **np = realloc(m->tlb_pages, (size_t)cap * sizeof(*np));

		if (np) {
			m->tlb_pages = np;
			m->tlb_cap = cap;
		}
	}
	if (m->tlb_depth && m->tlb_n < m->tlb_cap)
		m->tlb_pages[m->tlb_n++] = pg;
	else
		hugetlb_put_page(pg);	/* Linux flushes a full batch early too */
}

/*
 * Does this kernel restore the reservation of an owner's anonymous page
 * that a zap unmaps (the surplus and ownership tests passed)?  6.18 does
 * for every such page (docs/kernel-differences.md 1.1, 1.3).  Before 6.9
 * (df7a6d1f6405, "mm/hugetlb: restore the reservation if needed") none
 * did: Debian's 6.1 never restores.  Debian's 6.12 (6.12.117) does only
 * when the zap unmapped the page's last mapping: a page a fork child
 * still maps keeps its "consumed" entry; the profiles 6.9 to 6.12 follow
 * it (section 4.1 and 4.2; the change behind it is not identified).
 */
static bool zap_restores(const struct hr_machine *m, const struct hpage *pg)
{
	if (!KERNEL_BEFORE(m, 6, 13))
		return true;
	return !KERNEL_BEFORE(m, 6, 9) && pg->mapcount == 0;
}

/**
 * hugetlb_unmap_range() - zap the PTEs of [@start, @end) in @vma
 * (__unmap_hugepage_range).
 * @ref_page: if set, only that page is unmapped, and @vma is marked
 *            HPAGE_RESV_UNMAPPED (a failed COW of the owner)
 *
 * Linux 6.x (since 6.9) restores the reservation of an anonymous page
 * that the reservation owner zaps (MADV_DONTNEED, munmap, exit), unless
 * the pool has surplus pages; v4.10 did not (zap_restores(): the kernel
 * profiles).  The page gives the reservation back to the global count
 * when it is freed, and its entry leaves the private map so the
 * reservation exists again.
 */
void hugetlb_unmap_range(struct vm_area *vma, uint64_t start, uint64_t end,
			 struct hpage *ref_page)
{
	struct hstate *h = vma->h;
	struct hr_machine *m = h->m;
	uint64_t addr;

	if (!vma->pte)
		return;
	tlb_gather_mmu(m);
	for (addr = start; addr < end; addr += h->size) {
		struct hpte *pte = vma_pte(vma, addr);
		struct hpage *pg = pte->page;

		if (!pg)
			continue;
		if (ref_page) {
			if (pg != ref_page)
				continue;
			vma->resv_flags |= HPAGE_RESV_UNMAPPED;
		}
		pte_unmap_page(pte);

		if (!h->surplus_huge_pages && vma_private_with_map(vma) &&
		    (pg->flags & HP_ANON) && zap_restores(m, pg)) {
			pg->flags |= HP_RESTORE_RESERVE;
			restore_map_for_page(vma, addr, pg);
		}
		tlb_remove_page(m, pg);
		if (ref_page)
			break;
	}
	tlb_finish_mmu(m);
}

/**
 * hugetlb_reserve_pages() - reserve huge pages [@from, @to) of @f for a
 * new mapping @vma (NULL for shm and the files behind MAP_HUGETLB).
 *
 * Shared mappings reserve the pages their file's map lacks; private
 * mappings always reserve the whole range, in a new map that the VMA
 * owns (HPAGE_RESV_OWNER).  The subpool is asked first, then the global
 * pool; every failure unwinds exactly what was taken.
 *
 * Return: true on success.
 */
bool hugetlb_reserve_pages(struct hr_file *f, long from, long to,
			   struct vm_area *vma, unsigned long vm_flags)
{
	struct hstate *h = f->h;
	struct hugepage_subpool *spool = subpool_inode(f);
	struct resv_map *resv_map;
	long chg = -1, add = -1, gbl_reserve, regions_needed = 0, rsv_before;
	bool shared = !vma || (vma->flags & VM_MAYSHARE);

	if (from > to)
		return false;
	if (vm_flags & VM_NORESERVE)
		return true;

	if (shared) {
		resv_map = f->resv;
		chg = region_chg(resv_map, from, to, &regions_needed);
	} else {
		resv_map = resv_map_alloc(f->m);
		if (!resv_map)
			return false;
		chg = to - from;
		vma->resv = resv_map;
		vma->resv_flags |= HPAGE_RESV_OWNER;
	}
	if (chg < 0)
		goto out_err;

	rsv_before = spool ? spool->rsv_hpages : 0;
	gbl_reserve = hugepage_subpool_get_pages(spool, chg);
	if (gbl_reserve < 0)
		goto out_err;

	if (hugetlb_acct_memory(h, gbl_reserve) < 0)
		goto out_put_pages;

	if (shared) {
		add = region_add(resv_map, from, to, regions_needed);
		if (chg > add) {
			/* pages entered the map meanwhile (a fault race) */
			long rsv_adjust = hugepage_subpool_put_pages(spool,
								     chg - add);
			hugetlb_acct_memory(h, -rsv_adjust);
		}
	}
	return true;

out_put_pages:
	if (KERNEL_BEFORE(f->m, 6, 15)) {
		/*
		 * Before a833a693a490 ("mm: hugetlb: fix incorrect fallback
		 * for subpool", 6.15) the unwind gave the subpool back all
		 * @chg pages and ignored what it returned: a subpool with a
		 * minimum keeps its reserve and the global count is not
		 * touched (section 4.3 of docs/kernel-differences.md).
		 */
		(void)hugepage_subpool_put_pages(spool, chg);
		old_kernel_skew(h, (spool ? spool->rsv_hpages : 0) - rsv_before,
				"a failed mmap before 6.15: the subpool's "
				"reserve changed alone");
		goto out_err;
	}
	{
		long spool_resv = chg - gbl_reserve;

		if (spool_resv) {
			long gbl_resv = hugepage_subpool_put_pages(spool,
								   spool_resv);
			hugetlb_acct_memory(h, -gbl_resv);
		}
		/* the pages that failed the global reservation */
		if (gbl_reserve && spool && spool->max_hpages != -1)
			spool->used_hpages -= gbl_reserve;
	}
out_err:
	if (shared) {
		if (chg >= 0 && add < 0)
			region_abort(resv_map, from, to, regions_needed);
	} else if (vma && is_vma_resv_set(vma, HPAGE_RESV_OWNER)) {
		resv_map_put(resv_map);
		vma->resv = NULL;
		vma->resv_flags = 0;
	}
	return false;
}

/**
 * hugetlb_unreserve_pages() - the file lost pages [@start, @end):
 * @freed of them were in its page cache (their reservations were already
 * consumed); the rest of the map's entries there are returned.
 *
 * Return: 0, or -ENOMEM when region_del could not split a region (only
 * possible for a hole punch; the caller fixes the counts up).
 */
long hugetlb_unreserve_pages(struct hr_file *f, long start, long end,
			     long freed)
{
	struct hugepage_subpool *spool = subpool_inode(f);
	long chg = 0, gbl_reserve;

	if (f->resv) {
		chg = region_del(f->resv, start, end);
		if (chg < 0)
			return chg;
	}
	gbl_reserve = hugepage_subpool_put_pages(spool, chg - freed);
	hugetlb_acct_memory(f->h, -gbl_reserve);
	return 0;
}

/**
 * hugetlb_fix_reserve_counts() - region_del failed on a hole punch, so
 * the map still shows a reservation for the page: take one back in the
 * subpool and the global pool to match it.
 */
void hugetlb_fix_reserve_counts(struct hr_file *f)
{
	struct hugepage_subpool *spool = subpool_inode(f);
	long rsv_adjust = hugepage_subpool_get_pages(spool, 1);
	bool reserved = rsv_adjust == 0;

	if (rsv_adjust > 0 && hugetlb_acct_memory(f->h, 1) == 0)
		reserved = true;
	/*
	 * Linux only warns ("Huge Page Reserved count may go negative") and
	 * goes on with a map entry no reservation backs.
	 */
	if (!reserved)
		machine_taint(f->m, HR_TAINT_RESV,
			      "hugetlb_fix_reserve_counts: no reservation to back "
			      "the entry a failed region_del left (\"Huge Page "
			      "Reserved count may go negative\")");
}

/**
 * hugetlb_vm_op_open() - a VMA was copied from a sibling (split): a
 * private owner's copy shares the sibling's reserve map.
 */
void hugetlb_vm_op_open(struct vm_area *vma)
{
	if (vma->resv && is_vma_resv_set(vma, HPAGE_RESV_OWNER))
		resv_map_get(vma->resv);
}

/**
 * hugetlb_vm_op_close() - a VMA goes away.  The owner of a private
 * reservation returns what its range did not consume, counted from the
 * shared map, so split siblings each return only their own part (the
 * fix of "hugetlb reservations: fix hugetlb MAP_PRIVATE reservations
 * across vma splits").
 */
void hugetlb_vm_op_close(struct vm_area *vma)
{
	struct resv_map *resv = vma->resv;
	long start, end, reserve;

	if (!resv || !is_vma_resv_set(vma, HPAGE_RESV_OWNER))
		return;
	start = vma_hugecache_offset(vma, vma->start);
	end = vma_hugecache_offset(vma, vma->end);
	reserve = (end - start) - region_count(resv, start, end);
	if (reserve) {
		long gbl_reserve = hugepage_subpool_put_pages(subpool_vma(vma),
							      reserve);
		hugetlb_acct_memory(vma->h, -gbl_reserve);
	}
	resv_map_put(resv);
	vma->resv = NULL;
}

/**
 * hugetlb_fallocate_page() - fallocate(2) preallocation of page @idx of
 * @f: allocate as a shared fault would (through a pseudo VMA, as
 * hugetlbfs_fallocate does) and insert it in the page cache.
 *
 * Return: 0, -ENOSPC when no page can be had, -ENOMEM on a map or page
 * cache failure.
 */
int hugetlb_fallocate_page(struct hr_file *f, long idx)
{
	struct vm_area pseudo;
	struct hpage *pg;
	uint64_t addr = (uint64_t)idx * f->h->size;
	int err = 0;

	memset(&pseudo, 0, sizeof(pseudo));
	pseudo.file = f;
	pseudo.h = f->h;
	pseudo.flags = VM_HUGETLB | VM_MAYSHARE | VM_SHARED;
	pseudo.start = 0;
	pseudo.end = addr + f->h->size;
	list_init(&pseudo.link);

	pg = alloc_hugetlb_folio(&pseudo, addr, false, &err);
	if (!pg)
		return err;
	if (pagecache_add(f, pg, idx) < 0) {
		restore_reserve_on_error(&pseudo, addr, pg);
		hugetlb_put_page(pg);
		return -ENOMEM;
	}
	return 0;
}
