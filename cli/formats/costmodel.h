/* SPDX-License-Identifier: MIT */
/*
 * costmodel.h - what memory operations cost on a real machine, as
 * `hugeresv calibrate` measures them, for the policy lab's fault latency
 * figures.  What each figure means, how it is measured and the file
 * format: docs/cost-model.md.
 *
 * All times are nanoseconds, measured with real memory on the machine
 * named in `host`.  Every figure is > 0 in a loaded model.
 */
#ifndef HR_COSTMODEL_H
#define HR_COSTMODEL_H

#include <stddef.h>
#include <stdio.h>

struct cost_model {
	double fault_4k;	/* a first write to a base page of a private
				   anonymous mapping (MADV_NOHUGEPAGE): trap,
				   allocation, zeroing 4 KiB, PTE */
	double fault_2m;	/* a first write to an aligned 2 MiB range
				   with MADV_HUGEPAGE that got a THP:
				   allocation, zeroing 2 MiB, PMD */
	double zero_2m;		/* zeroing 2 MiB of memory not in cache */
	double copy_2m;		/* copying 2 MiB to memory not in cache */
	double walk_4k;		/* a load that misses the TLB, 4 KiB pages
				   (random loads over a large buffer, less a
				   load that hits the TLB) */
	double walk_2m;		/* the same with 2 MiB pages */
	char host[128];		/* where it was measured ("default": the
				   model shipped in the source) */
	char date[32];		/* when, ISO 8601 */
	char kernel[64];	/* uname -r */
};

/** cost_model_default() - the model shipped with hugeresv. */
void cost_model_default(struct cost_model *cm);

/**
 * cost_model_load() - read a cost model file.
 * @err: on failure "FILE:LINE:COL: what is wrong"
 * Return: 0, or -1 with @err set (and *cm untouched).
 */
int cost_model_load(const char *path, struct cost_model *cm, char *err,
		    size_t errlen);

/** cost_model_write() - Return: 0, or -1 with errno set. */
int cost_model_write(FILE *f, const struct cost_model *cm);

/**
 * cost_model_default_path() - where `calibrate` writes the model and
 * where the lab looks for one: $HUGERESV_COST_MODEL if set, else
 * $XDG_CONFIG_HOME/hugeresv/cost-model, else
 * $HOME/.config/hugeresv/cost-model.
 * Return: @buf, or NULL when no path can be made (no HOME, too long).
 */
const char *cost_model_default_path(char *buf, size_t len);

/**
 * cost_model_find() - the model a command should use.
 * @explicit_path: a file named on the command line, or NULL
 * @which: what was used, "built-in default" or the file's path
 *
 * The explicit file if given (an error if it cannot be read), else the
 * file at cost_model_default_path() if it exists, else the built-in
 * default.  A file that exists but is malformed is an error, never
 * silently replaced by the default.
 *
 * Return: 0, or -1 with @err set ("FILE:LINE:COL: ..." or "FILE: ...").
 */
int cost_model_find(const char *explicit_path, struct cost_model *cm,
		    char *which, size_t whichlen, char *err, size_t errlen);

#endif /* HR_COSTMODEL_H */
