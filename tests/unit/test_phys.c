/*
 * test_phys.c - the buddy allocator (src/phys.c) on its own, in the
 * style of Linux's tools/testing/vma and tools/testing/radix-tree: the
 * real phys.c is compiled into this file, with shims for the two engine
 * functions it calls (hr_bug, check_fail), and phys_check() runs after
 * every step.
 *
 * Built by its own Makefile rule (it defines phys_*() itself, so it is
 * linked without the library).  The random test's seed is printed as a
 * TAP comment; PHYS_SEED=N in the environment replays another one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../src/phys.c"
#include "prng.h"
#include "tap.h"

/* ------------------------------------------------------------------ */
/* Shims: what phys.c needs from src/machine.c                         */

/*
 * HR_BUG_ON() ends up here.  A test that expects one sets bug_env and
 * gets control back through longjmp (phys.c's state is then whatever it
 * was at the assertion); anywhere else a bug aborts, as in the engine.
 */
static jmp_buf *bug_env;
static char bug_what[256];

void hr_bug(const char *file, int line, const char *what)
{
	if (bug_env) {
		snprintf(bug_what, sizeof(bug_what), "%s", what);
		longjmp(*bug_env, 1);
	}
	fprintf(stderr, "test_phys: engine bug at %s:%d: %s\n", file, line, what);
	abort();
}

/* The same contract as machine.c's: keep the first message, count all. */
void check_fail(struct check_ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->failures++ == 0 && c->msg && c->len) {
		va_start(ap, fmt);
		vsnprintf(c->msg, c->len, fmt, ap);
		va_end(ap);
	}
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char check_msg[512];
static long nr_checks;

/* phys_check(); its first message stays in check_msg. */
static int violations(const struct phys *ph)
{
	struct check_ctx c = { check_msg, sizeof(check_msg), 0 };

	check_msg[0] = '\0';
	phys_check(ph, &c);
	nr_checks++;
	return c.failures;
}

/* The validator after a step: 1 if clean, else 0 and its message. */
static int valid(const struct phys *ph)
{
	int n = violations(ph);

	if (n)
		diag("phys_check: %d violation(s), first: %s", n, check_msg);
	return n == 0;
}

/* Free frames on @nid counted from the lists, not from free[]. */
static uint64_t listed_free(const struct phys *ph, int nid)
{
	uint64_t fr = 0;
	uint32_t i;

	for (unsigned o = PB_SHIFT; o <= PHYS_MAX_ORDER; o++)
		fr += phys_free_blocks(ph, nid, o) << o;
	for (i = ph->partial[nid]; i != PB_NONE; i = ph->pb[i].next)
		fr += ph->pb[i].nfree;
	return fr;
}

static unsigned nr_partial(const struct phys *ph, int nid)
{
	unsigned c = 0;

	for (uint32_t i = ph->partial[nid]; i != PB_NONE; i = ph->pb[i].next)
		c++;
	return c;
}

/* Free blocks of every order on every node: the layout to come back to. */
struct layout {
	uint64_t free[HR_MAX_NODES];
	uint64_t blocks[HR_MAX_NODES][PHYS_MAX_ORDER + 1];
	unsigned partial[HR_MAX_NODES];
	uint64_t pages_structs;
};

static void layout_take(const struct phys *ph, struct layout *l)
{
	memset(l, 0, sizeof(*l));
	for (int n = 0; n < ph->nr_nodes; n++) {
		l->free[n] = ph->free[n];
		for (unsigned o = PB_SHIFT; o <= PHYS_MAX_ORDER; o++)
			l->blocks[n][o] = phys_free_blocks(ph, n, o);
		l->partial[n] = nr_partial(ph, n);
	}
	l->pages_structs = ph->nr_pages_structs;
}

static int layout_same(const struct phys *ph, const struct layout *l)
{
	struct layout now;

	layout_take(ph, &now);
	for (int n = 0; n < ph->nr_nodes; n++) {
		if (now.free[n] != l->free[n]) {
			diag("node %d: free %llu, was %llu", n,
			     (unsigned long long)now.free[n],
			     (unsigned long long)l->free[n]);
			return 0;
		}
		for (unsigned o = PB_SHIFT; o <= PHYS_MAX_ORDER; o++)
			if (now.blocks[n][o] != l->blocks[n][o]) {
				diag("node %d order %u: %llu free blocks, was %llu",
				     n, o, (unsigned long long)now.blocks[n][o],
				     (unsigned long long)l->blocks[n][o]);
				return 0;
			}
		if (now.partial[n] != l->partial[n]) {
			diag("node %d: %u partial blocks, was %u", n,
			     now.partial[n], l->partial[n]);
			return 0;
		}
	}
	if (now.pages_structs != l->pages_structs) {
		diag("%llu pb_pages, was %llu",
		     (unsigned long long)now.pages_structs,
		     (unsigned long long)l->pages_structs);
		return 0;
	}
	return 1;
}

/* An allocation the test holds. */
struct held {
	uint32_t pfn;
	unsigned order;
	int nid;
};

/* ------------------------------------------------------------------ */
/* phys_init                                                           */

#define KB(x) ((uint64_t)(x) << 10)
#define MB(x) ((uint64_t)(x) << 20)
#define GB(x) ((uint64_t)(x) << 30)

/*
 * One node: its blocks, partial last block and free lists are what
 * memblock_free_all's greedy split of [start, start + full) gives.
 */
static void init_one(uint64_t bytes, int nodes, const char *what)
{
	struct phys ph;
	uint64_t pages = bytes / HR_PAGE_SIZE, sum = 0;
	int good = 1;

	if (!ok(phys_init(&ph, bytes, nodes) == 0, "init %s", what))
		return;
	ok(valid(&ph), "%s: phys_check clean after init", what);
	for (int n = 0; n < nodes; n++) {
		uint64_t want = pages / (uint64_t)nodes + ((uint64_t)n < pages % (uint64_t)nodes);
		uint32_t full = (uint32_t)(want >> PB_SHIFT);
		uint32_t rest = (uint32_t)(want & (PB_FRAMES - 1));

		sum += ph.total[n];
		good &= ph.total[n] == want && ph.free[n] == want &&
			ph.keep[n] == want >> PHYS_RESERVE_SHIFT &&
			ph.pb_end[n] - ph.pb_start[n] == full + (rest != 0) &&
			(n == 0 || ph.pb_start[n] == ph.pb_end[n - 1]) &&
			ph.absent[n] == (rest ? PB_FRAMES - rest : 0) &&
			listed_free(&ph, n) == want;
		if (rest) {
			const struct pageblock *last = &ph.pb[ph.pb_end[n] - 1];

			/* the partial block: only its present frames free */
			good &= ph.partial[n] == ph.pb_end[n] - 1 &&
				last->state == PB_SPLIT && last->nfree == rest &&
				popcount_free(last->pages) == rest &&
				!(last->pages->free[(PB_FRAMES - 1) / 64] >> 63 & 1);
		} else {
			good &= ph.partial[n] == PB_NONE;
		}
		for (uint32_t j = ph.pb_start[n]; j < ph.pb_end[n]; j++)
			good &= ph.pb[j].nid == n;
		if (!good) {
			diag("%s: node %d: total %llu free %llu keep %llu blocks "
			     "[%u, %u) absent %u partial %u", what, n,
			     (unsigned long long)ph.total[n],
			     (unsigned long long)ph.free[n],
			     (unsigned long long)ph.keep[n], ph.pb_start[n],
			     ph.pb_end[n], ph.absent[n], ph.partial[n]);
			break;
		}
	}
	ok(good, "%s: per-node totals, blocks, absent frames and lists", what);
	is_int((int64_t)phys_total(&ph), (int64_t)sum, "phys_total sums the nodes");
	is_int((int64_t)phys_free_total(&ph), (int64_t)pages, "every frame free");
	phys_destroy(&ph);
}

static void test_init(void)
{
	struct phys ph;

	init_one(MB(2), 1, "2 MiB, 1 node");
	init_one(GB(1), 1, "1 GiB, 1 node");
	init_one(GB(3) + MB(6) + KB(20), 1, "3 GiB + 6 MiB + 20 KiB, 1 node");
	init_one(GB(1) + KB(12), 4, "1 GiB + 12 KiB, 4 nodes");
	init_one(GB(2) + MB(3) + KB(4), 3, "2 GiB + 3 MiB + 4 KiB, 3 nodes");
	init_one(KB(400), 1, "400 KiB, 1 node (less than a block)");
	init_one(KB(4) * 8, HR_MAX_NODES, "one frame a node, every node");

	/* the layout itself, worked by hand: 3 GiB + 6 MiB + 20 KiB */
	phys_init(&ph, GB(3) + MB(6) + KB(20), 1);
	ok(phys_free_blocks(&ph, 0, 18) == 3 && phys_free_blocks(&ph, 0, 10) == 1 &&
	   phys_free_blocks(&ph, 0, 9) == 1 && phys_free_blocks(&ph, 0, 11) == 0,
	   "3 GiB + 6 MiB: three 1 GiB blocks, one 4 MiB, one 2 MiB");
	is_int(ph.pb[1539].nfree, 5, "the 20 KiB are 5 frames of a split block");
	is_int(ph.absent[0], PB_FRAMES - 5, "the rest of that block is absent");
	phys_destroy(&ph);

	/* a node smaller than a block has no 2 MiB to give */
	phys_init(&ph, KB(400), 1);
	{
		uint32_t pfn;

		is_int(phys_alloc(&ph, 0, PB_SHIFT, PBK_THP, &pfn), -ENOMEM,
		       "400 KiB: no order-9 block");
		is_int(phys_alloc(&ph, 0, 0, PBK_NONE, &pfn), 0,
		       "400 KiB: an order-0 frame from the partial block");
		ok(pfn < 100 && valid(&ph), "it is a present frame");
		phys_free(&ph, pfn, 0);
		ok(valid(&ph) && ph.free[0] == 100, "freed: 100 frames free again");
	}
	phys_destroy(&ph);

	is_int(phys_init(&ph, GB(1), 0), -EINVAL, "0 nodes refused");
	is_int(phys_init(&ph, GB(1), HR_MAX_NODES + 1), -EINVAL,
	       "more than HR_MAX_NODES refused");
	is_int(phys_init(&ph, KB(4), 2), -EINVAL, "fewer frames than nodes refused");
	is_int(phys_init(&ph, GB(4096), 1), -EINVAL,
	       "4 TiB refused (pfns are 30 bits in page tables)");
}

/* ------------------------------------------------------------------ */
/* Every order, and merging back                                       */

static void test_orders(void)
{
	struct phys ph;
	struct layout start;
	struct held h[PHYS_MAX_ORDER + 1];
	int good = 1;

	/* 4 GiB: one of every order (2^19 - 1 frames) fits above the watermark */
	phys_init(&ph, GB(4), 1);
	layout_take(&ph, &start);
	for (unsigned o = 0; o <= PHYS_MAX_ORDER; o++) {
		uint32_t pfn;
		int rc = phys_alloc(&ph, 0, o, PBK_HUGETLB, &pfn);

		good &= rc == 0 && !(pfn & ((1U << o) - 1)) &&
			ph.free[0] == start.free[0] - (1ULL << o) && valid(&ph);
		if (o >= PB_SHIFT) {
			const struct pageblock *pb = pfn_pb(&ph, pfn);
			uint32_t span = 1U << (o - PB_SHIFT);

			good &= pb->state == PB_ALLOC_HEAD && pb->order == o &&
				pb->kind == PBK_HUGETLB;
			for (uint32_t k = 1; k < span; k++)
				good &= pb[k].state == PB_ALLOC_TAIL;
		} else {
			good &= pfn_pb(&ph, pfn)->state == PB_SPLIT;
		}
		phys_free(&ph, pfn, o);
		good &= valid(&ph) && layout_same(&ph, &start);
		if (!good) {
			diag("order %u: rc %d pfn %u", o, rc, pfn);
			break;
		}
	}
	ok(good, "alloc + free at each order 0..%d: aligned, counted, merged back",
	   PHYS_MAX_ORDER);

	/* hold one of each order, then free them smallest first */
	good = 1;
	for (unsigned o = 0; o <= PHYS_MAX_ORDER; o++) {
		h[o].order = o;
		good &= phys_alloc(&ph, 0, o, PBK_THP, &h[o].pfn) == 0 && valid(&ph);
	}
	ok(good, "one allocation of every order held at once");
	is_int((int64_t)ph.free[0], (int64_t)(start.free[0] - ((1ULL << 19) - 1)),
	       "free drops by 2^19 - 1 frames");
	for (unsigned o = 0; o <= PHYS_MAX_ORDER; o++) {
		phys_free(&ph, h[o].pfn, o);
		good &= valid(&ph);
	}
	ok(good && layout_same(&ph, &start),
	   "freed: the buddies merge back to four 1 GiB blocks");
	is_int((int64_t)phys_free_blocks(&ph, 0, PHYS_MAX_ORDER), 4,
	       "four free blocks of the top order");

	/* and largest first */
	for (int o = PHYS_MAX_ORDER; o >= 0; o--)
		phys_alloc(&ph, 0, (unsigned)o, PBK_THP, &h[o].pfn);
	for (int o = PHYS_MAX_ORDER; o >= 0; o--) {
		phys_free(&ph, h[o].pfn, (unsigned)o);
		good &= valid(&ph);
	}
	ok(good && layout_same(&ph, &start), "largest first: merged back too");

	{
		uint32_t pfn = 77;

		is_int(phys_alloc(&ph, 0, PHYS_MAX_ORDER + 1, PBK_THP, &pfn), -EINVAL,
		       "order above PHYS_MAX_ORDER refused");
		is_int(phys_alloc(&ph, 1, 0, PBK_THP, &pfn), -EINVAL,
		       "a node that does not exist refused");
		is_int(phys_alloc(&ph, -1, 0, PBK_THP, &pfn), -EINVAL, "node -1 refused");
		ok(pfn == 77 && layout_same(&ph, &start), "refusals change nothing");
	}
	phys_destroy(&ph);
}

/* ------------------------------------------------------------------ */
/* Split blocks, the partial list, split_page()                        */

static void test_split(void)
{
	struct phys ph;
	struct layout start;
	uint32_t pfn, first, frames[PB_FRAMES + 1];
	uint64_t keep[PB_FRAMES / 64];
	int good = 1;

	phys_init(&ph, GB(2), 1);
	layout_take(&ph, &start);

	phys_alloc(&ph, 0, 0, PBK_NONE, &first);
	ok(valid(&ph) && ph.partial[0] == first >> PB_SHIFT &&
	   pfn_pb(&ph, first)->nfree == PB_FRAMES - 1,
	   "an order-0 frame breaks a block, which goes on the partial list");
	for (unsigned o = PB_SHIFT; o < PHYS_MAX_ORDER; o++)
		good &= phys_free_blocks(&ph, 0, o) == 1;
	ok(good && phys_free_blocks(&ph, 0, PHYS_MAX_ORDER) == 1,
	   "the 1 GiB block it came from splits into one free block of each order");

	/* fill the block: it leaves the partial list when its last frame goes */
	frames[0] = first;
	for (unsigned k = 1; k < PB_FRAMES; k++) {
		phys_alloc(&ph, 0, 0, PBK_NONE, &frames[k]);
		good &= frames[k] >> PB_SHIFT == first >> PB_SHIFT && valid(&ph);
	}
	ok(good, "the next 511 frames come from the same block");
	ok(ph.partial[0] == PB_NONE && pfn_pb(&ph, first)->nfree == 0,
	   "a full split block is off the partial list");
	phys_alloc(&ph, 0, 0, PBK_NONE, &frames[PB_FRAMES]);
	ok(frames[PB_FRAMES] >> PB_SHIFT != first >> PB_SHIFT &&
	   nr_partial(&ph, 0) == 1 && valid(&ph),
	   "frame 513 breaks a second block");
	phys_free(&ph, frames[100], 0);
	ok(nr_partial(&ph, 0) == 2 && valid(&ph),
	   "freeing one frame of the full block puts it back on the list");
	phys_alloc(&ph, 0, 0, PBK_NONE, &pfn);
	ok(pfn >> PB_SHIFT == first >> PB_SHIFT || pfn >> PB_SHIFT == frames[PB_FRAMES] >> PB_SHIFT,
	   "a new frame comes from a partial block, not a fresh one");
	phys_free(&ph, pfn, 0);
	for (unsigned k = 0; k <= PB_FRAMES; k++) {
		if (k == 100)
			continue;
		phys_free(&ph, frames[k], 0);
		good &= valid(&ph);
	}
	ok(good && layout_same(&ph, &start),
	   "all frames freed: the blocks go back to the buddy lists and merge");

	/* orders 1..8 are aligned runs inside a split block */
	phys_alloc(&ph, 0, 0, PBK_NONE, &first);
	phys_alloc(&ph, 0, 3, PBK_NONE, &pfn);
	is_int(pfn - (first & ~(PB_FRAMES - 1)), 8,
	       "order 3 after frame 0 takes the aligned run at frame 8");
	frames[0] = pfn;
	phys_alloc(&ph, 0, 8, PBK_NONE, &pfn);
	is_int(pfn - (first & ~(PB_FRAMES - 1)), 256,
	       "order 8 takes the upper half");
	ok(valid(&ph) && pfn_pb(&ph, pfn)->nfree == PB_FRAMES - 1 - 8 - 256,
	   "nfree counts all three");
	phys_free(&ph, pfn, 8);
	phys_free(&ph, frames[0], 3);
	phys_free(&ph, first, 0);
	ok(valid(&ph) && layout_same(&ph, &start), "freed and merged");

	/* phys_split_block: keep frames 0..9 of a 2 MiB allocation */
	phys_alloc(&ph, 0, PB_SHIFT, PBK_THP, &pfn);
	memset(keep, 0, sizeof(keep));
	keep[0] = (1ULL << 10) - 1;
	is_int(phys_split_block(&ph, pfn, keep), PB_FRAMES - 10,
	       "split_page keeping 10 frames frees 502");
	ok(valid(&ph) && pfn_pb(&ph, pfn)->state == PB_SPLIT &&
	   ph.partial[0] == pfn >> PB_SHIFT &&
	   ph.free[0] == start.free[0] - 10, "the block is split and partial");
	for (unsigned k = 0; k < 10; k++) {
		phys_free(&ph, pfn + k, 0);
		good &= valid(&ph);
	}
	ok(good && layout_same(&ph, &start), "the 10 kept frames freed: merged back");

	phys_alloc(&ph, 0, PB_SHIFT, PBK_THP, &pfn);
	memset(keep, 0xff, sizeof(keep));
	is_int(phys_split_block(&ph, pfn, keep), 0, "keeping every frame frees none");
	ok(valid(&ph) && ph.partial[0] == PB_NONE,
	   "a split block with no free frame is not on the partial list");
	for (unsigned k = 0; k < PB_FRAMES; k++) {
		phys_free(&ph, pfn + k, 0);
		good &= valid(&ph);
	}
	ok(good && layout_same(&ph, &start), "its 512 frames freed one by one: merged");

	phys_alloc(&ph, 0, PB_SHIFT, PBK_THP, &pfn);
	memset(keep, 0, sizeof(keep));
	is_int(phys_split_block(&ph, pfn, keep), PB_FRAMES,
	       "keeping none frees all 512");
	ok(valid(&ph) && layout_same(&ph, &start), "and the block is a free buddy again");
	phys_destroy(&ph);
}

/* ------------------------------------------------------------------ */
/* The watermark, fragmentation, exhaustion                            */

static void test_keep(void)
{
	struct phys ph;
	struct layout start;
	struct held *h = calloc(70000, sizeof(*h));
	unsigned nh = 0;
	uint32_t pfn;
	int good = 1;

	phys_init(&ph, MB(256), 1);
	layout_take(&ph, &start);
	is_int((int64_t)ph.keep[0], 65536 >> PHYS_RESERVE_SHIFT,
	       "256 MiB keeps 1/64: 1024 frames");
	while (phys_alloc(&ph, 0, PB_SHIFT, PBK_HUGETLB, &h[nh].pfn) == 0) {
		h[nh++].order = PB_SHIFT;
		good &= valid(&ph);
	}
	ok(good, "order-9 allocations until refused");
	is_int(nh, (65536 - 1024) / 512, "126 blocks given, 2 kept");
	is_int((int64_t)ph.free[0], 1024, "free stops at the watermark");
	ok(listed_free(&ph, 0) == 1024 && nr_partial(&ph, 0) == 0,
	   "the 1024 kept frames are whole free blocks");
	is_int(phys_alloc(&ph, 0, 0, PBK_NONE, &pfn), -ENOMEM,
	       "at the watermark even one frame is refused");
	ph.keep[0] = 1023;
	is_int(phys_alloc(&ph, 0, 0, PBK_NONE, &pfn), 0,
	       "with the watermark one lower, one frame is given");
	is_int(phys_alloc(&ph, 0, 0, PBK_NONE, &h[nh].pfn), -ENOMEM,
	       "and then no more: free never goes below keep");
	phys_free(&ph, pfn, 0);
	ph.keep[0] = start.free[0] >> PHYS_RESERVE_SHIFT;
	for (unsigned k = 0; k < nh; k++)
		phys_free(&ph, h[k].pfn, h[k].order);
	ok(valid(&ph) && layout_same(&ph, &start), "all freed: back to the start");

	/* order-0 exhaustion stops at exactly the watermark too */
	nh = 0;
	while (phys_alloc(&ph, 0, 0, PBK_NONE, &h[nh].pfn) == 0)
		h[nh++].order = 0;
	ok(valid(&ph) && ph.free[0] == ph.keep[0] && nh == 65536 - 1024,
	   "order-0 allocations stop with free == keep (%u given)", nh);
	for (unsigned k = 0; k < nh; k++)
		phys_free(&ph, h[k].pfn, 0);
	ok(valid(&ph) && layout_same(&ph, &start), "all freed: back to the start");
	phys_destroy(&ph);

	/* fragmentation: free frames, but no whole block (no compaction) */
	phys_init(&ph, MB(8), 1);
	layout_take(&ph, &start);
	ph.keep[0] = 0;
	for (unsigned b = 0; b < 4; b++) {
		uint64_t keep[PB_FRAMES / 64] = { 1 };

		phys_alloc(&ph, 0, PB_SHIFT, PBK_THP, &h[b].pfn);
		phys_split_block(&ph, h[b].pfn, keep);
	}
	ok(valid(&ph) && ph.free[0] == 4 * (PB_FRAMES - 1) && nr_partial(&ph, 0) == 4,
	   "four blocks with one frame each kept: 2044 frames free");
	is_int(phys_alloc(&ph, 0, PB_SHIFT, PBK_THP, &pfn), -ENOMEM,
	       "no order-9 block although 2044 frames are free");
	is_int(phys_alloc(&ph, 0, 8, PBK_NONE, &pfn), 0, "order 8 still fits in a split block");
	phys_free(&ph, pfn, 8);
	for (unsigned b = 0; b < 4; b++)
		phys_free(&ph, h[b].pfn, 0);
	ph.keep[0] = start.free[0] >> PHYS_RESERVE_SHIFT;
	ok(valid(&ph) && layout_same(&ph, &start), "freed: merged back");
	phys_destroy(&ph);
	free(h);
}

/*
 * Exhaust each node of a 3-node machine in turn with every order, largest
 * first; the other nodes must not move; free it all in a shuffled order:
 * the free counts and the free lists are those of the start.
 */
static void test_exhaust(void)
{
	struct phys ph;
	struct layout start;
	struct prng r;
	struct held *h = calloc(4096, sizeof(*h));
	unsigned nh = 0;
	int good = 1;

	prng_seed(&r, 7);
	phys_init(&ph, GB(2) + MB(10) + KB(28), 3);
	layout_take(&ph, &start);
	for (int n = 0; n < 3; n++) {
		for (int o = PHYS_MAX_ORDER; o >= 0; o--)
			while (phys_alloc(&ph, n, (unsigned)o, PBK_THP, &h[nh].pfn) == 0) {
				h[nh].order = (unsigned)o;
				h[nh++].nid = n;
				good &= valid(&ph) && pfn_pb(&ph, h[nh - 1].pfn)->nid == n;
			}
		good &= ph.free[n] == ph.keep[n];
		for (int m = n + 1; m < 3; m++)
			good &= ph.free[m] == start.free[m];
	}
	ok(good, "each node exhausted to its watermark (%u allocations); the others untouched", nh);
	is_int((int64_t)phys_free_total(&ph), (int64_t)phys_keep_total(&ph),
	       "machine-wide: free == keep");
	for (unsigned k = nh; k > 1; k--) {	/* Fisher-Yates */
		unsigned j = prng_below(&r, k);
		struct held t = h[k - 1];

		h[k - 1] = h[j];
		h[j] = t;
	}
	for (unsigned k = 0; k < nh; k++) {
		phys_free(&ph, h[k].pfn, h[k].order);
		good &= valid(&ph);
	}
	ok(good && layout_same(&ph, &start),
	   "freed in a shuffled order: every node's free count and free lists as at the start");
	phys_destroy(&ph);
	free(h);
}

/* ------------------------------------------------------------------ */
/* Random sequences                                                    */

/*
 * Random allocations (orders biased to the small ones, every order
 * reachable), frees, and split_page() of held 2 MiB blocks, on two
 * nodes of odd size.  A shadow bitmap of the frames held catches a frame
 * handed out twice; free + held == total is checked on each node after
 * every step, with phys_check().
 */
static void test_random(uint64_t seed)
{
	enum { STEPS = 20000, MAXH = 60000 };
	struct phys ph;
	struct layout start;
	struct prng r;
	struct held *h = calloc(MAXH, sizeof(*h));
	uint64_t *used, held[HR_MAX_NODES] = { 0 };
	unsigned nh = 0, nalloc = 0, nsplit = 0, nenomem = 0;
	long bad_step = -1;

	printf("# test_random: seed %llu (PHYS_SEED=%llu replays it)\n",
	       (unsigned long long)seed, (unsigned long long)seed);
	prng_seed(&r, seed);
	phys_init(&ph, MB(1100) + KB(36), 2);
	layout_take(&ph, &start);
	used = calloc((size_t)ph.nr_pb * PB_FRAMES / 64, sizeof(uint64_t));

	for (long s = 0; s < STEPS && bad_step < 0; s++) {
		unsigned what = prng_below(&r, 100);

		if (what < 55 && nh < MAXH) {
			unsigned pick = prng_below(&r, 100), o;
			int nid = (int)prng_below(&r, 2);
			uint32_t pfn;

			o = pick < 70 ? prng_below(&r, 4) :
			    pick < 80 ? prng_range(&r, 4, 8) :
			    pick < 95 ? PB_SHIFT : prng_range(&r, 10, PHYS_MAX_ORDER);
			if (phys_alloc(&ph, nid, o, (enum pb_kind)prng_range(&r, 1, 3), &pfn)) {
				nenomem++;
			} else {
				for (uint32_t f = pfn; f < pfn + (1U << o); f++) {
					if (used[f / 64] >> (f % 64) & 1) {
						diag("step %ld: frame %u handed out twice", s, f);
						bad_step = s;
					}
					used[f / 64] |= 1ULL << (f % 64);
				}
				h[nh++] = (struct held){ pfn, o, nid };
				held[nid] += 1ULL << o;
				nalloc++;
			}
		} else if (what < 60 && nh) {
			/* split_page() of a held 2 MiB block, keeping a random half */
			unsigned k = prng_below(&r, nh);

			if (h[k].order == PB_SHIFT && nh + PB_FRAMES < MAXH) {
				uint64_t keep[PB_FRAMES / 64];
				struct held b = h[k];

				for (unsigned w = 0; w < PB_FRAMES / 64; w++)
					keep[w] = prng_next(&r);
				h[k] = h[--nh];
				held[b.nid] -= phys_split_block(&ph, b.pfn, keep);
				for (unsigned f = 0; f < PB_FRAMES; f++) {
					uint32_t p = b.pfn + f;

					if (keep[f / 64] >> (f % 64) & 1)
						h[nh++] = (struct held){ p, 0, b.nid };
					else
						used[p / 64] &= ~(1ULL << (p % 64));
				}
				nsplit++;
			}
		} else if (nh) {
			unsigned k = prng_below(&r, nh);
			struct held b = h[k];

			h[k] = h[--nh];
			phys_free(&ph, b.pfn, b.order);
			held[b.nid] -= 1ULL << b.order;
			for (uint32_t f = b.pfn; f < b.pfn + (1U << b.order); f++)
				used[f / 64] &= ~(1ULL << (f % 64));
		}
		if (violations(&ph)) {
			diag("step %ld: %s", s, check_msg);
			bad_step = s;
		}
		for (int n = 0; n < 2; n++)
			if (ph.free[n] + held[n] != ph.total[n] || ph.free[n] < ph.keep[n]) {
				diag("step %ld: node %d free %llu + held %llu != total %llu (keep %llu)",
				     s, n, (unsigned long long)ph.free[n],
				     (unsigned long long)held[n],
				     (unsigned long long)ph.total[n],
				     (unsigned long long)ph.keep[n]);
				bad_step = s;
			}
	}
	ok(bad_step < 0, "%d random steps (%u allocations, %u splits, %u refused): "
	   "phys_check, no frame twice, free + held == total after each",
	   STEPS, nalloc, nsplit, nenomem);
	ok(nalloc > 1000 && nsplit > 10 && nenomem > 0,
	   "the sequence reached allocation, split_page and refusal");
	while (nh) {
		struct held b = h[--nh];

		phys_free(&ph, b.pfn, b.order);
	}
	ok(valid(&ph) && layout_same(&ph, &start),
	   "everything freed: free totals and free lists equal the start");
	phys_destroy(&ph);
	free(used);
	free(h);
}

/* ------------------------------------------------------------------ */
/* The checks themselves can fail                                      */

/*
 * Break one field at a time on a machine with some of everything (free
 * blocks of several orders, a partial block, allocations) and require
 * phys_check() to report it with a message naming what is broken; put
 * it back and require a clean check, so that each failure is the
 * corruption's alone.
 */
static void expect_violation(struct phys *ph, const char *want, const char *what)
{
	int n = violations(ph);

	ok(n > 0 && strstr(check_msg, want),
	   "corrupt %s: phys_check reports '%s'", what, want);
	if (!(n > 0 && strstr(check_msg, want)))
		diag("  got %d violation(s): '%s'", n, check_msg);
}

static void test_corrupt(void)
{
	struct phys ph;
	uint32_t a, b, big, small, head = PB_NONE;
	uint64_t save64;
	uint32_t save32;
	uint16_t save16;
	uint8_t save8;

	/*
	 * 1 GiB + 2 frames: a and b split the 1 GiB block from its start, so
	 * they are buddies; big (8 MiB) keeps enough allocated that a wrong
	 * free below trips the order check, not the free <= total one;
	 * small comes from the 2-frame partial block.
	 */
	phys_init(&ph, GB(1) + KB(8), 1);
	phys_alloc(&ph, 0, PB_SHIFT, PBK_THP, &a);
	phys_alloc(&ph, 0, PB_SHIFT, PBK_THP, &b);
	phys_alloc(&ph, 0, 12, PBK_HUGETLB, &big);
	phys_alloc(&ph, 0, 0, PBK_NONE, &small);
	ok(valid(&ph), "the machine to corrupt is clean");

	save64 = ph.free[0];
	ph.free[0] = ph.total[0] + 1;
	expect_violation(&ph, "free=", "free[] above total[]");
	ph.free[0] = save64 - 1;
	expect_violation(&ph, "free frames in blocks", "free[] off by one");
	ph.free[0] = save64;
	ok(valid(&ph), "restored: clean");

	for (unsigned o = PB_SHIFT; o < PHYS_MAX_ORDER && head == PB_NONE; o++)
		head = ph.free_head[0][o];
	ok(head != PB_NONE, "there is a free block below the top order to break");
	save8 = ph.pb[head].order;
	ph.pb[head].order = (uint8_t)(save8 + 1);
	expect_violation(&ph, "list broken at block", "a listed block's order");
	ph.pb[head].order = save8;
	save8 = ph.pb[head].state;
	ph.pb[head].state = PB_ALLOC_HEAD;
	expect_violation(&ph, "list broken at block", "a listed block's state");
	ph.pb[head].state = save8;
	save32 = ph.pb[head].prev;
	ph.pb[head].prev = head + 1;
	expect_violation(&ph, "list broken at block", "a list head's prev link");
	ph.pb[head].prev = save32;
	ok(valid(&ph), "restored: clean");

	/*
	 * a and b are buddies (the first two blocks of a split 1 GiB block);
	 * free a, then pretend b is a free block of the same order: the two
	 * were not merged
	 */
	ok((a ^ b) == PB_FRAMES, "the two 2 MiB allocations are buddies");
	phys_free(&ph, a, PB_SHIFT);
	save8 = pfn_pb(&ph, b)->state;
	pfn_pb(&ph, b)->state = PB_FREE_HEAD;
	expect_violation(&ph, "not merged", "a free block's buddy marked free");
	pfn_pb(&ph, b)->state = save8;
	ok(valid(&ph), "restored: clean");

	save16 = pfn_pb(&ph, small)->nfree;
	pfn_pb(&ph, small)->nfree = (uint16_t)(save16 + 1);
	expect_violation(&ph, "nfree=", "a split block's nfree");
	pfn_pb(&ph, small)->nfree = save16;
	pfn_pb(&ph, small)->pages->free[0] ^= 2;
	expect_violation(&ph, "disagrees with its bitmap", "a split block's bitmap");
	pfn_pb(&ph, small)->pages->free[0] ^= 2;
	ok(valid(&ph), "restored: clean");

	/* the HR_BUG_ONs of phys_free: a double free and a wrong order */
	{
		jmp_buf env;
		volatile int caught = 0;

		bug_env = &env;
		if (!setjmp(env))
			phys_free(&ph, b, PB_SHIFT + 1);
		else
			caught = 1;
		ok(caught && strstr(bug_what, "pb->order != order"),
		   "freeing a 2 MiB block as order 10 is an engine bug (%s)", bug_what);
		/* the BUG_ON fired after free[] was raised: the validator sees it */
		expect_violation(&ph, "free frames in blocks", "free[] left by the caught bug");
		ph.free[0] -= 1ULL << (PB_SHIFT + 1);
		ok(valid(&ph), "restored: clean");

		caught = 0;
		phys_free(&ph, small, 0);
		if (!setjmp(env))
			phys_free(&ph, small, 0);
		else
			caught = 1;
		ok(caught && strstr(bug_what, "free[f / 64]"),
		   "a double free of a frame is an engine bug (%s)", bug_what);
		bug_env = NULL;
	}
	(void)big;
	phys_destroy(&ph);
}

int main(void)
{
	const char *env = getenv("PHYS_SEED");
	uint64_t seed = env ? strtoull(env, NULL, 0) : 20261202;

	test_init();
	test_orders();
	test_split();
	test_keep();
	test_exhaust();
	test_random(seed);
	test_corrupt();
	diag("phys_check ran %ld times", nr_checks);
	return done_testing();
}
