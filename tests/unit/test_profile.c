/* SPDX-License-Identifier: MIT */
/*
 * test_profile.c - kernel profiles (struct hr_config.kernel): the
 * versions a machine accepts, the default, and one behaviour that differs
 * (docs/kernel-differences.md, 4.1): MADV_DONTNEED of an owner's faulted
 * private page restores its reservation on 6.18 and 6.12, not on 6.1;
 * and one more (4.8): when MADV_HUGEPAGE registers the mm with khugepaged.
 * The figures are those of the kernels (the host's 6.18, and the guests
 * of hugeresv diff/run --kernel --vm) for the first steps of
 * scenarios/private/dontneed_restores_reservation.scn, and of
 * scenarios/thp/thp_khugepaged_registered_by_advice.scn and
 * thp_khugepaged_unregistered.scn.
 */
#include <stdint.h>
#include <stdlib.h>

#include "hugeresv.h"
#include "tap.h"

static int64_t rsvd(hr_machine *m)
{
	int64_t v = -1;

	if (hr_counter(m, NULL, "meminfo", "HugePages_Rsvd", &v))
		diag("no HugePages_Rsvd");
	return v;
}

static void test_versions(void)
{
	static const struct { int kernel, ok; } cases[] = {
		{ 0, 1 }, { HR_KERNEL(6, 1), 1 }, { HR_KERNEL(6, 12), 1 },
		{ HR_KERNEL(6, 18), 1 }, { HR_KERNEL(6, 0), 0 },
		{ HR_KERNEL(6, 19), 0 }, { HR_KERNEL(7, 0), 0 }, { -1, 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct hr_config cfg = { .memory = 256ULL << 20,
					 .kernel = cases[i].kernel };
		hr_machine *m = hr_machine_new(&cfg);

		ok(!!m == cases[i].ok, "kernel %d.%d: %s", cases[i].kernel / 256,
		   cases[i].kernel % 256, cases[i].ok ? "accepted" : "refused");
		if (m)
			is_int(hr_machine_kernel(m), cases[i].kernel ?
			       cases[i].kernel : HR_KERNEL_LATEST,
			       "hr_machine_kernel() reads it back");
		hr_machine_free(m);
	}
	{
		hr_machine *m = hr_machine_new(NULL);

		is_int(m ? hr_machine_kernel(m) : -1, HR_KERNEL_LATEST,
		       "no config: the latest profile");
		hr_machine_free(m);
	}
}

/* Pool 4: map 4 private huge pages, fault them, MADV_DONTNEED two. */
static int64_t dontneed(int kernel)
{
	struct hr_config cfg = { .memory = 256ULL << 20, .kernel = kernel };
	struct hr_mmap_args a = { .len = 4 * HR_SZ_2M,
				  .prot = HR_PROT_READ | HR_PROT_WRITE,
				  .flags = HR_MAP_PRIVATE | HR_MAP_ANONYMOUS |
					   HR_MAP_HUGETLB };
	hr_machine *m = hr_machine_new(&cfg);
	hr_proc *p;
	uint64_t addr;
	int64_t r = -1;
	char msg[200];

	if (!m || hr_sysctl_write(m, "vm.nr_hugepages", "4") ||
	    hr_proc_new(m, &p) || hr_mmap(p, &a, &addr) ||
	    hr_touch(p, addr, 1) || hr_touch(p, addr + HR_SZ_2M, 1) ||
	    hr_touch(p, addr + 2 * HR_SZ_2M, 1) ||
	    hr_touch(p, addr + 3 * HR_SZ_2M, 1) ||
	    hr_madvise(p, addr, 2 * HR_SZ_2M, HR_MADV_DONTNEED))
		diag("setup failed for kernel %d", kernel);
	else
		r = rsvd(m);
	if (m && hr_machine_check(m, msg, sizeof(msg)))
		diag("%s", msg);
	hr_machine_free(m);
	return r;
}

/*
 * khugepaged registration by MADV_HUGEPAGE (4.8): a 4 MiB mapping
 * written at 0, then @sliver: one page at 2 MiB advised (a piece with no
 * 2 MiB range), else the whole mapping advised twice (the second advice
 * changes nothing; the first, before the write, could not register).
 * THP goes to `always` for the sliver, so that the first range qualifies
 * without the advice.  Return: thp_collapse_alloc after one pass.
 */
static int64_t advice_registers(int kernel, int sliver)
{
	struct hr_config cfg = { .memory = 256ULL << 20, .kernel = kernel };
	struct hr_mmap_args a = { .len = 2 * HR_SZ_2M,
				  .prot = HR_PROT_READ | HR_PROT_WRITE,
				  .flags = HR_MAP_PRIVATE | HR_MAP_ANONYMOUS };
	hr_machine *m = hr_machine_new(&cfg);
	hr_proc *p;
	uint64_t addr;
	int64_t v = -1;
	int err;

	if (!m || hr_proc_new(m, &p) || hr_mmap(p, &a, &addr)) {
		diag("setup failed for kernel %d", kernel);
		hr_machine_free(m);
		return -1;
	}
	if (sliver)
		err = hr_touch(p, addr, 1) ||
		      hr_madvise(p, addr + HR_SZ_2M, 4096, HR_MADV_HUGEPAGE) ||
		      hr_thp_write(m, "enabled", "always");
	else
		err = hr_madvise(p, addr, a.len, HR_MADV_HUGEPAGE) ||
		      hr_thp_write(m, "enabled", "never") ||
		      hr_touch(p, addr, 1) ||
		      hr_thp_write(m, "enabled", "madvise") ||
		      hr_madvise(p, addr, a.len, HR_MADV_HUGEPAGE);
	if (err || hr_khugepaged(m, 1) ||
	    hr_counter(m, NULL, "vmstat", "thp_collapse_alloc", &v))
		diag("steps failed for kernel %d", kernel);
	hr_machine_free(m);
	return v;
}

int main(void)
{
	test_versions();
	is_int(dontneed(0), 2, "6.18: MADV_DONTNEED restores the reservations");
	is_int(dontneed(HR_KERNEL(6, 12)), 2, "6.12: restores them too");
	is_int(dontneed(HR_KERNEL(6, 1)), 0, "6.1: no restore (before 6.9)");
	is_int(advice_registers(0, 1), 1, "6.18: advising a sliver registers");
	is_int(advice_registers(HR_KERNEL(6, 12), 1), 0,
	       "6.12: advising a sliver does not (judged after the split)");
	is_int(advice_registers(HR_KERNEL(6, 1), 1), 1, "6.1: it does");
	is_int(advice_registers(0, 0), 1,
	       "6.18: advice that changes nothing registers");
	is_int(advice_registers(HR_KERNEL(6, 12), 0), 0, "6.12: it does not");
	is_int(advice_registers(HR_KERNEL(6, 1), 0), 1, "6.1: it does");
	return done_testing();
}
