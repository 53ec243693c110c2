/* SPDX-License-Identifier: MIT */
/*
 * calibrate.c - `hugeresv calibrate`: measure what page faults, zeroing,
 * copying and TLB misses cost on this machine, with real memory, and
 * write the cost model the lab turns its event counts into latencies
 * with (docs/cost-model.md says what each figure means and how it is
 * measured; this file is the how in detail).
 *
 * Every measurement maps fresh memory, so that nothing it times is
 * already faulted or in the cache, and unmaps it afterwards.  Each is
 * repeated --runs times, interleaved (run 1 of everything, then run 2),
 * so that a noisy moment of the VM spoils one sample of each figure
 * rather than every sample of one; the model keeps the medians.
 *
 * THP: the 2 MiB figures need THPs.  If this process cannot get them
 * and the reason is a setting (enabled=never, the PMD size's own
 * enabled=never), root may set it to madvise for the duration, under
 * the kernel back end's lock so that no `run --kernel` changes it
 * underneath, and puts back the exact previous value afterwards, also
 * on SIGINT, SIGTERM and SIGHUP.  Without root that is a refusal (exit
 * 3).  A SIGKILL leaves the setting changed: nothing can prevent that.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "backend/backend.h"
#include "commands.h"
#include "util.h"
#include "formats/costmodel.h"
#include "backend/kstate.h"

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

#define SZ_4K		(4096UL)
#define SZ_2M		(2UL << 20)
#define SZ_1M		(1UL << 20)
#define THP_ENABLED	KSTATE_SYSFS_THP "/enabled"
#define THP_PMD_ENABLED	KSTATE_SYSFS_THP "/hugepages-2048kB/enabled"
#define THP_ZERO_PAGE	KSTATE_SYSFS_THP "/use_zero_page"
#define LOCK_WAIT_S	60

/*
 * The sizes of one calibration.  The full sizes are chosen against this
 * machine's caches and TLBs (docs/cost-model.md): the zero/copy region
 * is 32 times a 32 MiB LLC so that a block is long evicted when it is
 * timed, and the walk span (1 GiB) takes 256 Ki base pages, far beyond
 * any STLB, and 512 THPs, beyond what this VM's TLB keeps for them.
 */
struct cal_sizes {
	size_t fault_4k;	/* region faulted in base pages */
	size_t fault_2m;	/* region faulted in THPs */
	size_t zero;		/* region of 2 MiB blocks zeroed and copied */
	size_t walk_span;	/* span of the translation chases */
	long walk_loads;	/* dependent loads per chase */
};

static const struct cal_sizes cal_full = {
	.fault_4k = 256 * SZ_1M,
	.fault_2m = 1024 * SZ_1M,
	.zero = 1024 * SZ_1M,
	.walk_span = 1024 * SZ_1M,
	.walk_loads = 4000000,
};

static const struct cal_sizes cal_quick = {
	.fault_4k = 8 * SZ_1M,
	.fault_2m = 32 * SZ_1M,
	.zero = 64 * SZ_1M,
	.walk_span = 64 * SZ_1M,
	.walk_loads = 200000,
};

/* The figures, in the order of struct cost_model and of the table. */
enum { F_FAULT_4K, F_FAULT_2M, F_ZERO_2M, F_COPY_2M, F_WALK_4K, F_WALK_2M,
       NFIG };

static const char *const fig_name[NFIG] = {
	"fault_4k_ns", "fault_2m_ns", "zero_2m_ns", "copy_2m_ns",
	"walk_4k_ns", "walk_2m_ns",
};

/* The smallest walk figure written: the parser wants every value > 0. */
#define WALK_FLOOR_NS	0.1

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Keep the compiler from dropping stores to memory it sees no reader of. */
static void clobber(void *p)
{
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

/* A 64-bit LCG; only its high bits are used, which are good enough. */
static uint64_t lcg(uint64_t *x)
{
	*x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
	return *x;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* ------------------------------------------------------------------ */
/* Memory                                                              */

/*
 * A private anonymous region of @len bytes at a 2 MiB boundary: map
 * 2 MiB more and trim both ends, so that every 2 MiB range of it can be
 * a THP.  @prot PROT_READ for the walks (read faults map zero pages).
 */
static char *map_aligned(size_t len, int prot)
{
	char *p, *a;
	size_t head, tail;

	p = mmap(NULL, len + SZ_2M, prot,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		fprintf(stderr, "hugeresv: calibrate: mmap of %zu MiB: %s\n",
			len >> 20, strerror(errno));
		return NULL;
	}
	a = (char *)(((uintptr_t)p + SZ_2M - 1) & ~(uintptr_t)(SZ_2M - 1));
	head = (size_t)(a - p);
	tail = SZ_2M - head;
	if (head)
		munmap(p, head);
	if (tail)
		munmap(a + len, tail);
	return a;
}

static int advise(char *p, size_t len, int advice, const char *name)
{
	if (!madvise(p, len, advice))
		return 0;
	fprintf(stderr, "hugeresv: calibrate: madvise(%s): %s\n", name,
		strerror(errno));
	return -1;
}

/* The whole of /proc/self/smaps (or another small proc file). */
static char *slurp(const char *path)
{
	size_t len;

	return read_whole_file(path, &len);
}

/*
 * AnonHugePages (bytes) of the VMA of this process that contains @addr,
 * from /proc/self/smaps; -1 if it cannot be read.  A neighbour merged
 * into the VMA could only add to the figure, and every region here is
 * unmapped before the next is made, so nothing advised alike is near.
 */
static long long anon_huge_bytes(const void *addr)
{
	char *text = slurp("/proc/self/smaps"), *line, *save = NULL;
	uintptr_t a = (uintptr_t)addr;
	long long val = -1;
	int inside = 0;

	if (!text)
		return -1;
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		unsigned long start, end;
		long long kb;

		if (sscanf(line, "%lx-%lx ", &start, &end) == 2 &&
		    strchr(line, '-') < strchr(line, ' ')) {
			inside = start <= a && a < end;
			continue;
		}
		if (inside && sscanf(line, "AnonHugePages: %lld kB", &kb) == 1) {
			val = kb * 1024;
			break;
		}
	}
	free(text);
	return val;
}

/* ------------------------------------------------------------------ */
/* The measurements: each returns ns, or a negative value on failure   */

/*
 * A fresh aligned region of @len advised @advice, one write every @step
 * bytes, timed as a whole: ns per write.  With @got (the THP case), only
 * a run in which every range got a THP counts: *@got is what smaps says
 * did, and a short run returns -2.
 */
static double first_touch(size_t len, int advice, const char *name,
			  size_t step, long long *got)
{
	volatile char *p;
	size_t off;
	double t0, t1;

	p = map_aligned(len, PROT_READ | PROT_WRITE);
	if (!p)
		return -1;
	if (advise((char *)p, len, advice, name) < 0) {
		munmap((void *)p, len);
		return -1;
	}
	t0 = now_ns();
	for (off = 0; off < len; off += step)
		p[off] = 1;
	t1 = now_ns();
	if (got)
		*got = anon_huge_bytes((const void *)p);
	munmap((void *)p, len);
	if (got && *got < (long long)len)
		return -2;
	return (t1 - t0) / (double)(len / step);
}

/*
 * fault_4k: a first write to each base page of a fresh MADV_NOHUGEPAGE
 * region (also no mTHP: NOHUGEPAGE covers every order), timed as a
 * whole and divided by the pages.
 */
static double measure_fault_4k(size_t len)
{
	return first_touch(len, MADV_NOHUGEPAGE, "MADV_NOHUGEPAGE", SZ_4K,
			   NULL);
}

/*
 * fault_2m: a first write to each 2 MiB range of a fresh aligned
 * MADV_HUGEPAGE region.  Only a run in which every range got a THP
 * counts: *@got says how many bytes did (from smaps), and a short run
 * returns -2.
 */
static double measure_fault_2m(size_t len, long long *got)
{
	return first_touch(len, MADV_HUGEPAGE, "MADV_HUGEPAGE", SZ_2M, got);
}

/* A random order of @n block indices (Fisher-Yates). */
static size_t *shuffled(size_t n, uint64_t seed)
{
	size_t *perm = malloc(n * sizeof(*perm)), i;

	if (!perm)
		return NULL;
	for (i = 0; i < n; i++)
		perm[i] = i;
	for (i = n - 1; i > 0; i--) {
		size_t j = (size_t)((lcg(&seed) >> 32) % (i + 1));
		size_t t = perm[i];

		perm[i] = perm[j];
		perm[j] = t;
	}
	return perm;
}

/*
 * zero_2m and copy_2m over a fresh THP region of 2 MiB blocks.  The
 * blocks are prefaulted in a random order and timed in the same order,
 * so that between a block's prefault and its timing the whole rest of
 * the region (32 LLCs at the full size) has been written: it is not in
 * any cache, as the page a fault zeroes is not.  The first half of the
 * order is zeroed, the second half copied in pairs (source, then
 * destination), both as cold.  THP backing
 * keeps TLB misses out of the figure, as the kernel's own zeroing and
 * copying go through its huge-page direct map.
 */
static int measure_zero_copy(size_t len, uint64_t seed, double *zero,
			     double *copy)
{
	size_t n = len / SZ_2M, i, *perm;
	double total = 0, t0;
	char *p;

	p = map_aligned(len, PROT_READ | PROT_WRITE);
	if (!p)
		return -1;
	perm = shuffled(n, seed);
	if (!perm) {
		munmap(p, len);
		return -1;
	}
	advise(p, len, MADV_HUGEPAGE, "MADV_HUGEPAGE");
	for (i = 0; i < n; i++)
		memset(p + perm[i] * SZ_2M, 0x5a, SZ_2M);
	clobber(p);
	for (i = 0; i < n / 2; i++) {
		char *b = p + perm[i] * SZ_2M;

		t0 = now_ns();
		memset(b, 0, SZ_2M);
		clobber(b);
		total += now_ns() - t0;
	}
	*zero = total / (double)(n / 2);

	/* The second half was prefaulted after the first: still cold. */
	total = 0;
	for (i = n / 2; i + 1 < n; i += 2) {
		char *src = p + perm[i] * SZ_2M, *dst = p + perm[i + 1] * SZ_2M;

		t0 = now_ns();
		memcpy(dst, src, SZ_2M);
		clobber(dst);
		total += now_ns() - t0;
	}
	*copy = total / (double)((n - n / 2) / 2);
	free(perm);
	munmap(p, len);
	return 0;
}

/*
 * One pointer chase: @loads loads, each at a random page of @base's
 * 2^@order_pages pages of 2^@shift bytes (a random cache line in the
 * page's first 4 KiB), each load's address depending on the value the
 * previous one read.  The mapping holds only the zero page (4 KiB, or
 * the huge zero page), so every load hits L1 and what the chase times
 * beyond a chase within one page is address translation alone.  The
 * random numbers come from an LCG that does not depend on the loads, so
 * out-of-order execution hides its cost.  Return: ns per load.
 */
static double chase(const char *base, unsigned int order_pages,
		    unsigned int shift, long loads, uint64_t seed)
{
	uint64_t x = seed, v = 0, mask = (1ULL << order_pages) - 1;
	double t0, t1;
	long i;

	t0 = now_ns();
	for (i = 0; i < loads; i++) {
		uint64_t r = lcg(&x);
		uint64_t off = (((r >> 30) & mask) << shift) +
			       (((r >> 24) & 63) << 6);

		v = *(const volatile uint64_t *)(base + off + v);
	}
	t1 = now_ns();
	/* v is 0 (zero pages); adding it keeps the chase live. */
	return (t1 - t0) / (double)loads + (double)v;
}

/*
 * A chase cut into CHASE_SLICES slices, the median slice kept: a VM
 * that stops this vCPU for some milliseconds (it happens here, now and
 * then) spoils one slice, not the figure.
 */
#define CHASE_SLICES 9

static double chase_median(const char *base, unsigned int order_pages,
			   unsigned int shift, long loads, uint64_t seed)
{
	double v[CHASE_SLICES];
	int i;

	for (i = 0; i < CHASE_SLICES; i++)
		v[i] = chase(base, order_pages, shift, loads / CHASE_SLICES,
			     seed + (uint64_t)i * 7919);
	qsort(v, CHASE_SLICES, sizeof(v[0]), cmp_double);
	return v[CHASE_SLICES / 2];
}

/* Map @len of zero pages, 4 KiB (@huge 0) or huge zero pages (@huge 1). */
static char *map_zero_pages(size_t len, int huge)
{
	char *p = map_aligned(len, PROT_READ);
	size_t off;

	if (!p)
		return NULL;
	if (advise(p, len, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE,
		   huge ? "MADV_HUGEPAGE" : "MADV_NOHUGEPAGE") < 0) {
		munmap(p, len);
		return NULL;
	}
	/* Fault it in now: the chase must time translation, not faults. */
	if (madvise(p, len, MADV_POPULATE_READ) < 0)
		for (off = 0; off < len; off += huge ? SZ_2M : SZ_4K)
			clobber((void *)(uintptr_t)
				*(const volatile char *)(p + off));
	return p;
}

static unsigned int log2_of(size_t v)
{
	unsigned int n = 0;

	while (v > 1) {
		v >>= 1;
		n++;
	}
	return n;
}

/*
 * walk_4k and walk_2m: the chase over the walk span in each page size,
 * less the same chase confined to one page (which hits the TLB; the
 * loop's own cost and the L1 hit cancel out).
 */
static int measure_walks(size_t span, long loads, uint64_t seed,
			 double *w4k, double *w2m)
{
	char *p4, *p2;
	double base;

	p4 = map_zero_pages(span, 0);
	if (!p4)
		return -1;
	p2 = map_zero_pages(span, 1);
	if (!p2) {
		munmap(p4, span);
		return -1;
	}
	/* A short warm-up: the loop in the i-cache, the CPU's clock up. */
	chase(p4, 0, 12, loads / 8, seed);
	base = chase_median(p4, 0, 12, loads, seed);
	*w4k = chase_median(p4, log2_of(span / SZ_4K), 12, loads, seed + 1) -
	       base;
	*w2m = chase_median(p2, log2_of(span / SZ_2M), 21, loads, seed + 2) -
	       base;
	munmap(p4, span);
	munmap(p2, span);
	return 0;
}

/* ------------------------------------------------------------------ */
/* THP: make sure this process gets THPs, or say why not               */

/*
 * A THP setting changed for the calibration, and its old value.  The
 * signal handler reads these, so they are fixed-size and written before
 * the handler is installed; @len is precomputed because strlen() is not
 * on every system's async-signal-safe list.
 */
struct thp_saved {
	const char *path;
	char old[32];
	size_t len;
};

static struct thp_saved thp_saved[2];
static volatile sig_atomic_t thp_nsaved;
static int thp_lockfd = -1;
static struct sigaction thp_old_int, thp_old_term, thp_old_hup;

static void thp_restore_settings(void)
{
	int i;

	for (i = thp_nsaved - 1; i >= 0; i--) {
		int fd = open(thp_saved[i].path, O_WRONLY);

		if (fd >= 0) {
			if (write(fd, thp_saved[i].old, thp_saved[i].len) < 0) {
				/* nothing better to do in a handler */
			}
			close(fd);
		}
	}
	thp_nsaved = 0;
}

/* SA_RESETHAND: the raise() ends the process once this returns. */
static void thp_on_signal(int sig)
{
	thp_restore_settings();
	raise(sig);
}

/* The word in brackets of a sysfs choice ("always [madvise] never"). */
static int read_choice(const char *path, char *out, size_t len)
{
	char buf[256], *l, *r;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	l = strchr(buf, '[');
	r = l ? strchr(l, ']') : NULL;
	if (!r || (size_t)(r - l - 1) >= len)
		return -1;
	memcpy(out, l + 1, (size_t)(r - l - 1));
	out[r - l - 1] = '\0';
	return 0;
}

static int write_setting(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, val, strlen(val)) < 0)
		rc = -errno;
	close(fd);
	return rc;
}

/* Does a 2 MiB write fault in a MADV_HUGEPAGE range get a THP? */
static int thp_probe(void)
{
	long long got = 0;

	return measure_fault_2m(2 * SZ_2M, &got) >= 0;
}

/* Take KSTATE_LOCK, waiting up to LOCK_WAIT_S seconds. */
static int thp_lock(void)
{
	int fd, waited = 0;

	fd = open(KSTATE_LOCK, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "hugeresv: calibrate: cannot open %s: %s\n",
			KSTATE_LOCK, strerror(errno));
		return -1;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			fprintf(stderr, "hugeresv: calibrate: cannot lock %s: "
				"%s\n", KSTATE_LOCK, strerror(errno));
			close(fd);
			return -1;
		}
		if (waited == 10)
			fprintf(stderr, "hugeresv: calibrate: waiting for %s "
				"(up to %d s)\n", KSTATE_LOCK, LOCK_WAIT_S);
		if (waited >= LOCK_WAIT_S * 10) {
			fprintf(stderr, "hugeresv: calibrate: %s is held by "
				"another hugeresv run (waited %d s)\n",
				KSTATE_LOCK, LOCK_WAIT_S);
			close(fd);
			return -1;
		}
		usleep(100000);
		waited++;
	}
	thp_lockfd = fd;
	return 0;
}

/* Save @path's value and set it to @val; the first save arms restore. */
static int thp_set(const char *path, const char *old, const char *val)
{
	struct thp_saved *s = &thp_saved[thp_nsaved];
	int rc;

	s->path = path;
	snprintf(s->old, sizeof(s->old), "%s", old);
	s->len = strlen(s->old);
	thp_nsaved++;
	rc = write_setting(path, val);
	if (rc < 0) {
		fprintf(stderr, "hugeresv: calibrate: cannot write %s to %s: "
			"%s\n", val, path, strerror(-rc));
		return -1;
	}
	fprintf(stderr, "calibrate: set %s to %s for the calibration (was "
		"%s)\n", path, val, old);
	return 0;
}

/**
 * thp_end() - put back every THP setting calibrate changed and release
 * the lock; the signal handlers go back to what they were.
 */
static void thp_end(void)
{
	if (thp_lockfd < 0)
		return;
	if (thp_nsaved)
		fprintf(stderr, "calibrate: THP settings restored\n");
	thp_restore_settings();
	sigaction(SIGINT, &thp_old_int, NULL);
	sigaction(SIGTERM, &thp_old_term, NULL);
	sigaction(SIGHUP, &thp_old_hup, NULL);
	close(thp_lockfd);
	thp_lockfd = -1;
}

/*
 * Make THP faults work in this process.  Return: EXIT_OK, or
 * EXIT_REFUSED after saying why not (nothing left changed).
 */
static int thp_begin(void)
{
	char en[32] = "?", pmd[32] = "";
	struct sigaction sa;

	/* Our own prctl(PR_SET_THP_DISABLE), inherited: ours to undo. */
	if (prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) > 0) {
		fprintf(stderr, "calibrate: THP was disabled for this process "
			"(PR_SET_THP_DISABLE, inherited); enabling it\n");
		prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0);
	}
	if (thp_probe())
		return EXIT_OK;
	read_choice(THP_ENABLED, en, sizeof(en));
	read_choice(THP_PMD_ENABLED, pmd, sizeof(pmd));
	fprintf(stderr, "calibrate: no THP for a MADV_HUGEPAGE fault "
		"(transparent_hugepage/enabled=%s%s%s)\n", en,
		*pmd ? ", hugepages-2048kB/enabled=" : "", pmd);
	if (geteuid() != 0) {
		fprintf(stderr, "hugeresv: calibrate: the 2 MiB figures need "
			"THP; run as root to let calibrate set enabled=madvise "
			"for the calibration, or set it yourself\n");
		return EXIT_REFUSED;
	}
	if (strcmp(en, "never") && strcmp(pmd, "never")) {
		fprintf(stderr, "hugeresv: calibrate: THP is enabled but no "
			"fault got one (memory too fragmented? defrag?); "
			"not calibrating\n");
		return EXIT_REFUSED;
	}
	if (thp_lock() < 0)
		return EXIT_REFUSED;
	/* Re-read under the lock: a kernel run may have just restored. */
	read_choice(THP_ENABLED, en, sizeof(en));
	read_choice(THP_PMD_ENABLED, pmd, sizeof(pmd));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = thp_on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGHUP);
	sigaction(SIGINT, &sa, &thp_old_int);
	sigaction(SIGTERM, &sa, &thp_old_term);
	sigaction(SIGHUP, &sa, &thp_old_hup);
	if ((!strcmp(en, "never") &&
	     thp_set(THP_ENABLED, en, "madvise") < 0) ||
	    (!strcmp(pmd, "never") &&
	     thp_set(THP_PMD_ENABLED, pmd, "inherit") < 0)) {
		thp_end();
		return EXIT_REFUSED;
	}
	if (!thp_probe()) {
		fprintf(stderr, "hugeresv: calibrate: still no THP with "
			"enabled=madvise (memory too fragmented?); not "
			"calibrating\n");
		thp_end();
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Results                                                             */

/*
 * The spread of one figure over the runs.  An even count takes the
 * mean of the middle two.
 */
struct spread {
	double min, median, max;
};

static struct spread spread_of(const double *v, int n)
{
	double *s = malloc((size_t)n * sizeof(*s));
	struct spread r = { v[0], v[0], v[0] };

	if (!s)
		return r;
	memcpy(s, v, (size_t)n * sizeof(*s));
	qsort(s, (size_t)n, sizeof(*s), cmp_double);
	r.min = s[0];
	r.max = s[n - 1];
	r.median = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	free(s);
	return r;
}

static void describe_host(struct cost_model *cm)
{
	char *cpu = slurp("/proc/cpuinfo"), model[96] = "";
	struct utsname u;
	time_t t = time(NULL);
	struct tm tm;

	if (cpu) {
		char *m = strstr(cpu, "model name");

		if (m && (m = strchr(m, ':'))) {
			m++;
			while (*m == ' ' || *m == '\t')
				m++;
			snprintf(model, sizeof(model), "%.*s",
				 (int)strcspn(m, "\n"), m);
		}
		free(cpu);
	}
	if (uname(&u) < 0) {
		strcpy(u.nodename, "unknown");
		strcpy(u.release, "unknown");
	}
	snprintf(cm->host, sizeof(cm->host), "%.32s (%.64s%s%ld CPUs)",
		 u.nodename, model, *model ? ", " : "",
		 sysconf(_SC_NPROCESSORS_ONLN));
	snprintf(cm->kernel, sizeof(cm->kernel), "%.63s", u.release);
	gmtime_r(&t, &tm);
	strftime(cm->date, sizeof(cm->date), "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * What a sane machine shows; a VM that is noisy or overcommitted may
 * not, and a figure off by itself is still better than none, so these
 * warn and the model is written anyway.
 */
static void sanity_warnings(const struct cost_model *cm, int clamped)
{
	const char *w = "hugeresv: calibrate: warning:";

	if (cm->fault_2m <= cm->zero_2m)
		fprintf(stderr, "%s fault_2m (%.0f ns) is not above zero_2m "
			"(%.0f ns), though a THP fault zeroes 2 MiB\n", w,
			cm->fault_2m, cm->zero_2m);
	if (cm->fault_4k <= cm->zero_2m / 512)
		fprintf(stderr, "%s fault_4k (%.0f ns) is not above zero_2m/512 "
			"(%.0f ns): the lab's base cost of a fault would be "
			"negative\n", w, cm->fault_4k, cm->zero_2m / 512);
	if (cm->fault_2m <= cm->fault_4k)
		fprintf(stderr, "%s fault_2m (%.0f ns) is not above fault_4k "
			"(%.0f ns)\n", w, cm->fault_2m, cm->fault_4k);
	if (cm->copy_2m <= cm->zero_2m)
		fprintf(stderr, "%s copy_2m (%.0f ns) is not above zero_2m "
			"(%.0f ns), though a copy reads as much as it writes\n",
			w, cm->copy_2m, cm->zero_2m);
	if (cm->walk_4k <= cm->walk_2m)
		fprintf(stderr, "%s walk_4k (%.1f ns) is not above walk_2m "
			"(%.1f ns): the lab will see no translation cost in "
			"base pages\n", w, cm->walk_4k, cm->walk_2m);
	if (clamped)
		fprintf(stderr, "%s walk_2m measured <= 0 (TLB hits, or noise); "
			"written as %.1f ns, the smallest the format takes\n", w,
			WALK_FLOOR_NS);
}

static void print_table(FILE *f, const double *samples, int runs)
{
	int i;

	fprintf(f, "%-12s %10s %10s %10s %7s\n", "figure", "median", "min",
		"max", "spread");
	for (i = 0; i < NFIG; i++) {
		struct spread s = spread_of(samples + (size_t)i * runs, runs);
		double pct = s.median > 0 ? 100 * (s.max - s.min) / s.median : 0;

		fprintf(f, "%-12s %10.1f %10.1f %10.1f %6.1f%%\n", fig_name[i],
			s.median, s.min, s.max, pct);
	}
}

/* mkdir -p of @path's directory. */
static int make_parent_dirs(const char *path)
{
	char dir[4096];
	char *p;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return -ENAMETOOLONG;
	p = strrchr(dir, '/');
	if (!p || p == dir)
		return 0;
	*p = '\0';
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) < 0 && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return -errno;
	return 0;
}

/* Write the model to @path.tmp, then rename: a reader never sees half. */
static int write_model(const char *path, const struct cost_model *cm)
{
	char tmp[4096 + 8];
	FILE *f;
	int rc;

	if (!strcmp(path, "-"))
		return cost_model_write(stdout, cm) < 0 ? -1 : 0;
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "hugeresv: calibrate: %s: %s\n", tmp,
			strerror(errno));
		return -1;
	}
	rc = cost_model_write(f, cm);
	if (!rc && fsync(fileno(f)) < 0)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (!rc && rename(tmp, path) < 0)
		rc = -1;
	if (rc) {
		fprintf(stderr, "hugeresv: calibrate: writing %s: %s\n", path,
			strerror(errno));
		unlink(tmp);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

static const char calibrate_usage[] =
	"usage: hugeresv calibrate [-o FILE] [--quick] [--runs N]\n"
	"       hugeresv calibrate --check FILE\n"
	"\n"
	"Measure, with real memory on this machine, what a base-page fault, a\n"
	"THP fault, zeroing and copying 2 MiB and a TLB miss cost, and write\n"
	"the cost model the lab uses (docs/cost-model.md).  Needs THP; as root\n"
	"it sets transparent_hugepage/enabled=madvise for the calibration if\n"
	"it is 'never', and puts it back.\n"
	"\n"
	"  -o FILE      write the model to FILE ('-': stdout); by default to\n"
	"               $HUGERESV_COST_MODEL, else\n"
	"               $XDG_CONFIG_HOME/hugeresv/cost-model, else\n"
	"               ~/.config/hugeresv/cost-model\n"
	"  --runs N     repeat every measurement N times, keep the median\n"
	"               (default 5)\n"
	"  --quick      small sizes and one run: a second or two, figures only\n"
	"               roughly right (for tests)\n"
	"  --check FILE read a cost model file and print it, or say what is\n"
	"               wrong with it (FILE:LINE:COL)\n"
	"  -h, --help   print this help\n";

static int check_file(const char *path)
{
	struct cost_model cm;
	char err[512];

	if (cost_model_load(path, &cm, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	return cost_model_write(stdout, &cm) < 0 ? EXIT_FAIL : EXIT_OK;
}

/*
 * Other work on the machine inflates every figure (on the 2-core VM
 * the default was measured on, a parallel build doubled them): say so,
 * as the model will be used as if the machine had been idle.
 */
static void warn_if_busy(void)
{
	char *text = slurp("/proc/loadavg");
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	double load;

	if (text && sscanf(text, "%lf", &load) == 1 && ncpu > 0 &&
	    load >= 0.5 * (double)ncpu)
		fprintf(stderr, "hugeresv: calibrate: warning: the machine is "
			"busy (load average %.2f on %ld CPUs): the figures "
			"will come out high; calibrate an idle machine\n",
			load, ncpu);
	free(text);
}

/* Stay on one CPU: a migration in a chase would time two caches. */
static void pin_to_this_cpu(void)
{
	int cpu = sched_getcpu();
	cpu_set_t set;

	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/* One run of every measurement into column @r of @samples. */
static int run_once(const struct cal_sizes *sz, int r, int runs,
		    double *samples)
{
	double *col[NFIG];
	long long got = 0;
	int i, tries;

	for (i = 0; i < NFIG; i++)
		col[i] = samples + (size_t)i * runs + r;
	*col[F_FAULT_4K] = measure_fault_4k(sz->fault_4k);
	if (*col[F_FAULT_4K] < 0)
		return -1;
	/* Compaction may leave a range short now and then: try again. */
	for (tries = 0; tries < 3; tries++) {
		*col[F_FAULT_2M] = measure_fault_2m(sz->fault_2m, &got);
		if (*col[F_FAULT_2M] != -2)
			break;
		fprintf(stderr, "calibrate: run %d: only %lld of %zu MiB got "
			"THPs; again\n", r + 1, got >> 20, sz->fault_2m >> 20);
	}
	if (*col[F_FAULT_2M] < 0) {
		if (*col[F_FAULT_2M] == -2)
			fprintf(stderr, "hugeresv: calibrate: THP faults keep "
				"falling back to base pages\n");
		return -1;
	}
	if (measure_zero_copy(sz->zero, 0x9e3779b97f4a7c15ULL + (uint64_t)r,
			      col[F_ZERO_2M], col[F_COPY_2M]) < 0)
		return -1;
	if (measure_walks(sz->walk_span, sz->walk_loads, (uint64_t)r * 3 + 1,
			  col[F_WALK_4K], col[F_WALK_2M]) < 0)
		return -1;
	fprintf(stderr, "calibrate: run %d/%d: fault_4k %.0f ns, fault_2m "
		"%.0f ns, zero_2m %.0f ns, copy_2m %.0f ns, walk_4k %.1f ns, "
		"walk_2m %.1f ns\n", r + 1, runs, *col[F_FAULT_4K],
		*col[F_FAULT_2M], *col[F_ZERO_2M], *col[F_COPY_2M],
		*col[F_WALK_4K], *col[F_WALK_2M]);
	return 0;
}

/**
 * calibrate_main() - see costmodel.h.
 *
 * Return: EXIT_OK; EXIT_USAGE for a bad command line or model file;
 * EXIT_REFUSED when THP cannot be had; EXIT_FAIL when a measurement or
 * the write fails.
 */
int calibrate_main(int argc, char **argv)
{
	const struct cal_sizes *sz = &cal_full;
	const char *out = NULL, *check = NULL;
	char pathbuf[4096], zero_page[8] = "";
	struct cost_model cm;
	double *samples, med[NFIG], t0;
	int runs = -1, quick = 0, i, rc, clamped = 0;
	FILE *table;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (is_help_option(a)) {
			fputs(calibrate_usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--quick")) {
			quick = 1;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--runs") ||
			   !strcmp(a, "--check")) {
			if (i + 1 == argc)
				return usage_error("calibrate", "%s needs an "
							     "argument", a);
			if (!strcmp(a, "-o")) {
				out = argv[++i];
			} else if (!strcmp(a, "--check")) {
				check = argv[++i];
			} else {
				char *end;
				long n = strtol(argv[++i], &end, 10);

				if (*end || end == argv[i] || n < 1 || n > 1000)
					return usage_error("calibrate", 
						"--runs takes a count from 1 "
						"to 1000, not '%s'", argv[i]);
				runs = (int)n;
			}
		} else if (a[0] == '-') {
			return usage_error("calibrate", "unknown option '%s'", a);
		} else {
			return usage_error("calibrate", "unexpected argument "
						     "'%s'", a);
		}
	}
	if (check) {
		if (out || quick || runs > 0)
			return usage_error("calibrate", "%s", "--check takes no "
						     "other option");
		return check_file(check);
	}
	if (quick)
		sz = &cal_quick;
	if (runs < 0)
		runs = quick ? 1 : 5;
	if (!out) {
		out = cost_model_default_path(pathbuf, sizeof(pathbuf));
		if (!out)
			return usage_error("calibrate", "%s", "no default path "
				"for the model (HOME is not set): use -o FILE");
	}
	/* Before measuring: a path that cannot be made fails at once. */
	if (strcmp(out, "-") && (rc = make_parent_dirs(out)) < 0) {
		fprintf(stderr, "hugeresv: calibrate: cannot make the "
			"directory of %s: %s\n", out, strerror(-rc));
		return EXIT_FAIL;
	}
	samples = calloc((size_t)NFIG * (size_t)runs, sizeof(*samples));
	if (!samples)
		return EXIT_FAIL;

	pin_to_this_cpu();
	warn_if_busy();
	t0 = now_ns();
	rc = thp_begin();
	if (rc) {
		free(samples);
		return rc;
	}
	read_choice(THP_ZERO_PAGE, zero_page, sizeof(zero_page));
	if (!strcmp(zero_page, "0") || !strncmp(zero_page, "0\n", 2))
		fprintf(stderr, "calibrate: note: use_zero_page=0: the 2 MiB "
			"walk maps real THPs instead of the huge zero page\n");
	fprintf(stderr, "calibrate: %d run%s%s (faults over %zu/%zu MiB, "
		"zero/copy over %zu MiB, walks over %zu MiB)\n", runs,
		runs == 1 ? "" : "s", quick ? ", quick sizes" : "",
		sz->fault_4k >> 20, sz->fault_2m >> 20, sz->zero >> 20,
		sz->walk_span >> 20);
	for (i = 0; i < runs; i++)
		if (run_once(sz, i, runs, samples) < 0) {
			thp_end();
			free(samples);
			return EXIT_FAIL;
		}
	thp_end();

	for (i = 0; i < NFIG; i++)
		med[i] = spread_of(samples + (size_t)i * runs, runs).median;
	if (med[F_WALK_2M] < WALK_FLOOR_NS) {
		med[F_WALK_2M] = WALK_FLOOR_NS;
		clamped = 1;
	}
	if (med[F_WALK_4K] < WALK_FLOOR_NS)
		med[F_WALK_4K] = WALK_FLOOR_NS;
	memset(&cm, 0, sizeof(cm));
	cm.fault_4k = med[F_FAULT_4K];
	cm.fault_2m = med[F_FAULT_2M];
	cm.zero_2m = med[F_ZERO_2M];
	cm.copy_2m = med[F_COPY_2M];
	cm.walk_4k = med[F_WALK_4K];
	cm.walk_2m = med[F_WALK_2M];
	describe_host(&cm);
	sanity_warnings(&cm, clamped);

	rc = write_model(out, &cm) < 0 ? EXIT_FAIL : EXIT_OK;
	/* With the model on stdout the table must not mix into it. */
	table = strcmp(out, "-") ? stdout : stderr;
	print_table(table, samples, runs);
	fprintf(table, "%s %s (%.1f s)\n", rc ? "not written:" : "written to",
		strcmp(out, "-") ? out : "standard output",
		(now_ns() - t0) / 1e9);
	free(samples);
	return rc;
}
