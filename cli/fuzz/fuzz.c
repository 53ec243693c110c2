/* SPDX-License-Identifier: MIT */
/*
 * fuzz.c - `hugeresv fuzz`: random scenarios against the engine's
 * invariants and, with --kernel, against the running kernel.
 *
 * A campaign is a seed S and a sequence of scenarios k = 0, 1, 2, ...
 * Scenario k is generated (fuzz_gen.c) from scenario_seed(S, k) alone, so
 * that it can be regenerated anywhere (`--print K`) and a campaign can be
 * cut into disjoint shards (`--shard I/N` runs the k with k mod N == I).
 *
 * Each scenario goes through the real parser, then runs on the engine
 * step by step with these checks after every step:
 *
 *   validator  hr_machine_check(): conservation of pages and
 *              reservations, counters in range, sorted disjoint regions;
 *   sigbus     a touch of a mapping that was given a reservation does not
 *              get SIGBUS while its owner has not forked (see
 *              guaranteed() for the cases Linux itself exempts);
 *   wrap       no pool counter reads below zero, except HugePages_Rsvd in
 *              the one state Linux 6.18 really reaches (the validator
 *              bounds it: docs/kernel-differences.md);
 * and once at the end, when everything the program made has ended:
 *   end        HugePages_Rsvd = 0, HugePages_Surp = 0, Free = Total, for
 *              both page sizes.
 *
 * With --kernel, each scenario (only kernel-runnable statements) is then
 * run by diff_program() on both back ends in lockstep; a difference is a
 * failure of kind "mismatch".
 *
 * A failure is shrunk (delta debugging over lines, then over the words
 * and numbers of each line) to a minimal program that fails the same way,
 * written to DIR/fuzz-SEED-K.scn with a header that says how to reproduce
 * it with `hugeresv run --check` or `hugeresv diff`.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hugeresv.h"
#include "backend/backend.h"
#include "commands.h"
#include "diff/diff.h"
#include "fuzz/fuzz.h"
#include "fuzz/fuzz_int.h"
#include "run/run.h"
#include "scenario/program.h"
#include "vm/vm.h"
#include "prng.h"

enum fail_kind {
	F_NONE,
	F_BACKEND,	/* the engine back end itself broke */
	F_VALIDATOR,
	F_SIGBUS,
	F_WRAP,
	F_END,
	F_MISMATCH,	/* --kernel: engine and kernel differ */
	F__COUNT
};

static const char *const fail_name[F__COUNT] = {
	[F_NONE] = "none", [F_BACKEND] = "backend", [F_VALIDATOR] = "validator",
	[F_SIGBUS] = "sigbus", [F_WRAP] = "wrap", [F_END] = "end",
	[F_MISMATCH] = "mismatch",
};

struct fuzz_fail {
	enum fail_kind kind;
	int step;		/* index into prog->steps, -1 at the end */
	int line;
	char key[160];		/* mismatch: the first differing key */
	char msg[512];
};

double fuzz_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
	return fuzz_now();
}

/* The seed of scenario @k of campaign @seed. */
static uint64_t scenario_seed(uint64_t seed, uint64_t k)
{
	uint64_t x = seed ^ (k * 0xd1342543de82ef95ULL);

	prng_mix(&x);
	return prng_mix(&x);
}

static void set_fail(struct fuzz_fail *f, enum fail_kind kind,
		     const struct program *prog, int step, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void set_fail(struct fuzz_fail *f, enum fail_kind kind,
		     const struct program *prog, int step, const char *fmt, ...)
{
	va_list ap;

	if (f->kind != F_NONE)
		return;		/* the first failure is the one shrunk */
	f->kind = kind;
	f->step = step;
	f->line = step >= 0 ? prog->steps[step].line : 0;
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof(f->msg), fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------------ */
/* One program on the engine, with the invariants                      */

/*
 * What the checks remember while a program runs: per mapping whether it
 * got a reservation that Linux promises to honour, and per object
 * whether it exists (from the outcomes, not from what the file assumed).
 */
struct track {
	char *resv;		/* maps[]: created with a live reservation */
	char *voided;		/* maps[]: the promise no longer applies */
	char *file_dist;	/* files[]: truncated or hole-punched */
	char *shm_dist;		/* shms[]: hole-punched (MADV_REMOVE) */
	char *proc_live, *file_live, *shm_live, *mount_live;
	int no_promise;		/* inject, bind or migrate seen */
};

static int step_ok(const struct result *r)
{
	return r->kind == RES_OK || r->kind == RES_NONE;
}

/* Update the bookkeeping after step @i had outcome @r. */
static void track_step(struct track *t, const struct program *prog, int i,
		       const struct result *r)
{
	const struct step *st = &prog->steps[i];
	int ok = step_ok(r);

	switch (st->kind) {
	case ST_PROC:
		t->proc_live[st->obj] = 1;
		break;
	case ST_FORK:
		/* The owner forked: its children may COW its pages. */
		for (int m = 0; m < prog->nmaps; m++)
			if (prog->maps[m].proc == st->proc)
				t->voided[m] = 1;
		if (ok)
			t->proc_live[st->obj] = 1;
		break;
	case ST_EXIT:
		t->proc_live[st->proc] = 0;
		break;
	case ST_FILE:
		t->file_live[st->obj] = ok;
		break;
	case ST_UNLINK:
		t->file_live[st->obj] = 0;
		break;
	case ST_SHM:
		t->shm_live[st->obj] = ok;
		break;
	case ST_SHM_RM:
		t->shm_live[st->obj] = 0;
		break;
	case ST_MOUNT:
		t->mount_live[st->obj] = ok;
		break;
	case ST_TRUNCATE:
		t->file_dist[st->obj] = 1;
		break;
	case ST_FALLOCATE:
		if (st->flags & SF_PUNCH)
			t->file_dist[st->obj] = 1;
		break;
	case ST_MAP: {
		const struct prog_map *pm = &prog->maps[st->map];

		t->resv[st->map] = ok && !(pm->flags & MF_NORESERVE) &&
			(pm->source != SRC_ANON || (pm->flags & MF_HUGETLB)) &&
			!(pm->source == SRC_SHM && prog->shms[pm->obj].noreserve) &&
			/*
			 * mmap extends the file only for a writable mapping;
			 * a read-only one can reach past the end: SIGBUS.
			 */
			!(pm->source == SRC_FILE && (pm->flags & MF_RO));
		break;
	}
	case ST_REMAP:
		t->voided[st->map] = 1;
		break;
	case ST_ADVISE:
		if (st->advice == HR_MADV_REMOVE) {
			const struct prog_map *pm = &prog->maps[st->map];

			t->voided[st->map] = 1;
			if (pm->source == SRC_FILE)
				t->file_dist[pm->obj] = 1;
			else if (pm->source == SRC_SHM)
				t->shm_dist[pm->obj] = 1;
		}
		break;
	case ST_INJECT:
	case ST_BIND:
	case ST_MIGRATE:
		t->no_promise = 1;
		break;
	case ST_UMOUNT:
		if (ok)
			t->mount_live[st->obj] = 0;
		break;
	default:
		break;
	}
}

/*
 * Must this touch succeed?  Linux promises a fault in a mapping that got
 * a reservation at mmap time, except where the reservation was given up
 * on purpose: a fork (the children share the owner's pages and a COW in
 * a child has no reservation, and neither has the owner once it must
 * copy for itself, see unmap_ref_private()), a truncate or hole punch of
 * the file (the pages and their reservations are gone), a remap, and the
 * engine-only failure injection and memory policies.
 */
static int guaranteed(const struct track *t, const struct program *prog,
		      int m)
{
	const struct prog_map *pm = &prog->maps[m];

	if (t->no_promise || !t->resv[m] || t->voided[m] ||
	    pm->inherit_from >= 0)
		return 0;
	if (pm->source == SRC_FILE && t->file_dist[pm->obj])
		return 0;
	if (pm->source == SRC_SHM && t->shm_dist[pm->obj])
		return 0;
	return 1;
}

static const char *const wrap_keys[] = {
	"meminfo:HugePages_Total", "meminfo:HugePages_Free",
	"meminfo:HugePages_Surp", "meminfo:HugePages_Rsvd",
	"sysfs:hugepages/hugepages-1048576kB/nr_hugepages",
	"sysfs:hugepages/hugepages-1048576kB/free_hugepages",
	"sysfs:hugepages/hugepages-1048576kB/surplus_hugepages",
	"sysfs:hugepages/hugepages-1048576kB/resv_hugepages",
};

/* Does everything the program made (and the run really made) end? */
static int all_ended(const struct track *t, const struct program *prog)
{
	for (int i = 0; i < prog->nprocs; i++)
		if (t->proc_live[i])
			return 0;
	for (int i = 0; i < prog->nfiles; i++)
		if (t->file_live[i])
			return 0;
	for (int i = 0; i < prog->nshms; i++)
		if (t->shm_live[i])
			return 0;
	/* A mount holds reservations only for its minimum. */
	for (int i = 0; i < prog->nmounts; i++)
		if (t->mount_live[i] && prog->mounts[i].min_size > 0)
			return 0;
	return 1;
}

static const char *const pool_size[2] = { "2048kB", "1048576kB" };

/* A pool file of size @h (0: 2 MiB, 1: 1 GiB), 0 if there is none. */
static int64_t pool_get(struct backend *be, int h, const char *file)
{
	char key[160];
	int64_t v = 0;

	snprintf(key, sizeof(key), "sysfs:hugepages/hugepages-%s/%s",
		 pool_size[h], file);
	be->ops->get(be, key, &v);
	return v;
}

static void end_check(struct backend *be, const struct program *prog,
		      struct fuzz_fail *f, struct fuzz_stats *s)
{
	static const char *const k[4] = { "nr_hugepages", "free_hugepages",
		"resv_hugepages", "surplus_hugepages" };
	int64_t v[4];

	s->end_checked++;
	for (int h = 0; h < 2; h++) {
		for (int j = 0; j < 4; j++)
			v[j] = pool_get(be, h, k[j]);
		/*
		 * With several nodes Linux can leave a free page surplus: a
		 * page freed on a node with no surplus count joins the free
		 * list even while another node has surplus (free_huge_folio
		 * looks at the page's node only).  docs/fuzzing.md.
		 */
		if (prog->nodes > 1)
			v[3] = 0;
		if (v[2] || v[3] || v[1] != v[0])
			set_fail(f, F_END, prog, -1,
				 "after everything ended, %s pool: total=%" PRId64
				 " free=%" PRId64 " resv=%" PRId64 " surplus=%" PRId64
				 " (want resv=0 surplus=0 free=total)", pool_size[h], v[0],
				 v[1], v[2], v[3]);
	}
}

/* Surplus pages of the page size of mapping @m. */
static int64_t surplus_of(struct backend *be, const struct program *prog,
			  int m)
{
	return pool_get(be, prog->maps[m].pagesize == HR_SZ_1G, "surplus_hugepages");
}

/*
 * Did the engine follow Linux down a path where Linux itself loses
 * exact reservation accounting (hr_machine_taint())?  Then the
 * conservation validator stands down, and so do the end-state and wrap
 * checks; @s counts such runs.
 */
static int tainted(struct backend *be, struct fuzz_stats *s)
{
	int64_t v = 0;

	if (be->ops->get(be, "engine:taint", &v) != 1 || !v)
		return 0;
	if (s)
		s->tainted++;
	return 1;
}

/*
 * Does Linux owe more reservations than it can honour?  Two 6.18 states
 * (docs/kernel-differences.md): pages that will restore a reservation
 * when a fork child frees them (1.3), during which HugePages_Rsvd is
 * short and admits reservations other mappings need; and Rsvd > Free,
 * a restored reservation whose page went back to the buddy allocator as
 * surplus (2.1).  Either way a reserved fault can find no page, and the
 * sigbus check stands down for the rest of the run.
 */
static int owed_exceeds_held(struct backend *be)
{
	int64_t v = 0;

	if (be->ops->get(be, "engine:restoring", &v) == 1 && v > 0)
		return 1;
	/* Linux's global count is wrong for good: see tainted(). */
	if (tainted(be, NULL))
		return 1;
	for (int h = 0; h < 2; h++)
		if (pool_get(be, h, "resv_hugepages") > pool_get(be, h, "free_hugepages"))
			return 1;
	return 0;
}

/*
 * run_checked() - run @prog on the engine with every check.
 * Return: 0, or -1 if the engine could not even start (@f says why).
 */
static int run_checked(const struct program *prog, struct fuzz_fail *f,
		       struct fuzz_stats *s, int selftest, int *was_tainted)
{
	struct backend be = { &engine_backend_ops, prog, NULL };
	struct track t = { 0 };
	char err[512];
	char *mem;
	size_t n = (size_t)prog->nmaps * 2 + (size_t)prog->nfiles * 2 +
		   (size_t)prog->nshms * 2 + (size_t)prog->nprocs +
		   (size_t)prog->nmounts + 8;

	memset(f, 0, sizeof(*f));
	f->step = -1;
	mem = calloc(n, 1);
	if (!mem)
		return -1;
	t.resv = mem;
	t.voided = t.resv + prog->nmaps;
	t.file_dist = t.voided + prog->nmaps;
	t.file_live = t.file_dist + prog->nfiles;
	t.shm_dist = t.file_live + prog->nfiles;
	t.shm_live = t.shm_dist + prog->nshms;
	t.proc_live = t.shm_live + prog->nshms;
	t.mount_live = t.proc_live + prog->nprocs;

	err[0] = 0;
	if (be.ops->open(&be, prog, err, sizeof(err))) {
		set_fail(f, F_BACKEND, prog, -1, "engine refused: %s", err);
		free(mem);
		return -1;
	}
	for (int i = 0; i < prog->nsteps && f->kind == F_NONE; i++) {
		const struct step *st = &prog->steps[i];
		struct result r = { RES_NONE, 0 };
		int64_t surplus_zap = 0;
		int promised;

		if (st->kind == ST_EXPECT || st->kind == ST_SHOW)
			continue;
		if (st->kind == ST_ADVISE && st->advice == HR_MADV_DONTNEED)
			surplus_zap = surplus_of(&be, prog, st->map);
		if (be.ops->exec(&be, st, &r, err, sizeof(err))) {
			set_fail(f, F_BACKEND, prog, i, "the engine back end failed: %s",
				 err);
			break;
		}
		s->steps++;
		s->kind[st->kind]++;
		switch (r.kind) {
		case RES_SIGBUS: s->res_sigbus++; break;
		case RES_SIGSEGV: s->res_sigsegv++; break;
		case RES_ERRNO: s->res_errno++; break;
		default: s->res_ok++; break;
		}
		promised = st->kind == ST_TOUCH && guaranteed(&t, prog, st->map);
		s->promised += promised;
		if (st->kind == ST_TOUCH && r.kind == RES_SIGBUS &&
		    (selftest || promised))
			set_fail(f, F_SIGBUS, prog, i,
				 selftest ? "SIGBUS in mapping '%s' of process '%s' "
				 "(--selftest-sigbus)" :
				 "SIGBUS in mapping '%s' of process '%s', which was "
				 "given a reservation and whose owner has not forked",
				 prog->maps[st->map].name,
				 prog->procs[st->proc].name);
		track_step(&t, prog, i, &r);
		/*
		 * Linux 6.18 restores a private owner's reservation when it
		 * zaps the page (MADV_DONTNEED) only while the pool has no
		 * surplus pages (__unmap_hugepage_range); otherwise the
		 * reservation is gone.  docs/fuzzing.md, "exemptions".
		 */
		if (st->kind == ST_ADVISE && st->advice == HR_MADV_DONTNEED &&
		    (surplus_zap || surplus_of(&be, prog, st->map)))
			t.voided[st->map] = 1;
		if (be.ops->check(&be, err, sizeof(err))) {
			set_fail(f, F_VALIDATOR, prog, i, "%s", err);
			break;
		}
		if (!t.no_promise && owed_exceeds_held(&be))
			t.no_promise = 1;
		for (size_t k = 0; k < sizeof(wrap_keys) / sizeof(wrap_keys[0]); k++) {
			int64_t v = 0;

			if (be.ops->get(&be, wrap_keys[k], &v) != 1 || v >= 0)
				continue;
			if (strstr(wrap_keys[k], "Rsvd") || strstr(wrap_keys[k], "resv_") ||
			    tainted(&be, NULL)) {
				/*
				 * Bounded by the validator that just passed.
				 * While Rsvd is short, a new reservation is
				 * admitted against pages another one needs, so
				 * Linux may SIGBUS any reserved mapping from
				 * here on (docs/fuzzing.md, "exemptions").
				 */
				s->quirk_rsvd++;
				t.no_promise = 1;
				continue;
			}
			set_fail(f, F_WRAP, prog, i, "%s wrapped to %" PRIu64,
				 wrap_keys[k], (uint64_t)v);
			snprintf(f->key, sizeof(f->key), "%s", wrap_keys[k]);
		}
	}
	*was_tainted = tainted(&be, s);
	if (f->kind == F_NONE && all_ended(&t, prog) && !*was_tainted)
		end_check(&be, prog, f, s);
	be.ops->close(&be);
	free(mem);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Trying a candidate                                                  */

/*
 * Parse @p and run it; with @kernel, also through diff when the engine
 * found nothing.  Return 1 if it was run (@f says how it failed), 0 if
 * it does not parse, -1 if the kernel back end refused.
 */
static int try_prog(struct fuzz *F, const struct scn_text *p, int kernel,
		    struct fuzz_fail *f)
{
	struct program *prog = NULL;
	char err[512];
	char *text = scn_text_text(p);
	int rc = 1;

	memset(f, 0, sizeof(*f));
	if (!text)
		return 0;
	if (program_parse("fuzz", text, &prog, err, sizeof(err))) {
		free(text);
		return 0;
	}
	free(text);
	/*
	 * Only a program the engine ran clean goes to the kernel: one that
	 * fails on the engine is reported as it is, and one that reproduces
	 * a Linux accounting bug (taint) could leave the real machine's
	 * HugePages_Rsvd wrong until the next reboot, unless that machine
	 * is a --vm guest: the remote back end runs it as unsafe and
	 * reboots the guest after it (vm/vm_remote.c).
	 */
	if (run_checked(prog, f, &F->st, F->selftest, &F->last_tainted) == 0 &&
	    f->kind == F_NONE && kernel &&
	    (!F->last_tainted || vm_selected())) {
		struct diff_verdict v;
		int d;

		memset(&v, 0, sizeof(v));
		v.prog = prog;
		F->st.kernel_runs++;
		d = diff_program(prog, NULL, &v);
		if (d == DIFF_REFUSED) {
			snprintf(f->msg, sizeof(f->msg), "%s", v.msg);
			rc = -1;
		} else if (d != DIFF_OK && d != DIFF_SKIPPED) {
			f->kind = F_MISMATCH;
			f->line = v.line;
			f->step = v.step;
			snprintf(f->key, sizeof(f->key), "%s", v.key);
			snprintf(f->msg, sizeof(f->msg), "line %d: %s", v.line, v.msg);
		}
	}
	program_free(prog);
	return rc;
}

/* The same failure: same kind and, for a mismatch or wrap, same key. */
static int same_failure(const struct fuzz_fail *a, const struct fuzz_fail *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == F_MISMATCH || a->kind == F_WRAP)
		return !strcmp(a->key, b->key);
	return 1;
}

/* ------------------------------------------------------------------ */
/* Shrinking                                                           */

struct shrinker {
	struct fuzz *F;
	const struct fuzz_fail *want;
	struct fuzz_fail last;	/* the failure of the current best */
	int kernel, tests, max_tests;
	double deadline;
};

static int sh_budget(const struct shrinker *S)
{
	return S->tests < S->max_tests && now() < S->deadline;
}

static int sh_fails(struct shrinker *S, const struct scn_text *p)
{
	struct fuzz_fail f;

	S->tests++;
	if (try_prog(S->F, p, S->kernel, &f) != 1 || !same_failure(&f, S->want))
		return 0;
	S->last = f;
	return 1;
}

/* @out (empty) = the lines of @p except [from, to). */
static int without(const struct scn_text *p, int from, int to,
		   struct scn_text *out)
{
	for (int i = 0; i < p->n; i++)
		if ((i < from || i >= to) && scn_text_add(out, p->line[i]))
			return -ENOMEM;
	return 0;
}

/* Delta debugging (ddmin, complements only) over lines. */
static void sh_lines(struct shrinker *S, struct scn_text *best)
{
	int n = 2;

	while (best->n >= 2 && sh_budget(S)) {
		int chunk = (best->n + n - 1) / n, reduced = 0;

		for (int i = 0; i < n && sh_budget(S); i++) {
			struct scn_text c = { 0 };
			int from = i * chunk, to = from + chunk;

			if (from >= best->n)
				break;
			if (without(best, from, to < best->n ? to : best->n, &c) == 0 &&
			    sh_fails(S, &c)) {
				scn_text_free(best);
				*best = c;
				n = n > 2 ? n - 1 : 2;
				reduced = 1;
				break;
			}
			scn_text_free(&c);
		}
		if (!reduced) {
			if (n >= best->n)
				break;
			n = n * 2 < best->n ? n * 2 : best->n;
		}
	}
}

/* Optional words a statement is still valid without. */
static int droppable(const char *w)
{
	static const char *const flags[] = { "populate", "ro", "noreserve",
		"maymove", "punch", NULL };
	static const char *const opts[] = { "step=", "offset=", "size=",
		"nodes=",
		"min_size=", "after=", "times=", "pagesize=", NULL };

	for (int i = 0; flags[i]; i++)
		if (!strcmp(w, flags[i]))
			return 1;
	for (int i = 0; opts[i]; i++)
		if (!strncmp(w, opts[i], strlen(opts[i])))
			return 1;
	return 0;
}

/* Replace word @wi of @line by @rep (NULL: drop it) into @buf. */
static void edit_word(const char *line, int wi, const char *rep, char *buf,
		      size_t len)
{
	char tmp[512];
	char *save = NULL, *w;
	size_t at = 0;
	int i = 0;

	snprintf(tmp, sizeof(tmp), "%s", line);
	buf[0] = 0;
	for (w = strtok_r(tmp, " ", &save); w; w = strtok_r(NULL, " ", &save), i++) {
		const char *put = i == wi ? rep : w;

		if (!put)
			continue;
		at += (size_t)snprintf(buf + at, at < len ? len - at : 0, "%s%s",
				       at ? " " : "", put);
	}
}

/*
 * Smaller versions of one word: numbers after '=' or at the start of a
 * size or range halved, decremented or zeroed; `write` -> `read`,
 * `all` -> `0`.  Names (P3, m7) are never touched.
 */
static int smaller_words(const char *w, char out[][96], int max)
{
	const char *start = strchr(w, '=');
	int n = 0;

	if (!strcmp(w, "write") && n < max)
		snprintf(out[n++], 96, "read");
	if (!strcmp(w, "all") && n < max)
		snprintf(out[n++], 96, "0");
	/* A smaller machine only adds allocation failures to the story. */
	if (!strncmp(w, "memory=", 7))
		return n;
	start = start ? start + 1 : (w[0] >= '0' && w[0] <= '9' ? w : NULL);
	if (!start)
		return n;
	for (const char *p = start; *p && n < max;) {
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		const char *e = p;
		unsigned long v = strtoul(p, (char **)&e, 10);
		unsigned long cand[3] = { v / 2, v ? v - 1 : 0, 0 };

		for (int c = 0; c < 3 && n < max; c++) {
			if (cand[c] >= v || (c && cand[c] == cand[c - 1]) ||
			    (c == 2 && cand[c] == cand[0]))
				continue;
			snprintf(out[n++], 96, "%.*s%lu%s", (int)(p - w), w,
				 cand[c], e);
		}
		p = e;
	}
	return n;
}

/* Simplify words, one at a time, until nothing more helps. */
static void sh_words(struct shrinker *S, struct scn_text *best)
{
	int changed = 1;

	while (changed && sh_budget(S)) {
		changed = 0;
		for (int li = 0; li < best->n && sh_budget(S); li++) {
			char words[512], *save = NULL, *w;
			char cands[16][96];
			int wi = 0;

			snprintf(words, sizeof(words), "%s", best->line[li]);
			for (w = strtok_r(words, " ", &save); w && sh_budget(S);
			     w = strtok_r(NULL, " ", &save), wi++) {
				int nc = 0;

				if (droppable(w))
					snprintf(cands[nc++], 96, "%s", "");
				nc += smaller_words(w, cands + nc, 16 - nc);
				for (int c = 0; c < nc && sh_budget(S); c++) {
					char line[512];
					char *old;

					edit_word(best->line[li], wi,
						  cands[c][0] ? cands[c] : NULL,
						  line, sizeof(line));
					old = best->line[li];
					best->line[li] = line;
					if (sh_fails(S, best)) {
						best->line[li] = strdup(line);
						if (!best->line[li]) {
							best->line[li] = old;
							return;
						}
						free(old);
						changed = 1;
						break;
					}
					best->line[li] = old;
				}
				if (changed)
					break;	/* the word list changed */
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Reporting                                                           */

static int mkdir_p(const char *dir)
{
	char tmp[1024];

	snprintf(tmp, sizeof(tmp), "%s", dir);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(tmp, 0777) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(tmp, 0777) && errno != EEXIST)
		return -1;
	return 0;
}

/*
 * The persistent pool sizes the program last asked for (2M, 1G): once
 * everything has ended, Linux's pool is exactly that, all free.
 */
static void last_pool_sizes(const struct scn_text *p, int64_t pool[2])
{
	pool[0] = pool[1] = 0;
	for (int i = 0; i < p->n; i++) {
		const char *l = p->line[i], *v;

		if (strncmp(l, "sysctl ", 7) || !(v = strchr(l, '=')))
			continue;
		if (!strncmp(l + 7, "vm.nr_hugepages=", 16) ||
		    !strncmp(l + 7, "hugepages-2048kB.nr_hugepages=", 30))
			pool[0] = strtoll(v + 1, NULL, 10);
		else if (!strncmp(l + 7, "hugepages-1048576kB.nr_hugepages=", 33))
			pool[1] = strtoll(v + 1, NULL, 10);
	}
}

/*
 * Write the reproducer.  The failing step gets what Linux promises
 * (`-> ok` on a touch that got SIGBUS); an end-state failure gets the
 * expect lines that must hold; a validator failure shows under
 * `run --check`, a mismatch under `diff`.
 */
static int write_repro(struct fuzz *F, uint64_t k, const struct scn_text *p,
		       const struct fuzz_fail *f, int orig_lines, char *path,
		       size_t len)
{
	FILE *o;

	if (mkdir_p(F->out_dir)) {
		fprintf(stderr, "hugeresv fuzz: cannot create %s: %s\n", F->out_dir,
			strerror(errno));
		return -1;
	}
	snprintf(path, len, "%s/fuzz-%016" PRIx64 "-%" PRIu64 ".scn", F->out_dir,
		 F->seed, k);
	o = fopen(path, "w");
	if (!o) {
		fprintf(stderr, "hugeresv fuzz: cannot write %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	fprintf(o, "# hugeresv fuzz: %s: %s\n", fail_name[f->kind], f->msg);
	fprintf(o, "# found by: hugeresv fuzz --seed 0x%" PRIx64 "%s%s%s (scenario %"
		PRIu64 "; `--print %" PRIu64 "` shows the original)\n", F->seed,
		F->kernel ? " --kernel" : "", vm_selected() ? " --vm " : "",
		vm_selected() ? vm_kernel_spec() : "", k, k);
	fprintf(o, "# minimised from %d to %d statements\n", orig_lines, p->n);
	fprintf(o, "# reproduce: hugeresv %s%s%s FILE\n",
		f->kind == F_MISMATCH ? "diff" : "run --check",
		f->kind == F_MISMATCH && vm_selected() ? " --vm " : "",
		f->kind == F_MISMATCH && vm_selected() ? vm_kernel_spec() : "");
	for (int i = 0; i < p->n; i++) {
		if (f->kind == F_SIGBUS && i + 1 == f->line)
			fprintf(o, "%s -> ok\n", p->line[i]);
		else
			fprintf(o, "%s\n", p->line[i]);
	}
	if (f->kind == F_END) {
		int64_t pool[2];

		last_pool_sizes(p, pool);
		fprintf(o, "# everything has ended: nothing reserved, nothing surplus,\n"
			"# every page of the pool (as last set) free\n");
		fprintf(o, "expect sysfs hugepages/hugepages-2048kB/resv_hugepages=0 "
			"hugepages/hugepages-2048kB/surplus_hugepages=0 "
			"hugepages/hugepages-2048kB/free_hugepages=%" PRId64 "\n",
			pool[0]);
		fprintf(o, "expect sysfs hugepages/hugepages-1048576kB/resv_hugepages=0 "
			"hugepages/hugepages-1048576kB/surplus_hugepages=0 "
			"hugepages/hugepages-1048576kB/free_hugepages=%" PRId64 "\n",
			pool[1]);
	}
	fclose(o);
	return 0;
}

static void report_failure(struct fuzz *F, uint64_t k,
			   const struct scn_text *orig,
			   const struct fuzz_fail *f)
{
	struct scn_text best = { 0 };
	struct fuzz_fail fin = *f;
	char path[1200], which[48] = "";

	/*
	 * Workers share stdout, and another worker's lines can come between
	 * a FAIL line and the lines of its shrink: name the scenario there.
	 */
	if (F->job)
		snprintf(which, sizeof(which), " (scenario %" PRIu64 ")", k);
	F->st.failures++;
	printf("FAIL scenario %" PRIu64 ": %s: %s\n", k, fail_name[f->kind], f->msg);
	fflush(stdout);
	if (scn_text_copy(&best, orig))
		return;
	if (F->shrink) {
		struct fuzz_stats keep = F->st;
		struct shrinker S = { F, f, *f, f->kind == F_MISMATCH, 0,
				      f->kind == F_MISMATCH ? 800 : 20000,
				      now() + (f->kind == F_MISMATCH ? 300 : 60) };

		sh_lines(&S, &best);
		sh_words(&S, &best);
		sh_lines(&S, &best);
		fin = S.last;
		F->st = keep;	/* the shrinker's runs are not the campaign's */
		printf("  shrunk from %d to %d statements in %d runs%s\n",
		       orig->n, best.n, S.tests, which);
	}
	if (write_repro(F, k, &best, &fin, orig->n, path, sizeof(path)) == 0)
		printf("  reproducer: %s%s\n", path, which);
	fflush(stdout);
	scn_text_free(&best);
}

static void progress(struct fuzz *F, int final)
{
	double t = now(), el = t - F->t0;

	if (F->job || (F->quiet && !final))
		return;	/* a worker's progress is the parent's */
	if (!final && t - F->last_progress < (F->tty ? 1.0 : 10.0))
		return;
	F->last_progress = t;
	fprintf(stderr, "%sfuzz: %.0fs %" PRIu64 " steps (%.0f steps/s), %" PRIu64
		" scenarios%s, %" PRIu64 " failures%s", F->tty && !final ? "\r" : "",
		el, F->st.steps, el > 0 ? (double)F->st.steps / el : 0.0,
		F->st.scenarios, F->kernel ? " (kernel)" : "", F->st.failures,
		F->tty && !final ? "   " : "\n");
	if (F->tty && final)
		fprintf(stderr, "\n");
}

void fuzz_summary(const struct fuzz *F, const struct fuzz_stats *st,
		  double el)
{
	int first = 1;

	printf("seed 0x%" PRIx64 " shard %u/%u: %" PRIu64 " scenarios, %" PRIu64
	       " steps in %.1fs (%.0f steps/s), %" PRIu64 " failures\n", F->seed,
	       F->shard, F->nshards, st->scenarios, st->steps, el,
	       el > 0 ? (double)st->steps / el : 0.0, st->failures);
	if (F->kernel)
		printf("kernel: %" PRIu64 " scenarios through diff (%.3f "
		       "scenarios/s)\n", st->kernel_runs,
		       el > 0 ? (double)st->kernel_runs / el : 0.0);
	printf("outcomes: %" PRIu64 " ok, %" PRIu64 " SIGBUS, %" PRIu64
	       " SIGSEGV, %" PRIu64 " errno; end state checked %" PRIu64
	       " times; HugePages_Rsvd below zero (6.18 quirk) after %" PRIu64
	       " steps\n", st->res_ok, st->res_sigbus, st->res_sigsegv,
	       st->res_errno, st->end_checked, st->quirk_rsvd);
	printf("sigbus check: %" PRIu64 " touches of reserved mappings were "
	       "promised no SIGBUS\n", st->promised);
	printf("tainted (the run reproduced a Linux accounting bug, "
	       "docs/fuzzing.md): %" PRIu64 " scenarios\n", st->tainted);
	printf("statements:");
	for (int i = 0; i < ST__COUNT; i++) {
		if (!st->kind[i])
			continue;
		printf("%s %s %" PRIu64, first ? "" : ",", step_kind_name(i),
		       st->kind[i]);
		first = 0;
	}
	printf("\n");
}

/* A single campaign's summary; a worker's goes to the parent instead. */
static void summary(struct fuzz *F)
{
	if (!F->job)
		fuzz_summary(F, &F->st, now() - F->t0);
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */

static const char fuzz_usage[] =
	"usage: hugeresv fuzz [--seed S] [--steps N] [--scenarios N] [--time T]\n"
	"                     [--kernel] [--out DIR] [--shard I/N] [--max-body N]\n"
	"                     [--max-failures N] [--no-shrink] [-q]\n"
	"                     [--jobs N] [--selftest-sigbus]\n"
	"       hugeresv fuzz --seed S --print K\n"
	"\n"
	"Generate random scenarios and run them on the engine with every\n"
	"validator after every step, plus the fuzzer's invariants (no SIGBUS\n"
	"on a reserved mapping whose owner has not forked, no wrapped pool\n"
	"counter, nothing reserved or surplus once everything has ended).\n"
	"With --kernel, also compare each scenario with the running kernel\n"
	"(as `hugeresv diff`; root and hugetlbfs).  A failure is shrunk to a\n"
	"minimal scenario written to DIR (default fuzz-findings).\n"
	"\n"
	"  --seed S         campaign seed (decimal or 0x hex; default: from the\n"
	"                   clock, printed first)\n"
	"  --kernel         also run each scenario on the running kernel and\n"
	"                   compare (root, hugetlbfs; docs/kernel-backend.md)\n"
	VM_OPTIONS_HELP
	"  --out DIR        where failures are written (default fuzz-findings)\n"
	"  --steps N        stop after N steps (default 100000 when no other\n"
	"                   limit is given)\n"
	"  --scenarios N    stop after N scenarios\n"
	"  --time T         stop after T seconds (suffix s, m or h allowed)\n"
	"  --shard I/N      run only scenarios k with k mod N == I\n"
	"  --jobs N         N worker processes (1..64, default 1), worker j\n"
	"                   running the k with k mod (N*M) == I + M*j of shard\n"
	"                   I/M (0/1); with --vm each has its own guest.  The\n"
	"                   limits are the campaign's: --steps and --scenarios\n"
	"                   are split among the workers, --max-failures counts\n"
	"                   all of them\n"
	"  --max-body N     statements between setup and cleanup, at most\n"
	"                   (default 40)\n"
	"  --max-failures N stop after N failures (default 5)\n"
	"  --no-shrink      write failures as generated\n"
	"  --print K        print scenario K of the seed and exit\n"
	"  --selftest-sigbus\n"
	"                   test the fuzzer itself: count every SIGBUS as a\n"
	"                   failure, so that shrinking and reproducers run\n"
	"  -q, --quiet      no progress line\n"
	"  -h, --help       print this help\n"
	"\n"
	"Exit status: 0 no failure, 1 failures found, 2 bad command line,\n"
	"3 the kernel back end refused (--kernel).\n";

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	if (!s || !*s || *s == '-')
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 0);
	return errno || *end ? -1 : 0;
}

static int parse_time(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return -1;
	v = strtod(s, &end);
	if (end == s || v < 0)
		return -1;
	if (!strcmp(end, "m"))
		v *= 60;
	else if (!strcmp(end, "h"))
		v *= 3600;
	else if (*end && strcmp(end, "s"))
		return -1;
	*out = v;
	return 0;
}

static int print_one(struct fuzz *F, uint64_t k)
{
	struct scn_text p = { 0 };
	char *text;

	if (fuzz_generate(scenario_seed(F->seed, k), &F->gen, &p))
		return EXIT_FAIL;
	text = scn_text_text(&p);
	printf("# hugeresv fuzz --seed 0x%" PRIx64 "%s: scenario %" PRIu64 "\n%s",
	       F->seed, F->kernel ? " --kernel" : "", k, text ? text : "");
	free(text);
	scn_text_free(&p);
	return EXIT_OK;
}

/* What the command line asks for beyond struct fuzz: --print K. */
struct fuzz_args {
	int do_print, have_seed;
	uint64_t print_k;
};

/* The campaign's settings before the command line changes them. */
static void fuzz_defaults(struct fuzz *F)
{
	memset(F, 0, sizeof(*F));
	F->nshards = 1;
	F->jobs = 1;
	F->shrink = 1;
	F->max_failures = 5;
	F->out_dir = "fuzz-findings";
	F->gen.max_body = 40;
}

_Static_assert(FUZZ_JOBS_MAX == 64, "--jobs' message says 1..64");

/* --steps, --scenarios, --print, --max-body, --max-failures, --jobs N. */
static int parse_count_option(struct fuzz *F, struct fuzz_args *A,
			      const char *a, const char *val)
{
	uint64_t v;

	if (parse_u64(val, &v))
		return usage_error("fuzz", "a count is needed after the option, "
				   "not '%s'", val ? val : "");
	if (!strcmp(a, "--steps")) {
		F->max_steps = v;
	} else if (!strcmp(a, "--scenarios")) {
		F->max_scenarios = v;
	} else if (!strcmp(a, "--print")) {
		A->do_print = 1;
		A->print_k = v;
	} else if (!strcmp(a, "--jobs")) {
		if (!v || v > FUZZ_JOBS_MAX)
			return usage_error("fuzz", "--jobs must be 1..64, "
					   "not '%s'", val);
		F->jobs = (unsigned)v;
	} else if (!strcmp(a, "--max-body")) {
		if (!v || v > 10000)
			return usage_error("fuzz", "--max-body must be 1..10000, "
					   "not '%s'", val);
		F->gen.max_body = (int)v;
	} else {
		if (!v || v > 1000000)
			return usage_error("fuzz", "--max-failures must be "
					   "1..1000000, not '%s'", val);
		F->max_failures = (int)v;
	}
	return 0;
}

/* --shard I/N: this campaign runs scenarios k with k mod N == I. */
static int parse_shard(struct fuzz *F, const char *val)
{
	unsigned si, sn;
	char extra;

	if (!val || sscanf(val, "%u/%u%c", &si, &sn, &extra) != 2 || !sn ||
	    si >= sn)
		return usage_error("fuzz", "--shard needs I/N with 0 <= I < N, "
				   "not '%s'", val ? val : "");
	F->shard = si;
	F->nshards = sn;
	return 0;
}

/*
 * One option (with its value, if it takes one, in @val) into @F and @A.
 * Return: 0, or EXIT_USAGE with the message printed; *@used is 1 when
 * @val was consumed.
 */
static int parse_option(struct fuzz *F, struct fuzz_args *A, const char *a,
			const char *val, int *used)
{
	*used = 0;
	if (!strcmp(a, "--kernel")) {
		F->kernel = 1;
	} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
		F->quiet = 1;
	} else if (!strcmp(a, "--no-shrink")) {
		F->shrink = 0;
	} else if (!strcmp(a, "--selftest-sigbus")) {
		F->selftest = 1;
	} else if (!strcmp(a, "--seed")) {
		if (parse_u64(val, &F->seed))
			return usage_error("fuzz", "--seed needs a number, not '%s'",
					   val ? val : "");
		A->have_seed = 1;
		*used = 1;
	} else if (!strcmp(a, "--steps") || !strcmp(a, "--scenarios") ||
		   !strcmp(a, "--print") || !strcmp(a, "--max-body") ||
		   !strcmp(a, "--max-failures") || !strcmp(a, "--jobs")) {
		*used = 1;
		return parse_count_option(F, A, a, val);
	} else if (!strcmp(a, "--time")) {
		if (parse_time(val, &F->max_time))
			return usage_error("fuzz", "--time needs seconds (e.g. 90, "
					   "10m, 2h), not '%s'", val ? val : "");
		*used = 1;
	} else if (!strcmp(a, "--out")) {
		if (!val || !*val)
			return usage_error("fuzz", "%s", "--out needs a directory");
		F->out_dir = val;
		*used = 1;
	} else if (!strcmp(a, "--shard")) {
		*used = 1;
		return parse_shard(F, val);
	} else {
		return usage_error("fuzz", a[0] == '-' ? "unknown option '%s'" :
				   "unexpected argument '%s'", a);
	}
	return 0;
}

/*
 * The command line into @F and @A.  Return: 0 to go on, -1 when the help
 * was printed, EXIT_USAGE for a bad command line.
 */
static int fuzz_parse(int argc, char **argv, struct fuzz *F,
		      struct fuzz_args *A)
{
	for (int i = 1; i < argc; i++) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		int used, rc;

		if (is_help_option(argv[i])) {
			fputs(fuzz_usage, stdout);
			return -1;
		}
		rc = 0;
		if (vm_option("fuzz", argc, argv, &i, &rc)) {
			if (rc)
				return rc;
			continue;
		}
		rc = parse_option(F, A, argv[i], val, &used);
		if (rc)
			return rc;
		i += used;
	}
	if (vm_selected() && !F->kernel)
		return usage_error("fuzz", "%s", "--vm needs --kernel");
	/*
	 * The host's kernel back end takes a machine-wide lock: workers on
	 * it would only wait for each other (or be refused).  Each worker
	 * of a --vm campaign has a guest of its own.
	 */
	if (F->jobs > 1 && F->kernel && !vm_selected())
		return usage_error("fuzz", "%s", "--jobs with --kernel needs --vm "
				   "(one guest a worker; the host's kernel runs "
				   "one scenario at a time)");
	if ((uint64_t)F->nshards * F->jobs > UINT32_MAX)
		return usage_error("fuzz", "%s", "--shard I/M with --jobs N needs "
				   "M*N < 2^32");
	return 0;
}

/*
 * try_prog() found that scenario @k does not parse: the generator wrote
 * an invalid program, which is the fuzzer's own bug.  Print it.
 */
static void report_unparsable(uint64_t k, struct scn_text *p)
{
	char *text = scn_text_text(p);
	struct program *prog = NULL;
	char err[512] = "";

	if (text && program_parse("fuzz", text, &prog, err, sizeof(err)) == 0)
		program_free(prog);
	fprintf(stderr, "hugeresv fuzz: scenario %" PRIu64
		" does not parse: %s\n%s", k, err, text ? text : "");
	free(text);
}

/* Whether the campaign has reached one of its limits. */
static int campaign_done(const struct fuzz *F)
{
	return (F->max_steps && F->st.steps >= F->max_steps) ||
	       (F->max_scenarios && F->st.scenarios >= F->max_scenarios) ||
	       (F->max_time > 0 && now() - F->t0 >= F->max_time) ||
	       F->st.failures >= (uint64_t)F->max_failures ||
	       fuzz_job_stopped(F);
}

int fuzz_run_campaign(struct fuzz *F)
{
	int status = EXIT_OK;

	F->tty = isatty(2);
	if (!F->job) {
		printf("hugeresv fuzz: seed 0x%" PRIx64 " shard %u/%u%s\n",
		       F->seed, F->shard, F->nshards,
		       F->kernel ? " (engine and kernel)" : " (engine)");
		fflush(stdout);
	}
	F->t0 = F->last_progress = now();

	for (uint64_t k = F->shard; !campaign_done(F); k += F->nshards) {
		struct scn_text p = { 0 };
		struct fuzz_fail f;
		int rc;

		if (fuzz_generate(scenario_seed(F->seed, k), &F->gen, &p)) {
			fprintf(stderr, "hugeresv fuzz: out of memory\n");
			return EXIT_FAIL;
		}
		rc = try_prog(F, &p, F->kernel, &f);
		F->st.scenarios++;
		if (rc == 0) {
			/* The generator must only write valid programs. */
			report_unparsable(k, &p);
			scn_text_free(&p);
			fuzz_job_publish(F);
			return EXIT_FAIL;
		}
		if (rc < 0) {
			progress(F, 1);
			fprintf(stderr, "hugeresv fuzz: the kernel back end refused: %s\n",
				f.msg);
			scn_text_free(&p);
			fuzz_job_stop_all(F);
			fuzz_job_publish(F);
			summary(F);
			return EXIT_REFUSED;
		}
		if (f.kind != F_NONE) {
			if (!fuzz_job_claim_failure(F)) {
				/* other workers found --max-failures already */
				scn_text_free(&p);
				break;
			}
			report_failure(F, k, &p, &f);
			status = EXIT_FAIL;
		}
		scn_text_free(&p);
		fuzz_job_publish(F);
		progress(F, 0);
	}
	fuzz_job_publish(F);
	progress(F, 1);
	summary(F);
	return status;
}

/**
 * fuzz_main() - `hugeresv fuzz [OPTIONS]` (fuzz_usage).
 *
 * Return: EXIT_OK, EXIT_FAIL (failures found), EXIT_USAGE, EXIT_REFUSED.
 */
int fuzz_main(int argc, char **argv)
{
	struct fuzz F;
	struct fuzz_args A = { 0, 0, 0 };
	int rc;

	fuzz_defaults(&F);
	rc = fuzz_parse(argc, argv, &F, &A);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (!A.have_seed) {
		uint64_t x = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);

		F.seed = prng_mix(&x);
	}
	F.gen.kernel = F.kernel;
	/* a kernel campaign's machines have its guests' nodes (1 on a host) */
	F.gen.nodes = F.kernel ? (vm_nodes() ? (int)vm_nodes() : 1) : 0;
	if (A.do_print)
		return print_one(&F, A.print_k);
	if (!F.max_steps && !F.max_scenarios && F.max_time <= 0)
		F.max_steps = 100000;
	/*
	 * The engine's own checks follow the kernel the scenarios are
	 * compared with, from the first scenario on: diff_program() sets the
	 * same profile, but only once the first one reaches the kernel.
	 */
	if (F.kernel)
		engine_set_kernel(kernel_side_version());
	if (F.jobs > 1)
		return fuzz_jobs_run(&F);
	return fuzz_run_campaign(&F);
}
