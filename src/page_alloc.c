/* SPDX-License-Identifier: MIT */
/*
 * page_alloc.c - frames for anonymous memory and its page tables, and
 * memory pressure: the allocation policy over the buddy allocator
 * (phys.c: which nodes, whether a failed allocation enters direct
 * reclaim), the map count a new PTE mapping raises, and the shrinkers.
 *
 * Reclaim calls shrinkers that the layers above registered at machine
 * creation (machine.c), in Linux's manner (register_shrinker()), in
 * order: THP reservations first, then the deferred split queue, then
 * the huge zero page.  So an allocation deep in a page-table or THP path
 * can free memory without this file calling up into those layers.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Frames                                                              */

/* Does a failed allocation of @order for @vma enter direct reclaim? */
static bool may_direct_reclaim(const struct hr_machine *m,
			       const struct vm_area *vma, unsigned order)
{
	if (order < PB_SHIFT)
		return true;
	switch (m->thp.defrag) {
	case DEFRAG_ALWAYS:
		return true;
	case DEFRAG_DEFER_MADVISE:
	case DEFRAG_MADVISE:
		return vma && (vma->flags & VM_HUGEPAGE);
	default:
		return false;
	}
}

static int alloc_any_node(struct hr_machine *m, const struct vm_area *vma,
			  unsigned order, enum pb_kind kind, uint32_t *pfn)
{
	int nid;

	unsigned long mask = vma ? vma_policy_nodes(vma) : 0;

	for (nid = 0; nid < m->phys.nr_nodes; nid++) {
		if (mask && !(mask >> nid & 1))
			continue;
		if (!phys_alloc(&m->phys, nid, order, kind, pfn))
			return 0;
	}
	return -ENOMEM;
}

/**
 * anon_alloc_frame() - 2^@order frames for @vma (NULL: a page table of
 * no particular VMA), reclaiming once if the first try fails and the
 * allocation may reclaim.
 */
int anon_alloc_frame(struct hr_machine *m, struct vm_area *vma,
		     unsigned order, enum pb_kind kind, uint32_t *pfn)
{
	if (!alloc_any_node(m, vma, order, kind, pfn))
		return 0;
	if (!may_direct_reclaim(m, vma, order))
		return -ENOMEM;
	reclaim_pages(m, 1ULL << order);
	return alloc_any_node(m, vma, order, kind, pfn);
}

/* ------------------------------------------------------------------ */
/* Map counts                                                          */

/** anon_page_map() - one more PTE maps @pfn. */
void anon_page_map(struct hr_machine *m, uint32_t pfn)
{
	struct pageblock *pb = pfn_pb(&m->phys, pfn);
	struct pb_pages *pp = phys_pages(&m->phys, pfn);
	unsigned i = pfn & (PB_FRAMES - 1), c = pb_mapcount(pp, i);

	pb_mapcount_set(pp, i, c + 1);
	if (!c && !(pb_is_thp(pb)))
		m->nr_anon_pages++;
}

/* ------------------------------------------------------------------ */
/* Memory pressure                                                     */

/**
 * register_shrinker() - @fn will be asked to free memory at every reclaim,
 * after those registered before it.
 */
void register_shrinker(struct hr_machine *m, shrinker_fn fn)
{
	HR_BUG_ON(m->nr_shrinkers >= HR_MAX_SHRINKERS);
	m->shrinkers[m->nr_shrinkers++] = fn;
}

/**
 * reclaim_pages() - free at least @want frames if possible, asking each
 * shrinker in turn (each stops once the whole reclaim has freed @want,
 * unless its policy is to free everything).  Return the frames freed.
 */
uint64_t reclaim_pages(struct hr_machine *m, uint64_t want)
{
	struct shrink_control sc = { want, phys_free_total(&m->phys) };
	unsigned i;

	for (i = 0; i < m->nr_shrinkers; i++)
		m->shrinkers[i](m, &sc);
	return shrink_freed(m, &sc);
}

/**
 * hr_reclaim() - the `reclaim` statement: memory pressure wanting
 * @bytes (UINT64_MAX: everything reclaimable).  Return the bytes freed.
 */
int64_t hr_reclaim(hr_machine *m, uint64_t bytes)
{
	uint64_t want = bytes == UINT64_MAX ? UINT64_MAX
					    : (bytes + HR_PAGE_SIZE - 1) / HR_PAGE_SIZE;

	return (int64_t)(reclaim_pages(m, want) * HR_PAGE_SIZE);
}
