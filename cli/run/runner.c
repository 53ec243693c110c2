/* SPDX-License-Identifier: MIT */
/*
 * runner.c - `hugeresv run`: carry out a program on a back end and check
 * what the file expects.
 *
 * The runner only talks to struct backend_ops, so the engine and the
 * real kernel are checked by the same code.  It never stops at a failed
 * expectation: a scenario is a list of facts and the report is more
 * useful when it lists every fact that does not hold.  It does stop when
 * the back end itself breaks (exec() returns -1), because nothing after
 * that point would mean anything.
 *
 * Output: failures go to stderr as "FILE:LINE: expected KEY=WANT, got
 * HAVE"; `show` and -v go to stdout.  An expectation of a machine-wide
 * event counter that the kernel back end could not show to be the run's
 * own (the snapshot holds "noisy:KEY": the host moved it around a step,
 * docs/kernel-backend.md) is not checked: it goes to stderr as
 * "FILE:LINE: noisy: KEY=WANT not checked ..." and is no failure.  With --json, stdout carries one
 * JSON object per file instead (see docs/scenario-language.md).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/utsname.h>

#include "backend/backend.h"
#include "hugeresv.h"
#include "run/run.h"
#include "scenario/program.h"
#include "vm/vm.h"

struct runner {
	const struct program *prog;
	const struct run_opts *o;
	struct backend be;
	struct snapshot prev, cur;
	int have_prev;		/* prev holds the counters before this step */
	int failed;		/* failed checks */
	int noisy;		/* expectations not checked: noisy keys */
	int checks;		/* expectations and results compared */
	int nevents;		/* JSON events written so far */
	int do_check;		/* validators after every step */
	int kernel;		/* for expect[RANGE]: HR_KERNEL() */
	char last_violation[512];	/* the last one reported, "" if none */
};

static const char *const src_name[] = {
	[EX_MEMINFO] = "meminfo",
	[EX_VMSTAT] = "vmstat",
	[EX_SMAPS] = "smaps",
	[EX_SYSFS] = "sysfs",
	[EX_SYSCTL] = "sysctl",
	[EX_THP] = "thp",
	[EX_NODE] = "node",
	[EX_CGROUP] = "cgroup",
};

/* ------------------------------------------------------------------ */
/* JSON events                                                         */

static void json_event_start(struct runner *R, const char *type, const struct step *st)
{
	printf("%s{\"type\":", R->nevents++ ? "," : "");
	json_string(stdout, type);
	if (st) {
		printf(",\"line\":%d,\"text\":", st->line);
		json_string(stdout, st->text);
	}
}

/*
 * A message about @st on stderr (after what -v printed so far, to keep
 * the two in order) and, with --json, as an event of @type.
 */
static void report_message(struct runner *R, const char *type,
			   const struct step *st, const char *msg)
{
	fflush(stdout);
	fprintf(stderr, "%s\n", msg);
	if (R->o->json) {
		json_event_start(R, type, st);
		printf(",\"message\":");
		json_string(stdout, msg);
		putchar('}');
	}
}

/* The whole snapshot as a JSON object; values are raw (bytes for kB). */
static void json_figures(const struct snapshot *s)
{
	putchar('{');
	for (int i = 0; i < s->n; i++) {
		if (i)
			putchar(',');
		json_string(stdout, s->v[i].key);
		printf(":%" PRId64, s->v[i].val);
	}
	putchar('}');
}

static void json_changes(const struct snapshot *before, const struct snapshot *after)
{
	int first = 1;

	putchar('{');
	for (int i = 0; i < after->n; i++) {
		int64_t old = 0;

		snapshot_get(before, after->v[i].key, &old);
		if (old == after->v[i].val)
			continue;
		printf("%s", first ? "" : ",");
		json_string(stdout, after->v[i].key);
		printf(":[%" PRId64 ",%" PRId64 "]", old, after->v[i].val);
		first = 0;
	}
	for (int i = 0; i < before->n; i++) {
		if (snapshot_get(after, before->v[i].key, NULL) || !before->v[i].val)
			continue;
		printf("%s", first ? "" : ",");
		json_string(stdout, before->v[i].key);
		printf(":[%" PRId64 ",0]", before->v[i].val);
		first = 0;
	}
	putchar('}');
}

/* ------------------------------------------------------------------ */
/* Failures                                                            */

__attribute__((format(printf, 3, 4)))
static void fail(struct runner *R, const struct step *st, const char *fmt, ...)
{
	char msg[1024];
	int n;
	va_list ap;

	n = snprintf(msg, sizeof(msg), "%s:%d: ", R->prog->path, st->line);
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	R->failed++;
	report_message(R, "failure", st, msg);
}

static int take_snapshot(struct runner *R, struct snapshot *s, const struct step *st)
{
	snapshot_clear(s);
	if (R->be.ops->snapshot(&R->be, s) == 0)
		return 0;
	fail(R, st, "the %s back end could not read its counters", R->be.ops->name);
	return -1;
}

/* ------------------------------------------------------------------ */
/* expect and show                                                     */

static void item_key(const struct runner *R, const struct step *st,
		     const struct expect_item *it, char *buf, size_t len)
{
	if (st->ex_source == EX_SMAPS)
		snprintf(buf, len, "smaps:%s:%s", R->prog->procs[st->ex_proc].name, it->key);
	else if (st->ex_source == EX_NODE)
		snprintf(buf, len, "node%d:%s", st->node, it->key);
	else if (st->ex_source == EX_CGROUP)
		snprintf(buf, len, "cgroup:%s:%s", R->prog->cgroups[st->cgroup].name, it->key);
	else
		snprintf(buf, len, "%s:%s", src_name[st->ex_source], it->key);
}

/*
 * Is @key noisy in the back end's snapshot (the kernel's: the host moved
 * this machine-wide counter at line *@line or before)?
 */
static int noisy_expectation(const struct runner *R, const char *key, int *line)
{
	char nkey[272];
	int64_t v = 0;

	snprintf(nkey, sizeof(nkey), "noisy:%s", key);
	if (!snapshot_get(&R->cur, nkey, &v))
		return 0;
	*line = (int)v;
	return 1;
}

static void report_noisy(struct runner *R, const struct step *st,
			 const struct expect_item *it, const char *want,
			 int line, int have, int64_t v, const char *key)
{
	char got[48], msg[768];

	R->noisy++;
	snprintf(msg, sizeof(msg), "%s:%d: noisy: %s=%s not checked (the host "
		 "moved this machine-wide counter at line %d or before; the "
		 "machine's delta is %s)", R->prog->path, st->line, it->key,
		 want, line, have ? format_value(key, v, got, sizeof(got)) : "-");
	report_message(R, "noisy", st, msg);
}


int kernel_side_version(void)
{
	struct utsname u;
	int k = 0;

	if (vm_selected())
		k = kernel_parse(vm_kernel_spec(), NULL);
	else if (!uname(&u))
		k = kernel_parse(u.release, NULL);
	if (!k || k > HR_KERNEL_LATEST)
		return HR_KERNEL_LATEST;
	return k < HR_KERNEL_OLDEST ? HR_KERNEL_OLDEST : k;
}

int backend_kernel_version(const struct backend_ops *ops,
			   const struct program *prog)
{
	if (ops == &engine_backend_ops)
		return engine_kernel(prog);
	return kernel_side_version();
}

/*
 * expect[RANGE] on a kernel outside RANGE: not checked.  The engine, whose
 * profile the file or the command chose, says so only with -v; a real
 * kernel always does, so that a run that checked less is not mistaken
 * for a run that checked everything.
 */
static int expect_skipped(struct runner *R, const struct step *st)
{
	char k[16];

	if (step_holds_for(st, R->kernel))
		return 0;
	if (R->be.ops != &engine_backend_ops || R->o->verbose) {
		fflush(stdout);
		fprintf(stderr, "%s:%d: note: not checked on %s %s (expect[%s])\n",
			R->prog->path, st->line,
			R->be.ops == &engine_backend_ops ? "the engine's" : "Linux",
			kernel_name(R->kernel, k, sizeof(k)), st->kernel_range);
	}
	return 1;
}

static void run_expect(struct runner *R, const struct step *st)
{
	char key[256], want[48], have[48];
	int nline;
	int64_t v;
	int (*get)(struct backend *, const char *, int64_t *) = R->be.ops->get;

	if (expect_skipped(R, st))
		return;

	/* a back end that answers one key at a time spares the snapshot */
	if (!get && take_snapshot(R, &R->cur, st))
		return;
	for (int i = 0; i < st->nitems; i++) {
		const struct expect_item *it = &st->items[i];
		int found;

		item_key(R, st, it, key, sizeof(key));
		R->checks++;
		found = get ? get(&R->be, key, &v) : snapshot_get(&R->cur, key, &v);
		if (!get && noisy_expectation(R, key, &nline)) {
			R->checks--;	/* not a check: its figure is unknown */
			format_value(key, it->value, want, sizeof(want));
			report_noisy(R, st, it, want, nline, found > 0, v, key);
			continue;
		}
		if (found > 0 && v == it->value)
			continue;	/* held: nothing to format */
		format_value(key, it->value, want, sizeof(want));
		if (found < 0) {
			fail(R, st, "the %s back end could not read %s",
			     R->be.ops->name, key);
			continue;
		}
		if (!found) {
			/*
			 * A process without mappings has an empty smaps: its
			 * fields are 0, not missing.
			 */
			if (st->ex_source != EX_SMAPS) {
				fail(R, st, "expected %s=%s, got nothing (%s has no %s)",
				     it->key, want, src_name[st->ex_source], it->key);
				continue;
			}
			v = 0;
		}
		if (v != it->value)
			fail(R, st, "expected %s=%s, got %s", it->key, want,
			     format_value(key, v, have, sizeof(have)));
	}
}

static void show_keys(const struct snapshot *s, const char *prefix,
		      const char *const *keys)
{
	char key[sizeof(s->v[0].key)], val[48];
	int64_t v;

	for (int i = 0; keys[i]; i++) {
		snprintf(key, sizeof(key), "%s%s", prefix, keys[i]);
		if (snapshot_get(s, key, &v))
			printf(" %s=%s", keys[i], format_value(key, v, val, sizeof(val)));
	}
}

/*
 * `show` prints the figures as `expect` lines, so that a scenario writer
 * can paste what the machine did into the file once it is understood.
 */
static void print_show(struct runner *R, const struct step *st, const struct snapshot *s)
{
	static const char *const meminfo[] = {
		"HugePages_Total", "HugePages_Free", "HugePages_Rsvd",
		"HugePages_Surp", "Hugetlb", NULL
	};
	static const char *const sysfs[] = {
		"nr_hugepages", "free_hugepages", "resv_hugepages",
		"surplus_hugepages", "nr_overcommit_hugepages", NULL
	};
	static const char *const sizes[] = { "2048kB", "1048576kB" };
	static const char *const smaps[] = {
		"Size", "Rss", "AnonHugePages", "Shared_Hugetlb",
		"Private_Hugetlb", NULL
	};
	char key[sizeof(s->v[0].key)], val[48];
	int64_t v;

	printf("# %s:%d: show\n", R->prog->path, st->line);
	printf("expect meminfo");
	show_keys(s, "meminfo:", meminfo);
	if (snapshot_get(s, "meminfo:AnonHugePages", &v) && v)
		printf(" AnonHugePages=%s", format_value("meminfo:AnonHugePages", v, val, sizeof(val)));
	putchar('\n');
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int any = i == 0, have = 0;

		for (int k = 0; sysfs[k]; k++) {
			snprintf(key, sizeof(key), "sysfs:hugepages/hugepages-%s/%s", sizes[i], sysfs[k]);
			if (snapshot_get(s, key, &v)) {
				have = 1;
				any |= v != 0;
			}
		}
		if (!any || !have)
			continue;
		printf("expect sysfs");
		for (int k = 0; sysfs[k]; k++) {
			snprintf(key, sizeof(key), "sysfs:hugepages/hugepages-%s/%s", sizes[i], sysfs[k]);
			if (snapshot_get(s, key, &v))
				printf(" hugepages/hugepages-%s/%s=%" PRId64, sizes[i], sysfs[k], v);
		}
		putchar('\n');
	}
	/* Each node's 2 MiB pool, on a machine of more than one node. */
	for (int nid = 0; R->prog->nodes > 1 && nid < R->prog->nodes; nid++) {
		static const char *const nf[] = {
			"hugepages-2048kB/nr_hugepages",
			"hugepages-2048kB/free_hugepages",
			"hugepages-2048kB/surplus_hugepages", NULL
		};
		char pfx[24];

		snprintf(pfx, sizeof(pfx), "node%d:", nid);
		printf("expect node %d", nid);
		show_keys(s, pfx, nf);
		putchar('\n');
	}
	/* One line per process that has smaps counters, in snapshot order. */
	for (int i = 0; i < s->n; i++) {
		const char *name = s->v[i].key + 6, *colon;
		char prefix[sizeof(key)];
		int seen = 0;

		if (strncmp(s->v[i].key, "smaps:", 6) || !(colon = strchr(name, ':')))
			continue;
		snprintf(prefix, sizeof(prefix), "smaps:%.*s:", (int)(colon - name), name);
		for (int j = 0; j < i && !seen; j++)
			seen = !strncmp(s->v[j].key, prefix, strlen(prefix));
		if (seen)
			continue;
		printf("expect %.*s smaps", (int)(colon - name), name);
		show_keys(s, prefix, smaps);
		putchar('\n');
	}
	/*
	 * One line per cgroup, in snapshot order: its 2 MiB files, and the
	 * 1 GiB ones where any is not 0 or a limit.
	 */
	for (int i = 0; i < s->n; i++) {
		static const char *const cgf[] = {
			"current", "rsvd.current", "events.max", "max", "rsvd.max",
		};
		const char *name = s->v[i].key + 7, *colon;
		char prefix[PROG_NAME_MAX + 16];
		int seen = 0;

		if (strncmp(s->v[i].key, "cgroup:", 7) || !(colon = strchr(name, ':')) ||
		    colon - name >= PROG_NAME_MAX)
			continue;
		snprintf(prefix, sizeof(prefix), "cgroup:%.*s:",
			 (int)(colon - name) & (PROG_NAME_MAX - 1), name);
		for (int j = 0; j < i && !seen; j++)
			seen = !strncmp(s->v[j].key, prefix, strlen(prefix));
		if (seen)
			continue;
		printf("expect cgroup %.*s", (int)(colon - name), name);
		for (int sz = 0; sz < 2; sz++) {
			int any = sz == 0;

			for (size_t k = 0; !any && k < 3; k++) {
				snprintf(key, sizeof(key), "%shugetlb.1GB.%s", prefix, cgf[k]);
				any = snapshot_get(s, key, &v) && v;
			}
			for (size_t k = 0; any && k < sizeof(cgf) / sizeof(cgf[0]); k++) {
				snprintf(key, sizeof(key), "%shugetlb.%s.%s", prefix,
					 sz ? "1GB" : "2MB", cgf[k]);
				if (snapshot_get(s, key, &v))
					printf(" %s=%s", key + strlen(prefix),
					       format_value(key, v, val, sizeof(val)));
			}
		}
		putchar('\n');
	}
}

static void run_show(struct runner *R, const struct step *st)
{
	if (take_snapshot(R, &R->cur, st))
		return;
	if (R->o->json) {
		json_event_start(R, "show", st);
		printf(",\"figures\":");
		json_figures(&R->cur);
		putchar('}');
		return;
	}
	print_show(R, st, &R->cur);
}

/* ------------------------------------------------------------------ */
/* Steps                                                               */

static int same_result(const struct result *a, const struct result *b)
{
	return a->kind == b->kind && (a->kind != RES_ERRNO || a->err == b->err);
}

static void report_step(struct runner *R, const struct step *st, const struct result *res)
{
	char b1[32];
	const char *rn = res->kind == RES_NONE ? NULL : result_name(res, b1, sizeof(b1));

	if (R->o->json) {
		json_event_start(R, "step", st);
		if (rn) {
			printf(",\"result\":");
			json_string(stdout, rn);
		}
		if (R->have_prev) {
			printf(",\"changes\":");
			json_changes(&R->prev, &R->cur);
		}
		putchar('}');
		return;
	}
	printf("%s:%d: %s", R->prog->path, st->line, st->text);
	if (rn && st->want.kind == RES_NONE)
		printf("  => %s", rn);
	putchar('\n');
	if (R->have_prev)
		snapshot_print_changes(stdout, "    ", &R->prev, &R->cur);
}

static int run_step(struct runner *R, const struct step *st)
{
	struct result res = { RES_NONE, 0 };
	char err[512], b1[32], b2[32];

	if (R->be.ops->exec(&R->be, st, &res, err, sizeof(err))) {
		fail(R, st, "the %s back end failed: %s", R->be.ops->name, err);
		return -1;
	}
	if (R->o->verbose) {
		/* -v: what the step changed, against the counters before it. */
		if (R->have_prev && take_snapshot(R, &R->cur, st))
			return -1;
		report_step(R, st, &res);
		if (R->have_prev) {
			struct snapshot t = R->prev;

			R->prev = R->cur;
			R->cur = t;
		}
	}
	if (st->want.kind != RES_NONE) {
		R->checks++;
		if (!same_result(&st->want, &res))
			fail(R, st, "expected %s, got %s", result_name(&st->want, b1, sizeof(b1)),
			     result_name(&res, b2, sizeof(b2)));
	}
	return 0;
}

/*
 * A broken invariant usually stays broken: report it at the step that
 * broke it, and again only when the violation changes or after it healed.
 */
static void run_check(struct runner *R, const struct step *st)
{
	char msg[sizeof(R->last_violation)];

	if (!R->be.ops->check)
		return;
	msg[0] = '\0';
	if (R->be.ops->check(&R->be, msg, sizeof(msg)) == 0) {
		R->last_violation[0] = '\0';
		return;
	}
	if (!msg[0])
		snprintf(msg, sizeof(msg), "(no message)");
	if (!strcmp(msg, R->last_violation))
		return;
	snprintf(R->last_violation, sizeof(R->last_violation), "%s", msg);
	fail(R, st, "invariant violated after '%s': %s", st->text, msg);
}

/**
 * run_program() - run one scenario on one back end (see cli.h).
 * @prog: the parsed program
 * @ops:  the back end
 * @opts: -v, --json, --check
 *
 * Return: EXIT_OK, EXIT_FAIL, or the status the back end's open() gave.
 */
int run_program(const struct program *prog, const struct backend_ops *ops,
		const struct run_opts *opts)
{
	struct runner R;
	char err[512];
	int rc;

	memset(&R, 0, sizeof(R));
	R.prog = prog;
	R.o = opts;
	R.be.ops = ops;
	R.be.prog = prog;
	R.kernel = backend_kernel_version(ops, prog);
#ifdef HR_DEBUG
	R.do_check = 1;
#else
	R.do_check = opts->check;
#endif
	err[0] = '\0';
	rc = ops->open(&R.be, prog, err, sizeof(err));
	if (rc) {
		fprintf(stderr, "%s: %s\n", prog->path, err[0] ? err : "the back end refused to run it");
		if (opts->json) {
			printf("{\"file\":");
			json_string(stdout, prog->path);
			printf(",\"backend\":");
			json_string(stdout, ops->name);
			printf(",\"refused\":");
			json_string(stdout, err);
			printf(",\"status\":%d}\n", rc);
		}
		return rc;
	}
	snapshot_init(&R.prev);
	snapshot_init(&R.cur);
	if (opts->json) {
		printf("{\"file\":");
		json_string(stdout, prog->path);
		printf(",\"backend\":");
		json_string(stdout, ops->name);
		printf(",\"events\":[");
	}
	if (opts->verbose) {
		R.have_prev = ops->snapshot(&R.be, &R.prev) == 0;
		if (!opts->json)
			printf("%s: running on the %s back end\n", prog->path, ops->name);
	}

	for (int i = 0; i < prog->nsteps; i++) {
		const struct step *st = &prog->steps[i];

		if (st->kind == ST_EXPECT) {
			int before = R.failed;

			run_expect(&R, st);
			if (opts->verbose && !opts->json)
				printf("%s:%d: %s%s\n", prog->path, st->line, st->text,
				       R.failed > before ? "  <- FAILED" : "");
		} else if (st->kind == ST_SHOW) {
			run_show(&R, st);
		} else if (run_step(&R, st)) {
			break;
		}
		/* expect and show only read: nothing new to validate. */
		if (R.do_check && st->kind != ST_EXPECT && st->kind != ST_SHOW)
			run_check(&R, st);
	}

	if (opts->json) {
		printf("],\"summary\":{\"steps\":%d,\"checks\":%d,\"failed\":%d,",
		       prog->nsteps, R.checks, R.failed);
		if (R.noisy)
			printf("\"noisy\":%d,", R.noisy);
		printf("\"status\":");
		json_string(stdout, R.failed ? "fail" : "ok");
		printf("},\"figures\":");
		snapshot_clear(&R.cur);
		if (ops->snapshot(&R.be, &R.cur) == 0)
			json_figures(&R.cur);
		else
			printf("null");
		printf("}\n");
	} else if (opts->verbose) {
		printf("%s: %d steps, %d checks, %d failed", prog->path, prog->nsteps,
		       R.checks, R.failed);
		if (R.noisy)
			printf(", %d noisy", R.noisy);
		putchar('\n');
	}
	fflush(stdout);
	ops->close(&R.be);
	snapshot_free(&R.prev);
	snapshot_free(&R.cur);
	return R.failed ? EXIT_FAIL : EXIT_OK;
}
