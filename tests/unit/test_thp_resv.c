/*
 * test_thp_resv.c - the THP reservation state machine (src/thp_resv.c)
 * and its policies: reserve at the first write, frames handed out at
 * their own index, a frame coming back unused, promotion in place by
 * khugepaged at the threshold, release, and what each policy picks under
 * pressure.  In the manner of Linux's tools/testing/vma: the real fault
 * path (anon_fault()) on a VMA made by hand (a shim for mmap), the
 * transition counters read directly, the validators after every step.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static hr_machine *m;

static int machine_ok(void)
{
	return tap_machine_ok(m);
}

/* mmap(MAP_PRIVATE | MAP_ANONYMOUS, PROT_READ | PROT_WRITE) at @start. */
static struct vm_area *shim_vma(hr_proc *p, uint64_t start, uint64_t len)
{
	struct vm_area *vma = calloc(1, sizeof(*vma));

	HR_BUG_ON(!vma);
	vma->mm = p;
	vma->start = start;
	vma->end = start + len;
	vma->flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE;
	list_add_tail(&vma->link, &p->vmas);
	return vma;
}

static int write_fault(struct vm_area *vma, uint64_t addr)
{
	return anon_fault(vma, addr, true);
}

static int frame_used(const struct thp_resv *r, unsigned i)
{
	return r->used[i / 64] >> (i % 64) & 1;
}

static void test_lifecycle(hr_proc *p, struct vm_area *vma)
{
	const uint64_t base = vma->start;
	struct thp_resv *r;
	struct pmd_entry *pmd;
	uint32_t pfn;

	/* none -> LIVE: the first write reserves and hands out its frame */
	is_int(write_fault(vma, base), 0, "first write fault");
	r = thp_resv_lookup(p, base);
	ok(r != NULL, "the range has a reservation");
	if (!r)
		return;
	pfn = r->pfn;
	is_int(r->nr_unused, 511, "511 frames left unused");
	ok(frame_used(r, 0), "frame 0 handed out");
	is_int(m->nr_thp_reserved, 511, "nr_thp_reserved 511");
	is_int(m->resv_stat[RS_RESERVE], 1, "one reserve transition");
	is_int(m->resv_stat[RS_POPULATE], 1, "one populate transition");
	ok(machine_ok(), "validators after reserving");

	/* LIVE: two more frames, each at its own index */
	write_fault(vma, base + 1 * HR_PAGE_SIZE);
	write_fault(vma, base + 2 * HR_PAGE_SIZE);
	pmd = anon_pmd(p, base, false, NULL);
	is_int(pte_get(pmd->pt, 2), PTE_MK(pfn + 2, true),
	       "the PTE of page 2 maps the block's frame 2");
	is_int(r->nr_unused, 509, "509 left");
	is_int(thp_resv_nr_used(r), 3, "utilisation 3/512");
	ok(machine_ok(), "validators after populating");

	/* LIVE: a frame whose last mapping goes comes back unused */
	anon_zap_range(vma, base + HR_PAGE_SIZE, base + 2 * HR_PAGE_SIZE);
	ok(!frame_used(r, 1), "frame 1 is unused again");
	is_int(r->nr_unused, 510, "510 unused");
	is_int(m->nr_thp_reserved, 510, "and counted reserved");
	is_int(m->resv_stat[RS_RETURN], 1, "one return transition");
	is_int(phys_pages(&m->phys, pfn)->resv == r, 1,
	       "the block still belongs to the reservation");
	ok(machine_ok(), "validators after a frame came back");

	/* below the threshold (4) khugepaged waits */
	write_fault(vma, base + 1 * HR_PAGE_SIZE);
	is_int(thp_resv_nr_used(r), 3, "3 used again");
	ok(!thp_resv_should_promote(m, r), "3 < 4: the policy says wait");
	hr_khugepaged(m, 1);
	ok(thp_resv_lookup(p, base) == r, "khugepaged left it");
	ok(machine_ok(), "validators after a pass below the threshold");

	/* LIVE -> PROMOTED at the threshold, in place */
	write_fault(vma, base + 3 * HR_PAGE_SIZE);
	ok(thp_resv_should_promote(m, r), "4 >= 4: the policy says promote");
	hr_khugepaged(m, 1);
	ok(thp_resv_lookup(p, base) == NULL, "the reservation is gone");
	pmd = anon_pmd(p, base, false, NULL);
	ok(pmd->huge && PTE_PFN(pmd->huge) == pfn,
	   "a huge PMD maps the very same block");
	is_int(m->nr_thp_reserved, 0, "no frame reserved");
	is_int(m->resv_stat[RS_PROMOTE], 1, "one promote transition");
	is_int(m->ev[EV_RES_PAGES_COLLAPSED], 1, "res_pages_collapsed 1");
	ok(machine_ok(), "validators after the promotion");

	/* LIVE -> RELEASED: the second range, cut */
	write_fault(vma, base + HPAGE_SIZE);
	r = thp_resv_lookup(p, base + HPAGE_SIZE);
	ok(r != NULL, "the second range reserves");
	thp_resv_release_range(p, base + HPAGE_SIZE, base + 2 * HPAGE_SIZE,
			       RESV_BOTH);
	ok(thp_resv_lookup(p, base + HPAGE_SIZE) == NULL, "released");
	is_int(m->resv_stat[RS_RELEASE], 1, "one release transition");
	is_int(m->resv_stat[RS_KEPT], 4 + 1,
	       "frames kept as pages: 4 promoted, 1 released");
	is_int(m->nr_thp_reserved, 0, "its unused frames went back");
	ok(machine_ok(), "validators after the release (its page stays mapped)");
	write_fault(vma, base + HPAGE_SIZE + HR_PAGE_SIZE);
	ok(thp_resv_lookup(p, base + HPAGE_SIZE) == NULL,
	   "a range holding a page does not reserve again");
	ok(machine_ok(), "validators after a plain page");
}

/* Three reservations with @used frames each, made in that order. */
static void make_three(struct vm_area *vma, const unsigned used[3])
{
	unsigned k, i;

	for (k = 0; k < 3; k++)
		for (i = 0; i < used[k]; i++)
			write_fault(vma, vma->start + k * HPAGE_SIZE +
					 (uint64_t)i * HR_PAGE_SIZE);
}

static void test_policies(hr_proc *p, struct vm_area *vma)
{
	static const unsigned used[3] = { 5, 2, 2 };
	const struct thp_resv_policy_ops *ops;
	struct thp_resv *r0, *r1, *r2;

	make_three(vma, used);
	r0 = thp_resv_lookup(p, vma->start);
	r1 = thp_resv_lookup(p, vma->start + HPAGE_SIZE);
	r2 = thp_resv_lookup(p, vma->start + 2 * HPAGE_SIZE);
	ok(r0 && r1 && r2, "three reservations");
	if (!r0 || !r1 || !r2)
		return;
	ok(machine_ok(), "validators with three reservations");

	ops = thp_resv_policy(m);
	is_str(ops->name, "all", "the default policy is the RFC's release-all");
	ok(ops->pick_victim(m, 1, 1) == r0, "release-all picks the oldest even when enough is free");
	is_int(hr_thp_write(m, "resv_shrink", "lru"), 0, "resv_shrink=lru");
	ops = thp_resv_policy(m);
	is_str(ops->name, "lru", "the LRU policy");
	ok(ops->pick_victim(m, 1, 0) == r0, "lru picks the least recently changed");
	ok(ops->pick_victim(m, 1, 1) == NULL, "and stops once enough is free");
	is_int(hr_thp_write(m, "resv_shrink", "util"), 0, "resv_shrink=util");
	ops = thp_resv_policy(m);
	is_str(ops->name, "util", "the util policy");
	ok(ops->pick_victim(m, 1, 0) == r1,
	   "util picks the least utilised, the older of the two equals");
	ok(ops->pick_victim(m, 1, 1) == NULL, "and stops once enough is free");
	/* a change in R1 makes R2 the older of equals */
	anon_zap_range(vma, r1->haddr + HR_PAGE_SIZE, r1->haddr + 2 * HR_PAGE_SIZE);
	write_fault(vma, r1->haddr + HR_PAGE_SIZE);
	ok(ops->pick_victim(m, 1, 0) == r2, "after R1 changed, R2 goes first");
	is_int(hr_reclaim(m, HR_PAGE_SIZE), 510 * HR_PAGE_SIZE,
	       "reclaim of one page releases R2, its 510 unused frames");
	ok(thp_resv_lookup(p, vma->start + 2 * HPAGE_SIZE) == NULL, "R2 released");
	is_int(m->resv_stat[RS_PRESSURE], 1, "one release by pressure");
	ok(machine_ok(), "validators after the pressure release");
	is_int(hr_thp_write(m, "resv_shrink", "most"), -EINVAL, "an unknown policy is refused");
}

int main(void)
{
	struct hr_config cfg = { .memory = 256ULL << 20 };
	struct vm_area *vma;
	hr_proc *p;

	m = hr_machine_new(&cfg);
	ok(m != NULL, "a 256 MiB machine");
	is_int(hr_thp_write(m, "enabled", "always"), 0, "enabled=always");
	is_int(hr_thp_write(m, "promotion_threshold", "4"), 0, "threshold 4");
	ok(!hr_proc_new(m, &p), "a process");
	vma = shim_vma(p, HR_SZ_1G, 4 * HPAGE_SIZE);
	test_lifecycle(p, vma);
	hr_exit(p);
	ok(machine_ok(), "validators after exit");
	is_int(m->nr_resv, 0, "no reservation left");

	ok(!hr_proc_new(m, &p), "a second process");
	vma = shim_vma(p, HR_SZ_1G, 4 * HPAGE_SIZE);
	test_policies(p, vma);
	hr_exit(p);
	ok(machine_ok(), "validators after the second exit");
	hr_machine_free(m);
	return done_testing();
}
