/* SPDX-License-Identifier: MIT */
/*
 * test_footprint.c - footprint files (cli/formats/footprint.c): write -> load
 * round trips, merging of adjacent runs, and the FILE:LINE:COL messages
 * for files that break an invariant.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/footprint.h"
#include "tap.h"

static char tmpdir[] = "/tmp/test_footprint.XXXXXX";

/* Write @text to a file named @name in tmpdir; return its path. */
static const char *put(const char *name, const char *text)
{
	return tap_write_file(tmpdir, name, text);
}

static void test_round_trip(void)
{
	struct fp_run r1[] = { { 0, 12 }, { 40, 1 }, { 43, 3 } };
	uint64_t h1[] = { 0x7f0000200000 };
	struct fp_run r3[] = { { 0, 1 } };
	struct fp_vma v[] = {
		{ 0x7f0000000000, 0x7f0000600000, "rw-p", FP_ANON, "",
		  r1, 3, 16, h1, 1 },
		{ 0x7f0000600000, 0x7f0000601000, "r--p", FP_FILE,
		  "/usr/lib/a b (deleted)", NULL, 0, 0, NULL, 0 },
		{ 0x7ffff0000000, 0x7ffff0001000, "r-xp", FP_SPECIAL,
		  "[vdso]", r3, 1, 1, NULL, 0 },
	};
	struct footprint fp = { "t", "pid 1, a test", "madvise", v, 3 };
	struct footprint *got = NULL;
	char err[512] = "";
	const char *path = put("rt.fp", "");
	FILE *f = fopen(path, "w");
	int rc;

	ok(f && footprint_write(f, &fp) == 0, "write");
	if (f)
		fclose(f);
	rc = footprint_load(path, &got, err, sizeof(err));
	ok(rc == 0, "load what was written");
	if (rc) {
		diag("%s", err);
		return;
	}
	is_str(got->name, "t", "name");
	is_str(got->source, "pid 1, a test", "source");
	is_str(got->thp_enabled, "madvise", "thp");
	is_int((int64_t)got->nvmas, 3, "three vmas");
	is_int((int64_t)got->vmas[0].start, 0x7f0000000000, "start");
	is_int((int64_t)got->vmas[0].end, 0x7f0000600000, "end");
	is_str(got->vmas[0].perms, "rw-p", "perms");
	is_int(got->vmas[0].kind, FP_ANON, "kind anon");
	is_str(got->vmas[0].name, "", "no name");
	is_int((int64_t)got->vmas[0].nruns, 3, "three runs");
	is_int((int64_t)got->vmas[0].runs[2].first, 43, "run first");
	is_int((int64_t)got->vmas[0].runs[2].count, 3, "run count");
	is_int((int64_t)got->vmas[0].present, 16, "present");
	is_int((int64_t)got->vmas[0].nhuge, 1, "one huge");
	is_int((int64_t)got->vmas[0].huge[0], 0x7f0000200000, "huge addr");
	is_str(got->vmas[1].name, "/usr/lib/a b (deleted)", "name with blanks");
	is_int(got->vmas[1].kind, FP_FILE, "kind file");
	is_int((int64_t)got->vmas[1].present, 0, "nothing present");
	is_int(got->vmas[2].kind, FP_SPECIAL, "kind special");
	footprint_free(got);
}

static void test_merge(void)
{
	struct footprint *fp = NULL;
	char err[512] = "";
	const char *path = put("merge.fp",
		"# hugeresv footprint 1\n"
		"\n"
		"# a comment\n"
		"name m\n"
		"vma 1000-20000 rw-p anon\n"
		"present 0+2 2+3\t7\n"
		"present 8 9+2\n"
		"present 20+4\n");

	ok(footprint_load(path, &fp, err, sizeof(err)) == 0, "load");
	if (!fp) {
		diag("%s", err);
		return;
	}
	is_int((int64_t)fp->vmas[0].nruns, 3, "adjacent runs merged");
	is_int((int64_t)fp->vmas[0].runs[0].count, 5, "0+2 2+3 -> 0+5");
	is_int((int64_t)fp->vmas[0].runs[1].first, 7, "second run");
	is_int((int64_t)fp->vmas[0].runs[1].count, 4, "merged across lines");
	is_int((int64_t)fp->vmas[0].present, 13, "present summed");
	is_str(fp->source, "", "no source: empty");
	is_str(fp->thp_enabled, "", "no thp: empty");
	footprint_free(fp);
}

/* Many runs: the arrays grow without trouble and the count is right. */
static void test_large(void)
{
	const int n = 200000;
	struct footprint *fp = NULL;
	char err[512] = "", path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/large.fp", tmpdir);
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "# hugeresv footprint 1\nname big\n");
	fprintf(f, "vma 100000000-%llx rw-p anon\n",
		0x100000000ULL + 2ULL * n * 4096);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%d", i % 10 ? " " : "\npresent ", 2 * i);
	fputc('\n', f);
	fclose(f);
	ok(footprint_load(path, &fp, err, sizeof(err)) == 0, "200,000 runs load");
	if (!fp) {
		diag("%s", err);
		return;
	}
	is_int((int64_t)fp->vmas[0].nruns, n, "all runs");
	is_int((int64_t)fp->vmas[0].present, n, "all pages");
	footprint_free(fp);
}

static void bad(const char *name, const char *text, const char *want)
{
	struct footprint *fp = (struct footprint *)&fp;
	char err[512] = "", msg[600];
	const char *path = put(name, text);
	int rc = footprint_load(path, &fp, err, sizeof(err));

	ok(rc == -1 && fp == NULL, "%s: refused", name);
	snprintf(msg, sizeof(msg), "%s/%s", tmpdir, want);
	is_str(err, msg, name);
}

#define HDR "# hugeresv footprint 1\nname x\n"

static void test_errors(void)
{
	bad("empty.fp", "",
	    "empty.fp:1:1: not a hugeresv footprint: the first line must be '# hugeresv footprint 1'");
	bad("version.fp", "# hugeresv footprint 2\nname x\n",
	    "version.fp:1:22: footprint version 2 is not supported (this hugeresv reads version 1)");
	bad("noname.fp", "# hugeresv footprint 1\nvma 1000-2000 rw-p anon\n",
	    "noname.fp:3:1: no 'name' line (a footprint needs one)");
	bad("twonames.fp", HDR "name y\n", "twonames.fp:3:1: second 'name' line");
	bad("unsorted.fp", HDR "vma 5000-6000 rw-p anon\nvma 1000-2000 rw-p anon\n",
	    "unsorted.fp:4:5: vma overlaps or comes before the previous one (which ends at 6000)");
	bad("outside.fp", HDR "vma 1000-3000 rw-p anon\npresent 1+2\n",
	    "outside.fp:4:9: run 1+2 goes past the vma's 2 pages");
	bad("overlap.fp", HDR "vma 1000-9000 rw-p anon\npresent 0+3 2\n",
	    "overlap.fp:4:13: run at page 2 overlaps or comes before the previous run (which ends at page 3)");
	bad("hex.fp", HDR "vma 10g0-2000 rw-p anon\n",
	    "hex.fp:3:7: bad hex digit 'g' in start address");
	bad("align.fp", HDR "vma 0-400000 rw-p anon\nhuge 1000\n",
	    "align.fp:4:6: huge page address 1000 is not 2 MiB aligned");
	bad("hugeout.fp", HDR "vma 0-300000 rw-p anon\nhuge 200000\n",
	    "hugeout.fp:4:6: huge page 200000 is not wholly inside the vma");
	bad("kind.fp", HDR "vma 0-1000 rw-p anonymous\n",
	    "kind.fp:3:17: unknown vma kind 'anonymous' (anon, file, shared or special)");
	bad("perms.fp", HDR "vma 0-1000 rwxq anon\n",
	    "perms.fp:3:15: bad permission character 'q' (want p or s)");
	bad("orphan.fp", HDR "present 0\n",
	    "orphan.fp:3:1: 'present' before any 'vma' line");
	bad("zero.fp", HDR "vma 0-1000 rw-p anon\npresent 0+0\n",
	    "zero.fp:4:11: empty run (count 0)");
	bad("ctrl.fp", HDR "vma 0-1000 rw-p anon\r\n",
	    "ctrl.fp:3:21: control character 0x0d");
	bad("keyword.fp", HDR "vmas 0-1000 rw-p anon\n",
	    "keyword.fp:3:1: unknown keyword 'vmas' (name, source, thp, vma, present or huge)");
}

int main(void)
{
	char cmd[300];

	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	if (chdir(tmpdir)) {
		perror(tmpdir);
		return 1;
	}
	test_round_trip();
	test_merge();
	test_large();
	test_errors();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd))
		diag("could not remove %s", tmpdir);
	return done_testing();
}
