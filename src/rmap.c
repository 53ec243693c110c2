/* SPDX-License-Identifier: MIT */
/*
 * rmap.c - the last PTE mapping of an anonymous page going
 * (folio_remove_rmap_pte()), and what that means for the page: a base
 * page is freed, a reservation's frame goes back to its reservation
 * (thp_resv.c), a THP's subpage lets huge_memory.c free the THP or queue
 * it as partly mapped.  It sits above THP and the reservations and below
 * the paths that unmap (anon.c's zap and COW, khugepaged.c's collapse),
 * so that neither of those needs the other to unmap a page.
 */
#include "internal.h"

/**
 * anon_page_unmap() - a PTE mapping @pfn went.  The last one frees a
 * base page, gives a reservation's frame back to it, or lets huge_memory.c
 * decide about a THP's subpage.
 */
void anon_page_unmap(struct hr_machine *m, uint32_t pfn)
{
	struct pageblock *pb = pfn_pb(&m->phys, pfn);
	struct pb_pages *pp = pb->pages;
	unsigned i = pfn & (PB_FRAMES - 1), c;

	HR_BUG_ON(!pp);
	c = pb_mapcount(pp, i);
	HR_BUG_ON(c == 0);
	pb_mapcount_set(pp, i, c - 1);
	if (c > 1)
		return;
	if (pb_is_thp(pb)) {
		thp_page_unmapped(m, pfn);
		return;
	}
	m->nr_anon_pages--;
	if (pb->state == PB_ALLOC_HEAD && pb->kind == PBK_RESV) {
		thp_resv_frame_freed(m, pfn);
		return;
	}
	phys_free(&m->phys, pfn, 0);
}

