/*
 * test_pgtable.c - the page-table module (src/pgtable.c): PTE tables
 * going from sparse to dense, pte_next() over both, and
 * for_each_pmd_range()'s clipping and its passing over of GiBs without a
 * PMD table.  In the manner of Linux's tools/testing/vma: the real code,
 * called directly, with the machine's validators after every step.
 */
#include <stdlib.h>

#include "internal.h"
#include "tap.h"

static hr_machine *m;

static int machine_ok(void)
{
	return tap_machine_ok(m);
}

static void test_sparse_dense(void)
{
	struct pte_table *pt = pte_table_new(m, 0);
	unsigned i, n, at;
	uint32_t v = 0;

	is_int(pte_get(pt, 7), PTE_NONE, "a new table maps nothing");
	is_int(pte_next(pt, 0, &v), HPAGE_NR, "pte_next on an empty table: none");
	/* every 16th entry, from the top down: the sparse array stays sorted */
	for (i = PT_SPARSE_MAX; i-- > 0;)
		pte_set(pt, i * 16, PTE_MK(1000 + i, true));
	is_int(pt->nr, PT_SPARSE_MAX, "32 entries present");
	ok(pt->cap != PT_DENSE, "32 entries: still sparse");
	for (i = 1; i < pt->nr; i++)
		if (pt->u.sp[i - 1] >> 32 >= pt->u.sp[i] >> 32)
			break;
	is_int(i, pt->nr, "sparse entries sorted by index");
	is_int(pte_get(pt, 48), PTE_MK(1003, true), "pte_get finds entry 48");
	is_int(pte_get(pt, 49), PTE_NONE, "pte_get: 49 is none");
	at = pte_next(pt, 49, &v);
	is_int(at, 64, "pte_next(49) is 64");
	is_int(v, PTE_MK(1004, true), "with its value");
	pte_set(pt, 49, PTE_NONE);
	is_int(pt->nr, PT_SPARSE_MAX, "clearing an absent entry changes nothing");
	pte_set(pt, 48, PTE_ZERO);
	is_int(pte_get(pt, 48), PTE_ZERO, "an entry is replaced in place");
	is_int(pt->nr, PT_SPARSE_MAX, "replacing keeps nr");
	/* the 33rd entry makes it dense, with every entry kept */
	pte_set(pt, 511, PTE_MK(2000, false));
	ok(pt->cap == PT_DENSE, "the 33rd entry makes the table dense");
	is_int(pt->nr, PT_SPARSE_MAX + 1, "nr counts 33");
	for (i = 0, n = 0; i < HPAGE_NR; i++)
		n += pte_get(pt, i) != PTE_NONE;
	is_int(n, PT_SPARSE_MAX + 1, "the dense table holds the same 33 entries");
	is_int(pte_get(pt, 16), PTE_MK(1001, true), "entry 16 survived");
	is_int(pte_next(pt, 497, &v), 511, "pte_next over a dense table");
	is_int(v, PTE_MK(2000, false), "with its value");
	/* pte_table_has_page: the zero page is not a page */
	for (i = 0; i < HPAGE_NR; i++)
		if (i != 48)
			pte_set(pt, i, PTE_NONE);
	is_int(pt->nr, 1, "cleared down to the zero-page entry");
	ok(pt->cap == PT_DENSE, "a dense table stays dense");
	ok(!pte_table_has_page(pt), "only the zero page: no page");
	pte_set(pt, 3, PTE_MK(7, true));
	ok(pte_table_has_page(pt), "one page: has a page");
	pte_table_free(m, pt, false);
}

static void test_walker(hr_proc *p)
{
	const uint64_t g1 = HR_SZ_1G, g3 = 3 * HR_SZ_1G;
	uint64_t seen[8];
	struct pmd_walk w;
	struct pmd_table *t;
	unsigned n = 0;
	int err = 0;

	/* PMD tables for GiB 1 and GiB 3 only */
	ok(anon_pmd(p, g1 + 5 * HPAGE_SIZE, true, &err) != NULL, "a PMD table for GiB 1");
	ok(anon_pmd(p, g3, true, &err) != NULL, "a PMD table for GiB 3");
	is_int(m->nr_pagetables, 2, "two PMD pages counted in PageTables");
	ok(machine_ok(), "validators after making the tables");

	/* a range with no table anywhere: nothing visited */
	for_each_pmd_range(p, &w, 0, g1)
		n++;
	is_int(n, 0, "GiB 0 has no table: the walk visits nothing");

	/* [g1 - 4K, g1 + 2M + 12K): two slots, clipped at both ends */
	n = 0;
	for_each_pmd_range(p, &w, g1 - HR_PAGE_SIZE, g1 + HPAGE_SIZE + 3 * HR_PAGE_SIZE) {
		if (n < 8)
			seen[n] = w.haddr;
		if (n == 0) {
			is_int(w.lo, 0, "first slot starts at its first PTE");
			is_int(w.hi, HPAGE_NR, "and covers it whole");
			ok(pmd_walk_whole(&w), "pmd_walk_whole() says so");
		} else if (n == 1) {
			is_int(w.s, g1 + HPAGE_SIZE, "second slot clipped: s");
			is_int(w.e, g1 + HPAGE_SIZE + 3 * HR_PAGE_SIZE, "second slot clipped: e");
			is_int(w.hi, 3, "PTE indices [0, 3)");
			ok(!pmd_walk_whole(&w), "a clipped slot is not whole");
		}
		ok(w.pmd == &w.t->e[(w.haddr >> 21) & 511], "the slot is the table's entry");
		n++;
	}
	is_int(n, 2, "two slots of GiB 1 visited, GiB 0's absent table skipped");
	is_int(seen[0], g1, "the first is at 1 GiB");

	/* the whole of GiB 0..4: 512 slots each of GiB 1 and 3 */
	n = 0;
	for_each_pmd_range(p, &w, 0, 4 * HR_SZ_1G)
		n++;
	is_int(n, 1024, "GiB 0..4: only the 1024 slots of the two tables");

	/* a start inside a slot: clipped from the left */
	for_each_pmd_range(p, &w, g3 + 7 * HR_PAGE_SIZE, g3 + HPAGE_SIZE)
		is_int(w.lo, 7, "a start inside the slot clips lo to 7");

	/* the body may free the table it stands in: the walk goes on */
	n = 0;
	for_each_pmd_range(p, &w, g1, 4 * HR_SZ_1G) {
		n++;
		if (w.t->gidx == 1)
			pmd_table_free(p, w.t);
	}
	is_int(n, 1 + 512, "freeing GiB 1's table ends its slots; GiB 3's follow");
	is_int(m->nr_pagetables, 1, "its frame is given back");
	ok(machine_ok(), "validators after freeing a table inside the walk");
	t = anon_pmd_table(p, g3);
	ok(t && !t->nr, "GiB 3's table is left, empty");
	pmd_table_free(p, t);
	is_int(m->nr_pagetables, 0, "every page table gone");
	ok(machine_ok(), "validators at the end");
}

int main(void)
{
	struct hr_config cfg = { .memory = 64ULL << 20 };
	hr_proc *p;

	m = hr_machine_new(&cfg);
	ok(m != NULL, "a 64 MiB machine");
	test_sparse_dense();
	ok(!hr_proc_new(m, &p), "a process");
	test_walker(p);
	hr_exit(p);
	ok(machine_ok(), "validators after exit");
	hr_machine_free(m);
	return done_testing();
}
