/* SPDX-License-Identifier: MIT */
/*
 * lab_out.c - the policy lab's output: a table for people, CSV for
 * tools, and two SVG plots written by hand (no plotting dependency):
 * children before failure by policy, and memory per child against huge
 * page coverage.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugeresv.h"
#include "lab/lab.h"

const char *lab_end_name(int end)
{
	switch (end) {
	case END_MAP: return "map failed";
	case END_FAULT: return "fault failed";
	default: return "cap reached";
	}
}

static double gib(uint64_t b)
{
	return (double)b / (double)(1ULL << 30);
}

static double mib(uint64_t b)
{
	return (double)b / (double)(1ULL << 20);
}

static double per_child(const struct lab_result *r)
{
	return r->children ? mib(r->mem_used) / (double)r->children : 0;
}

static double coverage(const struct lab_result *r)
{
	return r->anon ? 100.0 * (double)r->anon_huge / (double)r->anon : 0;
}

/* Memory used per byte touched: 1.0 is no bloat. */
static double bloat(const struct lab_result *r)
{
	return r->touched ? (double)r->mem_used / (double)r->touched : 0;
}

/* Fault time for each GiB touched: what faulting the memory in cost. */
static double fault_ms_per_gib(const struct lab_result *r)
{
	return r->touched ? r->lat_total / 1e6 / gib(r->touched) : 0;
}

static void us(char *buf, size_t len, double ns)
{
	if (ns >= 1000.0)
		snprintf(buf, len, "%.1f us", ns / 1000.0);
	else
		snprintf(buf, len, "%.2f us", ns / 1000.0);
}

/**
 * lab_print_table() - one row per result, under @title.
 */
void lab_print_table(FILE *f, const struct lab_result *r, int n,
		     const char *title)
{
	int i;

	fprintf(f, "%s\n", title);
	fprintf(f, "%-13s %8s %-12s %10s %6s %6s %8s %8s %9s %8s %9s %9s %7s "
		"%5s\n", "policy", "children", "end", "per child", "bloat",
		"huge", "THP flts", "promoted", "collapses", "resv brk",
		"fault p50", "fault p99", "ms/GiB", "walk");
	for (i = 0; i < n; i++) {
		char p50[32], p99[32];

		us(p50, sizeof(p50), r[i].lat_p50);
		us(p99, sizeof(p99), r[i].lat_p99);
		fprintf(f, "%-13s %8ld %-12s %6.*f MiB %5.2fx %5.1f%% %8" PRIu64
			" %8" PRIu64 " %9" PRIu64 " %8" PRIu64 " %9s %9s %7.1f "
			"%5.1f\n", r[i].policy, r[i].children,
			lab_end_name(r[i].end), per_child(&r[i]) < 100 ? 1 : 0,
			per_child(&r[i]), bloat(&r[i]),
			coverage(&r[i]), r[i].thp_faults, r[i].promotions,
			r[i].collapses, r[i].resv_broken, p50, p99,
			fault_ms_per_gib(&r[i]), r[i].walk_ns);
	}
}

/**
 * lab_write_csv() - every field of every result, one row each.
 * Return: 0, or -1 (message printed).
 */
int lab_write_csv(const char *path, const struct lab_result *r, int n)
{
	FILE *f = fopen(path, "w");
	int i;

	if (!f) {
		fprintf(stderr, "hugeresv lab: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(f, "workload,policy,children,end,mem_used_bytes,"
		"mem_per_child_mib,touched_bytes,bloat,anon_bytes,"
		"anon_huge_bytes,huge_coverage_pct,resv_unused_bytes,"
		"page_tables_bytes,first_child_rss_bytes,"
		"first_child_anon_huge_bytes,faults,thp_fault_alloc,"
		"thp_fault_fallback,promotions_in_place,collapse_copies,"
		"resv_alloc,resv_broken,splits,fault_p50_ns,fault_p99_ns,"
		"fault_mean_ns,fault_max_ns,fault_ms_per_gib_touched,"
		"walk_ns_per_access,run_seconds\n");
	for (i = 0; i < n; i++)
		fprintf(f, "%s,%s,%ld,%s,%" PRIu64 ",%.3f,%" PRIu64 ",%.4f,%"
			PRIu64 ",%" PRIu64 ",%.3f,%" PRIu64 ",%" PRIu64 ",%"
			PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64
			",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%"
			PRIu64 ",%.1f,%.1f,%.1f,%.1f,%.2f,%.2f,%.2f\n",
			r[i].workload, r[i].policy, r[i].children,
			lab_end_name(r[i].end), r[i].mem_used, per_child(&r[i]),
			r[i].touched, bloat(&r[i]), r[i].anon, r[i].anon_huge,
			coverage(&r[i]), r[i].resv_unused, r[i].page_tables,
			r[i].first_rss, r[i].first_huge, r[i].faults,
			r[i].thp_faults, r[i].fallbacks, r[i].promotions,
			r[i].collapses, r[i].resv_alloc, r[i].resv_broken,
			r[i].splits, r[i].lat_p50, r[i].lat_p99, r[i].lat_mean,
			r[i].lat_max, fault_ms_per_gib(&r[i]), r[i].walk_ns,
			r[i].secs);
	if (fclose(f)) {
		fprintf(stderr, "hugeresv lab: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* SVG                                                                 */

/* Colours for workloads (series), readable on white and in grey. */
static const char *const series_colour[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
	"#e377c2", "#17becf",
};
#define NR_COLOURS (int)(sizeof(series_colour) / sizeof(series_colour[0]))

static void xml_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else if (*s == '&')
			fputs("&amp;", f);
		else
			fputc(*s, f);
	}
}

/* The distinct workloads and policies of @r, in order of appearance. */
static int distinct(const struct lab_result *r, int n, int policy,
		    const char **out, int max)
{
	int i, k, m = 0;

	for (i = 0; i < n; i++) {
		const char *s = policy ? r[i].policy : r[i].workload;

		for (k = 0; k < m && strcmp(out[k], s); k++)
			;
		if (k == m && m < max)
			out[m++] = s;
	}
	return m;
}

static int index_of(const char **list, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(list[i], s))
			return i;
	return -1;
}

static FILE *svg_open(const char *path, int w, int h, const char *title)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		fprintf(stderr, "hugeresv lab: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		"height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
		"font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" "
		"fill=\"white\"/>\n<text x=\"%d\" y=\"20\" text-anchor=\"middle\" "
		"font-size=\"14\" font-weight=\"bold\">", w, h, w, h, w / 2);
	xml_text(f, title);
	fputs("</text>\n", f);
	return f;
}

static int svg_close(FILE *f, const char *path)
{
	fputs("</svg>\n", f);
	if (fclose(f)) {
		fprintf(stderr, "hugeresv lab: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static void legend(FILE *f, const char **wl, int nwl, int x, int y)
{
	int i;

	for (i = 0; i < nwl; i++) {
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
			"fill=\"%s\"/>\n<text x=\"%d\" y=\"%d\">", x,
			y + i * 18, series_colour[i % NR_COLOURS], x + 18,
			y + i * 18 + 10);
		xml_text(f, wl[i]);
		fputs("</text>\n", f);
	}
}

/**
 * lab_write_svg_children() - horizontal bars: children before failure
 * by policy, one bar per workload, on a log scale (the counts span three
 * orders of magnitude).  Return: 0, or -1 (message printed).
 */
int lab_write_svg_children(const char *path, const struct lab_result *r,
			   int n, const char *title)
{
	const char *pol[64], *wl[16];
	int npol = distinct(r, n, 1, pol, 64), nwl = distinct(r, n, 0, wl, 16);
	int left = 110, right = 160, top = 40, bar = 12;
	int group = nwl * bar + 10, plot_w = 560;
	int h = top + npol * group + 50, w = left + plot_w + right;
	long maxc = 1;
	double lmax;
	int i, d;
	FILE *f;

	for (i = 0; i < n; i++)
		if (r[i].children > maxc)
			maxc = r[i].children;
	lmax = ceil(log10((double)maxc + 1));
	if (lmax < 1)
		lmax = 1;
	f = svg_open(path, w, h, title);
	if (!f)
		return -1;
	/* decades */
	for (d = 0; d <= (int)lmax; d++) {
		int x = left + (int)(plot_w * d / lmax);

		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			"stroke=\"#ddd\"/>\n<text x=\"%d\" y=\"%d\" "
			"text-anchor=\"middle\">%.0f</text>\n", x, top, x,
			top + npol * group, x, top + npol * group + 16,
			pow(10, d));
	}
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">children "
		"before one failed (log scale)</text>\n", left + plot_w / 2,
		top + npol * group + 36);
	for (i = 0; i < npol; i++) {
		fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
			left - 6, top + i * group + group / 2 + 4);
		xml_text(f, pol[i]);
		fputs("</text>\n", f);
	}
	for (i = 0; i < n; i++) {
		int p = index_of(pol, npol, r[i].policy);
		int s = index_of(wl, nwl, r[i].workload);
		double v = r[i].children > 0 ? log10((double)r[i].children + 1)
					     : 0;
		int y = top + p * group + 5 + s * bar;
		int bw = (int)(plot_w * v / lmax);

		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			"fill=\"%s\"><title>%s / %s: %ld</title></rect>\n"
			"<text x=\"%d\" y=\"%d\" font-size=\"10\">%ld</text>\n",
			left, y, bw > 0 ? bw : 1, bar - 2,
			series_colour[s % NR_COLOURS], r[i].policy,
			r[i].workload, r[i].children, left + bw + 4,
			y + bar - 3, r[i].children);
	}
	legend(f, wl, nwl, left + plot_w + 20, top + 10);
	return svg_close(f, path);
}

static int point_x(const struct lab_result *r, int left, int plot_w)
{
	return left + (int)(plot_w * coverage(r) / 100.0);
}

static int point_y(const struct lab_result *r, int top, int plot_h,
		   double lymax)
{
	double b = bloat(r);

	return top + plot_h - (int)(plot_h * (b > 1 ? log2(b) : 0) / lymax);
}

/**
 * lab_write_svg_memory() - one point per result: huge page coverage (x)
 * against memory used per byte touched (y, bloat), labelled with the
 * policy, coloured by workload.  The good corner is bottom right.
 * Return: 0, or -1 (message printed).
 */
int lab_write_svg_memory(const char *path, const struct lab_result *r,
			 int n, const char *title)
{
	const char *wl[16];
	int nwl = distinct(r, n, 0, wl, 16);
	int left = 70, top = 40, plot_w = 600, plot_h = 400, right = 260;
	int w = left + plot_w + right, h = top + plot_h + 60;
	double ymax = 1.0, lymax;
	int i, d;
	FILE *f;

	for (i = 0; i < n; i++)
		if (bloat(&r[i]) > ymax)
			ymax = bloat(&r[i]);
	/* log scale: bloat runs from 1x to 512x */
	lymax = ceil(log2(ymax));
	if (lymax < 1)
		lymax = 1;
	f = svg_open(path, w, h, title);
	if (!f)
		return -1;
	for (d = 0; d <= 10; d++) {
		int x = left + plot_w * d / 10;

		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			"stroke=\"#eee\"/>\n<text x=\"%d\" y=\"%d\" "
			"text-anchor=\"middle\">%d%%</text>\n", x, top, x,
			top + plot_h, x, top + plot_h + 16, d * 10);
	}
	for (d = 0; d <= (int)lymax; d++) {
		int y = top + plot_h - (int)(plot_h * d / lymax);

		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			"stroke=\"#eee\"/>\n<text x=\"%d\" y=\"%d\" "
			"text-anchor=\"end\">%.0fx</text>\n", left, y,
			left + plot_w, y, left - 6, y + 4, pow(2, d));
	}
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">huge page "
		"coverage of anonymous memory</text>\n<text x=\"16\" y=\"%d\" "
		"transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">memory "
		"used / memory touched (log scale)</text>\n", left + plot_w / 2,
		top + plot_h + 40, top + plot_h / 2, top + plot_h / 2);
	for (i = 0; i < n; i++) {
		int s = index_of(wl, nwl, r[i].workload), k, dup = 0;
		double b = bloat(&r[i]);
		int x = point_x(&r[i], left, plot_w);
		int y = point_y(&r[i], top, plot_h, lymax);
		char label[512];
		size_t len;

		if (!r[i].touched)
			continue;
		/* policies that land on the same spot share one label */
		for (k = 0; k < i && !dup; k++)
			dup = r[k].touched && !strcmp(r[k].workload, r[i].workload) &&
			      abs(point_x(&r[k], left, plot_w) - x) < 4 &&
			      abs(point_y(&r[k], top, plot_h, lymax) - y) < 4;
		fprintf(f, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\" "
			"fill-opacity=\"0.8\"><title>%s / %s: %.1f%% huge, "
			"%.2fx</title></circle>\n", x, y,
			series_colour[s % NR_COLOURS], r[i].policy, r[i].workload,
			coverage(&r[i]), b);
		if (dup)
			continue;
		len = (size_t)snprintf(label, sizeof(label), "%s", r[i].policy);
		for (k = i + 1; k < n && len < sizeof(label); k++)
			if (r[k].touched && !strcmp(r[k].workload, r[i].workload) &&
			    abs(point_x(&r[k], left, plot_w) - x) < 4 &&
			    abs(point_y(&r[k], top, plot_h, lymax) - y) < 4)
				len += (size_t)snprintf(label + len,
							sizeof(label) - len,
							", %s", r[k].policy);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"10\" "
			"fill=\"%s\">", x + 7, y - 6,
			series_colour[s % NR_COLOURS]);
		xml_text(f, label);
		fputs("</text>\n", f);
	}
	legend(f, wl, nwl, left + plot_w + 150, top + 10);
	return svg_close(f, path);
}
