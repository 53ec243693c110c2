/* SPDX-License-Identifier: MIT */
/*
 * fuzz_engine.c - libFuzzer harness for the engine (libhugeresv), driven
 * through its public API (include/hugeresv.h) only.
 *
 * An input is a byte string.  The first byte shapes the machine (1 to 4
 * GiB, 1 to 4 nodes); every operation after it is an opcode byte and a
 * few argument bytes (a missing byte reads as 0, so every input decodes).
 * Handles live in small tables: at most MAX_MOUNTS mounts, MAX_FILES
 * files, MAX_SHMS segments, MAX_PROCS processes, MAX_MAPS mapping
 * records (process, address, length, page size).  Indexes are taken
 * modulo the table size and sizes are clamped to a few huge pages, so
 * that every call is made with live handles and either works or fails
 * with a negative errno; the harness never hands the engine a freed
 * handle (a file's handle is dropped at unlink, a segment's at shm_rm, a
 * process's at exit).  Addresses and lengths, on the other hand, are
 * chosen to hit the edges: partial ranges, misaligned starts, ranges
 * past the end of a mapping or over a hole.
 *
 * After every operation:
 *  - hr_machine_check() must pass (abort with its message otherwise);
 *  - HugePages_Total/Free/Surp (meminfo) and nr/free/surplus_hugepages
 *    (sysfs, both sizes) must not read as wrapped (negative as int64).
 *    HugePages_Rsvd is left to hr_machine_check(): Linux 6.18 does let it
 *    wrap in one state (see docs/kernel-differences.md), which the
 *    validator bounds;
 *  - every return value is 0 or a negative errno (hr_touch: 0, SIGBUS,
 *    SIGSEGV; hr_migrate: a page count).
 * At the end every process exits, every file is unlinked, every
 * segment removed and every mount unmounted (hr_mount_umount() must
 * work once nothing maps anything).  Then no page is in use: each page
 * size must read Free == Total.  Unless a mount with min_size= existed
 * (Linux's unmount can keep or over-release a subpool's minimum:
 * src/subpool.c) or the machine is tainted (hr_machine_taint(): a path
 * on which Linux loses exact accounting), also Rsvd == 0 and Surp == 0;
 * with more than one node a free page may stay counted as surplus (a
 * stale per-node count, as in Linux), so there Surp <= Free.
 * hr_machine_free() then checks for leaks itself when built with
 * -DHR_DEBUG=1, and LeakSanitizer checks the rest.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugeresv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MOUNTS 4
#define MAX_FILES  8
#define MAX_SHMS   4
#define MAX_PROCS  8
#define MAX_MAPS   48
#define MAX_OPS    2000
#define MAX_TOUCH  8	/* pages touched by one touch op */

/* Where the engine puts the first mapping, and the gap between them. */
#define FIRST_ADDR (1ULL << 40)

struct in {
	const uint8_t *p;
	size_t n;
};

static unsigned u8(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

struct maprec {
	hr_proc *proc;
	uint64_t addr, len, ps;
};

struct state {
	hr_machine *m;
	int nodes;
	int op;			/* operation number, for messages */
	const char *opname;
	const char *call;	/* the last API call of the operation */
	long rc;		/* and what it returned */
	int trace;		/* HR_FUZZ_TRACE set: print every operation */
	hr_mount *mounts[MAX_MOUNTS];
	uint64_t mount_ps[MAX_MOUNTS];
	int nmounts;
	int min_size_mount;	/* some mount has min_size= */
	hr_file *files[MAX_FILES];
	uint64_t file_ps[MAX_FILES];
	hr_mount *file_mnt[MAX_FILES];
	int nfiles;
	hr_file *shms[MAX_SHMS];
	uint64_t shm_ps[MAX_SHMS];
	int nshms;
	hr_proc *procs[MAX_PROCS];
	int nprocs;
	struct maprec maps[MAX_MAPS];
	int nmaps;
	char buf[8192];
};

__attribute__((noreturn, format(printf, 2, 3)))
static void fail(const struct state *S, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "fuzz_engine: op %d (%s): ", S->op,
		S->opname ? S->opname : "-");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static void note(struct state *S, const char *call, long rc)
{
	S->call = call;
	S->rc = rc;
}

/* 0 or a negative errno; anything else is a broken contract. */
static void want_errno(struct state *S, const char *call, long rc)
{
	note(S, call, rc);
	if (rc > 0 || rc < -4095)
		fail(S, "%s returned %ld, not 0 or -errno", call, rc);
}

static const char *const sizes[] = { "2048kB", "1048576kB" };

static int64_t counter(struct state *S, const char *src, const char *key)
{
	int64_t v = 0;
	int rc = hr_counter(S->m, NULL, src, key, &v);

	if (rc)
		fail(S, "hr_counter(%s, %s) = %d", src, key, rc);
	return v;
}

static int64_t pool(struct state *S, int size, const char *file)
{
	char key[96];

	snprintf(key, sizeof(key), "hugepages/hugepages-%s/%s", sizes[size], file);
	return counter(S, "sysfs", key);
}

/* The validators, and no wrapped pool counter, after every operation. */
static void check(struct state *S)
{
	static const char *const mi[] = {
		"HugePages_Total", "HugePages_Free", "HugePages_Surp",
	};
	static const char *const sf[] = {
		"nr_hugepages", "free_hugepages", "surplus_hugepages",
	};
	char msg[512];

	if (hr_machine_check(S->m, msg, sizeof(msg)))
		fail(S, "invariant violated: %s", msg);
	for (size_t i = 0; i < sizeof(mi) / sizeof(mi[0]); i++) {
		int64_t v = counter(S, "meminfo", mi[i]);

		if (v < 0)
			fail(S, "meminfo %s reads as wrapped: %" PRIu64, mi[i],
			     (uint64_t)v);
	}
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < sizeof(sf) / sizeof(sf[0]); i++) {
			int64_t v = pool(S, s, sf[i]);

			if (v < 0)
				fail(S, "sysfs %s/%s reads as wrapped: %" PRIu64,
				     sizes[s], sf[i], (uint64_t)v);
		}
}

/* ---- choices ------------------------------------------------------- */

static uint64_t pick_pagesize(unsigned b)
{
	static const uint64_t ps[] = { 0, HR_SZ_2M, HR_SZ_1G, HR_SZ_2M };

	return ps[b & 3];
}

/* The page size a pagesize argument means (0: the default, 2M). */
static uint64_t real_ps(uint64_t ps)
{
	return ps ? ps : HR_SZ_2M;
}

static int pick(unsigned b, int n)
{
	return (int)(b % (unsigned)n);
}

static void drop_maps_of(struct state *S, const hr_proc *p)
{
	for (int i = 0; i < S->nmaps;) {
		if (S->maps[i].proc == p)
			S->maps[i] = S->maps[--S->nmaps];
		else
			i++;
	}
}

/*
 * A range for the range operations: a mapping record's pages [s, e),
 * clipped or stretched by the argument bytes, sometimes misaligned by a
 * base page, sometimes empty.  Returns the process, or NULL if there is
 * no mapping (then a process and an address in the mapping area).
 */
static hr_proc *pick_range(struct state *S, struct in *in, uint64_t *addr,
			   uint64_t *len, struct maprec **recp)
{
	unsigned b0 = u8(in), b1 = u8(in), b2 = u8(in);
	struct maprec *r;
	uint64_t np, s, n;

	*recp = NULL;
	if (!S->nmaps) {
		if (!S->nprocs)
			return NULL;
		*addr = FIRST_ADDR + (uint64_t)(b1 % 4) * HR_SZ_1G;
		*len = (uint64_t)(b2 % 4 + 1) * HR_SZ_2M;
		return S->procs[pick(b0, S->nprocs)];
	}
	r = &S->maps[pick(b0, S->nmaps)];
	*recp = r;
	np = r->len / r->ps;
	s = (b1 & 0x1f) % (np + 1);	/* may start at the end */
	n = b2 % (np + 2);		/* may run past the end; 0 is empty */
	*addr = r->addr + s * r->ps;
	*len = n * r->ps;
	switch ((b1 >> 5) & 7) {
	case 0:
		*addr += HR_PAGE_SIZE;		/* misaligned start */
		break;
	case 1:
		if (*len > HR_PAGE_SIZE)
			*len -= HR_PAGE_SIZE;	/* misaligned end */
		break;
	case 2:
		if (*addr >= r->ps)
			*addr -= r->ps;		/* from the gap before */
		*len += r->ps;
		break;
	default:
		break;
	}
	return r->proc;
}

/* ---- operations ---------------------------------------------------- */

static void op_sysctl(struct state *S, struct in *in)
{
	static const char *const keys[] = {
		"vm.nr_hugepages", "vm.nr_overcommit_hugepages",
		"vm.overcommit_memory", "vm.overcommit_ratio",
		"hugepages-2048kB.nr_hugepages",
		"hugepages-1048576kB.nr_hugepages",
		"hugepages-2048kB.nr_overcommit_hugepages",
		"hugepages-1048576kB.nr_overcommit_hugepages",
		"vm.nr_hugepages_mempolicy", "vm.no_such_knob",
	};
	static const char *const bad[] = {
		"", "-1", "x", "18446744073709551616", "3 ", "4\n", "07",
	};
	unsigned k = u8(in), v = u8(in);
	const char *key = keys[k % (sizeof(keys) / sizeof(keys[0]))];
	char val[32];
	unsigned long n;
	int rc;

	if (v >= 0xf8) {
		snprintf(val, sizeof(val), "%s", bad[(v - 0xf8) % (sizeof(bad) / sizeof(bad[0]))]);
	} else {
		if (strstr(key, "1048576kB.nr_hugepages"))
			n = v % 5;
		else if (strstr(key, "overcommit_memory"))
			n = v % 4;		/* 3: EINVAL */
		else if (strstr(key, "overcommit_ratio"))
			n = v;
		else if (v >= 0xf0)
			n = 100000;		/* more than the memory holds */
		else
			n = v % 48;
		snprintf(val, sizeof(val), "%lu", n);
	}
	rc = hr_sysctl_write(S->m, key, val);
	want_errno(S, "hr_sysctl_write", rc);
}

/* size= and min_size= values: none, whole pages, or pages and a bit. */
static int64_t mount_size(unsigned b, uint64_t hps)
{
	if (b & 0x80)
		return -1;
	return (int64_t)((b & 0x1f) * hps + ((b & 0x20) ? HR_PAGE_SIZE : 0));
}

static void op_mount(struct state *S, struct in *in)
{
	unsigned b = u8(in), bs = u8(in), bm = u8(in);
	uint64_t ps = (b & 4) ? HR_PAGE_SIZE : pick_pagesize(b);
	uint64_t hps = real_ps(ps == HR_PAGE_SIZE ? 0 : ps);
	int64_t size = mount_size(bs, hps), min = mount_size(bm | ((b & 8) ? 0x80 : 0), hps);
	hr_mount *mnt = NULL;
	int rc;

	if (S->nmounts == MAX_MOUNTS)
		return;
	rc = hr_mount_new(S->m, ps, size, min, &mnt);
	want_errno(S, "hr_mount_new", rc);
	if (rc == 0) {
		if (!mnt)
			fail(S, "hr_mount_new: no mount");
		if (min >= 0)
			S->min_size_mount = 1;
		S->mount_ps[S->nmounts] = hps;
		S->mounts[S->nmounts++] = mnt;
	}
}

static void op_file(struct state *S, struct in *in)
{
	unsigned b = u8(in);
	hr_file *f = NULL;
	int i, rc;

	if (!S->nmounts || S->nfiles == MAX_FILES)
		return;
	i = pick(b, S->nmounts);
	rc = hr_file_create(S->mounts[i], &f);
	want_errno(S, "hr_file_create", rc);
	if (rc == 0) {
		if (!f || hr_file_size(f) != 0)
			fail(S, "hr_file_create: no file, or not empty");
		S->file_ps[S->nfiles] = S->mount_ps[i];
		S->file_mnt[S->nfiles] = S->mounts[i];
		S->files[S->nfiles++] = f;
	}
}

static void op_truncate(struct state *S, struct in *in)
{
	unsigned b = u8(in), v = u8(in);
	uint64_t size;
	int i, rc;

	if (!S->nfiles)
		return;
	i = pick(b, S->nfiles);
	size = (uint64_t)(v % 24) * S->file_ps[i];
	if (v >= 0xf0)
		size += HR_PAGE_SIZE;		/* EINVAL */
	rc = hr_file_truncate(S->files[i], size);
	want_errno(S, "hr_file_truncate", rc);
	if (rc == 0 && hr_file_size(S->files[i]) != size)
		fail(S, "truncate to %" PRIu64 " left i_size %" PRIu64, size,
		     hr_file_size(S->files[i]));
}

static void op_fallocate(struct state *S, struct in *in)
{
	static const int modes[] = {
		0, HR_FALLOC_KEEP_SIZE, HR_FALLOC_PUNCH_HOLE | HR_FALLOC_KEEP_SIZE,
		HR_FALLOC_PUNCH_HOLE, 0x10,
	};
	unsigned b = u8(in), bm = u8(in), bo = u8(in), bl = u8(in);
	uint64_t unit, off, len;
	int i, rc;

	if (!S->nfiles)
		return;
	i = pick(b, S->nfiles);
	/* quarter pages, so that punches round inward and allocations outward */
	unit = S->file_ps[i] / 4;
	off = (uint64_t)(bo % 64) * unit;
	len = (uint64_t)(bl % 48) * unit;
	if (bl >= 0xfc)
		len = UINT64_MAX - off / 2;	/* EFBIG */
	rc = hr_file_fallocate(S->files[i], modes[pick(bm, 5)], off, len);
	want_errno(S, "hr_file_fallocate", rc);
}

static void forget_file(struct state *S, int i)
{
	S->nfiles--;
	S->files[i] = S->files[S->nfiles];
	S->file_ps[i] = S->file_ps[S->nfiles];
	S->file_mnt[i] = S->file_mnt[S->nfiles];
}

static void op_unlink(struct state *S, struct in *in)
{
	unsigned b = u8(in);
	int i, rc;

	if (!S->nfiles)
		return;
	i = pick(b, S->nfiles);
	rc = hr_file_unlink(S->files[i]);
	note(S, "hr_file_unlink", rc);
	if (rc)
		fail(S, "hr_file_unlink of a linked file: %d", rc);
	/* The handle may be gone now: forget it. */
	forget_file(S, i);
}

/*
 * umount: -EBUSY while a mapping maps one of its files; otherwise the
 * mount and every file still on it are gone, handles included.
 */
static int umount_at(struct state *S, int i)
{
	hr_mount *mnt = S->mounts[i];
	int rc = hr_mount_umount(mnt);

	want_errno(S, "hr_mount_umount", rc);
	if (rc && rc != -EBUSY)
		fail(S, "hr_mount_umount: %d, not 0 or -EBUSY", rc);
	if (rc)
		return rc;
	for (int k = 0; k < S->nfiles;) {
		if (S->file_mnt[k] == mnt)
			forget_file(S, k);
		else
			k++;
	}
	S->nmounts--;
	S->mounts[i] = S->mounts[S->nmounts];
	S->mount_ps[i] = S->mount_ps[S->nmounts];
	return 0;
}

static void op_umount(struct state *S, struct in *in)
{
	unsigned b = u8(in);

	if (S->nmounts)
		umount_at(S, pick(b, S->nmounts));
}

static void op_shm_get(struct state *S, struct in *in)
{
	unsigned b = u8(in), bs = u8(in);
	uint64_t ps = pick_pagesize(b), hps = real_ps(ps), size;
	hr_file *seg = NULL;
	int rc;

	if (S->nshms == MAX_SHMS)
		return;
	size = (uint64_t)(bs % 9) * hps;
	if ((bs & 0x80) && size)
		size -= HR_PAGE_SIZE;		/* rounded up by shmget */
	if ((b & 0x70) == 0x70)
		ps = 3 * HR_SZ_2M;		/* EINVAL */
	rc = hr_shm_get(S->m, size, ps, (b & 8) ? HR_SHM_NORESERVE : 0, &seg);
	want_errno(S, "hr_shm_get", rc);
	if (rc == 0) {
		if (!seg)
			fail(S, "hr_shm_get: no segment");
		S->shm_ps[S->nshms] = hps;
		S->shms[S->nshms++] = seg;
	}
}

static void op_shm_rm(struct state *S, struct in *in)
{
	unsigned b = u8(in);
	int i, rc;

	if (!S->nshms)
		return;
	i = pick(b, S->nshms);
	rc = hr_shm_rm(S->shms[i]);
	if (rc)
		fail(S, "hr_shm_rm of a live segment: %d", rc);
	S->shms[i] = S->shms[--S->nshms];
	S->shm_ps[i] = S->shm_ps[S->nshms];
}

static void op_proc(struct state *S, struct in *in)
{
	hr_proc *p = NULL;
	int rc;

	(void)in;
	if (S->nprocs == MAX_PROCS)
		return;
	rc = hr_proc_new(S->m, &p);
	want_errno(S, "hr_proc_new", rc);
	if (rc == 0)
		S->procs[S->nprocs++] = p;
}

static void op_fork(struct state *S, struct in *in)
{
	unsigned b = u8(in);
	hr_proc *parent, *child = NULL;
	int rc, n;

	if (!S->nprocs || S->nprocs == MAX_PROCS)
		return;
	parent = S->procs[pick(b, S->nprocs)];
	rc = hr_fork(parent, &child);
	want_errno(S, "hr_fork", rc);
	if (rc)
		return;
	if (!child || child == parent)
		fail(S, "hr_fork: no child");
	S->procs[S->nprocs++] = child;
	/* the child's mappings are where the parent's are */
	n = S->nmaps;
	for (int i = 0; i < n && S->nmaps < MAX_MAPS; i++)
		if (S->maps[i].proc == parent) {
			S->maps[S->nmaps] = S->maps[i];
			S->maps[S->nmaps++].proc = child;
		}
}

static void op_exit(struct state *S, struct in *in)
{
	unsigned b = u8(in);
	hr_proc *p;
	int i;

	if (!S->nprocs)
		return;
	i = pick(b, S->nprocs);
	p = S->procs[i];
	drop_maps_of(S, p);
	S->procs[i] = S->procs[--S->nprocs];
	hr_exit(p);
	note(S, "hr_exit", 0);
}

static void op_mmap(struct state *S, struct in *in)
{
	unsigned bp = u8(in), b1 = u8(in), b2 = u8(in), b3 = u8(in), b4 = u8(in);
	hr_proc *p;
	hr_file *file = NULL;
	uint64_t ps, len, off = 0, pagesize = 0, misalign = 0, addr = 0;
	int flags, prot, rc;

	if (!S->nprocs)
		return;
	p = S->procs[pick(bp, S->nprocs)];
	switch (b1 & 3) {
	case 0:		/* anonymous hugetlb, 2M or default */
	case 3:		/* anonymous hugetlb, 1G */
		pagesize = (b1 & 3) == 3 ? HR_SZ_1G : pick_pagesize(b4 & 1 ? 1 : 0);
		ps = real_ps(pagesize);
		flags = HR_MAP_ANONYMOUS | HR_MAP_HUGETLB;
		break;
	case 1:
		if (!S->nfiles)
			return;
		{
			int i = pick(b4, S->nfiles);

			file = S->files[i];
			ps = S->file_ps[i];
		}
		off = (uint64_t)((b3 >> 4) % 8) * ps;
		if ((b3 & 0x0f) == 0x0f)
			off += HR_PAGE_SIZE;	/* EINVAL */
		flags = 0;
		break;
	default:
		if (!S->nshms)
			return;
		{
			int i = pick(b4, S->nshms);

			file = S->shms[i];
			ps = S->shm_ps[i];
		}
		flags = 0;
		break;
	}
	switch ((b1 >> 2) & 3) {
	case 0:
	case 2:
		flags |= HR_MAP_PRIVATE;
		break;
	case 1:
		flags |= HR_MAP_SHARED;
		break;
	default:
		flags |= (b3 & 1) ? HR_MAP_SHARED | HR_MAP_PRIVATE : 0; /* EINVAL */
		break;
	}
	if (b1 & 0x10)
		flags |= HR_MAP_NORESERVE;
	if (b1 & 0x20)
		flags |= HR_MAP_POPULATE;
	prot = (b1 & 0x40) ? HR_PROT_READ : HR_PROT_READ | HR_PROT_WRITE;
	if ((b1 & 0xc0) == 0xc0)
		prot = HR_PROT_NONE;
	len = (uint64_t)(b2 % 9) * ps;		/* 0: EINVAL */
	if ((b2 & 0x80) && len)
		len -= HR_PAGE_SIZE;		/* rounded up by mmap */
	if ((b3 & 0x0e) == 0x0e)
		misalign = (b3 & 1) ? HR_PAGE_SIZE : ps;	/* EINVAL */
	rc = hr_mmap(p, &(struct hr_mmap_args){
			.len = len, .prot = prot, .flags = flags, .file = file,
			.offset = off, .pagesize = pagesize,
			.misalign = misalign }, &addr);
	want_errno(S, "hr_mmap", rc);
	if (rc)
		return;
	if (addr & (ps - 1))
		fail(S, "hr_mmap placed a %" PRIu64 " mapping at %#" PRIx64, ps, addr);
	if (S->nmaps < MAX_MAPS)
		S->maps[S->nmaps++] = (struct maprec){
			p, addr, (len + ps - 1) & ~(ps - 1), ps };
}

static void op_touch(struct state *S, struct in *in)
{
	unsigned b0 = u8(in), b1 = u8(in), b2 = u8(in);
	struct maprec *r;
	int write = b2 & 1, n = 1 + (int)((b2 >> 1) % MAX_TOUCH);

	if (!S->nmaps) {
		if (S->nprocs) {
			int rc = hr_touch(S->procs[pick(b0, S->nprocs)],
					  FIRST_ADDR + (uint64_t)b1 * HR_SZ_2M, write);

			note(S, "hr_touch", rc);
			if (rc != HR_FAULT_SIGSEGV && rc != 0 && rc != HR_FAULT_SIGBUS)
				want_errno(S, "hr_touch", rc);
		}
		return;
	}
	r = &S->maps[pick(b0, S->nmaps)];
	for (int k = 0; k < n; k++) {
		/* one page past the end sometimes: the gap is SIGSEGV */
		uint64_t pg = (b1 + (unsigned)k) % (r->len / r->ps + 1);
		uint64_t a = r->addr + pg * r->ps + ((b2 >> 4) * HR_PAGE_SIZE) % r->ps;
		int rc = hr_touch(r->proc, a, write);

		note(S, "hr_touch", rc);
		if (rc == HR_FAULT_SIGBUS || rc == HR_FAULT_SIGSEGV)
			break;		/* as touch in a scenario stops */
		want_errno(S, "hr_touch", rc);
		if (rc)
			break;
	}
}

static void op_munmap(struct state *S, struct in *in)
{
	struct maprec *r;
	uint64_t addr, len;
	hr_proc *p = pick_range(S, in, &addr, &len, &r);
	int rc;

	if (!p)
		return;
	rc = hr_munmap(p, addr, len);
	want_errno(S, "hr_munmap", rc);
	if (rc == 0 && r && addr <= r->addr && addr + len >= r->addr + r->len)
		*r = S->maps[--S->nmaps];	/* all of it is gone */
}

static void op_mprotect(struct state *S, struct in *in)
{
	static const int prots[] = {
		HR_PROT_NONE, HR_PROT_READ, HR_PROT_WRITE,
		HR_PROT_READ | HR_PROT_WRITE,
	};
	unsigned b = u8(in);
	struct maprec *r;
	uint64_t addr, len;
	hr_proc *p = pick_range(S, in, &addr, &len, &r);

	if (p)
		want_errno(S, "hr_mprotect", hr_mprotect(p, addr, len, prots[b & 3]));
}

static void op_mremap(struct state *S, struct in *in)
{
	unsigned b0 = u8(in), b1 = u8(in), b2 = u8(in);
	struct maprec *r;
	uint64_t np, from, addr, old_len, new_len, naddr = 0;
	int rc;

	if (!S->nmaps)
		return;
	r = &S->maps[pick(b0, S->nmaps)];
	np = r->len / r->ps;
	from = (b1 & 0x80) ? (b1 & 0x7f) % (np + 1) : 0;	/* mid-mapping start */
	addr = r->addr + from * r->ps;
	old_len = (np - from) * r->ps;
	new_len = (uint64_t)(b2 % (np + 2)) * r->ps;	/* 0, shrink, same, grow */
	if ((b1 & 0x60) == 0x60 && new_len)
		new_len -= HR_PAGE_SIZE;
	if ((b1 & 0x60) == 0x40)
		old_len += r->ps;		/* more than the mapping */
	rc = hr_mremap(r->proc, addr, old_len, new_len,
		       (b1 & 1) ? HR_MREMAP_MAYMOVE : 0, &naddr);
	want_errno(S, "hr_mremap", rc);
	if (rc == 0 && from == 0) {
		uint64_t nl = (new_len + r->ps - 1) & ~(r->ps - 1);

		r->addr = naddr;
		if (nl < r->len)
			r->len = nl;
	}
}

static void op_madvise(struct state *S, struct in *in)
{
	static const int advice[] = {
		HR_MADV_DONTNEED, HR_MADV_REMOVE, HR_MADV_HUGEPAGE,
		HR_MADV_NOHUGEPAGE, HR_MADV_PAGEOUT, HR_MADV_COLLAPSE,
		HR_MADV_DONTNEED, 0 /* EINVAL */,
	};
	unsigned b = u8(in);
	struct maprec *r;
	uint64_t addr, len;
	hr_proc *p = pick_range(S, in, &addr, &len, &r);

	if (p)
		want_errno(S, "hr_madvise", hr_madvise(p, addr, len, advice[b & 7]));
}

static void op_mbind(struct state *S, struct in *in)
{
	unsigned b = u8(in);
	struct maprec *r;
	uint64_t addr, len;
	hr_proc *p = pick_range(S, in, &addr, &len, &r);
	/* one bit past the machine's nodes now and then: EINVAL */
	unsigned long mask = b & ((1UL << (S->nodes + 1)) - 1);

	if (p)
		want_errno(S, "hr_mbind", hr_mbind(p, addr, len, mask));
}

static void op_migrate(struct state *S, struct in *in)
{
	unsigned b = u8(in);
	struct maprec *r;
	uint64_t addr, len;
	hr_proc *p = pick_range(S, in, &addr, &len, &r);
	int nid = (int)(b % (unsigned)(S->nodes + 2)) - 1;	/* -1..nodes */
	int rc;

	if (!p)
		return;
	rc = hr_migrate(p, addr, len, nid);
	note(S, "hr_migrate", rc);
	if (rc < -4095)
		fail(S, "hr_migrate returned %d", rc);
}

static void op_inject(struct state *S, struct in *in)
{
	static const char *const sites[] = { "hpage", "region", "pagecache", "none" };
	unsigned b = u8(in), bn = u8(in);
	int rc = hr_inject_fail(S->m, sites[b & 3], (long)((bn & 0xf) % 6),
				(long)((bn >> 4) % 4));	/* times 0: EINVAL */

	want_errno(S, "hr_inject_fail", rc);
}

/* The renderers: a whole file, or truncated to a small buffer. */
static void op_read(struct state *S, struct in *in)
{
	static const char *const paths[] = {
		"/proc/meminfo", "/proc/vmstat", "/proc/self/smaps",
		"/proc/sys/vm/nr_hugepages", "/proc/sys/vm/nr_overcommit_hugepages",
		"/sys/kernel/mm/hugepages/hugepages-2048kB/resv_hugepages",
		"/sys/kernel/mm/hugepages/hugepages-1048576kB/free_hugepages",
		"/proc/no_such_file",
	};
	unsigned b = u8(in), bl = u8(in);
	const char *path = paths[b & 7];
	hr_proc *p = S->nprocs ? S->procs[pick(b >> 3, S->nprocs)] : NULL;
	size_t len = (bl & 0x80) ? (size_t)(bl & 0x7f) : sizeof(S->buf);
	ssize_t n;

	memset(S->buf, 0x5a, sizeof(S->buf));
	n = hr_procfs_read(S->m, p, path, S->buf, len);
	note(S, "hr_procfs_read", (long)n);
	if (n < 0) {
		want_errno(S, "hr_procfs_read", (long)n);
		return;
	}
	if (len) {
		size_t want = (size_t)n < len ? (size_t)n : len - 1;

		if (!memchr(S->buf, '\0', len) || strlen(S->buf) != want)
			fail(S, "hr_procfs_read(%s, %zu) = %zd: text of %zu bytes",
			     path, len, n, strnlen(S->buf, len));
	}
	if (len < sizeof(S->buf) && S->buf[len] != 0x5a)
		fail(S, "hr_procfs_read(%s, %zu) wrote past the buffer", path, len);
	if (p) {
		int64_t v;
		int rc = hr_counter(S->m, p, "smaps", "Private_Hugetlb", &v);

		if (rc || v < 0)
			fail(S, "smaps Private_Hugetlb: rc %d value %" PRId64, rc, v);
	}
}

typedef void (*op_fn)(struct state *, struct in *);

static const struct {
	const char *name;
	op_fn fn;
} ops[] = {
	{ "sysctl", op_sysctl },     { "mount", op_mount },
	{ "file", op_file },         { "truncate", op_truncate },
	{ "fallocate", op_fallocate }, { "unlink", op_unlink },
	{ "shm_get", op_shm_get },   { "shm_rm", op_shm_rm },
	{ "proc", op_proc },         { "fork", op_fork },
	{ "exit", op_exit },         { "mmap", op_mmap },
	{ "mmap", op_mmap },         { "touch", op_touch },
	{ "touch", op_touch },       { "munmap", op_munmap },
	{ "mprotect", op_mprotect }, { "mremap", op_mremap },
	{ "madvise", op_madvise },   { "mbind", op_mbind },
	{ "migrate", op_migrate },   { "inject", op_inject },
	{ "read", op_read },         { "umount", op_umount },
};

#define NOPS ((unsigned)(sizeof(ops) / sizeof(ops[0])))

/* Everything goes; the pools must be whole again. */
static void teardown(struct state *S)
{
	static const char *const sites[] = { "hpage", "region", "pagecache" };
	char why[160];
	int exact;

	S->opname = "teardown";
	for (size_t i = 0; i < sizeof(sites) / sizeof(sites[0]); i++)
		if (hr_inject_fail(S->m, sites[i], 0, 1))
			fail(S, "cannot cancel injection at %s", sites[i]);
	while (S->nprocs) {
		hr_exit(S->procs[--S->nprocs]);
		check(S);
	}
	S->nmaps = 0;
	while (S->nfiles) {
		if (hr_file_unlink(S->files[--S->nfiles]))
			fail(S, "unlink at teardown");
		check(S);
	}
	while (S->nshms) {
		if (hr_shm_rm(S->shms[--S->nshms]))
			fail(S, "shm_rm at teardown");
		check(S);
	}
	/* nothing maps anything now: every umount must work */
	while (S->nmounts) {
		if (umount_at(S, S->nmounts - 1))
			fail(S, "umount at teardown: %ld", S->rc);
		check(S);
	}
	exact = !S->min_size_mount && !hr_machine_taint(S->m, why, sizeof(why));
	for (int s = 0; s < 2; s++) {
		int64_t total = pool(S, s, "nr_hugepages");
		int64_t freep = pool(S, s, "free_hugepages");
		int64_t resv = pool(S, s, "resv_hugepages");
		int64_t surp = pool(S, s, "surplus_hugepages");

		/* no page is in use, whatever the reservations say */
		if (freep != total)
			fail(S, "%s pool: %" PRId64 " of %" PRId64
			     " pages free with nothing left", sizes[s], freep, total);
		/*
		 * With several nodes a free page can stay counted as surplus
		 * (a stale per-node count, as in Linux: src/hstate.c,
		 * hstate_check()); with one node every surplus page is
		 * released when it is freed or unreserved.
		 */
		if (exact && (resv || (surp && S->nodes == 1) || surp > freep))
			fail(S, "%s pool not whole with nothing left: total %" PRId64
			     " free %" PRId64 " rsvd %" PRId64 " surp %" PRId64,
			     sizes[s], total, freep, resv, surp);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct state S;
	struct in in = { data, size };
	struct hr_config cfg;
	unsigned b;

	memset(&S, 0, sizeof(S));
	b = u8(&in);
	memset(&cfg, 0, sizeof(cfg));
	cfg.memory = (uint64_t)(1 + (b & 3)) * HR_SZ_1G;
	cfg.nodes = 1 + (int)((b >> 2) & 3);
	S.nodes = cfg.nodes;
	S.trace = getenv("HR_FUZZ_TRACE") != NULL;
	S.m = hr_machine_new(&cfg);
	if (!S.m)
		fail(&S, "hr_machine_new(%" PRIu64 " bytes, %d nodes) failed",
		     cfg.memory, cfg.nodes);
	check(&S);
	while (in.n && S.op < MAX_OPS) {
		unsigned k = u8(&in) % NOPS;

		S.op++;
		S.opname = ops[k].name;
		S.call = NULL;
		ops[k].fn(&S, &in);
		if (S.trace)
			fprintf(stderr, "op %4d %-9s %s -> %ld\n", S.op, S.opname,
				S.call ? S.call : "(skipped)", S.call ? S.rc : 0L);
		check(&S);
	}
	teardown(&S);
	hr_machine_free(S.m);
	return 0;
}
