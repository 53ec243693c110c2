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
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "backend.h"
#include "cli.h"
#include "program.h"

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

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--repeat") && i + 1 < argc) {
			char *end;

			repeat = strtol(argv[++i], &end, 10);
			if (*end || repeat < 1) {
				fprintf(stderr, "hugeresv: bench: --repeat takes a positive count\n");
				return EXIT_USAGE;
			}
		} else if (!strcmp(argv[i], "--engine-only")) {
			engine_only = 1;
		} else {
			fprintf(stderr, "hugeresv: bench: unknown option '%s'\n", argv[i]);
			return EXIT_USAGE;
		}
	}
	if (i == argc) {
		fprintf(stderr, "hugeresv: bench needs at least one FILE\n");
		return EXIT_USAGE;
	}
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
