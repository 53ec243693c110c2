/* SPDX-License-Identifier: MIT */
/*
 * hstate.c - the per-size huge page pools (hugetlb_lock).
 *
 * A pool page is persistent (counted by nr_hugepages) or surplus
 * (allocated past it while vm.nr_overcommit_hugepages allows, and given
 * back to base memory as soon as it is free again).  Reservations are
 * counts: resv_huge_pages pages of the free lists are promised and only
 * their reservations may take them (see hstate_available()).
 *
 * Node choice follows Linux: pool growth and shrinking walk the nodes
 * round robin (next_nid_to_alloc / next_nid_to_free); faults and
 * surplus allocations prefer the faulting task's node.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const uint64_t hstate_sizes[HR_NR_HSTATES] = { HR_SZ_2M, HR_SZ_1G };

void hstate_init(struct hstate *h, struct hr_machine *m, int idx)
{
	memset(h, 0, sizeof(*h));
	h->m = m;
	h->idx = idx;
	h->size = hstate_sizes[idx];
	h->order = idx == HSTATE_2M ? 9 : 18;
	list_init(&h->active);
}

struct hstate *hstate_for_size(struct hr_machine *m, uint64_t size)
{
	int i;

	if (size == 0)
		return &m->hstates[m->default_hstate];
	for (i = 0; i < HR_NR_HSTATES; i++)
		if (m->hstates[i].size == size)
			return &m->hstates[i];
	return NULL;
}

/*
 * Gigantic pages (order above the buddy allocator's) cannot be surplus:
 * Linux only allocates them at pool resize time.
 */
bool hstate_is_gigantic(const struct hstate *h)
{
	return h->order >= 11;
}

/**
 * hstate_nr_restoring() - pages in use that will give a reservation back
 * when freed (HP_RESTORE_RESERVE).
 */
unsigned long hstate_nr_restoring(const struct hstate *h)
{
	const struct list_head *l;
	unsigned long n = 0;

	list_for_each(l, &h->active)
		if (list_entry(l, struct hpage, active)->flags & HP_RESTORE_RESERVE)
			n++;
	return n;
}

/** hstate_available() - free pages that no reservation has claimed. */
unsigned long hstate_available(const struct hstate *h)
{
	return h->free_huge_pages - h->resv_huge_pages;
}

static unsigned long persistent_huge_pages(const struct hstate *h)
{
	return h->nr_huge_pages - h->surplus_huge_pages;
}

static int nr_nodes(const struct hstate *h)
{
	return h->m->phys.nr_nodes;
}

/* Take a fresh huge page out of base memory on @nid. */
static int alloc_fresh_page(struct hstate *h, int nid)
{
	unsigned long n = h->nr_huge_pages_node[nid];
	uint32_t pfn;
	int err;

	if (n == h->pfn_cap[nid]) {
		unsigned long cap = n ? 2 * n : 16;
		uint32_t *v = realloc(h->pfns[nid], cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		h->pfns[nid] = v;
		h->pfn_cap[nid] = cap;
	}
	err = phys_alloc(&h->m->phys, nid, h->order + 0, PBK_HUGETLB, &pfn);
	if (err)
		return err;
	h->pfns[nid][n] = pfn;
	h->nr_huge_pages++;
	h->nr_huge_pages_node[nid]++;
	return 0;
}

static void enqueue_free(struct hstate *h, int nid)
{
	h->free_huge_pages++;
	h->free_huge_pages_node[nid]++;
}

/* Give a page of node @nid back to base memory. */
static void release_page(struct hstate *h, int nid, bool surplus)
{
	h->nr_huge_pages--;
	h->nr_huge_pages_node[nid]--;
	if (surplus) {
		h->surplus_huge_pages--;
		h->surplus_huge_pages_node[nid]--;
	}
	phys_free(&h->m->phys, h->pfns[nid][h->nr_huge_pages_node[nid]],
		  h->order);
}

/*
 * The node round robin of pool growth and shrinking, restricted to
 * @mask (0: every node): the first allowed node at or after the cursor,
 * and the cursor moves to the allowed node after it.  A per-node write
 * (mask of one node) therefore leaves the cursor on that node, as
 * Linux's get_valid_node_allowed()/next_node_allowed() do.
 */
static int next_allowed(const struct hstate *h, int nid, nodemask_t mask)
{
	int i;

	for (i = 0; i < nr_nodes(h); i++) {
		int n = (nid + i) % nr_nodes(h);

		if (!mask || (mask & (1UL << n)))
			return n;
	}
	return nid;
}

static int next_node_alloc(struct hstate *h, nodemask_t mask)
{
	int nid = next_allowed(h, h->next_nid_to_alloc, mask);

	h->next_nid_to_alloc = next_allowed(h, (nid + 1) % nr_nodes(h), mask);
	return nid;
}

static int next_node_free(struct hstate *h, nodemask_t mask)
{
	int nid = next_allowed(h, h->next_nid_to_free, mask);

	h->next_nid_to_free = next_allowed(h, (nid + 1) % nr_nodes(h), mask);
	return nid;
}

/* The number of nodes in @mask that the machine has (0: all of them). */
static int nr_allowed(const struct hstate *h, nodemask_t mask)
{
	int n, c = 0;

	for (n = 0; n < nr_nodes(h); n++)
		c += !mask || (mask & (1UL << n));
	return c;
}

/* alloc_pool_huge_folio: one more persistent page, nodes round robin. */
static bool alloc_pool_huge_page(struct hstate *h, nodemask_t mask)
{
	int tries;

	for (tries = 0; tries < nr_allowed(h, mask); tries++) {
		int nid = next_node_alloc(h, mask);

		if (alloc_fresh_page(h, nid) == 0) {
			enqueue_free(h, nid);
			return true;
		}
	}
	return false;
}

/*
 * remove_pool_huge_folio: free one free page back to base memory; with
 * @acct_surplus only from a node that has surplus pages, and count it
 * off the surplus.
 */
static bool remove_pool_huge_page(struct hstate *h, nodemask_t mask,
				  bool acct_surplus)
{
	int tries;

	for (tries = 0; tries < nr_allowed(h, mask); tries++) {
		int nid = next_node_free(h, mask);

		if ((!acct_surplus || h->surplus_huge_pages_node[nid]) &&
		    h->free_huge_pages_node[nid]) {
			h->free_huge_pages--;
			h->free_huge_pages_node[nid]--;
			release_page(h, nid, acct_surplus);
			return true;
		}
	}
	return false;
}

/*
 * adjust_pool_surplus: turn one surplus page into a persistent one
 * (@delta < 0) or one persistent page into a surplus one (@delta > 0).
 */
static bool adjust_pool_surplus(struct hstate *h, nodemask_t mask, int delta)
{
	int tries;

	for (tries = 0; tries < nr_allowed(h, mask); tries++) {
		int nid = delta < 0 ? next_node_alloc(h, mask) :
				      next_node_free(h, mask);

		if (delta < 0 && h->surplus_huge_pages_node[nid]) {
			h->surplus_huge_pages_node[nid]--;
			h->surplus_huge_pages--;
			return true;
		}
		if (delta > 0 && h->surplus_huge_pages_node[nid] <
					 h->nr_huge_pages_node[nid]) {
			h->surplus_huge_pages_node[nid]++;
			h->surplus_huge_pages++;
			return true;
		}
	}
	return false;
}

/**
 * hstate_set_max_node() - write a pool size (set_max_huge_pages()).
 * @count: the size asked for: of the whole pool, or with @nid >= 0 of
 *         node @nid's persistent pages
 * @nid:   the node of a per-node write (/sys/devices/system/node/nodeN/
 *         hugepages/.../nr_hugepages), or -1
 * @mask:  the nodes the pool may grow and shrink on (0: every node): one
 *         node for a per-node write, the writer's MPOL_BIND nodes for
 *         nr_hugepages_mempolicy
 *
 * A per-node size becomes a global one by adding the persistent pages
 * of the other nodes; a count that overflows means "as many as
 * possible" (ULONG_MAX).  Before Linux 6.6 the other nodes' pages were
 * counted with their surplus pages (nr_huge_pages - the node's
 * nr_huge_pages), so a node-specific write on a machine with surplus
 * pages made that many persistent pages too many (docs/kernel-
 * differences.md 4.10).
 *
 * Growing first turns surplus pages into persistent ones, then allocates
 * fresh pages while base memory allows (a short pool is not an error, as
 * in Linux).  Shrinking frees free pages while keeping enough for the
 * reservations and the pages in use, then marks the rest surplus so the
 * pool shrinks as they are freed.
 */
int hstate_set_max_node(struct hstate *h, unsigned long count, int nid,
			nodemask_t mask)
{
	unsigned long min_count;

	if (nid >= 0) {
		unsigned long old = count, others;

		if (KERNEL_BEFORE(h->m, 6, 6))
			others = h->nr_huge_pages - h->nr_huge_pages_node[nid];
		else
			others = persistent_huge_pages(h) -
				 (h->nr_huge_pages_node[nid] -
				  h->surplus_huge_pages_node[nid]);
		count += others;
		if (count < old)
			count = ULONG_MAX;
	}
	while (h->surplus_huge_pages && count > persistent_huge_pages(h)) {
		if (!adjust_pool_surplus(h, mask, -1))
			break;
	}
	while (count > persistent_huge_pages(h)) {
		if (!alloc_pool_huge_page(h, mask))
			break;
	}

	min_count = h->resv_huge_pages + h->nr_huge_pages - h->free_huge_pages;
	min_count = HR_MAX(count, min_count);
	while (min_count < persistent_huge_pages(h)) {
		if (!remove_pool_huge_page(h, mask, false))
			break;
	}
	while (count < persistent_huge_pages(h)) {
		if (!adjust_pool_surplus(h, mask, 1))
			break;
	}
	h->max_huge_pages = persistent_huge_pages(h);
	return 0;
}

/** hstate_set_max() - write nr_hugepages: every node allowed. */
int hstate_set_max(struct hstate *h, unsigned long count)
{
	return hstate_set_max_node(h, count, -1, 0);
}

/* A new hpage for a page taken off the free list or freshly allocated. */
static struct hpage *hpage_new(struct hstate *h, int nid)
{
	struct hpage *pg = hr_zalloc(h->m, sizeof(*pg));

	HR_BUG_ON(!pg);
	pg->h = h;
	pg->nid = nid;
	pg->refcount = 1;
	pg->index = -1;
	list_add_tail(&pg->active, &h->active);
	return pg;
}

/**
 * alloc_surplus_hugetlb_folio - a surplus page, if overcommit allows.
 * @nid_pref: the node to try first
 */
static bool node_allowed(nodemask_t mask, int nid)
{
	return !mask || (mask & (1UL << nid));
}

struct hpage *hstate_alloc_surplus(struct hstate *h, int nid_pref,
				   nodemask_t mask)
{
	int i;

	if (hstate_is_gigantic(h))
		return NULL;
	if (h->surplus_huge_pages >= h->nr_overcommit_huge_pages)
		return NULL;
	for (i = 0; i < nr_nodes(h); i++) {
		int nid = (nid_pref + i) % nr_nodes(h);

		if (!node_allowed(mask, nid))
			continue;
		if (alloc_fresh_page(h, nid) == 0) {
			h->surplus_huge_pages++;
			h->surplus_huge_pages_node[nid]++;
			return hpage_new(h, nid);
		}
	}
	return NULL;
}

/**
 * hstate_dequeue() - take a page off the free lists of the nodes in
 * @mask, @nid_pref first.  The caller decides whether it may
 * (reservations, availability): reservations are global counts, so a
 * reserved fault can still find no page on the nodes its policy allows.
 */
struct hpage *hstate_dequeue(struct hstate *h, int nid_pref, nodemask_t mask)
{
	int i;

	for (i = 0; i < nr_nodes(h); i++) {
		int nid = (nid_pref + i) % nr_nodes(h);

		if (node_allowed(mask, nid) && h->free_huge_pages_node[nid]) {
			h->free_huge_pages--;
			h->free_huge_pages_node[nid]--;
			return hpage_new(h, nid);
		}
	}
	return NULL;
}

/**
 * hstate_alloc_temporary() - alloc_migrate_hugetlb_folio: a fresh page
 * on @nid for a migration when the pool has no page to spare.  It is
 * outside the pool's accounting (neither persistent nor surplus) until
 * the migration completes and the old page takes the temporary state.
 */
struct hpage *hstate_alloc_temporary(struct hstate *h, int nid)
{
	struct hpage *pg;

	if (hstate_is_gigantic(h) || alloc_fresh_page(h, nid))
		return NULL;
	pg = hpage_new(h, nid);
	pg->flags |= HP_TEMPORARY;
	return pg;
}

/*
 * gather_surplus_pages - make sure @delta more reservations fit in the
 * free pool, allocating surplus pages for the shortfall.  On success
 * resv_huge_pages grows by @delta.
 */
static int gather_surplus_pages(struct hstate *h, long delta)
{
	long needed, allocated = 0, i;
	struct hpage **got = NULL;
	int ret = -ENOMEM;

	needed = (long)(h->resv_huge_pages + delta) - (long)h->free_huge_pages;
	if (needed <= 0) {
		h->resv_huge_pages += delta;
		return 0;
	}
	while (needed > 0) {
		struct hpage **ngot = realloc(got, sizeof(*got) *
						  (size_t)(allocated + needed));

		HR_BUG_ON(!ngot);
		got = ngot;
		for (i = 0; i < needed; i++) {
			/*
			 * The task's MPOL_BIND nodes, the first of them first.
			 * Before 6.10 a surplus page for a reservation came
			 * from the task's own node whatever its policy, so a
			 * task bound elsewhere failed allowed_free() below
			 * (docs/kernel-differences.md 4.11).
			 */
			nodemask_t mask = KERNEL_BEFORE(h->m, 6, 10) ? 0 :
					  h->m->current_policy;
			struct hpage *pg = hstate_alloc_surplus(h,
					mask ? __builtin_ctzl(mask) : 0, mask);

			if (!pg)
				goto free;
			got[allocated++] = pg;
		}
		/* the free pool may have changed while the lock was dropped */
		needed = (long)(h->resv_huge_pages + delta) -
			 (long)(h->free_huge_pages + allocated);
	}
	needed += allocated;
	h->resv_huge_pages += delta;
	ret = 0;
	/* the pages become free pool pages, still counted as surplus */
	for (i = 0; i < allocated && needed > 0; i++, needed--) {
		struct hpage *pg = got[i];

		list_del(&pg->active);
		enqueue_free(h, pg->nid);
		free(pg);
		got[i] = NULL;
	}
free:
	for (i = 0; i < allocated; i++) {
		if (got[i])
			free_huge_folio(got[i]);
	}
	free(got);
	return ret;
}

/*
 * return_unused_surplus_pages - drop @unused reservations and free as
 * many surplus pages as that leaves idle.
 *
 * Gigantic pages too: they are never allocated as surplus, but a pool
 * shrunk below its reserved pages leaves some surplus, and x86-64 can
 * free gigantic pages at run time (gigantic_page_runtime_supported()),
 * so Linux frees them here.  Found by `hugeresv fuzz`
 * (scenarios/regress/gigantic_surplus_return.scn).
 */
static void return_unused_surplus_pages(struct hstate *h, unsigned long unused)
{
	unsigned long nr;

	h->resv_huge_pages -= unused;
	nr = HR_MIN(unused, h->surplus_huge_pages);
	while (nr--) {
		if (!remove_pool_huge_page(h, 0, true))
			break;
	}
}

/* The free pages on the nodes of the running task's policy. */
static unsigned long allowed_free(const struct hstate *h)
{
	nodemask_t mask = h->m->current_policy;
	unsigned long nr = 0;
	int nid;

	if (!mask)
		return h->free_huge_pages;
	for (nid = 0; nid < nr_nodes(h); nid++)
		if (mask & (1UL << nid))
			nr += h->free_huge_pages_node[nid];
	return nr;
}

/**
 * hugetlb_acct_memory() - take (@delta > 0) or drop (@delta < 0)
 * global reservations.
 *
 * Return: 0, or -ENOMEM when the pool, with the surplus overcommit
 * allows, cannot hold @delta more reservations.
 */
int hugetlb_acct_memory(struct hstate *h, long delta)
{
	if (delta > 0) {
		if (gather_surplus_pages(h, delta) < 0)
			return -ENOMEM;
		/*
		 * allowed_mems_nr(): the free pages on the nodes the task
		 * may use (no cpusets here; its MPOL_BIND nodes), so a bound
		 * task's mmap fails while other nodes have pages, although
		 * the reservation itself stays a global count.
		 */
		if ((unsigned long)delta > allowed_free(h)) {
			return_unused_surplus_pages(h, (unsigned long)delta);
			return -ENOMEM;
		}
	}
	if (delta < 0)
		return_unused_surplus_pages(h, (unsigned long)-delta);
	return 0;
}

/**
 * free_huge_folio() - the last reference to @pg is gone.
 *
 * A page freed on an error path before it was instantiated still has
 * HP_RESTORE_RESERVE and gives its reservation back.  Otherwise the
 * subpool gets the page back, and if that leaves the subpool under its
 * minimum the reservation is kept for it.  The page goes back to the
 * free list, or to base memory when its node has surplus pages.
 */
void free_huge_folio(struct hpage *pg)
{
	struct hstate *h = pg->h;
	struct hugepage_subpool *spool = pg->spool;
	bool restore = pg->flags & HP_RESTORE_RESERVE;
	int nid = pg->nid;

	HR_BUG_ON(pg->mapcount != 0 || pg->mapping != NULL);
	pg->flags &= ~HP_RESTORE_RESERVE;
	if (!restore) {
		if (hugepage_subpool_put_pages(spool, 1) == 0)
			restore = true;
	}
	/* spin_lock(&hugetlb_lock) */
	if (restore)
		h->resv_huge_pages++;
	list_del(&pg->active);
	if (pg->flags & HP_TEMPORARY)
		release_page(h, nid, false);
	else if (h->surplus_huge_pages_node[nid])
		release_page(h, nid, true);
	else
		enqueue_free(h, nid);
	free(pg);
}

/** hstate_teardown() - free the pool back to base memory. */
void hstate_teardown(struct hstate *h)
{
	h->nr_overcommit_huge_pages = 0;
	/*
	 * Every page is free by now.  On a machine with several nodes a
	 * surplus count can outlive its page (see hstate_check()), and a
	 * page counted surplus on no node is never freed by a shrink:
	 * forget the counts, so that the shrink to 0 frees every page.
	 */
	h->surplus_huge_pages = 0;
	for (int nid = 0; nid < HR_MAX_NODES; nid++)
		h->surplus_huge_pages_node[nid] = 0;
	hstate_set_max(h, 0);
	for (int nid = 0; nid < HR_MAX_NODES; nid++) {
		free(h->pfns[nid]);
		h->pfns[nid] = NULL;
		h->pfn_cap[nid] = 0;
	}
}

/**
 * hstate_check() - the pool's counters agree with each other and with
 * the pages in use.
 */
void hstate_check(const struct hstate *h, struct check_ctx *c)
{
	unsigned long nr = 0, fr = 0, su = 0, active = 0, restoring = 0;
	const struct list_head *p;
	const char *n = h->idx == HSTATE_2M ? "hstate 2M" : "hstate 1G";
	int nid;

	/* A pool count that went below zero shows as a huge unsigned one. */
	CHECK(c, (long)h->nr_huge_pages >= 0 &&
		 (long)h->nr_overcommit_huge_pages >= 0,
	      "%s: nr_huge_pages=%lu nr_overcommit_huge_pages=%lu wrapped", n,
	      h->nr_huge_pages, h->nr_overcommit_huge_pages);
	CHECK(c, h->free_huge_pages <= h->nr_huge_pages,
	      "%s: free_huge_pages=%lu > nr_huge_pages=%lu", n,
	      h->free_huge_pages, h->nr_huge_pages);
	CHECK(c, h->surplus_huge_pages <= h->nr_huge_pages,
	      "%s: surplus_huge_pages=%lu > nr_huge_pages=%lu", n,
	      h->surplus_huge_pages, h->nr_huge_pages);
	for (nid = 0; nid < h->m->phys.nr_nodes; nid++) {
		nr += h->nr_huge_pages_node[nid];
		fr += h->free_huge_pages_node[nid];
		su += h->surplus_huge_pages_node[nid];
		CHECK(c, h->free_huge_pages_node[nid] <=
				 h->nr_huge_pages_node[nid],
		      "%s: node %d free=%lu > nr=%lu", n, nid,
		      h->free_huge_pages_node[nid], h->nr_huge_pages_node[nid]);
		/*
		 * Not checked per node: surplus <= nr.  Linux's pool shrink
		 * (remove_pool_hugetlb_folio with acct_surplus false) frees a
		 * free page from whichever node it visits, without looking
		 * at that node's surplus count, so with several nodes a node
		 * can keep a surplus count for a page it no longer has
		 * (found by `hugeresv fuzz`: docs/fuzzing.md).  The global
		 * bound above still holds.
		 */
		CHECK(c, (long)h->surplus_huge_pages_node[nid] >= 0,
		      "%s: node %d surplus=%lu wrapped", n, nid,
		      h->surplus_huge_pages_node[nid]);
	}
	CHECK(c, nr == h->nr_huge_pages, "%s: sum nr_huge_pages_node=%lu != %lu",
	      n, nr, h->nr_huge_pages);
	CHECK(c, fr == h->free_huge_pages,
	      "%s: sum free_huge_pages_node=%lu != %lu", n, fr,
	      h->free_huge_pages);
	CHECK(c, su == h->surplus_huge_pages,
	      "%s: sum surplus_huge_pages_node=%lu != %lu", n, su,
	      h->surplus_huge_pages);
	list_for_each(p, &h->active) {
		const struct hpage *pg = list_entry(p, struct hpage, active);

		active++;
		if (pg->flags & HP_RESTORE_RESERVE)
			restoring++;
		CHECK(c, pg->refcount > 0, "%s: page in use with refcount=%d",
		      n, pg->refcount);
		CHECK(c, pg->mapcount >= 0 && pg->mapcount <= pg->refcount,
		      "%s: page mapcount=%d refcount=%d", n, pg->mapcount,
		      pg->refcount);
		CHECK(c, pg->refcount == pg->mapcount + (pg->mapping ? 1 : 0),
		      "%s: page refcount=%d != mapcount=%d + cache=%d", n,
		      pg->refcount, pg->mapcount, pg->mapping ? 1 : 0);
	}
	/*
	 * resv <= free is NOT an invariant of Linux, and this model does not
	 * assert it.  Two states a 6.18 kernel really reaches:
	 *  - a private owner zaps an anonymous page that a fork child still
	 *    maps: the owner's close drops the reservation now and the page
	 *    adds it back when the child lets go, so resv_huge_pages reads
	 *    below zero meanwhile (18446744073709551615 in /proc/meminfo);
	 *  - a page freed to restore a subpool's minimum while its node has
	 *    surplus pages is released as surplus anyway: resv > free.
	 * A third one is for good: an unmount that releases a subpool's
	 * whole minimum while the subpool holds only part of it
	 * (subpool.c: hugepage_put_subpool(); resv_skew < 0).
	 * What holds is the conservation of reservations
	 * (machine.c: resv_conservation_check) and the lower bound below:
	 * only pages that will restore a reservation, and unmount's
	 * miscount, can take it below zero.
	 */
	CHECK(c, (h->m->taint & HR_TAINT_RESV) ||
		 (long)h->resv_huge_pages + (long)restoring - h->resv_skew >= 0,
	      "%s: resv_huge_pages=%ld below zero by more than the %lu pages "
	      "that will restore one and unmount's skew %ld", n,
	      (long)h->resv_huge_pages, restoring, h->resv_skew);
	CHECK(c, h->free_huge_pages + active == h->nr_huge_pages,
	      "%s: free=%lu + in use=%lu != nr_huge_pages=%lu", n,
	      h->free_huge_pages, active, h->nr_huge_pages);
}
