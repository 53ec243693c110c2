/* SPDX-License-Identifier: MIT */
/*
 * subpool.c - hugepage_subpool: the size= and min_size= limits of a
 * hugetlbfs mount (hugetlbfs_reserv.txt, "Subpool Reservations").
 *
 * A subpool with a minimum holds global reservations on behalf of its
 * mount (rsv_hpages).  get_pages and put_pages therefore return how many
 * pages the caller must still take from, or give back to, the global
 * pool: less than asked whenever the subpool's own reservations cover
 * part of the request.  The document's example: a subpool holding 3
 * reserved pages asked for 5 returns 2.
 */
#include <stdlib.h>

#include "internal.h"

/**
 * hugepage_new_subpool() - a subpool for a mount.
 * @max: size= in huge pages, or -1
 * @min: min_size= in huge pages, or -1
 *
 * The caller reserves @min pages globally (hugetlb_acct_memory) and
 * fails the mount if it cannot.
 */
struct hugepage_subpool *hugepage_new_subpool(struct hstate *h, long max,
					      long min)
{
	struct hugepage_subpool *spool = hr_zalloc(h->m, sizeof(*spool));

	if (!spool)
		return NULL;
	spool->hstate = h;
	spool->max_hpages = max;
	spool->used_hpages = 0;
	spool->min_hpages = min;
	spool->rsv_hpages = min == -1 ? 0 : min;
	return spool;
}

/*
 * subpool_is_free() - may the subpool go, now that its mount is gone?
 *
 * Linux 6.18 asks a different question for each kind of subpool (the
 * rule dates from 2021: a subpool without size= never counts
 * used_hpages, so that count cannot say anything about it).  With a
 * size= it is "is nothing charged to the maximum" (used_hpages == 0),
 * never looking at the minimum's reserve; with only a min_size= it is
 * "is the minimum's reserve complete" (rsv_hpages == min_hpages).  The
 * first answer can be wrong about the reserve, and that is where
 * unmount miscounts (see hugepage_put_subpool()).
 */
static bool subpool_is_free(const struct hugepage_subpool *spool)
{
	if (spool->max_hpages != -1)
		return spool->used_hpages == 0;
	if (spool->min_hpages != -1)
		return spool->rsv_hpages == spool->min_hpages;
	return true;
}

/**
 * hugepage_put_subpool() - the mount's reference goes (hugetlbfs_put_super,
 * after every inode of the mount was evicted): free the subpool if
 * subpool_is_free() says so, giving back min_hpages global reservations.
 *
 * That is right when the subpool holds its whole minimum, and it does
 * whenever used_hpages + rsv_hpages >= min_hpages held all along.  Two
 * corners of Linux 6.18 break it, and this model follows both:
 *  - the failed-mmap unwind (hugetlb_reserve_pages(), out_put_pages) can
 *    leave a size= + min_size= subpool with used_hpages == 0 but less
 *    than its minimum in reserve: the whole minimum is released anyway,
 *    so HugePages_Rsvd drops by more than the subpool held (and wraps
 *    below zero when nothing else holds reservations);
 *  - a failed fault leaves used_hpages one too high
 *    (alloc_hugetlb_folio(), out_subpool_put puts nothing back when the
 *    page was to come from the global pool): the subpool is never freed,
 *    and the reserve it held for its minimum stays in HugePages_Rsvd.
 * The difference between what the subpool held and what was given back
 * goes to hstate->resv_skew, so that resv_conservation_check() stays
 * exact.  Once its mount is gone no page refers to the subpool (every
 * inode was evicted), so the engine frees it either way; Linux leaks the
 * one it keeps.
 */
void hugepage_put_subpool(struct hugepage_subpool *spool)
{
	struct hstate *h;
	long released = 0;

	if (!spool)
		return;
	h = spool->hstate;
	/* spin_lock(&spool->lock); spool->count-- reaches 0 */
	if (subpool_is_free(spool) && spool->min_hpages != -1) {
		released = spool->min_hpages;
		hugetlb_acct_memory(h, -released);
	}
	if (spool->rsv_hpages != released) {
		h->resv_skew += spool->rsv_hpages - released;
		machine_taint(h->m, HR_TAINT_UMOUNT, released ?
			      "umount: a size= subpool holding less than its "
			      "minimum gave back all of it, as in Linux" :
			      "umount: a subpool that was not freed keeps its "
			      "reserve in HugePages_Rsvd, as in Linux");
	}
	free(spool);
}

/**
 * hugepage_subpool_get_pages() - take @delta pages from the subpool.
 *
 * Return: the number of pages the caller must reserve globally (0 ..
 * @delta), or -ENOMEM when size= would be exceeded.  Without a subpool
 * every page is global.
 */
long hugepage_subpool_get_pages(struct hugepage_subpool *spool, long delta)
{
	long ret = delta;

	if (!spool)
		return ret;
	/* spin_lock(&spool->lock) */
	if (spool->max_hpages != -1) {
		if (spool->used_hpages + delta <= spool->max_hpages)
			spool->used_hpages += delta;
		else
			return -ENOMEM;
	}
	if (spool->min_hpages != -1 && spool->rsv_hpages) {
		if (delta > spool->rsv_hpages) {
			/* the subpool's reservations cover part of it */
			ret = delta - spool->rsv_hpages;
			spool->rsv_hpages = 0;
		} else {
			ret = 0;
			spool->rsv_hpages -= delta;
		}
	}
	return ret;
}

/**
 * hugepage_subpool_put_pages() - give @delta pages back to the subpool.
 *
 * Return: how many of them the caller must release globally; pages
 * needed to bring the subpool back up to its minimum stay reserved on
 * its behalf.
 */
long hugepage_subpool_put_pages(struct hugepage_subpool *spool, long delta)
{
	long ret = delta;

	if (!spool)
		return ret;
	/* spin_lock(&spool->lock) */
	if (spool->max_hpages != -1)
		spool->used_hpages -= delta;
	/*
	 * used_hpages is only counted when there is a maximum, so a subpool
	 * with only a minimum always refills its reservations first.
	 */
	if (spool->min_hpages != -1 && spool->used_hpages < spool->min_hpages) {
		if (spool->rsv_hpages + delta <= spool->min_hpages)
			ret = 0;
		else
			ret = spool->rsv_hpages + delta - spool->min_hpages;
		spool->rsv_hpages += delta;
		if (spool->rsv_hpages > spool->min_hpages)
			spool->rsv_hpages = spool->min_hpages;
	}
	return ret;
}

/** subpool_check() - counters within their bounds. */
void subpool_check(const struct hugepage_subpool *spool, struct check_ctx *c)
{
	if (!spool)
		return;
	if (spool->max_hpages != -1)
		CHECK(c, spool->used_hpages >= 0 &&
			  spool->used_hpages <= spool->max_hpages,
		      "subpool: used_hpages=%ld outside [0, max_hpages=%ld]",
		      spool->used_hpages, spool->max_hpages);
	else
		CHECK(c, spool->used_hpages == 0,
		      "subpool: used_hpages=%ld without a maximum",
		      spool->used_hpages);
	if (spool->min_hpages != -1)
		CHECK(c, spool->rsv_hpages >= 0 &&
			  spool->rsv_hpages <= spool->min_hpages,
		      "subpool: rsv_hpages=%ld outside [0, min_hpages=%ld]",
		      spool->rsv_hpages, spool->min_hpages);
	else
		CHECK(c, spool->rsv_hpages == 0,
		      "subpool: rsv_hpages=%ld without a minimum",
		      spool->rsv_hpages);
}
