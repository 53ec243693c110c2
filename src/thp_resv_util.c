/* SPDX-License-Identifier: MIT */
/*
 * thp_resv_util.c - a HawkEye-like reservation policy (resv_shrink=util,
 * engine-only): decisions by utilisation, the share of a reservation's
 * 512 frames handed out and still mapped (thp_resv_nr_used()).
 *
 *  - reserve: as the RFC, at the first write in a range that holds no
 *    page (a zero-page read reserves nothing);
 *  - promote: once utilisation reaches promotion_threshold (in 512ths),
 *    by khugepaged, or at the fault with promotion_sync=1;
 *  - under memory pressure: release the least utilised reservation
 *    first (it holds the most unused frames, and promoting it is the
 *    furthest off), the least recently changed first among equals (the
 *    LRU is machine->resv_lru, oldest first), until the reclaim has
 *    what it wants.
 * HawkEye (Panwar et al., ASPLOS 2019) ranks regions by access coverage
 * to decide what to promote first and what to give up under pressure;
 * the engine has no access bits beyond fork's young bit, so a frame
 * handed out is the measure of use.  This file only decides; every
 * change is thp_resv.c's.
 */
#include "internal.h"

/*
 * The least utilised live reservation, the oldest of equals.  The
 * machine's histogram of nr_unused gives the least utilisation there is
 * (512 steps at most); the LRU, oldest first, is then walked to the
 * first reservation with it, which a reclaim under pressure usually
 * finds at once (ranges touched once are many, and old).
 */
static struct thp_resv *util_pick_victim(struct hr_machine *m, uint64_t want,
					 uint64_t freed)
{
	struct list_head *l;
	unsigned u = HPAGE_NR;

	if (freed >= want || list_empty(&m->resv_lru))
		return NULL;
	while (!m->resv_unused_hist[u])
		u--;
	list_for_each(l, &m->resv_lru) {
		struct thp_resv *r = list_entry(l, struct thp_resv, lru);

		if (r->nr_unused == u)
			return r;
	}
	HR_BUG_ON(1);	/* resv_unused_hist[u] counted one that is not live */
	return NULL;
}

/* The util policy: one line of thp_resv_policies.h registers it. */
const struct thp_resv_policy_ops thp_resv_util_policy = {
	.name = "util",
	/* reserving and promoting as the RFC; releasing its own way */
	.should_reserve = thp_resv_first_write,
	.should_promote = thp_resv_threshold_reached,
	.promote_sync = thp_resv_sync_knob,
	.pick_victim = util_pick_victim,
};
