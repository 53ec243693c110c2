/* SPDX-License-Identifier: MIT */
/*
 * phys.c - the machine's base memory per node.
 *
 * Huge pages come out of base memory when the pool grows or a surplus
 * page is allocated, and go back when they are freed to the buddy
 * allocator.  This layer keeps per-node totals; fragmentation is not
 * modelled yet (every request for contiguous pages succeeds while
 * enough pages are free on the node).
 */
#include <string.h>

#include "internal.h"

/*
 * Linux never hands every page to huge pages: the kernel, page tables
 * and min_free_kbytes keep some.  The engine keeps this fraction (1/64)
 * of each node back so that, as on a real machine, a pool cannot take
 * the whole memory.
 */
#define PHYS_RESERVE_SHIFT 6

int phys_init(struct phys *ph, uint64_t bytes, int nodes)
{
	uint64_t pages = bytes / HR_PAGE_SIZE;
	int n;

	if (nodes < 1 || nodes > HR_MAX_NODES || pages < (uint64_t)nodes)
		return -EINVAL;
	memset(ph, 0, sizeof(*ph));
	ph->nr_nodes = nodes;
	for (n = 0; n < nodes; n++) {
		ph->total[n] = pages / nodes + (n < (int)(pages % nodes));
		ph->free[n] = ph->total[n];
	}
	return 0;
}

int phys_alloc(struct phys *ph, int nid, uint64_t nr)
{
	uint64_t keep;

	if (nid < 0 || nid >= ph->nr_nodes)
		return -EINVAL;
	keep = ph->total[nid] >> PHYS_RESERVE_SHIFT;
	if (ph->free[nid] < nr || ph->free[nid] - nr < keep)
		return -ENOMEM;
	ph->free[nid] -= nr;
	return 0;
}

void phys_free(struct phys *ph, int nid, uint64_t nr)
{
	HR_BUG_ON(nid < 0 || nid >= ph->nr_nodes);
	HR_BUG_ON(ph->free[nid] + nr > ph->total[nid]);
	ph->free[nid] += nr;
}

uint64_t phys_total(const struct phys *ph)
{
	uint64_t t = 0;
	int n;

	for (n = 0; n < ph->nr_nodes; n++)
		t += ph->total[n];
	return t;
}

uint64_t phys_free_total(const struct phys *ph)
{
	uint64_t t = 0;
	int n;

	for (n = 0; n < ph->nr_nodes; n++)
		t += ph->free[n];
	return t;
}

void phys_check(const struct phys *ph, struct check_ctx *c)
{
	int n;

	for (n = 0; n < ph->nr_nodes; n++)
		CHECK(c, ph->free[n] <= ph->total[n],
		      "phys: node %d free=%llu > total=%llu", n,
		      (unsigned long long)ph->free[n],
		      (unsigned long long)ph->total[n]);
}
