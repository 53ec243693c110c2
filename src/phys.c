/* SPDX-License-Identifier: MIT */
/*
 * phys.c - the machine's base memory: a buddy allocator per node.
 *
 * Orders 9 (2 MiB) to PHYS_MAX_ORDER (1 GiB) are classic buddy lists of
 * pageblocks: an allocation takes the smallest free block that fits and
 * splits it, a free merges with its buddy while the buddy is free and of
 * the same order.  Below order 9 a pageblock is broken into frames
 * (PB_SPLIT) and small allocations come from blocks already broken, so
 * that, as with Linux's anti-fragmentation, base pages do not scatter
 * over every 2 MiB block while broken ones have room.  Compaction is not
 * modelled: a 2 MiB allocation fails when no whole free block is left,
 * however many frames are free (docs/thp.md).
 *
 * Huge pages come out of here when the hugetlb pool grows or a surplus
 * page is allocated; THPs, THP reservations, anonymous base pages and
 * page tables too.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Linux never hands every page out: the kernel, page tables and
 * min_free_kbytes keep some.  The engine keeps this fraction (1/64) of
 * each node back so that, as on a real machine, a pool cannot take the
 * whole memory.
 */
#define PHYS_RESERVE_SHIFT 6

static uint32_t pb_index(const struct phys *ph, const struct pageblock *pb)
{
	return (uint32_t)(pb - ph->pb);
}

/* Doubly linked lists of pageblocks by index, head in *@head. */
static void pbl_add(struct phys *ph, uint32_t *head, uint32_t i)
{
	struct pageblock *pb = &ph->pb[i];

	pb->prev = PB_NONE;
	pb->next = *head;
	if (*head != PB_NONE)
		ph->pb[*head].prev = i;
	*head = i;
}

static void pbl_del(struct phys *ph, uint32_t *head, uint32_t i)
{
	struct pageblock *pb = &ph->pb[i];

	if (pb->prev != PB_NONE)
		ph->pb[pb->prev].next = pb->next;
	else
		*head = pb->next;
	if (pb->next != PB_NONE)
		ph->pb[pb->next].prev = pb->prev;
	pb->next = pb->prev = PB_NONE;
}

static void mark_range(struct phys *ph, uint32_t i, unsigned order,
		       enum pb_state head, enum pb_state tail)
{
	uint32_t n = 1U << (order - PB_SHIFT), k;

	ph->pb[i].state = (uint8_t)head;
	ph->pb[i].order = (uint8_t)order;
	for (k = 1; k < n; k++)
		ph->pb[i + k].state = (uint8_t)tail;
}

/* Put free block @i of @order on its list, merging with free buddies. */
static void buddy_free(struct phys *ph, uint32_t i, unsigned order)
{
	int nid = ph->pb[i].nid;

	while (order < PHYS_MAX_ORDER) {
		uint32_t span = 1U << (order - PB_SHIFT);
		uint32_t b = i ^ span;
		struct pageblock *bp;

		if (b < ph->pb_start[nid] || b + span > ph->pb_end[nid])
			break;
		bp = &ph->pb[b];
		if (bp->state != PB_FREE_HEAD || bp->order != order)
			break;
		pbl_del(ph, &ph->free_head[nid][order], b);
		bp->state = PB_FREE_TAIL;
		i &= ~span;
		order++;
	}
	mark_range(ph, i, order, PB_FREE_HEAD, PB_FREE_TAIL);
	ph->pb[i].kind = PBK_NONE;
	pbl_add(ph, &ph->free_head[nid][order], i);
}

/* Take a free block of @order (>= 9) from node @nid, or PB_NONE. */
static uint32_t buddy_alloc(struct phys *ph, int nid, unsigned order)
{
	unsigned o;
	uint32_t i;

	for (o = order; o <= PHYS_MAX_ORDER; o++)
		if (ph->free_head[nid][o] != PB_NONE)
			break;
	if (o > PHYS_MAX_ORDER)
		return PB_NONE;
	i = ph->free_head[nid][o];
	pbl_del(ph, &ph->free_head[nid][o], i);
	while (o > order) {	/* expand(): give back the upper halves */
		o--;
		mark_range(ph, i + (1U << (o - PB_SHIFT)), o, PB_FREE_HEAD,
			   PB_FREE_TAIL);
		pbl_add(ph, &ph->free_head[nid][o], i + (1U << (o - PB_SHIFT)));
	}
	return i;
}

/**
 * phys_pages() - the per-frame state of @pfn's block, made on first use
 * (all frames taken, no counts).
 */
struct pb_pages *phys_pages(struct phys *ph, uint32_t pfn)
{
	struct pageblock *pb = pfn_pb(ph, pfn);

	if (!pb->pages) {
		pb->pages = calloc(1, sizeof(*pb->pages));
		HR_BUG_ON(!pb->pages);
		ph->nr_pages_structs++;
	}
	return pb->pages;
}

static void pages_release(struct phys *ph, struct pageblock *pb)
{
	if (!pb->pages)
		return;
	free(pb->pages->mapcount_hi);
	free(pb->pages);
	pb->pages = NULL;
	ph->nr_pages_structs--;
}

/** pb_mapcount_set() - set frame @i's map count (any size). */
void pb_mapcount_set(struct pb_pages *pp, unsigned i, unsigned v)
{
	if (v > 255 && !pp->mapcount_hi) {
		pp->mapcount_hi = calloc(PB_FRAMES, 1);
		HR_BUG_ON(!pp->mapcount_hi);
	}
	pp->mapcount[i] = (uint8_t)v;
	if (pp->mapcount_hi)
		pp->mapcount_hi[i] = (uint8_t)(v >> 8);
}

/* Break free block @i into frames, all free, on the partial list. */
static void split_block(struct phys *ph, uint32_t i)
{
	struct pageblock *pb = &ph->pb[i];
	struct pb_pages *pp;

	pb->state = PB_SPLIT;
	pb->order = 0;
	pb->kind = PBK_NONE;
	pp = phys_pages(ph, i << PB_SHIFT);
	memset(pp->free, 0xff, sizeof(pp->free));
	memset(pp->written, 0, sizeof(pp->written));
	pb->nfree = PB_FRAMES;
	pbl_add(ph, &ph->partial[pb->nid], i);
}

/* An aligned run of 2^order free frames in split block @pb, or -1. */
static int find_run(const struct pb_pages *pp, unsigned order)
{
	unsigned n = 1U << order, i, k;

	if (order == 0) {
		for (k = 0; k < PB_FRAMES / 64; k++)
			if (pp->free[k])
				return (int)(k * 64 + (unsigned)__builtin_ctzll(pp->free[k]));
		return -1;
	}
	for (i = 0; i < PB_FRAMES; i += n) {
		for (k = 0; k < n; k++)
			if (!(pp->free[(i + k) / 64] >> ((i + k) % 64) & 1))
				break;
		if (k == n)
			return (int)i;
	}
	return -1;
}

static int alloc_small(struct phys *ph, int nid, unsigned order,
		       uint32_t *pfn)
{
	uint32_t i;
	int at = -1;
	unsigned k;
	struct pageblock *pb;

	for (i = ph->partial[nid]; i != PB_NONE; i = ph->pb[i].next) {
		if (ph->pb[i].nfree < (1U << order))
			continue;
		at = find_run(ph->pb[i].pages, order);
		if (at >= 0)
			break;
		if (order == 0)
			HR_BUG_ON(1);	/* nfree > 0 but no free bit */
	}
	if (at < 0) {
		i = buddy_alloc(ph, nid, PB_SHIFT);
		if (i == PB_NONE)
			return -ENOMEM;
		split_block(ph, i);
		at = 0;
	}
	pb = &ph->pb[i];
	for (k = 0; k < (1U << order); k++) {
		unsigned f = (unsigned)at + k;

		pb->pages->free[f / 64] &= ~(1ULL << (f % 64));
		pb->pages->written[f / 64] &= ~(1ULL << (f % 64));
		pb_mapcount_set(pb->pages, f, 0);
	}
	pb->nfree -= (uint16_t)(1U << order);
	if (!pb->nfree)
		pbl_del(ph, &ph->partial[nid], i);
	*pfn = (i << PB_SHIFT) + (unsigned)at;
	return 0;
}

/**
 * phys_alloc() - allocate 2^@order frames on node @nid for @kind.
 *
 * Return: 0 with *@pfn the first frame, or -ENOMEM when the node's free
 * frames would drop below its watermark or no free block of the order is
 * left (fragmentation).
 */
int phys_alloc(struct phys *ph, int nid, unsigned order, enum pb_kind kind,
	       uint32_t *pfn)
{
	uint64_t nr = 1ULL << order;
	uint32_t i;
	int err;

	if (nid < 0 || nid >= ph->nr_nodes || order > PHYS_MAX_ORDER)
		return -EINVAL;
	if (ph->free[nid] < nr || ph->free[nid] - nr < ph->keep[nid])
		return -ENOMEM;
	if (order < PB_SHIFT) {
		err = alloc_small(ph, nid, order, pfn);
		if (err)
			return err;
	} else {
		i = buddy_alloc(ph, nid, order);
		if (i == PB_NONE)
			return -ENOMEM;
		mark_range(ph, i, order, PB_ALLOC_HEAD, PB_ALLOC_TAIL);
		ph->pb[i].kind = (uint8_t)kind;
		ph->pb[i].entire_mapcount = 0;
		ph->pb[i].deferred = 0;
		*pfn = i << PB_SHIFT;
	}
	ph->free[nid] -= nr;
	return 0;
}

/** phys_free() - give back 2^@order frames from @pfn (as allocated). */
void phys_free(struct phys *ph, uint32_t pfn, unsigned order)
{
	struct pageblock *pb = pfn_pb(ph, pfn);
	uint32_t i = pb_index(ph, pb);
	int nid = pb->nid;
	unsigned k;

	HR_BUG_ON(i >= ph->nr_pb);
	ph->free[nid] += 1ULL << order;
	HR_BUG_ON(ph->free[nid] > ph->total[nid]);
	if (order >= PB_SHIFT) {
		HR_BUG_ON(pb->state != PB_ALLOC_HEAD || pb->order != order ||
			  (pfn & (PB_FRAMES - 1)));
		pages_release(ph, pb);
		buddy_free(ph, i, order);
		return;
	}
	HR_BUG_ON(pb->state != PB_SPLIT);
	for (k = 0; k < (1U << order); k++) {
		unsigned f = (pfn & (PB_FRAMES - 1)) + k;

		HR_BUG_ON(pb->pages->free[f / 64] >> (f % 64) & 1);
		pb->pages->free[f / 64] |= 1ULL << (f % 64);
		pb_mapcount_set(pb->pages, f, 0);
	}
	if (!pb->nfree)
		pbl_add(ph, &ph->partial[nid], i);
	pb->nfree += (uint16_t)(1U << order);
	if (pb->nfree == PB_FRAMES) {
		pbl_del(ph, &ph->partial[nid], i);
		pages_release(ph, pb);
		buddy_free(ph, i, PB_SHIFT);
	}
}

/**
 * phys_split_block() - split_page(): the order-9 allocation at @pfn
 * becomes base frames; those marked in @keep stay allocated, the rest
 * are freed.  Return the number freed.
 */
unsigned phys_split_block(struct phys *ph, uint32_t pfn, const uint64_t *keep)
{
	struct pageblock *pb = pfn_pb(ph, pfn);
	uint32_t i = pb_index(ph, pb);
	struct pb_pages *pp = phys_pages(ph, pfn);
	unsigned k, nfree = 0;

	HR_BUG_ON(pb->state != PB_ALLOC_HEAD || pb->order != PB_SHIFT);
	for (k = 0; k < PB_FRAMES / 64; k++) {
		pp->free[k] = ~keep[k];
		nfree += (unsigned)__builtin_popcountll(pp->free[k]);
	}
	pb->state = PB_SPLIT;
	pb->order = 0;
	pb->kind = PBK_NONE;
	pb->entire_mapcount = 0;
	pb->deferred = 0;
	pp->resv = NULL;
	pb->nfree = 0;
	if (!nfree)
		return 0;
	ph->free[pb->nid] += nfree;
	pb->nfree = (uint16_t)nfree;
	if (nfree == PB_FRAMES) {
		pages_release(ph, pb);
		buddy_free(ph, i, PB_SHIFT);
	} else {
		pbl_add(ph, &ph->partial[pb->nid], i);
	}
	return nfree;
}

/**
 * phys_init() - @bytes of frames over @nodes nodes, every frame free.
 * Each node starts on a pageblock boundary; a node whose size is not a
 * whole number of blocks ends in a split block with absent frames.
 */
int phys_init(struct phys *ph, uint64_t bytes, int nodes)
{
	uint64_t pages = bytes / HR_PAGE_SIZE, nb = 0;
	uint32_t i;
	int n;
	unsigned o;

	if (nodes < 1 || nodes > HR_MAX_NODES || pages < (uint64_t)nodes)
		return -EINVAL;
	memset(ph, 0, sizeof(*ph));
	ph->nr_nodes = nodes;
	for (n = 0; n < nodes; n++) {
		ph->total[n] = pages / nodes + (n < (int)(pages % nodes));
		nb += (ph->total[n] + PB_FRAMES - 1) >> PB_SHIFT;
	}
	/* pfns are 30 bits in page tables (anon.c): 4 TiB at most */
	if (nb > (1ULL << (30 - PB_SHIFT)) - 1)
		return -EINVAL;
	ph->nr_pb = (uint32_t)nb;
	ph->pb = calloc(nb, sizeof(*ph->pb));
	if (!ph->pb)
		return -ENOMEM;
	for (n = 0, i = 0; n < nodes; n++) {
		uint32_t full = (uint32_t)(ph->total[n] >> PB_SHIFT);
		uint32_t rest = (uint32_t)(ph->total[n] & (PB_FRAMES - 1));
		uint32_t j;

		ph->pb_start[n] = i;
		ph->pb_end[n] = i + full + (rest != 0);
		for (o = 0; o <= PHYS_MAX_ORDER; o++)
			ph->free_head[n][o] = PB_NONE;
		ph->partial[n] = PB_NONE;
		for (j = ph->pb_start[n]; j < ph->pb_end[n]; j++) {
			ph->pb[j].nid = (uint8_t)n;
			ph->pb[j].next = ph->pb[j].prev = PB_NONE;
			ph->pb[j].state = PB_ALLOC_HEAD;
		}
		/* memblock_free_all: largest aligned blocks first */
		for (j = ph->pb_start[n]; j < ph->pb_start[n] + full;) {
			for (o = PHYS_MAX_ORDER; o > PB_SHIFT; o--) {
				uint32_t span = 1U << (o - PB_SHIFT);

				if (!(j & (span - 1)) &&
				    j + span <= ph->pb_start[n] + full)
					break;
			}
			mark_range(ph, j, o, PB_FREE_HEAD, PB_FREE_TAIL);
			pbl_add(ph, &ph->free_head[n][o], j);
			j += 1U << (o - PB_SHIFT);
		}
		if (rest) {
			struct pageblock *pb = &ph->pb[ph->pb_start[n] + full];

			split_block(ph, ph->pb_start[n] + full);
			memset(pb->pages->free, 0, sizeof(pb->pages->free));
			for (j = 0; j < rest; j++)
				pb->pages->free[j / 64] |= 1ULL << (j % 64);
			pb->nfree = (uint16_t)rest;
			ph->absent[n] = PB_FRAMES - rest;
		}
		ph->free[n] = ph->total[n];
		ph->keep[n] = ph->total[n] >> PHYS_RESERVE_SHIFT;
		i = ph->pb_end[n];
	}
	return 0;
}

void phys_destroy(struct phys *ph)
{
	uint32_t i;

	if (!ph->pb)
		return;
	for (i = 0; i < ph->nr_pb; i++)
		pages_release(ph, &ph->pb[i]);
	free(ph->pb);
	ph->pb = NULL;
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

uint64_t phys_keep_total(const struct phys *ph)
{
	uint64_t t = 0;
	int n;

	for (n = 0; n < ph->nr_nodes; n++)
		t += ph->keep[n];
	return t;
}

/** phys_free_blocks() - free blocks of exactly @order on node @nid. */
uint64_t phys_free_blocks(const struct phys *ph, int nid, unsigned order)
{
	uint64_t c = 0;
	uint32_t i;

	for (i = ph->free_head[nid][order]; i != PB_NONE; i = ph->pb[i].next)
		c++;
	return c;
}

static unsigned popcount_free(const struct pb_pages *pp)
{
	unsigned k, c = 0;

	for (k = 0; k < PB_FRAMES / 64; k++)
		c += (unsigned)__builtin_popcountll(pp->free[k]);
	return c;
}

/**
 * phys_check() - the free counts equal the free blocks and frames, free
 * buddies never sit side by side unmerged, list links are consistent.
 */
void phys_check(const struct phys *ph, struct check_ctx *c)
{
	int n;

	for (n = 0; n < ph->nr_nodes; n++) {
		uint64_t fr = 0;
		uint32_t i, prev;
		unsigned o;

		CHECK(c, ph->free[n] <= ph->total[n],
		      "phys: node %d free=%llu > total=%llu", n,
		      (unsigned long long)ph->free[n],
		      (unsigned long long)ph->total[n]);
		for (o = PB_SHIFT; o <= PHYS_MAX_ORDER; o++) {
			prev = PB_NONE;
			for (i = ph->free_head[n][o]; i != PB_NONE;
			     i = ph->pb[i].next) {
				uint32_t span = 1U << (o - PB_SHIFT);
				uint32_t b = i ^ span;

				CHECK(c, ph->pb[i].state == PB_FREE_HEAD &&
					 ph->pb[i].order == o &&
					 ph->pb[i].prev == prev &&
					 !(i & (span - 1)),
				      "phys: node %d order %u list broken at "
				      "block %u", n, o, i);
				CHECK(c, o == PHYS_MAX_ORDER ||
					 b < ph->pb_start[n] ||
					 b + span > ph->pb_end[n] ||
					 ph->pb[b].state != PB_FREE_HEAD ||
					 ph->pb[b].order != o,
				      "phys: free buddies %u and %u of order "
				      "%u not merged", i, b, o);
				fr += (uint64_t)span << PB_SHIFT;
				prev = i;
			}
		}
		for (i = ph->pb_start[n]; i < ph->pb_end[n]; i++) {
			const struct pageblock *pb = &ph->pb[i];

			if (pb->state != PB_SPLIT)
				continue;
			CHECK(c, pb->pages && popcount_free(pb->pages) ==
					       pb->nfree,
			      "phys: split block %u nfree=%u disagrees with "
			      "its bitmap", i, pb->nfree);
			fr += pb->nfree;
		}
		CHECK(c, fr == ph->free[n],
		      "phys: node %d free=%llu but %llu free frames in "
		      "blocks", n, (unsigned long long)ph->free[n],
		      (unsigned long long)fr);
	}
}
