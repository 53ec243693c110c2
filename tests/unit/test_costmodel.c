/* SPDX-License-Identifier: MIT */
/*
 * test_costmodel.c - the cost model (cli/formats/costmodel.c): the shipped
 * default, write -> load, every way a model file can be malformed, and
 * which file cost_model_find() picks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/costmodel.h"
#include "tap.h"

static char dir[] = "/tmp/hr-costmodel-XXXXXX";

static const char good[] =
	"# hugeresv cost model 1\n"
	"# a comment\n"
	"host test box #1\n"
	"\n"
	"date 2026-11-21T10:00:00Z\n"
	"kernel 6.18.44\n"
	"fault_4k_ns 812.5\n"
	"   # an indented comment\n"
	"fault_2m_ns 41234.0\n"
	"zero_2m_ns\t38000\n"
	"copy_2m_ns 6.1e4\n"
	"walk_4k_ns 31.25  \n"
	"walk_2m_ns 9.75\n";

static const char *write_tmp(const char *name, const char *text)
{
	return tap_write_file(dir, name, text);
}

/* @good with the line that starts with @key replaced by @line ("" drops it). */
static const char *variant(const char *key, const char *line)
{
	static char buf[2048];
	const char *p = good;
	size_t klen = strlen(key);

	buf[0] = '\0';
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p + 1) : strlen(p);

		if (!strncmp(p, key, klen) && (p[klen] == ' ' || p[klen] == '\t'))
			strcat(buf, line);
		else
			strncat(buf, p, len);
		p += len;
	}
	return write_tmp("variant", buf);
}

static void test_default(void)
{
	struct cost_model cm;

	cost_model_default(&cm);
	ok(cm.fault_4k > 0 && cm.fault_2m > 0 && cm.zero_2m > 0 &&
	   cm.copy_2m > 0 && cm.walk_4k > 0 && cm.walk_2m > 0,
	   "every default figure is positive");
	ok(cm.walk_4k > cm.walk_2m, "default walk_4k > walk_2m");
	ok(cm.fault_2m > cm.zero_2m, "default fault_2m > zero_2m");
	ok(cm.fault_4k > cm.zero_2m / 512,
	   "default base-page fault has a positive base cost");
	ok(!strncmp(cm.host, "default", 7), "default host says default");
	ok(cm.date[0] && cm.kernel[0], "default has a date and a kernel");
}

static void test_load_good(void)
{
	struct cost_model cm;
	char err[512] = "";

	ok(cost_model_load(write_tmp("good", good), &cm, err,
			   sizeof(err)) == 0, "a good file loads");
	if (err[0])
		diag("%s", err);
	is_str(cm.host, "test box #1", "host is the rest of the line");
	is_str(cm.date, "2026-11-21T10:00:00Z", "date");
	is_str(cm.kernel, "6.18.44", "kernel");
	ok(cm.fault_4k == 812.5 && cm.fault_2m == 41234.0 &&
	   cm.zero_2m == 38000 && cm.copy_2m == 61000 &&
	   cm.walk_4k == 31.25 && cm.walk_2m == 9.75,
	   "every figure (tab separator, exponent, trailing blanks)");
}

static void test_round_trip(void)
{
	struct cost_model a, b, d;
	char err[512] = "", path[256];
	FILE *f;

	memset(&a, 0, sizeof(a));
	a.fault_4k = 812.5;
	a.fault_2m = 41234.0;
	a.zero_2m = 38000.0;
	a.copy_2m = 61000.5;
	a.walk_4k = 31.25;
	a.walk_2m = 0.5;
	strcpy(a.host, "round trip host");
	strcpy(a.date, "2026-11-21T10:00:00Z");
	strcpy(a.kernel, "6.18.44");
	snprintf(path, sizeof(path), "%s/rt", dir);
	f = fopen(path, "w");
	ok(f && cost_model_write(f, &a) == 0, "write");
	if (f)
		fclose(f);
	memset(&b, 0x55, sizeof(b));
	ok(cost_model_load(path, &b, err, sizeof(err)) == 0, "load back");
	if (err[0])
		diag("%s", err);
	ok(b.fault_4k == a.fault_4k && b.fault_2m == a.fault_2m &&
	   b.zero_2m == a.zero_2m && b.copy_2m == a.copy_2m &&
	   b.walk_4k == a.walk_4k && b.walk_2m == a.walk_2m,
	   "figures survive write -> load");
	ok(!strcmp(a.host, b.host) && !strcmp(a.date, b.date) &&
	   !strcmp(a.kernel, b.kernel), "host, date, kernel survive");

	/* The default through a file: within the format's rounding. */
	cost_model_default(&d);
	f = fopen(path, "w");
	ok(f && cost_model_write(f, &d) == 0, "write the default");
	if (f)
		fclose(f);
	ok(cost_model_load(path, &b, err, sizeof(err)) == 0 &&
	   b.fault_4k / d.fault_4k > 0.9999 && b.fault_4k / d.fault_4k < 1.0001 &&
	   b.walk_2m / d.walk_2m > 0.999 && b.walk_2m / d.walk_2m < 1.001 &&
	   !strcmp(b.host, d.host), "the default survives write -> load");

	/* A tiny figure must still read back as positive. */
	a.walk_2m = 0.0001;
	f = fopen(path, "w");
	ok(f && cost_model_write(f, &a) == 0, "write a tiny figure");
	if (f)
		fclose(f);
	ok(cost_model_load(path, &b, err, sizeof(err)) == 0 &&
	   b.walk_2m > 0.00009 && b.walk_2m < 0.00011,
	   "a tiny figure reads back positive");
}

/* Load @path; it must fail with exactly @want and leave cm alone. */
static void bad(const char *path, const char *want, const char *name)
{
	struct cost_model cm, before;
	char err[512] = "", full[768];

	cost_model_default(&cm);
	before = cm;
	snprintf(full, sizeof(full), "%s%s", path, want);
	ok(cost_model_load(path, &cm, err, sizeof(err)) == -1, "%s: fails", name);
	is_str(err, full, name);
	ok(!memcmp(&cm, &before, sizeof(cm)), "%s: model untouched", name);
}

static void test_errors(void)
{
	char path[256];

	bad(write_tmp("magic", "# hugeresv cost model 2\n"),
	    ":1:1: not a hugeresv cost model (the first line must be "
	    "'# hugeresv cost model 1')", "wrong magic");
	bad(write_tmp("empty", ""),
	    ":1:1: empty file (the first line must be "
	    "'# hugeresv cost model 1')", "empty file");
	bad(variant("fault_4k_ns", "fault_4K_ns 812.5\n"),
	    ":7:1: unknown key 'fault_4K_ns'", "unknown key");
	bad(variant("walk_2m_ns", "walk_2m_ns 9.75\nwalk_4k_ns 1\n"),
	    ":14:1: duplicate key 'walk_4k_ns' (first on line 12)",
	    "duplicate key");
	bad(variant("zero_2m_ns", "zero_2m_ns 38000x\n"),
	    ":10:12: bad number '38000x' for 'zero_2m_ns'", "bad number");
	bad(variant("zero_2m_ns", "zero_2m_ns nan\n"),
	    ":10:12: bad number 'nan' for 'zero_2m_ns'", "nan");
	bad(variant("zero_2m_ns", "zero_2m_ns inf\n"),
	    ":10:12: bad number 'inf' for 'zero_2m_ns'", "inf");
	bad(variant("zero_2m_ns", "zero_2m_ns 0x10\n"),
	    ":10:12: bad number '0x10' for 'zero_2m_ns'", "hex");
	bad(variant("zero_2m_ns", "zero_2m_ns 1e999\n"),
	    ":10:12: bad number '1e999' for 'zero_2m_ns'", "overflow");
	bad(variant("zero_2m_ns", "zero_2m_ns .\n"),
	    ":10:12: bad number '.' for 'zero_2m_ns'", "a lone dot");
	bad(variant("walk_2m_ns", "walk_2m_ns 0\n"),
	    ":13:12: 'walk_2m_ns' must be positive, not 0", "zero");
	bad(variant("walk_2m_ns", "walk_2m_ns -1.5\n"),
	    ":13:12: 'walk_2m_ns' must be positive, not -1.5", "negative");
	bad(variant("walk_2m_ns", ""),
	    ":13:1: missing key 'walk_2m_ns'", "missing figure");
	bad(variant("host", ""), ":13:1: missing key 'host'", "missing host");
	bad(variant("fault_2m_ns", "fault_2m_ns 41234.0 ns\n"),
	    ":9:21: unexpected 'ns' after the value of 'fault_2m_ns'",
	    "trailing word");
	bad(variant("kernel", "kernel 6.18 rc1\n"),
	    ":6:13: unexpected 'rc1' after the value of 'kernel'",
	    "kernel with a space");
	bad(variant("fault_4k_ns", "fault_4k_ns\n"),
	    ":7:12: 'fault_4k_ns' needs a value", "no value");
	bad(variant("host", "host 0123456789012345678901234567890123456789"
		    "0123456789012345678901234567890123456789"
		    "0123456789012345678901234567890123456789"
		    "0123456789\n"),
	    ":3:6: 'host' is too long (at most 127 characters)", "long host");
	bad(variant("date", "date 2026-11-21\x01\n"),
	    ":5:16: control character 0x01", "control character");
	snprintf(path, sizeof(path), "%s/absent", dir);
	bad(path, ": No such file or directory", "no such file");
}

static void test_paths(void)
{
	struct cost_model cm, def;
	char buf[512], which[512], err[512] = "", want[512];
	const char *p;

	setenv("HUGERESV_COST_MODEL", "/x/model", 1);
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	setenv("HOME", "/home/u", 1);
	p = cost_model_default_path(buf, sizeof(buf));
	is_str(p, "/x/model", "path: $HUGERESV_COST_MODEL first");
	unsetenv("HUGERESV_COST_MODEL");
	p = cost_model_default_path(buf, sizeof(buf));
	is_str(p, "/xdg/hugeresv/cost-model", "path: then $XDG_CONFIG_HOME");
	setenv("XDG_CONFIG_HOME", "relative", 1);
	p = cost_model_default_path(buf, sizeof(buf));
	is_str(p, "/home/u/.config/hugeresv/cost-model",
	       "path: a relative XDG_CONFIG_HOME is ignored (XDG spec)");
	unsetenv("XDG_CONFIG_HOME");
	p = cost_model_default_path(buf, sizeof(buf));
	is_str(p, "/home/u/.config/hugeresv/cost-model", "path: then $HOME");
	unsetenv("HOME");
	ok(cost_model_default_path(buf, sizeof(buf)) == NULL,
	   "path: none without HOME");
	setenv("HOME", "/home/u", 1);
	ok(cost_model_default_path(buf, 8) == NULL, "path: too long is NULL");

	/* find: nothing at the default path -> the built-in default */
	snprintf(buf, sizeof(buf), "%s/none/cost-model", dir);
	setenv("HUGERESV_COST_MODEL", buf, 1);
	cost_model_default(&def);
	ok(cost_model_find(NULL, &cm, which, sizeof(which), err,
			   sizeof(err)) == 0 &&
	   !memcmp(&cm, &def, sizeof(cm)), "find: the built-in default");
	is_str(which, "built-in default", "find: says so");

	/* a file at the default path */
	setenv("HUGERESV_COST_MODEL", write_tmp("good", good), 1);
	ok(cost_model_find(NULL, &cm, which, sizeof(which), err,
			   sizeof(err)) == 0 && cm.fault_4k == 812.5,
	   "find: the file at the default path");
	snprintf(want, sizeof(want), "%s/good", dir);
	is_str(which, want, "find: names it");

	/* a malformed file there is an error, not the default */
	setenv("HUGERESV_COST_MODEL", write_tmp("magic",
						"# not a model\n"), 1);
	ok(cost_model_find(NULL, &cm, which, sizeof(which), err,
			   sizeof(err)) == -1 && strstr(err, "magic:1:1: "),
	   "find: a malformed default file is an error");

	/* explicit beats the default path; missing explicit is an error */
	ok(cost_model_find(write_tmp("good", good), &cm, which,
			   sizeof(which), err, sizeof(err)) == 0 &&
	   cm.fault_4k == 812.5, "find: explicit file");
	snprintf(buf, sizeof(buf), "%s/absent", dir);
	ok(cost_model_find(buf, &cm, which, sizeof(which), err,
			   sizeof(err)) == -1 &&
	   strstr(err, "No such file"), "find: a missing explicit file "
	   "is an error");
	unsetenv("HUGERESV_COST_MODEL");
}

/* Every file write_tmp() and test_round_trip() made, then the directory. */
static void cleanup(void)
{
	static const char *const names[] = { "good", "variant", "magic",
					     "empty", "rt" };
	char path[256];
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	if (rmdir(dir) < 0)
		diag("could not remove %s", dir);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_default();
	test_load_good();
	test_round_trip();
	test_errors();
	test_paths();
	cleanup();
	return done_testing();
}
