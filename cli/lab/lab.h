/* SPDX-License-Identifier: MIT */
/*
 * lab.h - the policy lab: THP and THP-reservation policies compared on
 * one simulated machine per run (docs/lab.md).
 *
 *   lab.c         the driver: policies, workloads (forkchunk, footprint
 *                 replay), one engine machine per run, runs in parallel
 *                 worker processes, progress
 *   lab_out.c     the table, CSV and SVG plots
 *   lab_kernel.c  the scaled forkchunk on the running kernel, compared
 *                 child by child with the engine
 */
#ifndef HR_LAB_H
#define HR_LAB_H

#include <stdint.h>
#include <stdio.h>

#include "formats/costmodel.h"
#include "formats/footprint.h"

/*
 * struct lab_policy - a named configuration: THP knobs in the engine's
 * hr_thp_write() spelling, comma-separated ("enabled=always,
 * promotion_threshold=64").  Built-in ones are in lab.c; --policy adds
 * NAME:KNOBS.
 */
struct lab_policy {
	char name[32];
	char knobs[256];
	const char *what;	/* one line for `lab policies` and docs */
};

enum lab_touch { TOUCH_ONE, TOUCH_RANDOM };
enum lab_overcommit { OC_2018, OC_TODAY };
enum lab_khugepaged { KH_CHILD, KH_OFF };

/* What ended a run. */
enum lab_end { END_MAP, END_FAULT, END_CAP };

/*
 * struct lab_workload - what each child does: map a chunk and touch it
 * (forkchunk), or map a footprint's anonymous mappings and touch its
 * present pages (replay).
 */
struct lab_workload {
	const char *label;		/* "one", "random", a footprint name */
	enum lab_touch touch;		/* forkchunk */
	uint64_t chunk;			/* forkchunk: bytes per child */
	const struct footprint *fp;	/* replay, or NULL */
};

/* The options every run of one lab invocation shares. */
struct lab_opts {
	uint64_t memory;		/* simulated RAM */
	enum lab_overcommit overcommit;
	enum lab_khugepaged khugepaged;
	uint64_t seed;
	long max_children;
	int jobs;
	struct cost_model cost;
	char cost_which[300];
};

/*
 * struct lab_result - one policy on one workload.  Memory figures are
 * taken after the last child that completed (the failing child's partial
 * work is not counted); events count the whole run.
 */
struct lab_result {
	char policy[32];
	char workload[64];
	long children;			/* children that mapped and touched
					   everything */
	int end;			/* enum lab_end */
	int end_errno;			/* for END_MAP / END_FAULT */
	uint64_t mem_used;		/* MemTotal - MemFree, bytes */
	uint64_t touched;		/* bytes of base pages touched */
	uint64_t anon, anon_huge;	/* AnonPages (THPs included); THP part */
	uint64_t resv_unused;		/* nr_thp_reserved, bytes */
	uint64_t page_tables;		/* PageTables, bytes */
	uint64_t first_rss, first_huge;	/* the first child alone (smaps) */
	uint64_t faults;		/* pgfault */
	uint64_t thp_faults;		/* thp_fault_alloc */
	uint64_t fallbacks;		/* thp_fault_fallback */
	uint64_t promotions;		/* in place: res_pages_collapsed +
					   thp_res_promote_sync */
	uint64_t collapses;		/* khugepaged copies: thp_collapse_alloc */
	uint64_t resv_alloc, resv_broken;	/* thp_res_alloc, _release */
	uint64_t splits;		/* thp_split_pmd + underused splits */
	double lat_p50, lat_p99, lat_mean, lat_max;	/* ns per fault */
	double lat_total;		/* ns, every fault of the run */
	double walk_ns;			/* translation overhead per access */
	double secs;			/* wall time of the run */
};


/* lab_out.c */
void lab_print_table(FILE *f, const struct lab_result *r, int n,
		     const char *title);
int lab_write_csv(const char *path, const struct lab_result *r, int n);
int lab_write_svg_children(const char *path, const struct lab_result *r,
			   int n, const char *title);
int lab_write_svg_memory(const char *path, const struct lab_result *r, int n,
			 const char *title);
const char *lab_end_name(int end);

/* lab_kernel.c */
int lab_kernel_forkchunk(uint64_t chunk, int children, enum lab_touch touch,
			 uint64_t seed, double tolerance, int verbose);

#endif /* HR_LAB_H */
