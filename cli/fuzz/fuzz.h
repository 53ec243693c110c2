/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h - what the fuzzer's generator (fuzz_gen.c) and its driver
 * (fuzz.c) share.
 *
 * A generated scenario is kept as a list of statement lines, not as a
 * struct program: the shrinker deletes and edits lines, and every
 * candidate goes back through the real parser, so a reproducer is always
 * a file `hugeresv run` and `hugeresv diff` accept as it is.
 */
#ifndef HR_FUZZ_H
#define HR_FUZZ_H

#include <stdint.h>

#include "scenario/text.h"

struct fuzz_gen_opts {
	int kernel;	/* only statements the kernel back end runs */
	int nodes;	/* machine nodes=: 0 picks 1 or 2 at random (an
			 * engine campaign); N always N (a kernel campaign
			 * in guests of N nodes: --vm-nodes) */
	int max_body;	/* statements between setup and cleanup (>= 1) */
};

/**
 * fuzz_generate() - the scenario a seed stands for.
 * @seed: the scenario's own seed (see fuzz.c: scenario_seed())
 * @o:    what may be generated
 * @out:  filled with the lines (empty on entry); free with
 *        scn_text_free()
 *
 * The result always parses: the generator keeps the parser's own
 * bookkeeping (live names, mapping sizes after remap, page sizes), and
 * ends with a cleanup (every process exits, every file is unlinked, every
 * segment removed, every mount unmounted) so that the
 * end-of-run invariants apply.  Deterministic in (@seed, @o).
 *
 * Return: 0, or -ENOMEM.
 */
int fuzz_generate(uint64_t seed, const struct fuzz_gen_opts *o,
		  struct scn_text *out);

#endif /* HR_FUZZ_H */
