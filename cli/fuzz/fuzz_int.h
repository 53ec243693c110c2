/* SPDX-License-Identifier: MIT */
/*
 * fuzz_int.h - what the campaign driver (fuzz.c) and its worker
 * processes (fuzz_jobs.c, `fuzz --jobs N`) share: a campaign's settings
 * and counters, and the hooks through which a worker's campaign talks to
 * the others.
 *
 * A worker is an ordinary campaign over its own shard; the only things
 * it shares with the other workers are its counters (for the parent's
 * progress line and summary), the failure count that --max-failures
 * limits across all of them, and a flag that stops them all.  In a
 * single campaign (F->job == NULL) every hook is a no-op.
 */
#ifndef HR_FUZZ_INT_H
#define HR_FUZZ_INT_H

#include <stdint.h>

#include "fuzz/fuzz.h"
#include "scenario/program.h"

/* --jobs N: at most this many workers. */
#define FUZZ_JOBS_MAX 64

struct fuzz_stats {
	uint64_t steps, scenarios, failures, kernel_runs, quirk_rsvd, tainted;
	uint64_t kind[ST__COUNT];
	uint64_t res_ok, res_sigbus, res_sigsegv, res_errno, end_checked;
	uint64_t promised;	/* touches the sigbus check covered */
};

struct fuzz_job;		/* fuzz_jobs.c: a worker's shared slot */

struct fuzz {
	uint64_t seed;
	unsigned shard, nshards;
	uint64_t max_steps, max_scenarios;
	double max_time;
	int kernel, quiet, shrink, max_failures;
	int selftest;		/* --selftest-sigbus: every SIGBUS is a failure */
	int last_tainted;	/* the last engine run was tainted */
	unsigned jobs;		/* --jobs N (1: no worker processes) */
	struct fuzz_job *job;	/* in a worker: its slot; NULL otherwise */
	const char *out_dir;
	struct fuzz_gen_opts gen;
	struct fuzz_stats st;
	double t0, last_progress;
	int tty;
};

/** fuzz_now() - CLOCK_MONOTONIC in seconds. */
double fuzz_now(void);

/**
 * fuzz_run_campaign() - the scenarios of @F's shard until a limit, each
 * checked (and with --kernel diffed), failures shrunk and written.
 * In a worker (@F->job set) it prints neither the header, the progress
 * nor the summary: the parent does, for all workers.
 *
 * Return: EXIT_OK, EXIT_FAIL (failures), EXIT_REFUSED.
 */
int fuzz_run_campaign(struct fuzz *F);

/**
 * fuzz_summary() - the summary of @st (the whole campaign's counters):
 * scenarios, steps, rates, outcomes, statement counts, to stdout.
 * @elapsed: the campaign's wall time in seconds
 */
void fuzz_summary(const struct fuzz *F, const struct fuzz_stats *st,
		  double elapsed);

/**
 * fuzz_jobs_run() - `fuzz --jobs N` with N > 1: fork @F->jobs workers,
 * worker j running the scenarios k with k mod (M*N) == I + M*j of the
 * campaign's shard I/M, print the progress and the summary of all of
 * them, and stop them all (with their guests) on SIGINT, SIGTERM or
 * SIGHUP.
 *
 * Return: the exit status a single campaign over the same scenarios
 * would have: EXIT_REFUSED if a worker's back end refused, else
 * EXIT_FAIL if any failure was found (or a worker died), else EXIT_OK.
 * After a signal the parent ends by that signal.
 */
int fuzz_jobs_run(struct fuzz *F);

/** fuzz_job_publish() - a worker's counters, for the parent to read. */
void fuzz_job_publish(const struct fuzz *F);

/**
 * fuzz_job_claim_failure() - may this worker report the failure it just
 * found?  --max-failures counts across workers: the failure that reaches
 * it stops them all, and one found after that is not reported.
 * Return: 1 (report it; always in a single campaign) or 0 (stop).
 */
int fuzz_job_claim_failure(const struct fuzz *F);

/** fuzz_job_stopped() - has a worker or the parent stopped the campaign? */
int fuzz_job_stopped(const struct fuzz *F);

/** fuzz_job_stop_all() - stop every worker (a back end refused). */
void fuzz_job_stop_all(const struct fuzz *F);

#endif /* HR_FUZZ_INT_H */
