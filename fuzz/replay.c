/* SPDX-License-Identifier: MIT */
/*
 * replay.c - run a libFuzzer harness over files, without libFuzzer.
 *
 *     replay [-v] [-q] FILE|DIR...
 *
 * Linked with fuzz_parse.o or fuzz_engine.o (and built with plain
 * cc, ASan/UBSan and -DHR_DEBUG=1, or with no sanitizer at all for
 * valgrind), it feeds every FILE, and every regular file under every
 * DIR (recursively, in name order), to LLVMFuzzerTestOneInput() once.
 *
 * Output: with -v, TAP ("1..N", then "ok I - FILE" per input); always a
 * summary line on stdout ("replay: N inputs, B bytes, T s") unless -q.
 * A harness that finds a bug aborts (or a sanitizer ends the process):
 * the driver prints "not ok I - FILE: crashed" (-v) and
 * "replay: crashed on FILE" to stderr first, so that the input is known
 * even when the process dies.  With LeakSanitizer (ASan builds) leaks are
 * checked after every input, as libFuzzer does, up to the first leak,
 * reported as "replay: leak in FILE"; the run goes on.  Exit status: 0 when every
 * input ran clean, 1 on a leak, a crash (abort or sanitizer report) ends
 * the process with the sanitizer's or the signal's status, 2 on a usage
 * or I/O error.
 *
 * To reproduce a libFuzzer crash: build-fuzz/replay-engine crash-FILE
 * (see docs/fuzzing-harnesses.md).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
/* In the sanitizer runtime when one is linked in. */
void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));
int __lsan_do_recoverable_leak_check(void) __attribute__((weak));

static char **files;
static size_t nfiles, capfiles;
static const char *current;	/* the input being replayed */
static size_t current_no;
static int verbose, quiet;

static void add_file(const char *path)
{
	if (nfiles == capfiles) {
		size_t cap = capfiles ? 2 * capfiles : 64;
		char **q = realloc(files, cap * sizeof(*q));

		if (!q) {
			perror("replay");
			exit(2);
		}
		files = q;
		capfiles = cap;
	}
	files[nfiles] = strdup(path);
	if (!files[nfiles]) {
		perror("replay");
		exit(2);
	}
	nfiles++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int collect(const char *path)
{
	struct stat sb;
	struct dirent **ents;
	int n, rc = 0;

	if (stat(path, &sb)) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (S_ISREG(sb.st_mode))
			add_file(path);
		return 0;
	}
	n = scandir(path, &ents, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const char *nm = ents[i]->d_name;

		if (strcmp(nm, ".") && strcmp(nm, "..") && nm[0] != '.') {
			size_t len = strlen(path) + strlen(nm) + 2;
			char *sub = malloc(len);

			if (!sub) {
				perror("replay");
				exit(2);
			}
			snprintf(sub, len, "%s%s%s", path,
				 path[strlen(path) - 1] == '/' ? "" : "/", nm);
			if (collect(sub))
				rc = -1;
			free(sub);
		}
		free(ents[i]);
	}
	free(ents);
	return rc;
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			unsigned char *q;

			cap = cap ? 2 * cap : 4096;
			q = realloc(buf, cap);
			if (!q) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = q;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	/* exactly @n bytes, so that ASan sees a read past the input */
	{
		unsigned char *exact = malloc(n ? n : 1);

		if (exact)
			memcpy(exact, buf, n);
		free(buf);
		buf = exact;
	}
	*len = n;
	return buf;
}

/* async-signal-safe output for the death paths */
static void say(int fd, const char *s)
{
	size_t n = strlen(s);

	while (n) {
		ssize_t w = write(fd, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void utoa(size_t v, char *out)
{
	char tmp[32];
	int n = 0, i = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		out[i++] = tmp[--n];
	out[i] = '\0';
}

static void report_crash(void)
{
	char num[32];

	if (!current)
		return;
	if (verbose) {
		utoa(current_no, num);
		say(1, "not ok ");
		say(1, num);
		say(1, " - ");
		say(1, current);
		say(1, ": crashed\n");
	}
	say(2, "replay: crashed on ");
	say(2, current);
	say(2, "\n");
	current = NULL;
}

static void on_signal(int sig)
{
	report_crash();
	signal(sig, SIG_DFL);
	raise(sig);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void usage(void)
{
	fprintf(stderr, "usage: replay [-v] [-q] FILE|DIR...\n"
			"  feed each file (directories: recursively) to the harness once\n"
			"  -v  TAP: one 'ok N - FILE' line per input\n"
			"  -q  no summary line\n");
	exit(2);
}

int main(int argc, char **argv)
{
	size_t bytes = 0;
	double t0;
	int i, bad = 0, leaks = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-v")) {
			verbose = 1;
		} else if (!strcmp(argv[i], "-q")) {
			quiet = 1;
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			usage();
		}
	}
	if (i >= argc)
		usage();
	for (; i < argc; i++)
		if (collect(argv[i]))
			bad = 1;
	if (bad)
		return 2;
	if (nfiles)	/* files is NULL when nothing was found: qsort's UB */
		qsort(files, nfiles, sizeof(*files), by_name);

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(report_crash);
	signal(SIGABRT, on_signal);
	signal(SIGSEGV, on_signal);
	signal(SIGBUS, on_signal);
	signal(SIGFPE, on_signal);
	signal(SIGILL, on_signal);

	if (verbose)
		printf("1..%zu\n", nfiles);
	t0 = now();
	for (size_t k = 0; k < nfiles; k++) {
		size_t len = 0;
		unsigned char *data = read_all(files[k], &len);

		if (!data) {
			fprintf(stderr, "replay: %s: %s\n", files[k], strerror(errno));
			return 2;
		}
		fflush(stdout);
		current = files[k];
		current_no = k + 1;
		LLVMFuzzerTestOneInput(data ? data : (const unsigned char *)"", len);
		current = NULL;
		bytes += len;
		free(data);
		/*
		 * A leak stays reported by every later check: check until the
		 * first one, which names the input; the rest still run.
		 */
		if (!leaks && __lsan_do_recoverable_leak_check &&
		    __lsan_do_recoverable_leak_check()) {
			leaks++;
			fflush(stdout);
			fprintf(stderr, "replay: leak in %s (later inputs are not "
				"checked for leaks)\n", files[k]);
			if (verbose)
				printf("not ok %zu - %s: leak\n", k + 1, files[k]);
			continue;
		}
		if (verbose)
			printf("ok %zu - %s\n", k + 1, files[k]);
	}
	if (!quiet)
		printf("replay: %zu inputs, %zu bytes, %.2f s%s\n", nfiles, bytes,
		       now() - t0, leaks ? ", LEAKS" : "");
	fflush(stdout);		/* LeakSanitizer's exit-time check may _exit */
	for (size_t k = 0; k < nfiles; k++)
		free(files[k]);
	free(files);
	if (leaks)
		return 1;
	return 0;
}
