/* SPDX-License-Identifier: MIT */
/*
 * lab_kernel.c - `hugeresv lab forkchunk --kernel`: the RFC's test scaled
 * down to this machine, run for real with THP `always` and `never`, and
 * compared child by child (smaps Rss and AnonHugePages) with the
 * engine's prediction for the same steps.
 *
 * The run is written as a scenario (docs/scenario-language.md) and
 * carried out through the two back ends that `diff` uses, so the kernel
 * side gets the same safety: the lock, saved and restored THP settings,
 * agents that cannot outlive the run.  Unlike `diff` it does not stop at
 * the first difference: it reports every child with the relative
 * difference, and passes when all are within the tolerance (THP
 * allocation on a real machine can fall back where the engine's free
 * memory always assembles, hence a tolerance rather than equality).
 *
 * Children are few and bounded (--children, default 8) so that the run
 * never drives the real machine into memory pressure: it checks what
 * each child gets, not when the machine runs out.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugeresv.h"
#include "backend/backend.h"
#include "diff/diff.h"
#include "scenario/text.h"
#include "lab/lab.h"
#include "prng.h"
#include "scenario/program.h"

/* MemTotal of the running kernel, in bytes, or 0. */
static uint64_t kernel_memtotal(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[256];
	uint64_t kb = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemTotal: %" SCNu64 " kB", &kb) == 1)
			break;
	fclose(f);
	return kb << 10;
}

/*
 * The scenario: a parent forks @children children, each maps @chunk and
 * writes one page (the first) or 1 to 512 pages (the first n; only the
 * count matters for Rss and AnonHugePages) of each 2 MiB region.
 */
static char *forkchunk_text(const char *enabled, uint64_t chunk, int children,
			    enum lab_touch touch, uint64_t seed, uint64_t mem)
{
	struct scn_text t = { 0 };
	struct prng rng;
	uint64_t nreg = chunk / HR_SZ_2M, reg;
	char line[160];
	char *text = NULL;
	int c, bad = 0;

	prng_seed(&rng, seed);
	snprintf(line, sizeof(line), "machine memory=%" PRIu64 "M", mem >> 20);
	bad |= scn_text_add(&t, line);
	snprintf(line, sizeof(line), "thp enabled=%s", enabled);
	bad |= scn_text_add(&t, line);
	bad |= scn_text_add(&t, "proc P");
	for (c = 1; c <= children; c++) {
		snprintf(line, sizeof(line), "P: fork C%d -> ok", c);
		bad |= scn_text_add(&t, line);
		snprintf(line, sizeof(line), "C%d: map c %" PRIu64
			 "M anon private -> ok", c, chunk >> 20);
		bad |= scn_text_add(&t, line);
		if (touch == TOUCH_ONE) {
			snprintf(line, sizeof(line), "C%d: touch c 0..%" PRIu64
				 "M write step=2M -> ok", c, chunk >> 20);
			bad |= scn_text_add(&t, line);
			continue;
		}
		for (reg = 0; reg < nreg; reg++) {
			unsigned n = prng_range(&rng, 1, 512);

			snprintf(line, sizeof(line), "C%d: touch c %" PRIu64
				 "K..%" PRIu64 "K write -> ok", c, reg * 2048,
				 reg * 2048 + (uint64_t)n * 4);
			bad |= scn_text_add(&t, line);
		}
	}
	if (!bad)
		text = scn_text_text(&t);
	scn_text_free(&t);
	return text;
}

static double pct(int64_t e, int64_t k)
{
	int64_t d = e > k ? e - k : k - e;

	if (!d)
		return 0;
	return 100.0 * (double)d / (double)(k > 0 ? k : 1);
}

/*
 * One policy (@enabled) on both back ends; prints a row per child.
 * Return: 0 all within @tol, 1 some child beyond it, or an EXIT_* status
 * >= 2 when it could not run.
 */
static int compare_policy(const char *enabled, uint64_t chunk, int children,
			  enum lab_touch touch, uint64_t seed, double tol,
			  double *worst)
{
	struct backend be[2] = { { &engine_backend_ops, NULL, NULL },
				 { &kernel_backend_ops, NULL, NULL } };
	struct snapshot snap[2];
	struct program *prog = NULL;
	char err[512], *text;
	int i, b, rc = 0, child = 0, opened = 0;
	uint64_t mem = kernel_memtotal() & ~(HR_SZ_2M - 1);

	if (!mem) {
		fprintf(stderr, "hugeresv lab: cannot read /proc/meminfo\n");
		return EXIT_FAIL;
	}
	text = forkchunk_text(enabled, chunk, children, touch, seed, mem);
	if (!text || program_parse("forkchunk-kernel", text, &prog, err,
				   sizeof(err))) {
		fprintf(stderr, "hugeresv lab: %s\n", text ? err : "out of memory");
		free(text);
		return EXIT_FAIL;
	}
	free(text);
	snapshot_init(&snap[0]);
	snapshot_init(&snap[1]);
	for (b = 0; b < 2; b++) {
		be[b].prog = prog;
		err[0] = '\0';
		rc = be[b].ops->open(&be[b], prog, err, sizeof(err));
		if (rc) {
			fprintf(stderr, "hugeresv lab: %s back end: %s\n",
				be[b].ops->name, err);
			goto out;
		}
		opened++;
	}
	for (i = 0; i < prog->nsteps; i++) {
		const struct step *st = &prog->steps[i];
		struct result res[2];
		int last;

		if (st->kind == ST_EXPECT || st->kind == ST_SHOW)
			continue;
		for (b = 0; b < 2; b++) {
			memset(&res[b], 0, sizeof(res[b]));
			if (be[b].ops->exec(&be[b], st, &res[b], err,
					    sizeof(err))) {
				fprintf(stderr, "hugeresv lab: %s back end, "
					"line %d: %s\n", be[b].ops->name,
					st->line, err);
				rc = EXIT_FAIL;
				goto out;
			}
		}
		if (!same_outcome(&res[0], &res[1])) {
			fprintf(stderr, "hugeresv lab: line %d (%s): the engine "
				"and the kernel disagree on the outcome\n",
				st->line, st->text ? st->text : "");
			rc = 1;
		}
		/* a child is done after its last touch */
		last = st->kind == ST_TOUCH &&
		       (i + 1 == prog->nsteps ||
			prog->steps[i + 1].kind != ST_TOUCH);
		if (!last)
			continue;
		child++;
		for (b = 0; b < 2; b++)
			if (be[b].ops->snapshot(&be[b], &snap[b])) {
				fprintf(stderr, "hugeresv lab: cannot read the "
					"%s's counters\n", be[b].ops->name);
				rc = EXIT_FAIL;
				goto out;
			}
		{
			char kr[64], kh[64];
			int64_t er = 0, kr_v = 0, eh = 0, kh_v = 0;
			double dr, dh;

			snprintf(kr, sizeof(kr), "smaps:C%d:Rss", child);
			snprintf(kh, sizeof(kh), "smaps:C%d:AnonHugePages",
				 child);
			snapshot_get(&snap[0], kr, &er);
			snapshot_get(&snap[1], kr, &kr_v);
			snapshot_get(&snap[0], kh, &eh);
			snapshot_get(&snap[1], kh, &kh_v);
			dr = pct(er, kr_v);
			dh = pct(eh, kh_v);
			if (dr > *worst)
				*worst = dr;
			if (dh > *worst)
				*worst = dh;
			printf("%-7s %-6s %5d %12.1f %12.1f %6.2f%% %12.1f "
			       "%12.1f %6.2f%%  %s\n", enabled,
			       touch == TOUCH_ONE ? "one" : "random", child,
			       (double)er / 1048576.0, (double)kr_v / 1048576.0,
			       dr, (double)eh / 1048576.0,
			       (double)kh_v / 1048576.0, dh,
			       dr <= tol && dh <= tol ? "ok" : "BEYOND");
			fflush(stdout);
			if (dr > tol || dh > tol)
				rc = rc ? rc : 1;
		}
	}
out:
	for (b = opened - 1; b >= 0; b--)
		be[b].ops->close(&be[b]);
	snapshot_free(&snap[0]);
	snapshot_free(&snap[1]);
	program_free(prog);
	return rc;
}

/**
 * lab_kernel_forkchunk() - the scaled forkchunk on the running kernel
 * with THP always and never.  Return: EXIT_OK when every child's Rss and
 * AnonHugePages are within @tolerance percent of the engine's, EXIT_FAIL
 * otherwise, EXIT_REFUSED when the kernel back end cannot run.
 */
int lab_kernel_forkchunk(uint64_t chunk, int children, enum lab_touch touch,
			 uint64_t seed, double tolerance, int verbose)
{
	static const char *const modes[] = { "always", "never" };
	double worst = 0;
	int i, rc = 0;

	if (chunk % HR_SZ_2M || !chunk) {
		fprintf(stderr, "hugeresv lab: --chunk must be a multiple of "
			"2M\n");
		return EXIT_USAGE;
	}
	if (verbose)
		fprintf(stderr, "lab: forkchunk on the running kernel: %d "
			"children x %" PRIu64 " MiB, %s page(s) per 2 MiB "
			"region, seed %" PRIu64 "\n", children, chunk >> 20,
			touch == TOUCH_ONE ? "one" : "1 to 512", seed);
	printf("forkchunk on this kernel vs the engine: %d children, %" PRIu64
	       " MiB chunks, tolerance %.1f%%\n", children, chunk >> 20,
	       tolerance);
	printf("%-7s %-6s %5s %12s %12s %7s %12s %12s %7s\n", "THP", "touch",
	       "child", "Rss eng MiB", "Rss ker MiB", "diff", "Huge eng MiB",
	       "Huge ker MiB", "diff");
	for (i = 0; i < 2; i++) {
		int r = compare_policy(modes[i], chunk, children, touch, seed,
				       tolerance, &worst);

		if (r >= EXIT_USAGE)
			return r;
		rc |= r;
	}
	printf("largest difference %.2f%%: %s\n", worst,
	       rc ? "FAIL" : "every child within the tolerance");
	return rc ? EXIT_FAIL : EXIT_OK;
}
