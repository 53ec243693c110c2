/* SPDX-License-Identifier: MIT */
/*
 * footprint.h - a process's memory footprint: its mappings and which base
 * pages of them were present, as `hugeresv capture PID` records it from
 * /proc/PID/maps and /proc/PID/pagemap, and as `hugeresv replay` and the
 * policy lab read it back.  The file format is docs/footprint.md.
 *
 * A footprint is plain data, owned by the caller once loaded: no engine
 * state, no kernel state.
 *
 * Invariants (footprint_load() refuses a file that breaks one):
 *  - vmas are sorted by start and disjoint; start < end, both 4 KiB
 *    aligned;
 *  - each vma's runs are sorted, disjoint, non-adjacent (adjacent runs
 *    are merged on load), non-empty and inside [0, (end - start) / 4096);
 *    present is the sum of their counts;
 *  - huge holds 2 MiB-aligned addresses, sorted, each 2 MiB range wholly
 *    inside the vma.
 */
#ifndef HR_FOOTPRINT_H
#define HR_FOOTPRINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* What a mapping is, as far as THP cares. */
enum fp_kind {
	FP_ANON,	/* private anonymous: heap, stack, anon mmap (THP's) */
	FP_FILE,	/* private file-backed (text, data, ...) */
	FP_SHARED,	/* MAP_SHARED of anything, shmem, SysV shm */
	FP_SPECIAL,	/* [vdso], [vvar], [vsyscall], hugetlb, ... */
};

/* A run of present base pages: pages [first, first + count) of the vma. */
struct fp_run {
	uint64_t first, count;
};

struct fp_vma {
	uint64_t start, end;	/* bytes */
	char perms[5];		/* "rw-p", as in /proc/PID/maps */
	enum fp_kind kind;
	char *name;		/* "" when anonymous without a name */
	struct fp_run *runs;
	size_t nruns;
	uint64_t present;	/* pages in runs */
	uint64_t *huge;		/* 2 MiB-aligned addresses mapped by a THP
				   when captured (may be empty) */
	size_t nhuge;
};

struct footprint {
	char *name;		/* `name` line: a short label */
	char *source;		/* `source` line, free text ("" if none) */
	char *thp_enabled;	/* `thp` line: the host's THP `enabled` when
				   captured ("" if unknown) */
	struct fp_vma *vmas;
	size_t nvmas;
};

/**
 * footprint_load() - read a footprint file.
 * @path: the file ("-" for stdin)
 * @out:  the footprint, to free with footprint_free()
 * @err:  on failure, "FILE:LINE:COL: what is wrong"
 *
 * Return: 0, or -1 with @err set and nothing allocated.
 */
int footprint_load(const char *path, struct footprint **out, char *err,
		   size_t errlen);

/**
 * footprint_write() - write @fp in the format footprint_load() reads.
 * Return: 0, or -1 with errno set on a write error.
 */
int footprint_write(FILE *f, const struct footprint *fp);

/** footprint_free() - free a footprint (NULL is fine). */
void footprint_free(struct footprint *fp);

/**
 * footprint_kind_name() - "anon", "file", "shared", "special".
 */
const char *footprint_kind_name(enum fp_kind k);

#endif /* HR_FOOTPRINT_H */
