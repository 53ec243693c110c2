/* SPDX-License-Identifier: MIT */
/*
 * base.c - the bottom of the engine, what every layer above may use and
 * which uses nothing of theirs: the engine's own allocations (counted in
 * machine->own_bytes), bug reports (HR_BUG_ON), validator reports
 * (CHECK), fault injection (the error-path scenarios' countdowns) and
 * taint.  Like the kernel's lib/ and the allocator's fault injection,
 * nothing here knows what hugetlb, THP or an address space is.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Bugs, validator reports, allocation                                 */

/** hr_bug() - HR_BUG_ON's report: an engine bug, in every build. */
void hr_bug(const char *file, int line, const char *what)
{
	fprintf(stderr, "hugeresv: engine bug at %s:%d: %s\n", file, line, what);
	abort();
}

/** hr_zalloc() - zeroed memory for the engine, counted in own_bytes. */
void *hr_zalloc(struct hr_machine *m, size_t size)
{
	void *p = calloc(1, size);

	if (p && m)
		m->own_bytes += size;
	return p;
}

/**
 * check_fail() - CHECK()'s report: keep the first violation's message,
 * count the rest.
 */
void check_fail(struct check_ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->failures++ == 0 && c->msg && c->len) {
		va_start(ap, fmt);
		vsnprintf(c->msg, c->len, fmt, ap);
		va_end(ap);
	}
}

/* ------------------------------------------------------------------ */
/* Fault injection                                                     */

/**
 * machine_should_fail() - should this allocation at @site fail?  Counts
 * the site's countdown down (hr_inject_fail()).
 */
bool machine_should_fail(struct hr_machine *m, enum fail_site site)
{
	if (m->fail_after[site] <= 0)
		return false;
	if (m->fail_after[site] > 1) {
		m->fail_after[site]--;
		return false;
	}
	/* triggered: fail this one and the next fail_times - 1 */
	if (--m->fail_times[site] <= 0)
		m->fail_after[site] = 0;
	return true;
}

int hr_inject_fail(hr_machine *m, const char *site, long nth, long times)
{
	static const char *const names[FAIL__COUNT] = {
		[FAIL_HPAGE_ALLOC] = "hpage",
		[FAIL_REGION_CACHE] = "region",
		[FAIL_PAGE_CACHE_ADD] = "pagecache",
	};
	int i;

	if (nth < 0 || times < 1)
		return -EINVAL;
	for (i = 0; i < FAIL__COUNT; i++) {
		if (!strcmp(site, names[i])) {
			m->fail_after[i] = nth;
			m->fail_times[i] = times;
			return 0;
		}
	}
	return -EINVAL;
}

/* ------------------------------------------------------------------ */
/* Taint                                                               */

/**
 * machine_taint() - the model took a path on which Linux loses exact
 * accounting (@flag, HR_TAINT_*); the first reason is kept.
 */
void machine_taint(struct hr_machine *m, unsigned flag, const char *why)
{
	if (!m->taint)
		snprintf(m->taint_why, sizeof(m->taint_why), "%s", why);
	m->taint |= flag;
}
