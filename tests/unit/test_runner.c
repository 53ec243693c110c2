/* SPDX-License-Identifier: MIT */
/*
 * test_runner.c - the runner (cli/run/runner.c) against a scripted back end:
 * the exact failure messages, keeping on after a failure, stopping when
 * the back end breaks, validators, refusals, -v and --json.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend/backend.h"
#include "run/run.h"
#include "scenario/program.h"
#include "tap.h"

/* The script: what the fake back end does at each line of the file. */
static struct {
	int refuse;		/* open() returns EXIT_REFUSED */
	int break_line;		/* exec() fails on this line */
	int bad_from, bad_to;	/* check() fails on lines [from, to] */
	int bad_change_line;	/* ... with another message from here */
	int execs;		/* exec() calls */
	int last_line;		/* line of the last step */
	int thp;		/* vmstat:thp_fault_alloc is 327 ... */
	int noisy;		/* ... and noisy from line 2 */
} S;

static int fake_open(struct backend *be, const struct program *prog, char *err, size_t len)
{
	(void)prog;
	be->priv = NULL;
	S.execs = 0;
	if (S.refuse) {
		snprintf(err, len, "line 1: not today");
		return EXIT_REFUSED;
	}
	return 0;
}

static int fake_exec(struct backend *be, const struct step *st, struct result *out,
		     char *err, size_t len)
{
	(void)be;
	S.execs++;
	S.last_line = st->line;
	if (st->line == S.break_line) {
		snprintf(err, len, "agent died");
		return -1;
	}
	out->kind = RES_OK;
	out->err = 0;
	if (st->kind == ST_TOUCH) {
		out->kind = RES_SIGBUS;		/* every touch gets SIGBUS */
	} else if (st->kind == ST_MAP && st->want.kind == RES_ERRNO) {
		out->kind = RES_ERRNO;		/* a map expected to fail: EINVAL */
		out->err = EINVAL;
	}
	return 0;
}

/* Counters: Hugetlb grows 2M per exec; A's smaps has only Size. */
static int fake_snapshot(struct backend *be, struct snapshot *s)
{
	(void)be;
	snapshot_clear(s);
	snapshot_set(s, "meminfo:HugePages_Free", 8);
	snapshot_set(s, "meminfo:Hugetlb", (int64_t)S.execs * (2 << 20));
	snapshot_set(s, "smaps:A:Size", 8 << 20);
	if (S.thp)
		snapshot_set(s, "vmstat:thp_fault_alloc", 327);
	if (S.noisy)
		snapshot_set(s, "noisy:vmstat:thp_fault_alloc", 2);
	return 0;
}

static int fake_check(struct backend *be, char *msg, size_t len)
{
	(void)be;
	if (S.last_line < S.bad_from || S.last_line > S.bad_to)
		return 0;
	snprintf(msg, len, S.bad_change_line && S.last_line >= S.bad_change_line ?
		 "pool broken differently" : "pool broken");
	return -1;
}

static void fake_close(struct backend *be)
{
	(void)be;
}

static const struct backend_ops fake_ops = {
	.name = "fake",
	.open = fake_open,
	.exec = fake_exec,
	.snapshot = fake_snapshot,
	.check = fake_check,
	.close = fake_close,
};

static char out_buf[16384], err_buf[16384];

static void slurp(FILE *f, char *buf, size_t len)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Run @text with stdout and stderr captured into out_buf and err_buf. */
static int run(const char *text, int verbose, int json, int check)
{
	struct run_opts o = { verbose, json, check };
	struct program *p;
	char err[512];
	FILE *fo = tmpfile(), *fe = tmpfile();
	int so, se, rc;

	if (program_parse("t.scn", text, &p, err, sizeof(err))) {
		diag("parse: %s", err);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	so = dup(1);
	se = dup(2);
	dup2(fileno(fo), 1);
	dup2(fileno(fe), 2);
	rc = run_program(p, &fake_ops, &o);
	fflush(stdout);
	fflush(stderr);
	dup2(so, 1);
	dup2(se, 2);
	close(so);
	close(se);
	slurp(fo, out_buf, sizeof(out_buf));
	slurp(fe, err_buf, sizeof(err_buf));
	program_free(p);
	return rc;
}

static const char scn[] =
	"proc A\n"						/* 1 */
	"A: map x 2h anon private hugetlb -> ok\n"		/* 2 */
	"A: touch x 0 write -> ok\n"				/* 3 */
	"expect meminfo Hugetlb=4M HugePages_Free=8\n"		/* 4 */
	"expect meminfo Hugetlb=4M HugePages_Free=7\n"		/* 5 */
	"expect A smaps Size=8M Private_Hugetlb=2M\n"		/* 6 */
	"expect meminfo AnonHugePages=0\n"			/* 7 */
	"A: map y 2h anon private hugetlb -> EINVAL\n"		/* 8 */
	"A: touch x 0 write -> SIGBUS\n"			/* 9 */
	"A: exit\n";						/* 10 */

static void test_failures(void)
{
	memset(&S, 0, sizeof(S));
	is_int(run(scn, 0, 0, 0), EXIT_FAIL, "a failed expectation: status 1");
	is_str(err_buf,
	       "t.scn:3: expected ok, got SIGBUS\n"
	       "t.scn:4: expected Hugetlb=4M, got 6M\n"
	       "t.scn:5: expected Hugetlb=4M, got 6M\n"
	       "t.scn:5: expected HugePages_Free=7, got 8\n"
	       "t.scn:6: expected Private_Hugetlb=2M, got 0\n"
	       "t.scn:7: expected AnonHugePages=0, got nothing (meminfo has no AnonHugePages)\n",
	       "every failure, in order, and the run goes on");
	is_str(out_buf, "", "nothing on stdout without -v or show");
	is_int(S.execs, 6, "every step ran");

	memset(&S, 0, sizeof(S));
	is_int(run("proc A\nA: map y 2h anon private hugetlb -> EINVAL\n", 0, 0, 0), EXIT_OK,
	       "matching errno: status 0");
}

static void test_broken(void)
{
	memset(&S, 0, sizeof(S));
	S.break_line = 3;
	is_int(run(scn, 0, 0, 0), EXIT_FAIL, "a broken back end: status 1");
	is_str(err_buf, "t.scn:3: the fake back end failed: agent died\n", "reported at its line");
	is_int(S.execs, 3, "and nothing runs after it");

	memset(&S, 0, sizeof(S));
	S.refuse = 1;
	is_int(run(scn, 0, 0, 0), EXIT_REFUSED, "a refusal: status 3");
	is_str(err_buf, "t.scn: line 1: not today\n", "the refusal's message");
	is_int(S.execs, 0, "nothing ran");
}

static void test_check(void)
{
	memset(&S, 0, sizeof(S));
	S.bad_from = 2;
	S.bad_to = 9;
	S.bad_change_line = 9;
	run("proc A\n"
	    "A: map x 2h anon private hugetlb\n"
	    "A: touch x 0 write\n"
	    "A: touch x 0 write\n"
	    "show\n"
	    "A: touch x 0 write\n"
	    "A: touch x 0 write\n"
	    "A: touch x 0 write\n"
	    "A: touch x 0 write\n"
	    "A: exit\n", 0, 0, 1);
	is_str(err_buf,
	       "t.scn:2: invariant violated after 'A: map x 2h anon private hugetlb': pool broken\n"
	       "t.scn:9: invariant violated after 'A: touch x 0 write': pool broken differently\n",
	       "a violation is reported where it starts and when it changes");
}

static void test_verbose_json(void)
{
	memset(&S, 0, sizeof(S));
	run("proc A\nA: map x 2h anon private hugetlb -> ok\nshow\n", 1, 0, 0);
	is_str(out_buf,
	       "t.scn: running on the fake back end\n"
	       "t.scn:1: proc A  => ok\n"
	       "    meminfo: Hugetlb 0 -> 2M\n"
	       "t.scn:2: A: map x 2h anon private hugetlb -> ok\n"
	       "    meminfo: Hugetlb 2M -> 4M\n"
	       "# t.scn:3: show\n"
	       "expect meminfo HugePages_Free=8 Hugetlb=4M\n"
	       "expect A smaps Size=8M\n"
	       "t.scn: 3 steps, 1 checks, 0 failed\n",
	       "-v: steps, changes, show, summary");

	memset(&S, 0, sizeof(S));
	run("proc A\nA: map x 2h anon private hugetlb\nA: touch x 0 write -> ok\nshow\n", 0, 1, 0);
	is_str(out_buf,
	       "{\"file\":\"t.scn\",\"backend\":\"fake\",\"events\":["
	       "{\"type\":\"failure\",\"line\":3,\"text\":\"A: touch x 0 write -> ok\","
	       "\"message\":\"t.scn:3: expected ok, got SIGBUS\"},"
	       "{\"type\":\"show\",\"line\":4,\"text\":\"show\",\"figures\":"
	       "{\"meminfo:HugePages_Free\":8,\"meminfo:Hugetlb\":6291456,\"smaps:A:Size\":8388608}}"
	       "],\"summary\":{\"steps\":4,\"checks\":1,\"failed\":1,\"status\":\"fail\"},"
	       "\"figures\":{\"meminfo:HugePages_Free\":8,\"meminfo:Hugetlb\":6291456,\"smaps:A:Size\":8388608}}\n",
	       "--json: one line per file");
}

/*
 * A key the back end calls noisy (the kernel's: the host moved a
 * machine-wide counter) is reported and not checked, and no failure.
 */
static void test_noisy(void)
{
	static const char t[] =
		"proc A\n"
		"A: map x 4M anon private -> ok\n"
		"expect vmstat thp_fault_alloc=1\n"
		"expect meminfo HugePages_Free=8\n"
		"A: exit\n";
	int rc;

	memset(&S, 0, sizeof(S));
	S.thp = 1;
	rc = run(t, 0, 0, 0);
	is_int(rc, EXIT_FAIL, "not noisy: 327 is a failure");
	S.noisy = 1;
	rc = run(t, 1, 0, 0);
	is_int(rc, EXIT_OK, "noisy: not a failure");
	is_str(err_buf, "t.scn:3: noisy: thp_fault_alloc=1 not checked (the host "
	       "moved this machine-wide counter at line 2 or before; the "
	       "machine's delta is 327)\n", "reported as noisy, with the line");
	ok(strstr(out_buf, "t.scn: 5 steps, 2 checks, 0 failed, 1 noisy\n") != NULL,
	   "-v counts it");
	rc = run(t, 0, 1, 0);
	ok(rc == EXIT_OK && strstr(out_buf, "\"type\":\"noisy\"") &&
	   strstr(out_buf, "\"failed\":0,\"noisy\":1,\"status\":\"ok\""),
	   "--json: a noisy event and the count");
	S.noisy = S.thp = 0;
}

int main(void)
{
	test_failures();
	test_broken();
	test_check();
	test_verbose_json();
	test_noisy();
	return done_testing();
}
