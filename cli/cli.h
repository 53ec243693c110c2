/* SPDX-License-Identifier: MIT */
/*
 * cli.h - what the commands of the hugeresv tool share: the runner, the
 * diff entry point, and the few formatting helpers that make their
 * messages look alike.
 *
 * Kept small on purpose: program.h describes a parsed scenario and
 * backend.h the machines that run it; this header only adds what one
 * command needs from another.
 */
#ifndef HR_CLI_H
#define HR_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "backend.h"
#include "program.h"

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
 * diff_main() - `hugeresv diff`, in cli/diff.c.
 * @argc, @argv: the arguments after the program name: argv[0] is "diff".
 *
 * Return: an EXIT_* status.
 */
int diff_main(int argc, char **argv);

/* What diff_program() returns. */
enum { DIFF_OK, DIFF_MISMATCH, DIFF_REFUSED, DIFF_ERROR, DIFF_SKIPPED };

/*
 * The first difference diff_program() found: the step (index into
 * prog->steps, and its line), the compared key ("outcome", a snapshot
 * key, "invariant", ...) and a one-line message.  @prog must be set by
 * the caller; the rest is filled in.
 */
struct diff_verdict {
	const struct program *prog;
	int step, line, steps;
	char key[160];
	char msg[384];
};

/**
 * diff_program() - run @prog on the engine and on the running kernel in
 * lockstep, stopping at the first step whose outcome or compared
 * counters differ, or where an engine validator fails.
 * @out: where to print the per-file line and the table (NULL: quiet)
 * @v:   the first difference, if not NULL (set v->prog first)
 *
 * Return: DIFF_OK, DIFF_MISMATCH, DIFF_REFUSED (the kernel back end
 * refused: not root, lock busy, ...), DIFF_ERROR (could not run) or
 * DIFF_SKIPPED (the machine could not assemble the gigantic pages the
 * engine granted: see gigantic_short() in diff.c).
 */
int diff_program(const struct program *prog, FILE *out,
		 struct diff_verdict *v);

/**
 * kernel_predict_damage() - in cli/be_kernel.c: would running @prog on
 * the kernel leave the machine broken until reboot (a Linux bug the
 * engine models, docs/kernel-differences.md 2.13)?  The kernel back end
 * refuses such a program unless HUGERESV_KERNEL_UNSAFE=1.
 * Return: 0, or EXIT_REFUSED with a message in @err.
 */
int kernel_predict_damage(const struct program *prog, char *err,
			  size_t errlen);

/**
 * same_outcome() - in cli/diff.c: do two back ends' outcomes of a step
 * agree ("ok" and "no outcome" are the same)?
 */
struct result;
int same_outcome(const struct result *a, const struct result *b);

/**
 * read_whole_file() - in cli/capture.c: all of a file (a /proc one too),
 * NUL-terminated.  Return: the text to free(), or NULL with errno set.
 */
char *read_whole_file(const char *path, size_t *len);

/**
 * parse_bytes() - in cli/bench.c: a command-line size ("16G", "512M",
 * "4096"), not 0.  Return: 0, or -1.
 */
int parse_bytes(const char *s, uint64_t *out);

/**
 * fuzz_main() - `hugeresv fuzz`, in cli/fuzz.c.
 * Return: an EXIT_* status.
 */
int fuzz_main(int argc, char **argv);

/**
 * bench_main() - `hugeresv bench`, in cli/bench.c.
 * @argc, @argv: the arguments after the program name: argv[0] is "bench".
 *
 * Return: an EXIT_* status.
 */
int bench_main(int argc, char **argv);

/**
 * snapshot_key_is_kb() - whether a snapshot key holds a kB field.
 * @key: a snapshot key, e.g. "meminfo:AnonHugePages", "smaps:A:Rss"
 *
 * kB fields are stored in bytes and printed with units; the others
 * (meminfo's HugePages_Total/Free/Rsvd/Surp, smaps' THPeligible and
 * ProtectionKey, every vmstat and sysfs value) are plain counts.
 */
int snapshot_key_is_kb(const char *key);

/**
 * format_size() - a byte count in the scenario language's units.
 *
 * The largest of T, G, M, K that divides @bytes exactly ("4M", "512K",
 * "1536K"); "0" for zero; a count not a multiple of 1 KiB ends in "B".
 * Return: @buf.
 */
char *format_size(uint64_t bytes, char *buf, size_t len);

/**
 * format_value() - a counter's value as a scenario would write it:
 * a size (format_size()) for kB fields, a decimal integer otherwise.
 * @key: the snapshot key (see snapshot_key_is_kb()).
 * Return: @buf.
 */
char *format_value(const char *key, int64_t val, char *buf, size_t len);

/**
 * snapshot_print_changes() - one line per source listing the counters
 * whose value differs between @before and @after, as
 * "@indent meminfo: HugePages_Free 8 -> 7, HugePages_Rsvd 4 -> 3".
 * A key present in only one snapshot counts as 0 in the other.
 *
 * Return: the number of counters that changed.
 */
int snapshot_print_changes(FILE *f, const char *indent,
			   const struct snapshot *before,
			   const struct snapshot *after);

/** json_string() - write @s as a JSON string literal, quotes included. */
void json_string(FILE *f, const char *s);

/** step_kind_name() - the statement keyword of a step kind ("map"). */
const char *step_kind_name(enum step_kind kind);

#endif /* HR_CLI_H */
