/* SPDX-License-Identifier: MIT */
/*
 * diff.c - `hugeresv diff FILE|DIR...`: run each scenario on the engine
 * and on the running kernel in lockstep and stop at the first step where
 * they disagree.  A directory stands for its *.scn files, recursively,
 * in path order (scn_paths_expand(), util.c).
 *
 * After every step (expect and show are not steps: diff only compares,
 * `run --kernel` checks a scenario's own expectations) both back ends
 * report the step's outcome and a snapshot; diff compares the outcome
 * and the counters listed in diff_keys[], the ones both back ends model.
 * The first step with a difference ends that file with a side-by-side
 * table; the next file starts afresh.
 *
 * Output (stdout):
 *
 *     PATH: ok (N steps)
 *     PATH: ok (N steps, J noisy: KEY from line L, ...)
 *     PATH: MISMATCH at line L            (after the table)
 *     PATH: skipped (engine-only: why)
 *     N files, M mismatches, K skipped, J noisy
 *
 * Noisy: a machine-wide event counter (vmstat thp_*, khugepaged's
 * pages_collapsed) whose share the kernel back end could not show to be
 * the run's own, because the host moved it around a step (the snapshot
 * holds "noisy:KEY"; docs/kernel-backend.md, "Counters on a busy
 * machine").  It is not compared from that step on, and not a mismatch.
 *
 * Exit status: EXIT_REFUSED (3) if the kernel back end refuses to run
 * (not root, no hugetlbfs, pools in use, lock busy; the remaining files
 * are not run), else EXIT_FAIL (1) on any mismatch or back-end failure,
 * else EXIT_USAGE (2) if a file does not parse, else 0.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "commands.h"
#include "diff/diff.h"
#include "hugeresv.h"
#include "run/run.h"
#include "scenario/program.h"
#include "vm/vm.h"

/*
 * The counters diff compares: one table.  @key is the snapshot key, with
 * "%s" standing for the scenario's process name in per-process keys
 * (@per_proc != 0).  A global key missing from either side is not
 * compared (e.g. a huge page size the machine lacks); a per-process key
 * missing counts as 0 (a process with none of the scenario's mappings
 * left).
 *
 * @per_proc == 2 marks the Shared/Private split of hugetlb memory.  For a
 * process that maps 1 GiB pages, Linux 6.18 reports that split at random
 * (smaps asks hugetlb_pmd_shared() about the PUD-level table of a 1 GiB
 * page, which reads a PMD-table share count the PUD table does not
 * keep), so for such a process diff compares only the sum
 * Shared_Hugetlb + Private_Hugetlb, as the row "smaps:P:Hugetlb(sum)".
 * See docs/kernel-backend.md.
 */
static const struct diff_key {
	const char *key;
	int per_proc;
} diff_keys[] = {
	{ "meminfo:HugePages_Total", 0 },
	{ "meminfo:HugePages_Free", 0 },
	{ "meminfo:HugePages_Rsvd", 0 },
	{ "meminfo:HugePages_Surp", 0 },
	{ "meminfo:Hugetlb", 0 },
	{ "sysfs:hugepages/hugepages-2048kB/nr_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-2048kB/free_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-2048kB/resv_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-2048kB/surplus_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-2048kB/nr_overcommit_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-1048576kB/nr_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-1048576kB/free_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-1048576kB/resv_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-1048576kB/surplus_hugepages", 0 },
	{ "sysfs:hugepages/hugepages-1048576kB/nr_overcommit_hugepages", 0 },
	/*
	 * THP events.  The kernel back end reports every vmstat key but the
	 * nr_* gauges, and khugepaged's pages_collapsed, as deltas from the
	 * start of the run, so they count what the scenario did, from 0 as
	 * on the engine.  (khugepaged/full_scans is left out: after a
	 * `khugepaged` statement the kernel has made at least N+1 passes,
	 * how many more depends on timing.)
	 */
	{ "vmstat:thp_fault_alloc", 0 },
	{ "vmstat:thp_fault_fallback", 0 },
	{ "vmstat:thp_collapse_alloc", 0 },
	{ "vmstat:thp_split_pmd", 0 },
	{ "vmstat:thp_deferred_split_page", 0 },
	{ "sysfs:transparent_hugepage/khugepaged/pages_collapsed", 0 },
	{ "smaps:%s:Size", 1 },
	{ "smaps:%s:Rss", 1 },
	{ "smaps:%s:Shared_Hugetlb", 2 },
	{ "smaps:%s:Private_Hugetlb", 2 },
	{ "smaps:%s:AnonHugePages", 1 },
};

/*
 * Totals over all files: @errors do not parse, @broken could not be
 * run (a back end failed to open).
 */
struct diff_totals {
	int files, mismatches, skipped, errors, broken, noisy;
};

/*
 * The keys of one file the kernel back end called noisy, each with the
 * line of the first step at which diff met it so.
 */
#define DIFF_NOISY_MAX 16
struct diff_noisy {
	int n;
	char key[DIFF_NOISY_MAX][160];
	int line[DIFF_NOISY_MAX];
};

/* Is global key @key noisy in the kernel's snapshot?  Note it. */
static int noisy_key(const char *key, const struct snapshot *sk,
		     struct diff_noisy *nz, int line)
{
	char nkey[176];
	int i;

	snprintf(nkey, sizeof(nkey), "noisy:%s", key);
	if (!snapshot_get(sk, nkey, NULL))
		return 0;
	for (i = 0; i < nz->n; i++)
		if (!strcmp(nz->key[i], key))
			return 1;
	if (nz->n < DIFF_NOISY_MAX) {
		snprintf(nz->key[nz->n], sizeof(nz->key[0]), "%s", key);
		nz->line[nz->n++] = line;
	}
	return 1;
}

/*
 * One row of the table printed at the first difference.  At most one
 * per compared key plus the outcome, for one step.
 */
struct diff_row {
	char key[160];
	char eng[48], ker[48];
};

static void outcome_name(const struct result *r, char *buf, size_t len)
{
	char tmp[48];

	if (r->kind == RES_NONE)
		snprintf(buf, len, "ok");
	else
		snprintf(buf, len, "%s", result_name(r, tmp, sizeof(tmp)));
}

static void value_name(const char *key, int have, int64_t v, char *buf,
		       size_t len)
{
	if (!have)
		snprintf(buf, len, "-");
	else
		format_value(key, v, buf, len);
}

/*
 * Compare one key; add a row if it differs.  A global key that the kernel
 * back end calls noisy is noted in @nz instead of compared.
 */
static void compare_key(const char *key, int per_proc,
			const struct snapshot *se, const struct snapshot *sk,
			struct diff_row *rows, int *nrows,
			struct diff_noisy *nz, int line)
{
	int64_t ve = 0, vk = 0;
	int he = snapshot_get(se, key, &ve);
	int hk = snapshot_get(sk, key, &vk);
	struct diff_row *r;

	if (per_proc) {
		he = hk = 1;	/* missing: 0 */
	} else if (!he || !hk) {
		return;		/* not modelled on one side */
	} else if (noisy_key(key, sk, nz, line)) {
		return;		/* the host moved it: not the run's own */
	}
	if (ve == vk)
		return;
	r = &rows[(*nrows)++];
	snprintf(r->key, sizeof(r->key), "%s", key);
	value_name(key, he, ve, r->eng, sizeof(r->eng));
	value_name(key, hk, vk, r->ker, sizeof(r->ker));
}

/* Does process @p map 1 GiB hugetlb pages at some point of the program? */
static int maps_1g(const struct program *prog, int p)
{
	int i;

	for (i = 0; i < prog->nmaps; i++)
		if (prog->maps[i].proc == p &&
		    (prog->maps[i].flags & MF_HUGETLB) &&
		    prog->maps[i].pagesize == HR_SZ_1G)
			return 1;
	return 0;
}

/* Shared_Hugetlb + Private_Hugetlb of process @name (missing: 0). */
static int64_t hugetlb_sum(const struct snapshot *s, const char *name)
{
	char key[160];
	int64_t a = 0, b = 0;

	snprintf(key, sizeof(key), "smaps:%s:Shared_Hugetlb", name);
	snapshot_get(s, key, &a);
	snprintf(key, sizeof(key), "smaps:%s:Private_Hugetlb", name);
	snapshot_get(s, key, &b);
	return a + b;
}

static void compare_hugetlb_sum(const char *name, const struct snapshot *se,
				const struct snapshot *sk,
				struct diff_row *rows, int *nrows)
{
	int64_t ve = hugetlb_sum(se, name), vk = hugetlb_sum(sk, name);
	struct diff_row *r;
	char key[160];

	if (ve == vk)
		return;
	snprintf(key, sizeof(key), "smaps:%s:Private_Hugetlb", name);
	r = &rows[(*nrows)++];
	snprintf(r->key, sizeof(r->key), "smaps:%s:Hugetlb(sum)", name);
	format_value(key, ve, r->eng, sizeof(r->eng));
	format_value(key, vk, r->ker, sizeof(r->ker));
}

static int compare_step(const struct program *prog, const struct step *st,
			const struct result *re, const struct result *rk,
			const struct snapshot *se, const struct snapshot *sk,
			struct diff_row *rows, struct diff_noisy *nz)
{
	int nrows = 0, p;
	size_t i;

	if (!same_outcome(re, rk)) {
		struct diff_row *r = &rows[nrows++];

		snprintf(r->key, sizeof(r->key), "outcome");
		outcome_name(re, r->eng, sizeof(r->eng));
		outcome_name(rk, r->ker, sizeof(r->ker));
	}
	for (i = 0; i < sizeof(diff_keys) / sizeof(diff_keys[0]); i++) {
		const struct diff_key *dk = &diff_keys[i];
		char key[160];

		if (!dk->per_proc) {
			compare_key(dk->key, 0, se, sk, rows, &nrows, nz,
				    st->line);
			continue;
		}
		for (p = 0; p < prog->nprocs; p++) {
			if (dk->per_proc == 2 && maps_1g(prog, p))
				continue;
			/* The format is one of the table's literals. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
			snprintf(key, sizeof(key), dk->key, prog->procs[p].name);
#pragma GCC diagnostic pop
			compare_key(key, 1, se, sk, rows, &nrows, nz, st->line);
		}
	}
	/* every node's pool: per-node counters no other process moves */
	for (p = 0; p < (prog->nodes ? prog->nodes : 1); p++)
		for (i = 0; i < 6; i++) {
			static const char *const sizes[] = {
				"2048kB", "1048576kB",
			};
			static const char *const files[] = {
				"nr_hugepages", "free_hugepages",
				"surplus_hugepages",
			};
			char key[160];

			snprintf(key, sizeof(key), "node%d:hugepages-%s/%s", p,
				 sizes[i / 3], files[i % 3]);
			compare_key(key, 0, se, sk, rows, &nrows, nz, st->line);
		}
	for (p = 0; p < prog->nprocs; p++)
		if (maps_1g(prog, p))
			compare_hugetlb_sum(prog->procs[p].name, se, sk, rows,
					    &nrows);
	return nrows;
}

/* The statement with runs of blanks squeezed, cut to fit @len. */
static void squeeze(const char *text, char *buf, size_t len)
{
	size_t n = 0;
	int blank = 0;

	for (; text && *text && n + 1 < len; text++) {
		if (*text == ' ' || *text == '\t') {
			blank = 1;
			continue;
		}
		if (blank && n)
			buf[n++] = ' ';
		blank = 0;
		if (n + 1 < len)
			buf[n++] = *text;
	}
	buf[n] = '\0';
	if (text && *text && len > 4)
		memcpy(buf + len - 4, "...", 4);
}

static void print_table(FILE *out, const struct step *st,
			const struct diff_row *rows, int nrows)
{
	char stmt[48];
	int i, kw = 3, ew = 6, vw = 6;

	squeeze(st->text, stmt, sizeof(stmt));
	for (i = 0; i < nrows; i++) {
		int a = (int)strlen(rows[i].key), b = (int)strlen(rows[i].eng);
		int c = (int)strlen(rows[i].ker);

		kw = a > kw ? a : kw;
		ew = b > ew ? b : ew;
		vw = c > vw ? c : vw;
	}
	fprintf(out, "  %-5s  %-*s  %-*s  %*s  %*s\n", "line", (int)strlen(stmt) > 9 ?
	       (int)strlen(stmt) : 9, "statement", kw, "key", ew, "engine", vw,
	       "kernel");
	for (i = 0; i < nrows; i++)
		fprintf(out, "  %-5d  %-*s  %-*s  %*s  %*s\n", st->line,
		       (int)strlen(stmt) > 9 ? (int)strlen(stmt) : 9,
		       i == 0 ? stmt : "", kw, rows[i].key, ew, rows[i].eng, vw,
		       rows[i].ker);
}

/* fprintf to @out, or nothing when @out is NULL (a quiet diff). */
static void say(FILE *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(FILE *out, const char *fmt, ...)
{
	va_list ap;

	if (!out)
		return;
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
}

/* Record the first difference in @v (when given). */
static void verdict(struct diff_verdict *v, const struct step *st,
		    const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void verdict(struct diff_verdict *v, const struct step *st,
		    const char *key, const char *fmt, ...)
{
	va_list ap;

	if (!v)
		return;
	v->line = st ? st->line : 0;
	v->step = st ? (int)(st - v->prog->steps) : -1;
	snprintf(v->key, sizeof(v->key), "%s", key);
	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof(v->msg), fmt, ap);
	va_end(ap);
}

/*
 * gigantic_short() - did `sysctl` step @st grow a gigantic (1 GiB) pool
 * that the engine filled and the kernel could not?  The kernel back end
 * has already compacted and dropped caches (ks_pool_fill()); what is left
 * is memory fragmented by unmovable allocations, a state of this machine
 * and not a difference in behaviour.  Such a file is skipped with the
 * figures, not reported as a mismatch.
 * Return: 1 and a reason in @why, or 0.
 */
static int gigantic_short(const struct step *st, const struct snapshot *se,
			  const struct snapshot *sk, char *why, size_t len)
{
	static const char pfx[] = "hugepages-1048576kB.";
	char key[128];
	int64_t want, e, k;
	char *end;

	if (st->kind != ST_SYSCTL || strncmp(st->key, pfx, sizeof(pfx) - 1) ||
	    strcmp(st->key + sizeof(pfx) - 1, "nr_hugepages"))
		return 0;
	want = strtoll(st->value, &end, 10);
	if (end == st->value)
		return 0;
	snprintf(key, sizeof(key),
		 "sysfs:hugepages/hugepages-1048576kB/nr_hugepages");
	if (!snapshot_get(se, key, &e) || !snapshot_get(sk, key, &k))
		return 0;
	if (e >= want && k < want) {
		snprintf(why, len, "line %d: the kernel could assemble only "
			 "%lld of %lld 1 GiB pages even after compaction "
			 "(fragmented memory)", st->line, (long long)k,
			 (long long)want);
		return 1;
	}
	/*
	 * The whole pool came up, but a node could not take its share and
	 * the round robin went on to the next node: the same fragmentation,
	 * on one node of a guest.
	 */
	for (int nid = 0; nid < HR_MAX_NODES; nid++) {
		snprintf(key, sizeof(key),
			 "node%d:hugepages-1048576kB/nr_hugepages", nid);
		if (!snapshot_get(se, key, &e) || !snapshot_get(sk, key, &k))
			break;
		if (k < e) {
			snprintf(why, len, "line %d: node %d could assemble only "
				 "%lld of its %lld 1 GiB pages (fragmented "
				 "memory; the pool took them elsewhere)",
				 st->line, nid, (long long)k, (long long)e);
			return 1;
		}
	}
	return 0;
}

int diff_program(const struct program *prog, FILE *out, struct diff_verdict *v)
{
	struct backend eng = { &engine_backend_ops, prog, NULL };
	struct backend ker = { vm_kernel_ops(), prog, NULL };
	struct snapshot se, sk;
	struct diff_noisy nz = { 0 };
	struct diff_row *rows;
	size_t maxrows;
	char err[512];
	int i, rc, nsteps = 0, ret = DIFF_OK;

	/* the table's keys, per process too; 6 pool files a node */
	maxrows = 1 + sizeof(diff_keys) / sizeof(diff_keys[0]) *
		  (size_t)(prog->nprocs + 1) +
		  6 * (size_t)(prog->nodes ? prog->nodes : 1);
	rows = calloc(maxrows, sizeof(*rows));
	if (!rows) {
		say(out ? stderr : NULL, "hugeresv diff: out of memory\n");
		verdict(v, NULL, "", "out of memory");
		return DIFF_ERROR;
	}
	err[0] = '\0';
	/*
	 * The engine follows the kernel it is compared with: the --vm
	 * guest's profile, or the running kernel's (6.18 on the project's
	 * machine), whatever the file's `machine kernel=` says.
	 */
	engine_set_kernel(kernel_side_version());
	rc = eng.ops->open(&eng, prog, err, sizeof(err));
	if (rc) {
		say(out, "%s: error (engine: %s)\n", prog->path, err);
		verdict(v, NULL, "", "engine: %s", err);
		free(rows);
		return DIFF_ERROR;
	}
	err[0] = '\0';
	if (out)
		fflush(out);
	rc = ker.ops->open(&ker, prog, err, sizeof(err));
	if (rc) {
		eng.ops->close(&eng);
		free(rows);
		if (rc == EXIT_REFUSED && vm_refusal_is_per_file()) {
			/* a guest refuses the file, not the machine */
			say(out, "%s: skipped (refused: %s)\n", prog->path, err);
			verdict(v, NULL, "", "refused: %s", err);
			return DIFF_SKIPPED;
		}
		if (rc == EXIT_REFUSED) {
			say(out, "%s: refused (%s)\n", prog->path, err);
			verdict(v, NULL, "", "refused: %s", err);
			return DIFF_REFUSED;
		}
		say(out, "%s: error (%s)\n", prog->path, err);
		verdict(v, NULL, "", "kernel: %s", err);
		return DIFF_ERROR;
	}
	snapshot_init(&se);
	snapshot_init(&sk);

	for (i = 0; i < prog->nsteps; i++) {
		const struct step *st = &prog->steps[i];
		struct result re = { RES_NONE, 0 }, rk = { RES_NONE, 0 };
		int nrows;

		if (st->kind == ST_EXPECT || st->kind == ST_SHOW)
			continue;
		if (eng.ops->exec(&eng, st, &re, err, sizeof(err))) {
			say(out, "%s:%d: the engine back end failed: %s\n",
			    prog->path, st->line, err);
			verdict(v, st, "engine", "the engine back end failed: %s",
				err);
			ret = DIFF_MISMATCH;
			break;
		}
		if (ker.ops->exec(&ker, st, &rk, err, sizeof(err))) {
			say(out, "%s:%d: the kernel back end failed: %s\n",
			    prog->path, st->line, err);
			verdict(v, st, "kernel", "the kernel back end failed: %s",
				err);
			ret = DIFF_MISMATCH;
			break;
		}
		nsteps++;
		if (eng.ops->snapshot(&eng, &se) || ker.ops->snapshot(&ker, &sk)) {
			say(out, "%s:%d: cannot read the counters\n", prog->path,
			    st->line);
			verdict(v, st, "snapshot", "cannot read the counters");
			ret = DIFF_MISMATCH;
			break;
		}
		if (gigantic_short(st, &se, &sk, err, sizeof(err))) {
			say(out, "%s: skipped (%s)\n", prog->path, err);
			verdict(v, st, "machine", "%s", err);
			ret = DIFF_SKIPPED;
			break;
		}
		nrows = compare_step(prog, st, &re, &rk, &se, &sk, rows, &nz);
		if (eng.ops->check && eng.ops->check(&eng, err, sizeof(err))) {
			/* A broken engine state is a difference of its own. */
			say(out, "%s:%d: engine invariant violated after '%s': "
			    "%s\n", prog->path, st->line, st->text, err);
			verdict(v, st, "invariant", "engine invariant: %s", err);
			ret = DIFF_MISMATCH;
		}
		if (nrows) {
			if (out)
				print_table(out, st, rows, nrows);
			if (ret == DIFF_OK)
				verdict(v, st, rows[0].key, "%s: engine %s, kernel %s",
					rows[0].key, rows[0].eng, rows[0].ker);
			ret = DIFF_MISMATCH;
		}
		if (ret != DIFF_OK)
			break;
	}
	if (out)
		fflush(out);
	ker.ops->close(&ker);
	eng.ops->close(&eng);
	snapshot_free(&se);
	snapshot_free(&sk);
	free(rows);
	if (ret == DIFF_OK && !nz.n) {
		say(out, "%s: ok (%d steps)\n", prog->path, nsteps);
	} else if (ret == DIFF_OK) {
		say(out, "%s: ok (%d steps, %d noisy:", prog->path, nsteps,
		    nz.n);
		for (i = 0; i < nz.n; i++)
			say(out, "%s %s from line %d", i ? "," : "", nz.key[i],
			    nz.line[i]);
		say(out, ")\n");
	} else if (i < prog->nsteps && ret != DIFF_SKIPPED) {
		say(out, "%s: MISMATCH at line %d\n", prog->path,
		    prog->steps[i].line);
	}
	if (v) {
		v->steps = nsteps;
		v->noisy = nz.n;
	}
	if (out)
		fflush(out);
	return ret;
}

/*
 * Is @prog engine-only as far as the kernel back end is concerned?  The
 * contract lists `khugepaged` with the engine-only events, and a step so
 * marked may be one; the kernel back end runs it for real (an extension,
 * docs/kernel-backend.md), so only the other engine-only steps count.
 * The same rule as kb_validate() in be_kernel.c.
 */
static int kernel_cannot_run(const struct program *prog)
{
	int i, marked = 0;

	for (i = 0; i < prog->nsteps; i++) {
		if (prog->steps[i].engine_only &&
		    prog->steps[i].kind != ST_KHUGEPAGED)
			return 1;
		marked |= prog->steps[i].engine_only;
	}
	return prog->engine_only && !marked;
}

/* Why: the parser's reason, unless it names a `khugepaged` step. */
static const char *engine_only_why(const struct program *prog)
{
	static char why[200];
	int i, first = 1;

	for (i = 0; i < prog->nsteps; i++) {
		const struct step *st = &prog->steps[i];

		if (!st->engine_only)
			continue;
		if (st->kind != ST_KHUGEPAGED) {
			if (first && prog->engine_only_why[0])
				return prog->engine_only_why;
			snprintf(why, sizeof(why), "line %d: %.150s is "
				 "engine-only", st->line,
				 st->text ? st->text : "?");
			return why;
		}
		first = 0;
	}
	return prog->engine_only_why[0] ? prog->engine_only_why :
	       "see the file";
}

static const char diff_usage[] =
	"usage: hugeresv diff [--vm KERNEL] [--] FILE|DIR...\n"
	"\n"
	"Run each scenario on the engine and on the running kernel in\n"
	"lockstep; stop a file at the first step where the outcome or a\n"
	"compared counter differs.  Engine-only files, and files that would\n"
	"damage the machine, are skipped; with --vm the latter run in a\n"
	"guest rebooted after each (counted in the summary).  A machine-wide\n"
	"THP event counter the host moved during a step is reported as\n"
	"noisy, not compared.  Needs root and hugetlbfs\n"
	"(docs/kernel-backend.md); '-' reads standard input.  The engine\n"
	"follows the kernel it is compared with (its kernel profile: the\n"
	"--vm guest's version, else the running kernel's; section 4 of\n"
	"docs/kernel-differences.md).  A DIR stands for every *.scn file\n"
	"under it, recursively, sorted by path; files keep the order given.\n"
	"\n"
	VM_OPTIONS_HELP
	"  --               what follows is files, even if it starts with '-'\n"
	"  -h, --help       print this help\n"
	"\n"
	"exit status: 0 no mismatch, 1 a mismatch (or a file that could not be\n"
	"run), 2 bad command line or a file that does not parse, 3 the kernel\n"
	"back end refused.\n";

/**
 * diff_main() - `hugeresv diff FILE|DIR...` (see cli.h and the top of
 * this file); a directory is expanded by scn_paths_expand().
 * @argc: argument count; argv[0] is "diff"
 * @argv: the arguments
 *
 * Return: EXIT_OK, EXIT_FAIL (a mismatch), EXIT_USAGE (bad command line
 * or a file that does not parse), EXIT_REFUSED (the kernel back end
 * refused).
 */
int diff_main(int argc, char **argv)
{
	struct diff_totals t = { 0, 0, 0, 0, 0, 0 };
	struct scn_paths sp;
	char **files;
	int i, nfiles = 0, opts = 1, refused = 0, orc = 0;

	files = calloc((size_t)argc + 1, sizeof(*files));
	if (!files)
		return EXIT_FAIL;
	for (i = 1; i < argc; i++) {
		if (opts && !strcmp(argv[i], "--")) {
			opts = 0;
		} else if (opts && is_help_option(argv[i])) {
			fputs(diff_usage, stdout);
			free(files);
			return EXIT_OK;
		} else if (opts && vm_option("diff", argc, argv, &i, &orc)) {
			if (orc) {
				free(files);
				return orc;
			}
		} else if (opts && argv[i][0] == '-' && argv[i][1]) {
			free(files);
			return usage_error("diff", "unknown option '%s'", argv[i]);
		} else {
			files[nfiles++] = argv[i];
		}
	}
	if (!nfiles) {
		free(files);
		return usage_error("diff", "%s", "needs at least one FILE");
	}
	/* a directory is its *.scn files, recursively, sorted by path */
	orc = scn_paths_expand("diff", files, nfiles, &sp);
	free(files);
	if (orc)
		return orc;
	files = sp.path;
	nfiles = sp.n;
	/* the damage prediction below follows the kernel compared with too */
	engine_set_kernel(kernel_side_version());
	for (i = 0; i < nfiles && !refused; i++) {
		struct program *prog = NULL;
		struct diff_verdict v;
		char err[512];
		int rc;

		t.files++;
		if (program_load(files[i], &prog, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			printf("%s: error (cannot load it: see above)\n", files[i]);
			t.errors++;
			continue;
		}
		if (kernel_cannot_run(prog)) {
			printf("%s: skipped (engine-only: %s)\n", prog->path,
			       engine_only_why(prog));
			t.skipped++;
			program_free(prog);
			continue;
		}
		/*
		 * The host's node count is what it is; a guest is booted with
		 * the file's (cli/vm/vm_remote.c).
		 */
		if (!vm_selected() &&
		    (prog->nodes ? prog->nodes : 1) != kernel_nr_nodes()) {
			int want = prog->nodes ? prog->nodes : 1;

			printf("%s: skipped (needs %d NUMA node%s and the host "
			       "has %d: --vm KERNEL runs it in a guest with "
			       "%d)\n", prog->path, want, want > 1 ? "s" : "",
			       kernel_nr_nodes(), want);
			t.skipped++;
			program_free(prog);
			continue;
		}
		/*
		 * A guest's damage ends with the guest: with --vm the remote
		 * back end runs such a file as unsafe and reboots after it.
		 */
		if (!vm_selected() &&
		    kernel_predict_damage(prog, err, sizeof(err))) {
			/* not a refusal of the run: only this file is unsafe */
			printf("%s: skipped (%s)\n", prog->path, err);
			t.skipped++;
			program_free(prog);
			continue;
		}
		memset(&v, 0, sizeof(v));
		v.prog = prog;
		rc = diff_program(prog, stdout, &v);
		t.noisy += v.noisy;
		if (rc == DIFF_MISMATCH)
			t.mismatches++;
		else if (rc == DIFF_REFUSED)
			refused = 1;
		else if (rc == DIFF_ERROR)
			t.broken++;
		else if (rc == DIFF_SKIPPED)
			t.skipped++;
		program_free(prog);
	}
	scn_paths_free(&sp);
	printf("%d files, %d mismatches, %d skipped, %d noisy\n", t.files,
	       t.mismatches, t.skipped, t.noisy);
	if (vm_unsafe_files())
		printf("(%d unsafe file%s run in guests, each guest rebooted "
		       "after)\n", vm_unsafe_files(),
		       vm_unsafe_files() == 1 ? "" : "s");
	if (t.errors + t.broken)
		printf("(%d files could not be run)\n", t.errors + t.broken);
	fflush(stdout);
	if (refused)
		return EXIT_REFUSED;
	if (t.mismatches || t.broken)
		return EXIT_FAIL;
	return t.errors ? EXIT_USAGE : EXIT_OK;
}
