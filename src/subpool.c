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

/**
 * hugepage_put_subpool() - unmount: give the minimum's reservations back
 * and free the subpool.  Linux returns min_hpages, which equals
 * rsv_hpages once every page and reservation of the mount is gone.
 */
void hugepage_put_subpool(struct hugepage_subpool *spool)
{
	if (!spool)
		return;
	if (spool->min_hpages != -1)
		hugetlb_acct_memory(spool->hstate, -spool->min_hpages);
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
