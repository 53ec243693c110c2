/* SPDX-License-Identifier: MIT */
/*
 * bench.c - `hugeresv bench`: the corpus on each back end, and the ratio.
 *
 * Every file is parsed once; then the engine runs the whole corpus
 * --repeat times in this process and the kernel runs it once, both
 * through run_program() with the same checks, so the two times cover
 * the same work: every step, every snapshot, every expectation.  Files
 * a back end refuses (engine-only ones on the kernel) are left out of
 * both sides so the ratio compares like with like.
 *
 * Times depend on the machine; the ratio is the figure to report.
 *
 * `bench --faults` and `bench --resv-memory` measure the engine alone
 * against the targets of the THP work (base-page faults per second;
 * the engine's own memory for a machine full of THP reservations): see
 * bench_engine_main() and bench/run.sh.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <malloc.h>

#include "hugeresv.h"

#include "backend/backend.h"
#include "run/run.h"
#include "commands.h"
#include "scenario/program.h"

extern const struct backend_ops kernel_backend_ops __attribute__((weak));

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Passes run with stdout silenced (the runner's summaries), once per
 * pass rather than per file so the redirection is not what is timed.
 * stderr stays: a failed expectation must not go unseen.
 */
static int quiet_begin(void)
{
	int saved = dup(STDOUT_FILENO), devnull = open("/dev/null", O_WRONLY);

	fflush(stdout);
	if (devnull >= 0) {
		dup2(devnull, STDOUT_FILENO);
		close(devnull);
	}
	return saved;
}

static void quiet_end(int saved)
{
	fflush(stdout);
	if (saved >= 0) {
		dup2(saved, STDOUT_FILENO);
		close(saved);
	}
}

static int run_quiet(const struct program *prog, const struct backend_ops *ops)
{
	struct run_opts opts = { 0, 0, 0 };

	return run_program(prog, ops, &opts);
}

/* ------------------------------------------------------------------ */
/* Engine benchmarks: the fault rate and the memory of reservations    */

/*
 * `hugeresv bench --faults` and `hugeresv bench --resv-memory` measure
 * the engine alone, through the public API only (hugeresv.h), and print
 * one line per measurement:
 *
 *     WHAT: VALUE UNIT (spread) target OP TARGET ratio R PASS|FAIL|INFO
 *
 * R is VALUE over TARGET; a rate passes at R >= 1, a cost at R < 1.
 * INFO lines have no target of their own: the ratio is to the nearest
 * target for scale only.
 */

/*
 * Exit status when a benchmark could not run or the engine misbehaved
 * (a touch failed, a counter is missing or wrong): not a missed target,
 * which is EXIT_FAIL with a FAIL line, so that bench/run.sh can tell the
 * two apart.
 */
#define BENCH_BROKEN	4

#define FAULT_TARGET	20e6			/* base-page faults/s, one core */
#define RESV_MEM_TARGET	(256ULL << 20)		/* bytes for 256 GiB reserved */

static int64_t counter(hr_machine *m, const char *source, const char *key)
{
	int64_t v = 0;

	if (hr_counter(m, NULL, source, key, &v)) {
		fprintf(stderr, "hugeresv: bench: no counter %s %s\n", source, key);
		exit(BENCH_BROKEN);
	}
	return v;
}

static void knob(hr_machine *m, const char *key, const char *value)
{
	if (hr_thp_write(m, key, value)) {
		fprintf(stderr, "hugeresv: bench: cannot set thp %s=%s\n", key, value);
		exit(BENCH_BROKEN);
	}
}

/* "12.3M" for a rate, with three significant figures or so. */
static const char *si(double v, char *buf, size_t len)
{
	if (v >= 1e9)
		snprintf(buf, len, "%.2fG", v / 1e9);
	else if (v >= 1e6)
		snprintf(buf, len, "%.2fM", v / 1e6);
	else if (v >= 1e3)
		snprintf(buf, len, "%.2fk", v / 1e3);
	else
		snprintf(buf, len, "%.0f", v);
	return buf;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The fault benchmarks: what each run sets and does. */
struct fault_case {
	const char *what;
	const char *enabled;		/* thp enabled= */
	const char *threshold;		/* thp promotion_threshold= */
	int write;
	int target;			/* held to FAULT_TARGET (else INFO) */
	int per_touch;			/* rate per touch, not per fault */
	int random;			/* pages in a random order */
};

static const struct fault_case fault_cases[] = {
	{ "write faults, base pages (THP never)", "never", "1", 1, 1, 0, 0 },
	{ "read faults, zero page (THP never)", "never", "1", 0, 1, 0, 0 },
	{ "write faults, THP reservations (always, threshold 512)",
	  "always", "512", 1, 1, 0, 0 },
	{ "write faults, base pages, random page order (THP never)",
	  "never", "1", 1, 0, 0, 1 },
	{ "write touches, THP always (1 THP fault + 511 PMD hits per 2M)",
	  "always", "1", 1, 0, 1, 0 },
	{ "read touches, THP always (huge zero page)", "always", "1", 0, 0, 1, 0 },
};

/*
 * One run of @fc: a machine of @mem, one process, one private anonymous
 * mapping of @len, every 4 KiB page touched once, in address order (or
 * a random one).  Only the touch loop is timed.  Return touches (or
 * faults) per second; *@faults is what /proc/vmstat pgfault counted
 * during the loop.  Afterwards AnonPages must be the whole mapping for
 * writes and nothing for reads, and no frame may be left reserved.
 */
static double fault_run(const struct fault_case *fc, uint64_t mem,
			uint64_t len, uint64_t *faults)
{
	struct hr_config cfg = { .memory = mem, .nodes = 1 };
	hr_machine *m = hr_machine_new(&cfg);
	hr_proc *p;
	uint64_t addr, a, k, n = len / HR_PAGE_SIZE;
	uint32_t *order = NULL;
	int64_t pf0, anon, resv;
	double t0, dt;
	int err = 0;

	if (!m || hr_proc_new(m, &p)) {
		fprintf(stderr, "hugeresv: bench: no machine of %llu bytes\n",
			(unsigned long long)mem);
		exit(BENCH_BROKEN);
	}
	knob(m, "enabled", fc->enabled);
	knob(m, "promotion_threshold", fc->threshold);
	err = hr_mmap(p, &(struct hr_mmap_args){
			.len = len,
			.prot = HR_PROT_READ | HR_PROT_WRITE,
			.flags = HR_MAP_PRIVATE | HR_MAP_ANONYMOUS }, &addr);
	if (err) {
		fprintf(stderr, "hugeresv: bench: mmap of %llu bytes: %s\n",
			(unsigned long long)len, strerror(-err));
		exit(BENCH_BROKEN);
	}
	if (fc->random) {
		uint64_t x = 0x9e3779b97f4a7c15ULL;

		order = malloc(n * sizeof(*order));
		if (!order || n > UINT32_MAX)
			exit(BENCH_BROKEN);
		for (k = 0; k < n; k++)
			order[k] = (uint32_t)k;
		for (k = n - 1; k > 0; k--) {	/* Fisher-Yates, xorshift64 */
			uint64_t j;
			uint32_t t;

			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			j = x % (k + 1);
			t = order[k];
			order[k] = order[j];
			order[j] = t;
		}
	}
	pf0 = counter(m, "vmstat", "pgfault");
	if (order) {
		t0 = now();
		for (k = 0; k < n && !err; k++)
			err = hr_touch(p, a = addr + (uint64_t)order[k] * HR_PAGE_SIZE,
				       fc->write);
		dt = now() - t0;
	} else {
		t0 = now();
		for (a = addr; a < addr + len && !err; a += HR_PAGE_SIZE)
			err = hr_touch(p, a, fc->write);
		dt = now() - t0;
	}
	if (err) {
		fprintf(stderr, "hugeresv: bench: %s: a touch returned %d\n",
			fc->what, err);
		exit(BENCH_BROKEN);
	}
	*faults = (uint64_t)(counter(m, "vmstat", "pgfault") - pf0);
	anon = counter(m, "meminfo", "AnonPages");
	resv = counter(m, "vmstat", "nr_thp_reserved");
	if (anon != (int64_t)(fc->write ? len : 0) || resv) {
		fprintf(stderr, "hugeresv: bench: %s: AnonPages %lld bytes, "
			"nr_thp_reserved %lld after the run; expected %llu and 0\n",
			fc->what, (long long)anon, (long long)resv,
			(unsigned long long)(fc->write ? len : 0));
		exit(BENCH_BROKEN);
	}
	free(order);
	hr_machine_free(m);
	return (double)(fc->per_touch ? n : *faults) / dt;
}

/* `hugeresv bench --faults [--memory SIZE] [--map SIZE] [--runs N]` */
static int bench_faults(uint64_t mem, uint64_t len, long runs)
{
	size_t c;
	int failed = 0;

	printf("faults: one process, one %llu MiB private anonymous mapping on a "
	       "%llu GiB machine, every 4 KiB page touched once; median of %ld "
	       "runs (min..max)\n", (unsigned long long)(len >> 20),
	       (unsigned long long)(mem >> 30), runs);
	for (c = 0; c < sizeof(fault_cases) / sizeof(fault_cases[0]); c++) {
		const struct fault_case *fc = &fault_cases[c];
		double *r = calloc((size_t)runs, sizeof(*r)), med, ratio;
		uint64_t faults = 0;
		char b1[32], b2[32], b3[32];
		long k;
		int ok;

		if (!r)
			return BENCH_BROKEN;
		for (k = 0; k < runs; k++)
			r[k] = fault_run(fc, mem, len, &faults);
		qsort(r, (size_t)runs, sizeof(*r), cmp_double);
		med = runs % 2 ? r[runs / 2] : (r[runs / 2 - 1] + r[runs / 2]) / 2;
		ratio = med / FAULT_TARGET;
		ok = ratio >= 1.0;
		if (fc->target)
			failed |= !ok;
		printf("%s: %s %s/s (%s..%s, %llu faults a run) target >= 20M "
		       "faults/s ratio %.2f %s\n", fc->what, si(med, b1, sizeof(b1)),
		       fc->per_touch ? "touches" : "faults", si(r[0], b2, sizeof(b2)),
		       si(r[runs - 1], b3, sizeof(b3)), (unsigned long long)faults,
		       ratio, !fc->target ? "INFO" : ok ? "PASS" : "FAIL");
		free(r);
		fflush(stdout);
	}
	return failed ? EXIT_FAIL : EXIT_OK;
}

/* VmRSS and VmHWM of this process, in bytes. */
static void self_rss(uint64_t *rss, uint64_t *hwm)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	unsigned long long kb;

	*rss = *hwm = 0;
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "VmRSS: %llu kB", &kb) == 1)
			*rss = kb << 10;
		else if (sscanf(line, "VmHWM: %llu kB", &kb) == 1)
			*hwm = kb << 10;
	}
	fclose(f);
}

/* Reset VmHWM to the current VmRSS (Linux 4.0+); 0 on success. */
static int reset_hwm(void)
{
	int fd = open("/proc/self/clear_refs", O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, "5", 1) == 1;
	close(fd);
	return ok ? 0 : -1;
}

/* Bytes malloc has handed out and not had back (heap and mmapped). */
static uint64_t malloc_in_use(void)
{
	struct mallinfo2 mi = mallinfo2();

	return (uint64_t)mi.uordblks + (uint64_t)mi.hblkhd;
}

/*
 * `hugeresv bench --resv-memory [--memory SIZE] [--procs N]`: fill a
 * machine with THP reservations (enabled=always, promotion_threshold=512,
 * one write in every 2 MiB range of N processes' anonymous mappings)
 * until the buddy allocator has no 2 MiB block left above the watermark,
 * and measure what that cost this process: the growth of its resident
 * memory (VmRSS, and the peak VmHWM) and of malloc's bytes in use.
 * Run it in a fresh process: earlier work in the same process would
 * leave freed memory that the engine could reuse unseen.
 */
static int bench_resv_memory(uint64_t mem, int nprocs)
{
	struct hr_config cfg = { .memory = mem, .nodes = 1 };
	uint64_t rss0, hwm0, rss1, hwm1, rss2, hwm2, mal0, mal1, mal2;
	uint64_t per = (mem / (uint64_t)nprocs + HR_SZ_2M - 1) & ~(HR_SZ_2M - 1);
	uint64_t ranges = 0, grow, peak, target = RESV_MEM_TARGET;
	int64_t resv, nres, total, free_b, ptab, failed0, release0, released;
	uint64_t wmark;
	hr_machine *m;
	hr_proc **p;
	uint64_t *base;
	double t0, dt, target_scale;
	int i, full = 0, hwm_ok, fail;
	char b1[32];

	/* the target is for 256 GiB; scale it for other sizes */
	target_scale = (double)mem / (double)(256ULL << 30);
	target = (uint64_t)((double)RESV_MEM_TARGET * target_scale);
	hwm_ok = !reset_hwm();
	mal0 = malloc_in_use();
	self_rss(&rss0, &hwm0);

	t0 = now();
	m = hr_machine_new(&cfg);
	p = calloc((size_t)nprocs, sizeof(*p));
	base = calloc((size_t)nprocs, sizeof(*base));
	if (!m || !p || !base) {
		fprintf(stderr, "hugeresv: bench: no machine of %llu bytes\n",
			(unsigned long long)mem);
		return BENCH_BROKEN;
	}
	knob(m, "enabled", "always");
	knob(m, "promotion_threshold", "512");
	for (i = 0; i < nprocs; i++) {
		int err = hr_proc_new(m, &p[i]);

		if (!err)
			err = hr_mmap(p[i], &(struct hr_mmap_args){
					.len = per,
					.prot = HR_PROT_READ | HR_PROT_WRITE,
					.flags = HR_MAP_PRIVATE |
						 HR_MAP_ANONYMOUS }, &base[i]);
		if (err) {
			fprintf(stderr, "hugeresv: bench: process %d: mmap of "
				"%llu bytes: %s\n", i, (unsigned long long)per,
				strerror(-err));
			return BENCH_BROKEN;
		}
	}
	/*
	 * Round robin over the processes, one write at the start of each
	 * 2 MiB range, until the next reservation would take MemFree below
	 * the watermark (1/64 of memory, docs/thp.md), or one cannot be had
	 * (the write then took a plain page: thp_res_alloc_failed).  Not
	 * one write further: a page table that finds no frame above the
	 * watermark is memory pressure, and with resv_shrink=all that
	 * releases every reservation.
	 */
	failed0 = counter(m, "vmstat", "thp_res_alloc_failed");
	release0 = counter(m, "vmstat", "thp_res_release");
	wmark = (uint64_t)counter(m, "meminfo", "MemTotal") / 4096 / 64 * 4096;
	for (uint64_t off = 0; off < per && !full; off += HR_SZ_2M) {
		for (i = 0; i < nprocs && !full; i++) {
			int err;

			/* a reservation, its page table and a PMD table */
			if ((uint64_t)counter(m, "meminfo", "MemFree") <
			    wmark + HR_SZ_2M + 2 * HR_PAGE_SIZE) {
				full = 1;
				break;
			}
			err = hr_touch(p[i], base[i] + off, 1);

			if (err) {
				fprintf(stderr, "hugeresv: bench: write at "
					"+0x%llx of process %d returned %d\n",
					(unsigned long long)off, i, err);
				return BENCH_BROKEN;
			}
			ranges++;
			full = counter(m, "vmstat", "thp_res_alloc_failed") != failed0;
		}
	}
	dt = now() - t0;
	self_rss(&rss1, &hwm1);
	mal1 = malloc_in_use();
	resv = counter(m, "vmstat", "nr_thp_reserved");
	nres = counter(m, "vmstat", "thp_res_alloc");
	total = counter(m, "meminfo", "MemTotal");
	free_b = counter(m, "meminfo", "MemFree");
	ptab = counter(m, "meminfo", "PageTables");
	released = counter(m, "vmstat", "thp_res_release") - release0;
	{
		char msg[256];

		if (hr_machine_check(m, msg, sizeof(msg))) {
			fprintf(stderr, "hugeresv: bench: validator: %s\n", msg);
			return BENCH_BROKEN;
		}
	}
	hr_machine_free(m);
	free(p);
	free(base);
	malloc_trim(0);
	self_rss(&rss2, &hwm2);
	mal2 = malloc_in_use();

	grow = rss1 > rss0 ? rss1 - rss0 : 0;
	peak = hwm_ok && hwm1 > rss0 ? hwm1 - rss0 : grow;
	fail = peak >= target || !full || released;
	printf("resv-memory: %d process%s, %llu GiB machine, one write per 2 MiB "
	       "until no block is left: %lld reservations in %.2f s (%s/s), "
	       "%lld writes\n", nprocs, nprocs == 1 ? "" : "es",
	       (unsigned long long)(mem >> 30), (long long)nres, dt,
	       si((double)nres / dt, b1, sizeof(b1)), (long long)ranges);
	printf("resv-memory: reserved %.2f%% of MemTotal (nr_thp_reserved "
	       "%lld pages, %.2f GiB), MemFree %.3f GiB, watermark 1/64 %.3f GiB, "
	       "PageTables %.1f MiB, %lld released: %s\n",
	       100.0 * (double)resv * 4096 / (double)total, (long long)resv,
	       (double)resv * 4096 / (double)HR_SZ_1G,
	       (double)free_b / (double)HR_SZ_1G,
	       (double)total / 64 / (double)HR_SZ_1G,
	       (double)ptab / (double)(1 << 20), (long long)released,
	       released ? "RESERVATIONS RELEASED (memory pressure)" :
	       full ? "full" : "NOT full (mapping too small?)");
	printf("engine memory for %llu GiB in THP reservations (peak resident "
	       "growth, VmHWM%s): %.1f MiB (%.0f bytes a reservation, %.4f%% of "
	       "simulated RAM) target < %.0f MiB ratio %.3f %s\n",
	       (unsigned long long)(mem >> 30), hwm_ok ? "" : " unavailable: VmRSS",
	       (double)peak / (1 << 20), nres ? (double)peak / (double)nres : 0.0,
	       100.0 * (double)peak / (double)mem, (double)target / (1 << 20),
	       (double)peak / (double)target, fail ? "FAIL" : "PASS");
	printf("engine memory, resident growth at the end (VmRSS): %.1f MiB "
	       "(%.0f bytes a reservation) target < %.0f MiB ratio %.3f INFO\n",
	       (double)grow / (1 << 20), nres ? (double)grow / (double)nres : 0.0,
	       (double)target / (1 << 20), (double)grow / (double)target);
	printf("engine memory, malloc in use (mallinfo2): %.1f MiB (%.0f bytes "
	       "a reservation) target < %.0f MiB ratio %.3f INFO; after "
	       "hr_machine_free and malloc_trim: %lld bytes still in use "
	       "(glibc's own), VmRSS %+.1f MiB\n",
	       (double)(mal1 - mal0) / (1 << 20),
	       nres ? (double)(mal1 - mal0) / (double)nres : 0.0,
	       (double)target / (1 << 20), (double)(mal1 - mal0) / (double)target,
	       (long long)(mal2 - mal0),
	       ((double)rss2 - (double)rss0) / (1 << 20));
	(void)hwm2;
	return fail ? EXIT_FAIL : EXIT_OK;
}

static const char bench_usage[] =
	"usage: hugeresv bench [--repeat N] [--engine-only] FILE...\n"
	"       hugeresv bench --faults [--memory SIZE] [--map SIZE] [--runs N]\n"
	"       hugeresv bench --resv-memory [--memory SIZE] [--procs N]\n"
	"\n"
	"Time the scenario files on the engine (N passes) and on the running\n"
	"kernel (one pass: root and hugetlbfs), through the same runner and\n"
	"checks, and print how many times faster the engine is.  Engine-only\n"
	"files are left out of both sides; '-' reads standard input.\n"
	"\n"
	"  --repeat N       engine passes over the files (default 200)\n"
	"  --engine-only    time the engine alone, engine-only files included\n"
	"\n"
	"--faults: the engine's base-page fault rate (write, read and THP\n"
	"cases), one process touching every 4 KiB page of a private anonymous\n"
	"mapping once, against the target of 20 million faults a second.\n"
	"--resv-memory: what the engine's own memory grows by for a machine\n"
	"whose memory is all in THP reservations.\n"
	"\n"
	"  --memory SIZE    the simulated machine (default 64G with --faults,\n"
	"                   256G with --resv-memory)\n"
	"  --map SIZE       --faults: the mapping (default half of --memory)\n"
	"  --runs N         --faults: runs of each case, the median printed\n"
	"                   (default 3)\n"
	"  --procs N        --resv-memory: processes the mappings are spread\n"
	"                   over, 1..4096 (default 1)\n"
	"  -h, --help       print this help\n"
	"\n"
	"exit status: 0 done (every target met), 1 a file's expectations or a\n"
	"target failed, 2 bad command line or file, 3 the kernel refused, 4 the\n"
	"engine benchmark itself broke (a failed mmap, a wrong counter).\n";

/*
 * `hugeresv bench --faults ...` or `--resv-memory ...`: the engine
 * benchmarks above, with their options.
 */
static int bench_engine_main(int argc, char **argv)
{
	int faults = !strcmp(argv[1], "--faults"), i;
	uint64_t mem = faults ? 64 * HR_SZ_1G : 256 * HR_SZ_1G, len = 0;
	long runs = 3, procs = 1;

	for (i = 2; i < argc; i++) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		char *end = NULL;

		if (is_help_option(a)) {
			fputs(bench_usage, stdout);
			return EXIT_OK;
		}
		if (strcmp(a, "--memory") && strcmp(a, "--map") &&
		    strcmp(a, "--runs") && strcmp(a, "--procs"))
			return usage_error("bench", "unknown option '%s'", a);
		if (faults ? !strcmp(a, "--procs") : !strcmp(a, "--map") ||
							 !strcmp(a, "--runs"))
			return usage_error("bench", faults ? "%s goes with "
					   "--resv-memory, not --faults" :
					   "%s goes with --faults, not "
					   "--resv-memory", a);
		if (!val)
			return usage_error("bench", "%s needs a value", a);
		i++;
		if (!strcmp(a, "--memory")) {
			if (parse_bytes(val, &mem))
				return usage_error("bench", "--memory: '%s' is "
						   "not a size", val);
		} else if (!strcmp(a, "--map")) {
			if (parse_bytes(val, &len))
				return usage_error("bench", "--map: '%s' is not "
						   "a size", val);
		} else if (!strcmp(a, "--runs")) {
			runs = strtol(val, &end, 10);
			if (*end || end == val || runs < 1)
				return usage_error("bench", "--runs: '%s' is not "
						   "a positive count", val);
		} else {
			procs = strtol(val, &end, 10);
			if (*end || end == val || procs < 1 || procs > 4096)
				return usage_error("bench", "--procs: '%s' is not "
						   "1..4096", val);
		}
	}
	if (faults) {
		if (!len)
			len = mem / 2;
		len &= ~(HR_SZ_2M - 1);
		if (!len || len > mem)
			return usage_error("bench", "%s", "--map must be at "
					   "least 2M and at most --memory");
		return bench_faults(mem, len, runs);
	}
	return bench_resv_memory(mem, (int)procs);
}

/**
 * bench_main() - `hugeresv bench [--repeat N] [--engine-only] FILE...`.
 *
 * Return: EXIT_OK, EXIT_USAGE for bad arguments or files, EXIT_FAIL if a
 * file's expectations failed on either back end.
 */
int bench_main(int argc, char **argv)
{
	long repeat = 200;
	int engine_only = 0, i, nprog = 0, failed = 0;
	struct program **progs;
	long steps = 0;
	double t0, te = 0, tk = 0;
	char err[512];

	if (argc > 1 && (!strcmp(argv[1], "--faults") ||
			 !strcmp(argv[1], "--resv-memory")))
		return bench_engine_main(argc, argv);
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (is_help_option(argv[i])) {
			fputs(bench_usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--repeat")) {
			char *end;

			if (i + 1 == argc)
				return usage_error("bench", "%s needs a value",
						   argv[i]);
			repeat = strtol(argv[++i], &end, 10);
			if (*end || end == argv[i] || repeat < 1)
				return usage_error("bench", "--repeat: '%s' is "
						   "not a positive count",
						   argv[i]);
		} else if (!strcmp(argv[i], "--engine-only")) {
			engine_only = 1;
		} else if (!strcmp(argv[i], "--faults") ||
			   !strcmp(argv[i], "--resv-memory")) {
			return usage_error("bench", "%s comes first, and "
					   "without FILEs", argv[i]);
		} else {
			return usage_error("bench", "unknown option '%s'",
					   argv[i]);
		}
	}
	if (i == argc)
		return usage_error("bench", "%s", "needs at least one FILE");
	progs = calloc((size_t)(argc - i), sizeof(*progs));
	if (!progs)
		return EXIT_FAIL;
	for (; i < argc; i++) {
		struct program *p;

		if (program_load(argv[i], &p, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			return EXIT_USAGE;
		}
		if (p->engine_only && !engine_only) {
			program_free(p);	/* not comparable */
			continue;
		}
		progs[nprog++] = p;
		steps += p->nsteps;
	}

	if (!engine_only) {
		if (!&kernel_backend_ops) {
			fprintf(stderr, "hugeresv: bench: kernel back end not built\n");
			return EXIT_REFUSED;
		}
		int saved = quiet_begin(), refused = -1;

		t0 = now();
		for (i = 0; i < nprog && refused < 0; i++) {
			int rc = run_quiet(progs[i], &kernel_backend_ops);

			if (rc == EXIT_REFUSED)
				refused = i;
			failed |= rc != EXIT_OK;
		}
		tk = now() - t0;
		quiet_end(saved);
		if (refused >= 0) {
			fprintf(stderr, "hugeresv: bench: the kernel refused %s; "
				"use --engine-only here\n", progs[refused]->path);
			return EXIT_REFUSED;
		}
	}
	{
		int saved = quiet_begin();

		t0 = now();
		for (long r = 0; r < repeat; r++)
			for (i = 0; i < nprog; i++)
				failed |= run_quiet(progs[i],
						    &engine_backend_ops) != EXIT_OK;
		te = (now() - t0) / (double)repeat;
		quiet_end(saved);
	}

	printf("corpus: %d files, %ld steps\n", nprog, steps);
	printf("engine: %.3f ms per corpus pass (mean of %ld passes, %.0f steps/s)\n",
	       te * 1e3, repeat, (double)steps / te);
	if (!engine_only) {
		printf("kernel: %.3f ms per corpus pass\n", tk * 1e3);
		printf("ratio:  the engine is %.0fx faster than the kernel\n", tk / te);
	}
	for (i = 0; i < nprog; i++)
		program_free(progs[i]);
	free(progs);
	return failed ? EXIT_FAIL : EXIT_OK;
}
