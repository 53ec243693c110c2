/*
 * test_knobs.c - the knob registry (src/knobs.c) as a whole: every knob
 * described consistently, every writable one reads back what was written,
 * values out of bounds and unknown words refused with -EINVAL, the
 * engine-only flags where docs/thp.md puts them, and the old entry points
 * (hr_sysctl_write, hr_thp_write, hr_procfs_read) agreeing with it.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

/* The knobs Linux lacks: the engine's own (docs/thp.md). */
static const char *const engine_only[] = {
	"vm.overcommit_guess_free", "promotion_threshold", "promotion_sync",
	"resv_shrink",
};

static int is_engine_only(const char *name)
{
	for (size_t i = 0; i < sizeof(engine_only) / sizeof(engine_only[0]); i++)
		if (!strcmp(engine_only[i], name))
			return 1;
	return 0;
}

/* Word @i of "a|b|c" into @buf. */
static const char *word(const char *list, unsigned long i, char *buf, size_t len)
{
	const char *p = list;

	while (i-- && p && (p = strchr(p, '|')))
		p++;
	snprintf(buf, len, "%.*s", p ? (int)strcspn(p, "|") : 0, p ? p : "");
	return buf;
}

/* A 1 GiB pool cannot be overcommitted: every write is refused. */
static int gigantic_overcommit(const struct hr_knob_info *ki)
{
	return ki->pagesize == HR_SZ_1G && strstr(ki->name, "overcommit");
}

static void test_shape(void)
{
	struct hr_knob_info ki, kj;
	int n = hr_knob_count(), bad = 0;
	unsigned long v;

	ok(n > 0, "the registry has %d knobs", n);
	for (int i = 0; i < n; i++) {
		char w[32];

		if (hr_knob_info(i, &ki)) {
			bad++;
			continue;
		}
		if (hr_knob_find(ki.name) != i) {
			diag("%s: hr_knob_find gives %d", ki.name, hr_knob_find(ki.name));
			bad++;
		}
		for (int j = i + 1; j < n; j++)
			if (!hr_knob_info(j, &kj) && (!strcmp(ki.name, kj.name) ||
						      !strcmp(ki.path, kj.path))) {
				diag("%s and %s share a name or a path", ki.name, kj.name);
				bad++;
			}
		if (!ki.def || !ki.path || strncmp(ki.path, "/", 1) ||
		    (ki.kind == HR_KNOB_WORDS) != (ki.words != NULL) ||
		    ki.min > ki.max || ki.lang_max < ki.min) {
			diag("%s: inconsistent description", ki.name);
			bad++;
			continue;
		}
		if (ki.kind == HR_KNOB_WORDS) {
			if (!word(ki.words, ki.max, w, sizeof(w))[0] ||
			    word(ki.words, ki.max + 1, w, sizeof(w))[0]) {
				diag("%s: max %lu is not its last word", ki.name, ki.max);
				bad++;
			}
		} else if (knob_parse(knob_find(ki.name), ki.def, &v)) {
			diag("%s: default %s out of its bounds", ki.name, ki.def);
			bad++;
		}
		if (!!(ki.flags & HR_KNOB_ENGINE_ONLY) != is_engine_only(ki.name)) {
			diag("%s: engine-only flag %s", ki.name,
			     (ki.flags & HR_KNOB_ENGINE_ONLY) ? "set" : "missing");
			bad++;
		}
		if (!!(ki.flags & HR_KNOB_PER_HSTATE) != (ki.pagesize != 0)) {
			diag("%s: per-hstate flag and pagesize disagree", ki.name);
			bad++;
		}
	}
	is_int(bad, 0, "every knob is described consistently");
	is_int(hr_knob_info(-1, &ki), -ENOENT, "index -1 is refused");
	is_int(hr_knob_info(n, &ki), -ENOENT, "index count is refused");
	is_int(hr_knob_find("no_such_knob"), -ENOENT, "an unknown name is -ENOENT");
	for (size_t i = 0; i < sizeof(engine_only) / sizeof(engine_only[0]); i++)
		ok(hr_knob_find(engine_only[i]) >= 0, "%s is a knob", engine_only[i]);
}

/* Each knob's default is what a new machine has. */
static void test_defaults(void)
{
	hr_machine *m = hr_machine_new(NULL);
	struct hr_knob_info ki;
	char buf[64];
	int bad = 0;

	for (int i = 0; i < hr_knob_count(); i++) {
		hr_knob_info(i, &ki);
		if (hr_knob_read(m, ki.name, buf, sizeof(buf)) < 0 ||
		    strcmp(buf, ki.def)) {
			diag("%s: a new machine has '%s', the default is '%s'",
			     ki.name, buf, ki.def);
			bad++;
		}
	}
	is_int(bad, 0, "a new machine has every knob at its default");
	hr_machine_free(m);
}

/*
 * Values to write for knob @ki: its bounds and a middle value, or each
 * of its words.  Pools get small sizes a 4 GiB machine can hold.
 */
static int values(const struct hr_knob_info *ki, char out[][32])
{
	int n = 0;

	if (ki->kind == HR_KNOB_WORDS) {
		for (unsigned long i = 0; i <= ki->max && n < 8; i++)
			word(ki->words, i, out[n++], 32);
		return n;
	}
	if (strstr(ki->name, "nr_hugepages") || strstr(ki->name, "overcommit_hugepages")) {
		snprintf(out[n++], 32, "%s", ki->pagesize == HR_SZ_1G ? "1" : "3");
		snprintf(out[n++], 32, "0");
		return n;
	}
	snprintf(out[n++], 32, "%lu", ki->min);
	snprintf(out[n++], 32, "%lu", ki->max);
	snprintf(out[n++], 32, "%lu", ki->min + (ki->max - ki->min) / 2);
	return n;
}

static void test_write_read(void)
{
	hr_machine *m = hr_machine_new(NULL);
	struct hr_knob_info ki;
	char vals[8][32], buf[64], want[64], path[160];
	int bad = 0, writes = 0, refused = 0;

	for (int i = 0; i < hr_knob_count(); i++) {
		int n;

		hr_knob_info(i, &ki);
		n = values(&ki, vals);
		for (int j = 0; j < n; j++) {
			int rc = hr_knob_write(m, ki.name, vals[j]);

			if (gigantic_overcommit(&ki)) {
				refused += rc == -EINVAL;
				continue;
			}
			writes++;
			if (rc || hr_knob_read(m, ki.name, buf, sizeof(buf)) < 0 ||
			    strcmp(buf, vals[j])) {
				diag("%s=%s: rc %d, reads back '%s'", ki.name, vals[j], rc, buf);
				bad++;
				continue;
			}
			/* the file shows it too, as Linux would */
			if (ki.kind == HR_KNOB_WORDS)
				continue;
			snprintf(want, sizeof(want), "%s\n", vals[j]);
			if (hr_procfs_read(m, NULL, ki.path, buf, sizeof(buf)) < 0 ||
			    strcmp(buf, want)) {
				diag("%s: %s shows '%s'", ki.name, ki.path, buf);
				bad++;
			}
		}
		/* back to the default, so that later knobs start clean */
		if (!gigantic_overcommit(&ki) && hr_knob_write(m, ki.name, ki.def)) {
			diag("%s: cannot write its default back", ki.name);
			bad++;
		}
	}
	ok(writes > 40, "%d writes", writes);
	is_int(bad, 0, "every writable knob reads back what was written");
	is_int(refused, 2, "a 1 GiB pool's overcommit refuses both writes");
	is_int(hr_machine_check(m, buf, sizeof(buf)), 0, "the machine is consistent");
	/* the word knobs' files in Linux's format */
	hr_knob_write(m, "enabled", "never");
	snprintf(path, sizeof(path), "/sys/kernel/mm/transparent_hugepage/enabled");
	hr_procfs_read(m, NULL, path, buf, sizeof(buf));
	is_str(buf, "always madvise [never]\n", "enabled shows its list, the word in brackets");
	hr_knob_write(m, "defrag", "defer+madvise");
	hr_procfs_read(m, NULL, "/sys/kernel/mm/transparent_hugepage/defrag", buf, sizeof(buf));
	is_str(buf, "always defer [defer+madvise] madvise never\n", "defrag too");
	hr_machine_free(m);
}

static void test_refused(void)
{
	hr_machine *m = hr_machine_new(NULL);
	struct hr_knob_info ki;
	char v[48];
	int bad = 0;

	for (int i = 0; i < hr_knob_count(); i++) {
		hr_knob_info(i, &ki);
		if (ki.kind == HR_KNOB_WORDS) {
			if (hr_knob_write(m, ki.name, "no_such_word") != -EINVAL ||
			    hr_knob_parse(ki.name, "no_such_word", NULL) != -EINVAL ||
			    hr_knob_write(m, ki.name, "") != -EINVAL) {
				diag("%s: an unknown word is not -EINVAL", ki.name);
				bad++;
			}
			continue;
		}
		if (ki.max < ULONG_MAX) {
			snprintf(v, sizeof(v), "%lu", ki.max + 1);
			if (hr_knob_write(m, ki.name, v) != -EINVAL ||
			    hr_knob_parse(ki.name, v, NULL) != -EINVAL) {
				diag("%s=%s is not -EINVAL", ki.name, v);
				bad++;
			}
		}
		if (ki.min > 0) {
			snprintf(v, sizeof(v), "%lu", ki.min - 1);
			if (hr_knob_write(m, ki.name, v) != -EINVAL) {
				diag("%s=%s is not -EINVAL", ki.name, v);
				bad++;
			}
		}
		if (hr_knob_write(m, ki.name, "-1") != -EINVAL ||
		    hr_knob_write(m, ki.name, "x") != -EINVAL ||
		    hr_knob_write(m, ki.name, "18446744073709551616") != -EINVAL) {
			diag("%s: a malformed number is not -EINVAL", ki.name);
			bad++;
		}
	}
	is_int(bad, 0, "values out of bounds and unknown words are -EINVAL");
	is_int(hr_knob_write(m, "no_such_knob", "1"), -ENOENT, "an unknown knob is -ENOENT");
	is_int(hr_knob_parse("no_such_knob", "1", NULL), -ENOENT, "... also to hr_knob_parse");
	/* the statements' entry points keep to their own knobs */
	is_int(hr_sysctl_write(m, "enabled", "never"), -EINVAL, "sysctl: a word is no number");
	is_int(hr_sysctl_write(m, "use_zero_page", "1"), -ENOENT, "sysctl: a THP knob is unknown");
	is_int(hr_thp_write(m, "vm.overcommit_ratio", "50"), -ENOENT, "thp: a sysctl is unknown");
	is_int(hr_thp_write(m, "khugepaged.max_ptes_none", "512"), -EINVAL, "thp: out of bounds");
	is_int(hr_sysctl_write(m, "vm.overcommit_memory", "3"), -EINVAL, "sysctl: out of bounds");
	is_int(hr_sysctl_write(m, "vm.overcommit_ratio", "2 \n"), 0, "sysctl: a trailing newline is fine");
	is_int(hr_sysctl_write(m, "vm.nr_hugepages_mempolicy", "0"), 0, "the API-only alias still works");
	hr_machine_free(m);
}

int main(void)
{
	test_shape();
	test_defaults();
	test_write_read();
	test_refused();
	return done_testing();
}
