/* SPDX-License-Identifier: MIT */
/*
 * fuzz_jobs.c - `hugeresv fuzz --jobs N`: one campaign in N worker
 * processes on one machine.
 *
 * Worker j of a campaign whose shard is I/M (0/1 without --shard) runs
 * the scenarios k with k mod (M*N) == I + M*j: shard I + M*j of M*N, an
 * ordinary campaign (fuzz_run_campaign()) over it.  The N workers' sets
 * are disjoint and together they are shard I/M.  --scenarios and --steps
 * are split among the workers (worker j takes T/N, plus one if j < T mod
 * N), so that with --scenarios S the workers run exactly the scenarios a
 * single campaign would: the first S of the shard.  --time is the same
 * wall-clock limit for all.
 *
 * Processes, not threads: the engine is reentrant, but the kernel side
 * is not; the remote back end (vm/vm_remote.c) keeps one guest a process
 * in static state, so forking before any guest boots gives each worker
 * its own guest, channel and temporary directory (mkdtemp at its first
 * boot).  The kernel and the initramfs are resolved once, in the parent
 * (vm_prepare()), since workers building the same cached image at once
 * would write the same temporary file.
 *
 * What the workers share is one anonymous MAP_SHARED page, created
 * before the fork: each worker's counters (lock-free atomics, read by the
 * parent for its progress line; the whole struct fuzz_stats once the
 * worker is done), the number of failures claimed so far (--max-failures
 * holds across workers: a failure is reported only if it gets a number
 * below the limit, and the one that reaches it stops everyone), and a
 * stop flag.  A reproducer is named by its scenario number k
 * (fuzz-SEED-K.scn), which no two workers share, so they all write to
 * the same --out directory.
 *
 * Signals: the workers are put in a process group of their own, so that
 * a terminal's Ctrl-C reaches the parent only (and not qemu, which would
 * take SIGINT as its own end, and the worker would report a dead guest).
 * On SIGINT, SIGTERM or SIGHUP the parent sends SIGTERM to every worker;
 * a worker's handler kills its qemu, waits for it, removes its temporary
 * directory (vm_abort()) and _exit()s.  A worker whose parent dies gets
 * SIGTERM too (PR_SET_PDEATHSIG), and qemu dies with its worker.  The
 * parent waits for every worker, prints what they had done, and ends by
 * the signal it got.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "fuzz/fuzz_int.h"
#include "util.h"
#include "vm/vm.h"

/* A worker's slot: written by the worker, read by the parent. */
struct fuzz_job {
	_Atomic uint64_t steps, scenarios, failures, kernel_runs;
	_Atomic int done;		/* @final and @status are written */
	struct fuzz_stats final;
	int status;
	struct fuzz_jobs_shared *sh;
};

struct fuzz_jobs_shared {
	_Atomic unsigned claimed;	/* failures given a number so far */
	_Atomic int stop;		/* every worker stops after its scenario */
	int max_failures;
	struct fuzz_job w[FUZZ_JOBS_MAX];
};

/* ------------------------------------------------------------------ */
/* The worker's side (called from fuzz.c's campaign loop)              */

void fuzz_job_publish(const struct fuzz *F)
{
	struct fuzz_job *j = F->job;

	if (!j)
		return;
	atomic_store_explicit(&j->steps, F->st.steps, memory_order_relaxed);
	atomic_store_explicit(&j->scenarios, F->st.scenarios,
			      memory_order_relaxed);
	atomic_store_explicit(&j->failures, F->st.failures,
			      memory_order_relaxed);
	atomic_store_explicit(&j->kernel_runs, F->st.kernel_runs,
			      memory_order_relaxed);
}

int fuzz_job_claim_failure(const struct fuzz *F)
{
	struct fuzz_jobs_shared *sh;
	unsigned n;

	if (!F->job)
		return 1;
	sh = F->job->sh;
	n = atomic_fetch_add(&sh->claimed, 1);
	if (n + 1 >= (unsigned)sh->max_failures)
		atomic_store(&sh->stop, 1);
	return n < (unsigned)sh->max_failures;
}

int fuzz_job_stopped(const struct fuzz *F)
{
	return F->job && atomic_load_explicit(&F->job->sh->stop,
					      memory_order_relaxed);
}

void fuzz_job_stop_all(const struct fuzz *F)
{
	if (F->job)
		atomic_store(&F->job->sh->stop, 1);
}

/* SIGTERM in a worker: its guest goes with it (see the top). */
static void worker_term(int sig)
{
	vm_abort();
	_exit(128 + sig);
}

/* T/N, and one more for the first T mod N workers. */
static uint64_t share(uint64_t total, unsigned n, unsigned j)
{
	return total / n + (j < total % n);
}

/*
 * In the child: become worker @j of @F and run its campaign.  Never
 * returns; the exit status is the campaign's.
 */
static void worker(struct fuzz *F, struct fuzz_jobs_shared *sh, unsigned j,
		   pid_t parent, const sigset_t *old)
{
	struct sigaction sa;
	unsigned m = F->nshards;
	int rc;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = worker_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	setpgid(0, 0);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != parent)
		_exit(128 + SIGTERM);	/* the parent is gone already */
	sigprocmask(SIG_SETMASK, old, NULL);
	/* whole lines, so that workers' lines do not mix on stdout */
	setvbuf(stdout, NULL, _IOLBF, 0);

	F->job = &sh->w[j];
	F->job->sh = sh;
	F->shard += m * j;
	F->nshards = m * F->jobs;
	if (F->max_steps)
		F->max_steps = share(F->max_steps, F->jobs, j);
	if (F->max_scenarios)
		F->max_scenarios = share(F->max_scenarios, F->jobs, j);
	F->quiet = 1;
	rc = fuzz_run_campaign(F);
	F->job->final = F->st;
	F->job->status = rc;
	atomic_store_explicit(&F->job->done, 1, memory_order_release);
	fflush(NULL);
	exit(rc);
}

/* ------------------------------------------------------------------ */
/* The parent's side                                                   */

static volatile sig_atomic_t got_signal;

static void parent_signal(int sig)
{
	got_signal = sig;
}

/* The counters of every worker so far, summed. */
static void live_totals(const struct fuzz_jobs_shared *sh, unsigned n,
			struct fuzz_stats *t)
{
	memset(t, 0, sizeof(*t));
	for (unsigned j = 0; j < n; j++) {
		const struct fuzz_job *w = &sh->w[j];

		t->steps += atomic_load_explicit(&w->steps, memory_order_relaxed);
		t->scenarios += atomic_load_explicit(&w->scenarios,
						     memory_order_relaxed);
		t->failures += atomic_load_explicit(&w->failures,
						    memory_order_relaxed);
		t->kernel_runs += atomic_load_explicit(&w->kernel_runs,
						       memory_order_relaxed);
	}
}

static void add_stats(struct fuzz_stats *t, const struct fuzz_stats *s)
{
	t->steps += s->steps;
	t->scenarios += s->scenarios;
	t->failures += s->failures;
	t->kernel_runs += s->kernel_runs;
	t->quirk_rsvd += s->quirk_rsvd;
	t->tainted += s->tainted;
	for (int i = 0; i < ST__COUNT; i++)
		t->kind[i] += s->kind[i];
	t->res_ok += s->res_ok;
	t->res_sigbus += s->res_sigbus;
	t->res_sigsegv += s->res_sigsegv;
	t->res_errno += s->res_errno;
	t->end_checked += s->end_checked;
	t->promised += s->promised;
}

/* The progress line of a single campaign, over all the workers. */
static void jobs_progress(const struct fuzz *F, const struct fuzz_stats *t,
			  double el, int final, int tty)
{
	fprintf(stderr, "%sfuzz: %.0fs %" PRIu64 " steps (%.0f steps/s), %" PRIu64
		" scenarios%s, %" PRIu64 " failures, %u jobs%s",
		tty && !final ? "\r" : "", el, t->steps,
		el > 0 ? (double)t->steps / el : 0.0, t->scenarios,
		F->kernel ? " (kernel)" : "", t->failures, F->jobs,
		tty && !final ? "   " : "\n");
	if (tty && final)
		fprintf(stderr, "\n");
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);	/* a signal ends it early: fine */
}

int fuzz_jobs_run(struct fuzz *F)
{
	struct fuzz_jobs_shared *sh;
	struct fuzz_stats tot;
	struct sigaction sa;
	sigset_t block, old;
	pid_t pid[FUZZ_JOBS_MAX] = { 0 }, parent = getpid();
	int wstat[FUZZ_JOBS_MAX] = { 0 }, reaped[FUZZ_JOBS_MAX] = { 0 };
	unsigned live = 0, stopped = 0, m = F->nshards;
	int tty = isatty(2), status = EXIT_OK, refused = 0, died = 0;
	double t0, last, term_at = 0;
	char err[512];

	if (F->kernel && vm_selected() && vm_prepare(err, sizeof(err))) {
		fprintf(stderr, "hugeresv fuzz: the kernel back end refused: %s\n",
			err);
		return EXIT_REFUSED;
	}
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		fprintf(stderr, "hugeresv fuzz: mmap: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	memset(sh, 0, sizeof(*sh));
	sh->max_failures = F->max_failures;

	printf("hugeresv fuzz: seed 0x%" PRIx64 " shard %u/%u%s, %u jobs "
	       "(job j: shard %u+%uj/%u)\n", F->seed, F->shard, m,
	       F->kernel ? " (engine and kernel)" : " (engine)", F->jobs,
	       F->shard, m, m * F->jobs);
	fflush(NULL);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = parent_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* no signal between a fork and the child's own handlers */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);

	t0 = last = fuzz_now();
	for (unsigned j = 0; j < F->jobs; j++) {
		/* a worker whose share of a limit is 0 has nothing to run */
		if ((F->max_steps && !share(F->max_steps, F->jobs, j)) ||
		    (F->max_scenarios && !share(F->max_scenarios, F->jobs, j))) {
			reaped[j] = 1;
			continue;
		}
		pid[j] = fork();
		if (pid[j] < 0) {
			fprintf(stderr, "hugeresv fuzz: fork: %s\n", strerror(errno));
			pid[j] = 0;
			reaped[j] = 1;
			atomic_store(&sh->stop, 1);
			status = EXIT_FAIL;
			break;
		}
		if (pid[j] == 0)
			worker(F, sh, j, parent, &old);
		setpgid(pid[j], pid[j]);	/* either side may win the race */
		live++;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);

	while (live) {
		double t;

		for (unsigned j = 0; j < F->jobs; j++) {
			int code;

			if (reaped[j] || waitpid(pid[j], &wstat[j], WNOHANG) != pid[j])
				continue;
			reaped[j] = 1;
			live--;
			code = WIFEXITED(wstat[j]) ? WEXITSTATUS(wstat[j]) : -1;
			if (code == EXIT_REFUSED)
				refused = 1;
			if (got_signal || code == EXIT_OK || code == EXIT_FAIL ||
			    code == EXIT_REFUSED)
				continue;
			/* a worker that crashed ends the campaign as a failure */
			died = 1;
			if (WIFSIGNALED(wstat[j]))
				fprintf(stderr, "hugeresv fuzz: job %u died by signal "
					"%d\n", j, WTERMSIG(wstat[j]));
			else
				fprintf(stderr, "hugeresv fuzz: job %u exited with "
					"status %d\n", j, code);
			atomic_store(&sh->stop, 1);
		}
		if (got_signal && !term_at) {
			for (unsigned j = 0; j < F->jobs; j++)
				if (!reaped[j])
					kill(pid[j], SIGTERM);
			term_at = fuzz_now();
		} else if (term_at && fuzz_now() - term_at > 10) {
			/* a worker stuck in a blocked signal: qemu dies with it */
			for (unsigned j = 0; j < F->jobs; j++)
				if (!reaped[j])
					kill(pid[j], SIGKILL);
			term_at = fuzz_now();
		}
		t = fuzz_now();
		if (live && !F->quiet && !got_signal &&
		    t - last >= (tty ? 1.0 : 10.0)) {
			live_totals(sh, F->jobs, &tot);
			jobs_progress(F, &tot, t - t0, 0, tty);
			last = t;
		}
		if (live)
			sleep_ms(50);
	}

	/* every worker that ended by itself left its whole counters */
	memset(&tot, 0, sizeof(tot));
	for (unsigned j = 0; j < F->jobs; j++) {
		struct fuzz_job *w = &sh->w[j];

		if (pid[j] && atomic_load_explicit(&w->done, memory_order_acquire)) {
			add_stats(&tot, &w->final);
		} else if (pid[j]) {
			struct fuzz_stats part;

			stopped++;
			memset(&part, 0, sizeof(part));
			part.steps = atomic_load(&w->steps);
			part.scenarios = atomic_load(&w->scenarios);
			part.failures = atomic_load(&w->failures);
			part.kernel_runs = atomic_load(&w->kernel_runs);
			add_stats(&tot, &part);
		}
	}
	F->st = tot;
	jobs_progress(F, &tot, fuzz_now() - t0, 1, tty);
	fuzz_summary(F, &tot, fuzz_now() - t0);
	if (stopped)
		printf("(%u of the jobs were stopped: the outcome and statement "
		       "counts are the finished jobs' only)\n", stopped);
	for (unsigned j = 0; j < F->jobs; j++) {
		struct fuzz_job *w = &sh->w[j];

		printf("job %u (shard %u/%u): ", j, F->shard + m * j, m * F->jobs);
		if (!pid[j])
			printf("not started (nothing to run)\n");
		else
			printf("%" PRIu64 " scenarios, %" PRIu64 " steps, %" PRIu64
			       " failures%s\n", atomic_load(&w->scenarios),
			       atomic_load(&w->steps), atomic_load(&w->failures),
			       atomic_load(&w->done) ? "" : " (stopped)");
	}
	fflush(NULL);
	munmap(sh, sizeof(*sh));
	if (got_signal) {
		int sig = got_signal;

		fprintf(stderr, "hugeresv fuzz: stopped by signal %d\n", sig);
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	if (refused)
		return EXIT_REFUSED;
	if (died || status || tot.failures)
		return EXIT_FAIL;
	return EXIT_OK;
}
