/*
 * test_region.c - the reserve map's two-phase protocol and region_del,
 * and the subpool arithmetic of hugetlbfs_reserv.txt.
 */
#include <limits.h>
#include <stdlib.h>

#include "internal.h"
#include "tap.h"

static hr_machine *m;

static long nregions(struct resv_map *rm)
{
	struct list_head *p;
	long n = 0;

	list_for_each(p, &rm->regions)
		n++;
	return n;
}

static int map_ok(struct resv_map *rm)
{
	char msg[200];
	struct check_ctx c = { msg, sizeof(msg), 0 };

	resv_map_check(rm, &c, "test");
	if (c.failures)
		diag("%s", msg);
	return c.failures == 0;
}

static void test_two_phase(void)
{
	struct resv_map *rm = resv_map_alloc(m);
	long need, need2;

	is_int(region_chg(rm, 0, 4, &need), 4, "region_chg on an empty map: all 4 pages missing");
	is_int(need, 1, "one descriptor set aside");
	is_int(rm->adds_in_progress, 1, "adds_in_progress counts it");
	is_int(region_add(rm, 0, 4, need), 4, "region_add adds the 4 pages");
	is_int(rm->adds_in_progress, 0, "adds_in_progress back to 0");
	is_int(region_count(rm, 0, 10), 4, "region_count sees [0,4)");

	/* [6,8) then [2,10): the add must fill two gaps, [4,6) and [8,10) */
	region_chg(rm, 6, 8, &need);
	region_add(rm, 6, 8, need);
	is_int(nregions(rm), 2, "[0,4) and [6,8) are two regions");
	is_int(region_chg(rm, 2, 10, &need), 4, "region_chg counts only the gaps");
	is_int(need, 2, "two gaps need two descriptors");
	ok(rm->region_cache_count >= rm->adds_in_progress, "the cache covers the adds in progress");
	/* a failing allocator must not break region_add now */
	hr_inject_fail(m, "region", 1, 1);
	is_int(region_add(rm, 2, 10, need), 4, "region_add cannot fail after region_chg");
	m->fail_after[FAIL_REGION_CACHE] = 0;
	is_int(nregions(rm), 1, "adjacent regions are coalesced into [0,10)");
	ok(map_ok(rm), "map well formed after coalescing");

	/* region_abort releases the descriptors and changes nothing */
	is_int(region_chg(rm, 20, 30, &need2), 10, "region_chg [20,30)");
	region_abort(rm, 20, 30, need2);
	is_int(rm->adds_in_progress, 0, "region_abort ends the add");
	is_int(region_count(rm, 0, LONG_MAX), 10, "region_abort adds nothing");

	/* region_chg fails cleanly when no descriptor can be had */
	while (rm->adds_in_progress < rm->region_cache_count) {
		long dummy;
		region_chg(rm, 100, 101, &dummy);	/* pin every spare */
	}
	hr_inject_fail(m, "region", 1, 1);
	is_int(region_chg(rm, 50, 60, &need), -ENOMEM, "region_chg returns -ENOMEM when the cache cannot grow");
	m->fail_after[FAIL_REGION_CACHE] = 0;
	while (rm->adds_in_progress)
		region_abort(rm, 100, 101, 1);
	ok(map_ok(rm), "map still well formed after the failed region_chg");
	resv_map_put(rm);
}

static void test_region_del(void)
{
	struct resv_map *rm = resv_map_alloc(m);
	long need;

	region_chg(rm, 0, 10, &need);
	region_add(rm, 0, 10, need);
	is_int(region_del(rm, 0, 2), 2, "region_del trims the head");
	is_int(region_del(rm, 8, LONG_MAX), 2, "region_del to LONG_MAX trims the tail");
	is_int(region_count(rm, 0, LONG_MAX), 6, "[2,8) left");
	/* a split needs a descriptor: drain the cache and make the allocator fail */
	while (rm->region_cache_count) {
		struct file_region *rg = list_entry(rm->region_cache.next, struct file_region, link);
		list_del(&rg->link);
		rm->region_cache_count--;
		free(rg);
	}
	hr_inject_fail(m, "region", 1, 1);
	is_int(region_del(rm, 4, 5), -ENOMEM, "a hole punch that must split fails with -ENOMEM");
	is_int(region_count(rm, 0, LONG_MAX), 6, "and leaves the map unchanged");
	is_int(region_del(rm, 4, 5), 1, "the same split succeeds when memory is there");
	is_int(nregions(rm), 2, "[2,4) and [5,8)");
	is_int(region_count(rm, 3, 6), 2, "region_count over the hole");
	ok(map_ok(rm), "map well formed after the split");
	resv_map_put(rm);
}

static void test_subpool(void)
{
	struct hstate *h = &m->hstates[HSTATE_2M];
	struct hugepage_subpool *sp;

	/* the document's example: 3 reserved in the subpool, ask for 5 */
	sp = hugepage_new_subpool(h, -1, 3);
	is_int(hugepage_subpool_get_pages(sp, 5), 2, "subpool holding 3, asked for 5, returns 2");
	is_int(sp->rsv_hpages, 0, "its reserves are used up");
	is_int(hugepage_subpool_put_pages(sp, 5), 2, "putting 5 back: 3 refill the minimum, 2 go global");
	is_int(sp->rsv_hpages, 3, "the minimum is held again");
	free(sp);

	sp = hugepage_new_subpool(h, 4, -1);
	is_int(hugepage_subpool_get_pages(sp, 3), 3, "size=4: 3 pages fit");
	is_int(hugepage_subpool_get_pages(sp, 2), -ENOMEM, "size=4: 2 more do not");
	is_int(sp->used_hpages, 3, "a refused get changes nothing");
	is_int(hugepage_subpool_put_pages(sp, 3), 3, "without a minimum everything goes global");
	free(sp);

	sp = hugepage_new_subpool(h, 4, 2);
	is_int(hugepage_subpool_get_pages(sp, 1), 0, "min 2: the first page is covered by the subpool");
	is_int(hugepage_subpool_get_pages(sp, 2), 1, "the next two: one covered, one global");
	/* not below the minimum yet (2 < 2 is false): released globally */
	is_int(hugepage_subpool_put_pages(sp, 1), 1, "used 3->2: not under the minimum, released");
	is_int(hugepage_subpool_put_pages(sp, 2), 0, "used 2->0: both refill the minimum");
	is_int(sp->rsv_hpages, 2, "minimum held");
	free(sp);
}

int main(void)
{
	struct hr_config cfg = { .memory = 1ULL << 30, .nodes = 1 };

	m = hr_machine_new(&cfg);
	test_two_phase();
	test_region_del();
	test_subpool();
	hr_machine_free(m);
	return done_testing();
}
