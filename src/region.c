/* SPDX-License-Identifier: MIT */
/*
 * region.c - reserve maps: lists of file_region with the two-phase
 * region_chg / region_add / region_abort protocol, region_del and
 * region_count (hugetlbfs_reserv.txt, "Reservation Map Modifications").
 *
 * The protocol's promise is that region_add and region_abort cannot
 * fail once region_chg succeeded for the same range.  region_chg counts
 * how many descriptors the add could need (one per gap in the range) and
 * makes sure the map's region_cache holds that many on top of what
 * other adds in progress already claimed; region_add takes descriptors
 * only from the cache.  Only region_del can fail, and only when it must
 * split a region and no descriptor can be had (a hole punch).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static struct file_region *region_get_cached(struct resv_map *rm)
{
	struct file_region *rg;

	HR_BUG_ON(list_empty(&rm->region_cache));
	rg = list_entry(rm->region_cache.next, struct file_region, link);
	list_del(&rg->link);
	rm->region_cache_count--;
	return rg;
}

static void region_put_cached(struct resv_map *rm, struct file_region *rg)
{
	list_add_tail(&rg->link, &rm->region_cache);
	rm->region_cache_count++;
}

/* A fresh descriptor from the allocator; may be made to fail. */
static struct file_region *region_alloc(struct resv_map *rm)
{
	if (machine_should_fail(rm->m, FAIL_REGION_CACHE))
		return NULL;
	return hr_zalloc(rm->m, sizeof(struct file_region));
}

/**
 * resv_map_alloc() - a new, empty reserve map with one reference and one
 * cached descriptor (as Linux pre-allocates one).
 */
struct resv_map *resv_map_alloc(struct hr_machine *m)
{
	struct resv_map *rm = hr_zalloc(m, sizeof(*rm));
	struct file_region *rg;

	if (!rm)
		return NULL;
	rg = hr_zalloc(m, sizeof(*rg));
	if (!rg) {
		free(rm);
		return NULL;
	}
	rm->m = m;
	rm->refs = 1;
	list_init(&rm->regions);
	list_init(&rm->region_cache);
	region_put_cached(rm, rg);
	return rm;
}

void resv_map_get(struct resv_map *rm)
{
	rm->refs++;
}

/**
 * resv_map_put() - drop a reference; the last one frees the map and
 * every region in it (resv_map_release: region_del(0, LONG_MAX)).
 */
void resv_map_put(struct resv_map *rm)
{
	struct list_head *p, *n;

	HR_BUG_ON(rm->refs <= 0);
	if (--rm->refs)
		return;
	HR_BUG_ON(rm->adds_in_progress != 0);
	list_for_each_safe(p, n, &rm->regions) {
		list_del(p);
		free(list_entry(p, struct file_region, link));
	}
	list_for_each_safe(p, n, &rm->region_cache) {
		list_del(p);
		free(list_entry(p, struct file_region, link));
	}
	free(rm);
}

/*
 * Walk [f, t) against the map: return the pages not covered and, in
 * *gaps, the number of uncovered runs (each needs one descriptor).
 */
static long region_scan(const struct resv_map *rm, long f, long t, long *gaps)
{
	const struct list_head *p;
	long pos = f, missing = 0;

	*gaps = 0;
	list_for_each(p, &rm->regions) {
		const struct file_region *rg =
			list_entry(p, struct file_region, link);

		if (rg->to <= pos)
			continue;
		if (rg->from >= t)
			break;
		if (rg->from > pos) {
			missing += rg->from - pos;
			(*gaps)++;
		}
		pos = rg->to;
		if (pos >= t)
			break;
	}
	if (pos < t) {
		missing += t - pos;
		(*gaps)++;
	}
	return missing;
}

/**
 * region_chg() - first phase: how many pages of [f, t) the map lacks.
 * @regions_needed: out: descriptors reserved for the matching
 *                  region_add or region_abort
 *
 * Return: the count, or -ENOMEM when the cache cannot be filled (the
 * map is then unchanged).
 */
long region_chg(struct resv_map *rm, long f, long t, long *regions_needed)
{
	long chg, gaps;

	chg = region_scan(rm, f, t, &gaps);
	/* Linux always sets aside at least one descriptor. */
	if (gaps == 0)
		gaps = 1;
	while (rm->region_cache_count < rm->adds_in_progress + gaps) {
		struct file_region *rg = region_alloc(rm);

		if (!rg)
			return -ENOMEM;
		region_put_cached(rm, rg);
	}
	rm->adds_in_progress += gaps;
	*regions_needed = gaps;
	return chg;
}

/* Merge @rg with its neighbours when they touch. */
static void region_coalesce(struct resv_map *rm, struct file_region *rg)
{
	if (rg->link.prev != &rm->regions) {
		struct file_region *prev =
			list_entry(rg->link.prev, struct file_region, link);
		if (prev->to == rg->from) {
			prev->to = rg->to;
			list_del(&rg->link);
			region_put_cached(rm, rg);
			rg = prev;
		}
	}
	if (rg->link.next != &rm->regions) {
		struct file_region *next =
			list_entry(rg->link.next, struct file_region, link);
		if (next->from == rg->to) {
			rg->to = next->to;
			list_del(&next->link);
			region_put_cached(rm, next);
		}
	}
}

/**
 * region_add() - second phase: make [f, t) covered.
 * @regions_needed: what the matching region_chg returned
 *
 * Cannot fail: every descriptor comes from the cache filled by
 * region_chg.  The map may have changed since (shared maps); the gaps are
 * counted again and the cache still suffices because adds_in_progress
 * kept the descriptors aside.
 *
 * Return: the number of pages added.
 */
long region_add(struct resv_map *rm, long f, long t, long regions_needed)
{
	struct list_head *p;
	long pos = f, added = 0;

	HR_BUG_ON(rm->adds_in_progress < regions_needed);
	rm->adds_in_progress -= regions_needed;

	p = rm->regions.next;
	while (pos < t) {
		struct file_region *rg = NULL;
		long gap_end;

		/* skip regions that end before pos */
		while (p != &rm->regions &&
		       list_entry(p, struct file_region, link)->to <= pos)
			p = p->next;
		if (p != &rm->regions) {
			rg = list_entry(p, struct file_region, link);
			if (rg->from <= pos) {
				pos = rg->to;
				continue;
			}
		}
		gap_end = rg ? HR_MIN(rg->from, t) : t;
		{
			struct file_region *nrg = region_get_cached(rm);

			nrg->from = pos;
			nrg->to = gap_end;
			list_add_before(&nrg->link, p);
			added += gap_end - pos;
			pos = gap_end;
			region_coalesce(rm, nrg);
			/* coalescing may have freed the node p pointed at */
			p = rm->regions.next;
		}
	}
	return added;
}

/**
 * region_abort() - end a region_chg without adding: release the
 * descriptors it set aside.  Cannot fail.
 */
void region_abort(struct resv_map *rm, long f, long t, long regions_needed)
{
	(void)f;
	(void)t;
	HR_BUG_ON(rm->adds_in_progress < regions_needed);
	rm->adds_in_progress -= regions_needed;
}

/**
 * region_del() - remove [f, t) from the map.
 *
 * Splitting a region needs a descriptor: a spare one from the cache if
 * one is not set aside for an add in progress, else a new one, which can
 * fail.  Whole-range deletes (truncate, eviction) never split.
 *
 * Return: pages removed, or -ENOMEM (the map is then unchanged).
 */
long region_del(struct resv_map *rm, long f, long t)
{
	struct list_head *p, *n;
	long del = 0;

	list_for_each_safe(p, n, &rm->regions) {
		struct file_region *rg = list_entry(p, struct file_region, link);

		if (rg->to <= f)
			continue;
		if (rg->from >= t)
			break;
		if (f > rg->from && t < rg->to) {
			/* split: [from, f) stays, [t, to) is new */
			struct file_region *nrg;

			if (rm->region_cache_count > rm->adds_in_progress) {
				nrg = region_get_cached(rm);
			} else {
				nrg = region_alloc(rm);
				if (!nrg)
					return -ENOMEM;
			}
			nrg->from = t;
			nrg->to = rg->to;
			list_insert(&nrg->link, &rg->link, rg->link.next);
			del += t - f;
			rg->to = f;
			break;
		}
		if (f <= rg->from && t >= rg->to) {
			del += rg->to - rg->from;
			list_del(&rg->link);
			region_put_cached(rm, rg);
			continue;
		}
		if (f <= rg->from) {
			/* trim the head */
			del += t - rg->from;
			rg->from = t;
		} else {
			/* trim the tail */
			del += rg->to - f;
			rg->to = f;
		}
	}
	return del;
}

/** region_count() - pages of [f, t) covered by the map. */
long region_count(struct resv_map *rm, long f, long t)
{
	const struct list_head *p;
	long count = 0;

	list_for_each(p, &rm->regions) {
		const struct file_region *rg =
			list_entry(p, struct file_region, link);
		long lo, hi;

		if (rg->to <= f)
			continue;
		if (rg->from >= t)
			break;
		lo = HR_MAX(rg->from, f);
		hi = HR_MIN(rg->to, t);
		count += hi - lo;
	}
	return count;
}

/**
 * resv_map_check() - regions sorted, non-empty, disjoint, not adjacent;
 * the cache covers the adds in progress; the reference count is sane.
 */
void resv_map_check(const struct resv_map *rm, struct check_ctx *c,
		    const char *who)
{
	const struct list_head *p;
	long prev_to = -1, cached = 0;

	CHECK(c, rm->refs > 0, "%s: resv_map refs=%d", who, rm->refs);
	CHECK(c, rm->adds_in_progress >= 0, "%s: adds_in_progress=%ld", who,
	      rm->adds_in_progress);
	list_for_each(p, &rm->regions) {
		const struct file_region *rg =
			list_entry(p, struct file_region, link);

		CHECK(c, rg->from >= 0 && rg->from < rg->to,
		      "%s: empty or negative region [%ld,%ld)", who, rg->from,
		      rg->to);
		CHECK(c, rg->from > prev_to,
		      "%s: region [%ld,%ld) overlaps or touches previous end %ld",
		      who, rg->from, rg->to, prev_to);
		prev_to = rg->to;
	}
	list_for_each(p, &rm->region_cache)
		cached++;
	CHECK(c, cached == rm->region_cache_count,
	      "%s: region_cache_count=%ld but %ld cached", who,
	      rm->region_cache_count, cached);
	CHECK(c, rm->region_cache_count >= rm->adds_in_progress,
	      "%s: region_cache_count=%ld < adds_in_progress=%ld", who,
	      rm->region_cache_count, rm->adds_in_progress);
}
