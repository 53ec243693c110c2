/* SPDX-License-Identifier: MIT */
/*
 * thp-noise.c - a busy neighbour for tests/kernel-busy.t: moves the
 * machine-wide THP event counters the way other users of a shared host
 * do, while `hugeresv diff` runs.
 *
 *   thp-noise SECONDS
 *
 * Two workers, memory only (it never writes a setting; about 20 MiB):
 *
 *  - the faulter maps 8 MiB, advises an aligned 4 MiB of it
 *    MADV_HUGEPAGE, writes both 2 MiB ranges (thp_fault_alloc +2, or
 *    thp_fault_fallback), unmaps the first 1 MiB (thp_split_pmd,
 *    thp_deferred_split_page), unmaps the rest, sleeps 1 ms, again;
 *  - the fodder maps 8 MiB MADV_NOHUGEPAGE, writes every base page,
 *    then advises it MADV_HUGEPAGE (which registers it with
 *    khugepaged), so that any khugepaged pass collapses it
 *    (thp_collapse_alloc, pages_collapsed); every 500 ms it starts over
 *    with fresh base pages.
 *
 * It ends after SECONDS (alarm), when its parent dies (PR_SET_PDEATHSIG,
 * for the workers too), or on SIGTERM/SIGKILL.  Exit status 0, or 1 if it
 * could not start.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MIB (1UL << 20)
#define PMD (2 * MIB)

static void msleep(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Die with the parent, and never outlive @secs. */
static void bounded(pid_t parent, unsigned int secs)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);	/* the parent died before the line above */
	alarm(secs);
}

/* An anonymous mapping of @len with a PMD-aligned start inside it. */
static char *map_aligned(size_t len, char **base)
{
	char *p = mmap(NULL, len + PMD, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	*base = p;
	return (char *)(((uintptr_t)p + PMD - 1) & ~(uintptr_t)(PMD - 1));
}

static _Noreturn void faulter(void)
{
	for (;;) {
		char *base, *a = map_aligned(4 * MIB, &base);

		if (a) {
			madvise(a, 4 * MIB, MADV_HUGEPAGE);
			a[0] = 1;
			a[PMD] = 1;
			munmap(a, MIB);
			munmap(base, 4 * MIB + PMD);
		}
		msleep(1);
	}
}

static _Noreturn void fodder(void)
{
	const size_t len = 8 * MIB;

	for (;;) {
		char *base, *a = map_aligned(len, &base);
		size_t off;

		if (a) {
			madvise(a, len, MADV_NOHUGEPAGE);
			for (off = 0; off < len; off += 4096)
				a[off] = 1;
			madvise(a, len, MADV_HUGEPAGE);
		}
		msleep(500);
		if (a)
			munmap(base, len + PMD);
	}
}

int main(int argc, char **argv)
{
	unsigned int secs = argc > 1 ? (unsigned int)atoi(argv[1]) : 0;
	pid_t self = getpid(), kids[2];
	int i;

	if (argc != 2 || !secs || secs > 600) {
		fprintf(stderr, "usage: thp-noise SECONDS (1 to 600)\n");
		return 1;
	}
	bounded(getppid(), secs);
	for (i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] < 0) {
			perror("thp-noise: fork");
			return 1;
		}
		if (!kids[i]) {
			bounded(self, secs);
			if (i == 0)
				faulter();
			fodder();
		}
	}
	/* until the alarm, a signal, or a worker that died */
	wait(NULL);
	kill(kids[0], SIGKILL);
	kill(kids[1], SIGKILL);
	while (wait(NULL) > 0)
		;
	return 0;
}
