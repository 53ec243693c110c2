/* SPDX-License-Identifier: MIT */
/*
 * run.h - `hugeresv run`: one scenario on one back end, its results and
 * expectations checked (run/runner.c).  Used by main.c, bench/ and the
 * unit tests.
 */
#ifndef HR_RUN_H
#define HR_RUN_H

#include "backend/backend.h"
#include "scenario/program.h"

/* Options of `hugeresv run` (and of the demo, which is a verbose run). */
struct run_opts {
	int verbose;	/* -v: print each step and the counters it changed */
	int json;	/* --json: machine-readable output on stdout */
	int check;	/* --check: validators after every step */
};

/**
 * run_program() - run one parsed scenario on one back end.
 * @prog: the program (already parsed: nothing in it can be malformed)
 * @ops:  the back end
 * @opts: output and checking options
 *
 * Executes every step in order, compares each `-> RESULT` and each
 * `expect` with what the back end did and shows, and prints a line
 * `FILE:LINE: expected KEY=WANT, got HAVE` (to stderr) for each mismatch
 * without stopping.  When built with HR_DEBUG, or with @opts->check, the
 * back end's validators run after every step and a violation counts as
 * a failure at that step's line.
 *
 * Return: EXIT_OK, EXIT_FAIL (some expectation failed), or the status the
 * back end's open() gave (EXIT_REFUSED, ...).
 */
int run_program(const struct program *prog, const struct backend_ops *ops,
		const struct run_opts *opts);

/**
 * kernel_side_version() - the kernel the kernel side runs, HR_KERNEL():
 * the --vm guest's (its KERNEL as given, "6.12" or a Debian version;
 * a bzImage path: HR_KERNEL_LATEST, unknown), else the running kernel's
 * (uname), clamped to HR_KERNEL_OLDEST..HR_KERNEL_LATEST: the profiles
 * the engine has.
 */
int kernel_side_version(void);

/**
 * backend_kernel_version() - the kernel whose expect[RANGE] lines hold on
 * back end @ops running @prog: the engine's profile, or
 * kernel_side_version().
 */
int backend_kernel_version(const struct backend_ops *ops,
			   const struct program *prog);

#endif /* HR_RUN_H */
