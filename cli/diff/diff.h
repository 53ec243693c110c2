/* SPDX-License-Identifier: MIT */
/*
 * diff.h - the engine and the running kernel in lockstep (diff/diff.c):
 * the `diff` command, and diff_program(), which fuzz --kernel and
 * lab forkchunk --kernel use to compare the two back ends.
 */
#ifndef HR_DIFF_H
#define HR_DIFF_H

#include <stdio.h>

#include "scenario/program.h"

/* What diff_program() returns. */
enum { DIFF_OK, DIFF_MISMATCH, DIFF_REFUSED, DIFF_ERROR, DIFF_SKIPPED };

/*
 * The first difference diff_program() found: the step (index into
 * prog->steps, and its line), the compared key ("outcome", a snapshot
 * key, "invariant", ...) and a one-line message.  @prog must be set by
 * the caller; the rest is filled in.  @noisy: how many global keys the
 * kernel back end could not show to be the run's own (not compared).
 */
struct diff_verdict {
	const struct program *prog;
	int step, line, steps, noisy;
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

#endif /* HR_DIFF_H */
