/* SPDX-License-Identifier: MIT */
/*
 * tap.h - a tiny TAP (Test Anything Protocol) producer for the unit
 * tests, read by `prove`.
 *
 *     plan(3);                     or nothing, and done_testing() at the end
 *     ok(x > 0, "x is positive");
 *     is_int(got, 42, "the answer");
 *     is_str(msg, "t.scn:1:1: ...", "the message");
 *     diag("context: %s", s);
 *     return done_testing();
 *
 * Everything is static inline so that a test includes it once and an
 * unused helper costs no warning.
 */
#ifndef HR_TAP_H
#define HR_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_run_, tap_failed_, tap_planned_ = -1;

static inline void plan(int n)
{
	tap_planned_ = n;
	printf("1..%d\n", n);
}

__attribute__((format(printf, 1, 2)))
static inline void diag(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("# ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static inline int tap_result_(int pass, const char *name)
{
	tap_run_++;
	if (!pass)
		tap_failed_++;
	printf("%sok %d - %s\n", pass ? "" : "not ", tap_run_, name);
	return pass;
}

__attribute__((format(printf, 2, 3)))
static inline int ok(int pass, const char *fmt, ...)
{
	char name[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	return tap_result_(pass, name);
}

static inline int is_int(int64_t got, int64_t want, const char *name)
{
	int pass = tap_result_(got == want, name);

	if (!pass)
		diag("  got: %" PRId64 "\n#   expected: %" PRId64, got, want);
	return pass;
}

static inline int is_str(const char *got, const char *want, const char *name)
{
	int pass = tap_result_(got && want && !strcmp(got, want), name);

	if (!pass)
		diag("  got: '%s'\n#   expected: '%s'", got ? got : "(null)", want ? want : "(null)");
	return pass;
}

/* Print the plan if there was none; the exit status for main(). */
static inline int done_testing(void)
{
	if (tap_planned_ < 0)
		printf("1..%d\n", tap_run_);
	else if (tap_planned_ != tap_run_)
		diag("planned %d tests but ran %d", tap_planned_, tap_run_);
	fflush(stdout);
	return tap_failed_ || (tap_planned_ >= 0 && tap_planned_ != tap_run_) ? 1 : 0;
}

/*
 * Write @text to @dir/@name (a test's scratch directory); return the
 * path, valid until the next call.
 */
static inline const char *tap_write_file(const char *dir, const char *name,
					 const char *text)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f)
		return path;
	fputs(text, f);
	fclose(f);
	return path;
}

#ifdef HUGERESV_H
/*
 * tap_machine_ok() - the engine's validators hold on @m (1), or their
 * first message goes out as a diagnostic (0).  For tests that run the
 * validators after every step, as tools/testing/vma does.
 */
static inline int tap_machine_ok(hr_machine *m)
{
	char msg[300];

	if (hr_machine_check(m, msg, sizeof(msg))) {
		diag("%s", msg);
		return 0;
	}
	return 1;
}
#endif

#endif /* HR_TAP_H */
