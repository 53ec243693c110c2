/* SPDX-License-Identifier: MIT */
/*
 * capture.c - `hugeresv capture PID`: record a running process's
 * footprint (footprint.h, docs/footprint.md), and `hugeresv capture
 * --check FILE...`, which loads footprint files and summarises them.
 *
 * The mappings come from /proc/PID/smaps, whose header lines are the
 * lines of /proc/PID/maps: reading one file gives the mappings and their
 * Rss in one consistent pass, where maps and smaps read one after the
 * other could disagree.  Rss lets a mapping with nothing present skip
 * its pagemap: V8 and Go reserve terabytes of address space, and reading
 * 8 bytes of pagemap per 4 KiB of that would take minutes.
 *
 * Present pages come from /proc/PID/pagemap (present or swapped both
 * count: the page was in use), THPs from /proc/kpageflags when it can be
 * read (root; without CAP_SYS_ADMIN pagemap hides the PFNs anyway).
 *
 * The target keeps running while it is read.  Mappings that change
 * between smaps and pagemap are read as they are then (unmapped ranges
 * read as not present); a process that exits makes the capture fail
 * with nothing written.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "backend/backend.h"
#include "commands.h"
#include "util.h"
#include "formats/footprint.h"

#define PAGE_4K		4096ULL
#define HUGE_2M		(2ULL << 20)
#define HUGE_PAGES	512		/* base pages in a 2 MiB THP */
/* Address space read from pagemap at a time: 1 MiB of pagemap. */
#define CHUNK_BYTES	(256 * HUGE_2M)

#define PM_PRESENT	(1ULL << 63)
#define PM_SWAPPED	(1ULL << 62)
#define PM_PFN_MASK	((1ULL << 55) - 1)
#define KPF_COMPOUND_HEAD	(1ULL << 15)
#define KPF_COMPOUND_TAIL	(1ULL << 16)
#define KPF_THP		(1ULL << 22)

#define EXIT_GONE	(-1)	/* internal: the process exited mid-capture */

static const char capture_usage[] =
	"usage: hugeresv capture [-o FILE] [--name NAME] [--source TEXT] PID\n"
	"       hugeresv capture --check [-v] FILE...\n"
	"\n"
	"Record which pages of process PID's mappings are present, and which\n"
	"2 MiB ranges a THP maps, as a footprint file (docs/footprint.md).\n"
	"Reads /proc/PID/smaps, /proc/PID/pagemap and, as root,\n"
	"/proc/kpageflags.\n"
	"\n"
	"  -o FILE          write FILE (through FILE.tmp and a rename) instead\n"
	"                   of standard output\n"
	"  --name NAME      the footprint's name (default: /proc/PID/comm)\n"
	"  --source TEXT    what was running; pid, comm, date and kernel are\n"
	"                   added\n"
	"  --check FILE...  load footprint files and print a summary of each\n"
	"                   ('-' reads standard input)\n"
	"  -v, --verbose    with --check: also the 2 MiB region histogram\n"
	"  --               what follows is arguments, even if it starts with '-'\n"
	"  -h, --help       print this help\n"
	"\n"
	"exit status: 0 done, 1 failure, 2 bad command line or malformed file,\n"
	"3 no such process or not permitted.\n";

/* One mapping as smaps shows it: the header line and the fields we use. */
struct smaps_vma {
	uint64_t start, end;
	char perms[5];
	char *name;
	uint64_t rss_kb, swap_kb, kps_kb;
};

/*
 * What one capture works with: the target, its open pagemap and (if
 * readable) kpageflags, and the pagemap buffer reused for every chunk.
 */
struct capture {
	int pid;
	int pagemap_fd, kpf_fd;
	uint64_t *pm;		/* CHUNK_BYTES / 4096 entries */
	uint64_t kpf[HUGE_PAGES];
};

static int cap_err(const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "hugeresv capture: ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	return EXIT_FAIL;
}

/* Has the process gone (or become a zombie, whose mm is gone too)? */
static int process_gone(int pid)
{
	char path[64], *stat, *rp;
	size_t len;
	int gone;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	stat = read_whole_file(path, &len);
	if (!stat)
		return errno == ENOENT || errno == ESRCH;
	rp = strrchr(stat, ')');
	gone = !rp || rp[1] != ' ' || rp[2] == 'Z' || rp[2] == 'X';
	free(stat);
	return gone;
}

/* The message and status for a /proc file of the target we cannot read. */
static int proc_error(int pid, const char *path, int err)
{
	char p[32];

	snprintf(p, sizeof(p), "%d", pid);
	if (err == ENOENT || err == ESRCH) {
		fprintf(stderr, "hugeresv capture: no process %s\n", p);
		return EXIT_REFUSED;
	}
	if (err == EACCES || err == EPERM) {
		fprintf(stderr,
			"hugeresv capture: %s: %s (capturing another user's process needs root)\n",
			path, strerror(err));
		return EXIT_REFUSED;
	}
	fprintf(stderr, "hugeresv capture: %s: %s\n", path, strerror(err));
	return EXIT_FAIL;
}

static uint64_t hexnum(const char **p)
{
	uint64_t v = 0;

	for (;; (*p)++) {
		char c = **p;

		if (c >= '0' && c <= '9')
			v = v << 4 | (uint64_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v << 4 | (uint64_t)(c - 'a' + 10);
		else
			return v;
	}
}

/* Is this smaps line a mapping's header ("start-end perms ...")? */
static int is_header(const char *l)
{
	const char *p = l;

	if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
		return 0;
	hexnum(&p);
	return *p == '-';
}

/* Copy a maps name, replacing control characters the format refuses. */
static char *clean_name(const char *b, const char *e)
{
	char *s;

	while (b < e && (*b == ' ' || *b == '\t'))
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	s = strndup(b, (size_t)(e - b));
	if (s) {
		for (char *q = s; *q; q++) {
			if ((unsigned char)*q < 0x20 || *q == 0x7f)
				*q = '?';
		}
	}
	return s;
}

static void free_smaps(struct smaps_vma *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* Parse smaps text into *out[0..*n): 0, or -1 (out of memory). */
static int parse_smaps(char *text, struct smaps_vma **out, size_t *n)
{
	struct smaps_vma *v = NULL;
	size_t nv = 0, cap = 0;

	for (char *l = text; *l; ) {
		char *nl = strchr(l, '\n'), *le = nl ? nl : l + strlen(l);
		unsigned long long kb;

		if (is_header(l)) {
			const char *p = l;
			struct smaps_vma *cur;
			int field = 0;

			if (nv == cap) {
				size_t nc = cap ? cap * 2 : 64;
				struct smaps_vma *nvp = realloc(v, nc * sizeof(*v));

				if (!nvp)
					goto oom;
				v = nvp;
				cap = nc;
			}
			cur = &v[nv];
			memset(cur, 0, sizeof(*cur));
			cur->kps_kb = 4;
			cur->start = hexnum(&p);
			p++;
			cur->end = hexnum(&p);
			if (*p == ' ' && le - p > 4) {
				memcpy(cur->perms, p + 1, 4);
				p += 5;
			}
			/* skip offset, device and inode: the name follows */
			while (p < le && field < 3) {
				while (p < le && *p == ' ')
					p++;
				while (p < le && *p != ' ')
					p++;
				field++;
			}
			cur->name = clean_name(p, le);
			if (!cur->name)
				goto oom;
			nv++;
		} else if (nv) {
			if (sscanf(l, "Rss: %llu kB", &kb) == 1)
				v[nv - 1].rss_kb = kb;
			else if (sscanf(l, "Swap: %llu kB", &kb) == 1)
				v[nv - 1].swap_kb = kb;
			else if (sscanf(l, "KernelPageSize: %llu kB", &kb) == 1)
				v[nv - 1].kps_kb = kb;
		}
		l = nl ? nl + 1 : le;
	}
	*out = v;
	*n = nv;
	return 0;
oom:
	free_smaps(v, nv);
	return -1;
}

/*
 * Which kind a mapping is (docs/footprint.md, "How capture classifies
 * mappings"): the kernel's special mappings and huge page sizes first,
 * then sharing, then the name.
 */
static enum fp_kind classify(const struct smaps_vma *v)
{
	static const char *const special[] = {
		"[vdso]", "[vvar]", "[vvar_vclock]", "[vsyscall]", "[uprobes]",
		"[sigpage]", "[vectors]",
	};
	const char *n = v->name;

	if (v->kps_kb != 4)
		return FP_SPECIAL;
	for (size_t i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
		if (!strcmp(n, special[i]))
			return FP_SPECIAL;
	}
	if (v->perms[3] == 's' || !strncmp(n, "/SYSV", 5) ||
	    !strncmp(n, "/dev/shm/", 9) || !strncmp(n, "/memfd:", 7) ||
	    !strncmp(n, "[anon_shmem:", 12))
		return FP_SHARED;
	if (!*n || n[0] == '[')
		return FP_ANON;
	if (n[0] == '/')
		return FP_FILE;
	return FP_SPECIAL;	/* anon_inode:..., device mappings */
}

static int push_run(struct fp_vma *v, size_t *cap, uint64_t first,
		    uint64_t count)
{
	if (v->nruns == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		struct fp_run *r = realloc(v->runs, nc * sizeof(*r));

		if (!r)
			return -1;
		v->runs = r;
		*cap = nc;
	}
	v->runs[v->nruns].first = first;
	v->runs[v->nruns].count = count;
	v->nruns++;
	v->present += count;
	return 0;
}

static int push_huge(struct fp_vma *v, size_t *cap, uint64_t addr)
{
	if (v->nhuge == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		uint64_t *h = realloc(v->huge, nc * sizeof(*h));

		if (!h)
			return -1;
		v->huge = h;
		*cap = nc;
	}
	v->huge[v->nhuge++] = addr;
	return 0;
}

/* Read exactly @len bytes at @off, or fewer only at end of data. */
static ssize_t pread_full(int fd, void *buf, size_t len, off_t off)
{
	size_t done = 0;

	while (done < len) {
		ssize_t got = pread(fd, (char *)buf + done, len - done,
				    off + (off_t)done);

		if (got < 0) {
			if (errno == EINTR)
				continue;
			return done ? (ssize_t)done : -1;
		}
		if (got == 0)
			break;
		done += (size_t)got;
	}
	return (ssize_t)done;
}

/*
 * Is the 2 MiB range whose 512 pagemap entries are @pm one THP?  All
 * present (not swapped), physically contiguous from a 2 MiB-aligned PFN,
 * and kpageflags says one compound THP page: a head then 511 tails (a
 * run of smaller mTHP folios would show a second head).
 */
static int is_thp(struct capture *c, const uint64_t *pm)
{
	uint64_t pfn0 = pm[0] & PM_PFN_MASK;

	if (c->kpf_fd < 0 || !pfn0 || pfn0 % HUGE_PAGES)
		return 0;
	for (int i = 0; i < HUGE_PAGES; i++) {
		if (!(pm[i] & PM_PRESENT) || (pm[i] & PM_SWAPPED) ||
		    (pm[i] & PM_PFN_MASK) != pfn0 + (uint64_t)i)
			return 0;
	}
	if (pread_full(c->kpf_fd, c->kpf, sizeof(c->kpf),
		       (off_t)(pfn0 * 8)) != (ssize_t)sizeof(c->kpf))
		return 0;
	if ((c->kpf[0] & (KPF_THP | KPF_COMPOUND_HEAD)) !=
	    (KPF_THP | KPF_COMPOUND_HEAD))
		return 0;
	for (int i = 1; i < HUGE_PAGES; i++) {
		if ((c->kpf[i] & (KPF_THP | KPF_COMPOUND_TAIL)) !=
		    (KPF_THP | KPF_COMPOUND_TAIL))
			return 0;
	}
	return 1;
}

/*
 * Fill @v's runs and huge addresses from pagemap.  Chunks end on 2 MiB
 * boundaries, so that every aligned 2 MiB range of the vma is in one
 * chunk for is_thp().  Return: 0, -1 (out of memory or I/O error, errno
 * set) or EXIT_GONE.
 */
static int scan_vma(struct capture *c, struct fp_vma *v)
{
	uint64_t run_first = 0, run_count = 0;
	size_t rcap = 0, hcap = 0;

	for (uint64_t pos = v->start; pos < v->end; ) {
		uint64_t cend = (pos & ~(HUGE_2M - 1)) + CHUNK_BYTES;
		size_t n, want;
		ssize_t got;

		if (cend > v->end)
			cend = v->end;
		n = (size_t)((cend - pos) / PAGE_4K);
		want = n * sizeof(uint64_t);
		got = pread_full(c->pagemap_fd, c->pm, want,
				 (off_t)(pos / PAGE_4K * 8));
		if (got < 0 && errno != ESRCH)
			return -1;
		if (got < (ssize_t)want) {
			if (process_gone(c->pid))
				return EXIT_GONE;
			/* past what pagemap covers: nothing present there */
			memset((char *)c->pm + (got > 0 ? got : 0), 0,
			       want - (size_t)(got > 0 ? got : 0));
		}
		for (size_t i = 0; i < n; i++) {
			uint64_t page = (pos - v->start) / PAGE_4K + i;

			if (!(c->pm[i] & (PM_PRESENT | PM_SWAPPED)))
				continue;
			if (run_count && run_first + run_count == page) {
				run_count++;
				continue;
			}
			if (run_count && push_run(v, &rcap, run_first, run_count))
				return -1;
			run_first = page;
			run_count = 1;
		}
		for (uint64_t a = (pos + HUGE_2M - 1) & ~(HUGE_2M - 1);
		     a + HUGE_2M <= cend; a += HUGE_2M) {
			if (is_thp(c, c->pm + (a - pos) / PAGE_4K) &&
			    push_huge(v, &hcap, a))
				return -1;
		}
		pos = cend;
	}
	if (run_count && push_run(v, &rcap, run_first, run_count))
		return -1;
	return 0;
}

/* The bracketed word of /sys/kernel/mm/transparent_hugepage/enabled. */
static char *thp_enabled(void)
{
	size_t len;
	char *s = read_whole_file("/sys/kernel/mm/transparent_hugepage/enabled", &len);
	char *b, *e, *w = NULL;

	if (s && (b = strchr(s, '[')) && (e = strchr(b, ']')))
		w = strndup(b + 1, (size_t)(e - b - 1));
	free(s);
	return w ? w : strdup("");
}

/* /proc/PID/comm as a name: one word, control characters and blanks
 * replaced. */
static char *comm_name(int pid)
{
	char path[64], *s;
	size_t len;

	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	s = read_whole_file(path, &len);
	if (!s)
		return NULL;
	while (len && s[len - 1] == '\n')
		s[--len] = '\0';
	for (char *q = s; *q; q++) {
		if ((unsigned char)*q <= ' ' || *q == 0x7f)
			*q = '_';
	}
	if (!*s) {
		free(s);
		s = strdup("unknown");
	}
	return s;
}

static char *make_source(int pid, const char *comm, const char *text)
{
	char date[64], *s = NULL;
	struct utsname u;
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (uname(&u))
		strcpy(u.release, "?");
	if (asprintf(&s, "%s%spid %d comm %s, captured %s, Linux %s",
		     text ? text : "", text ? "; " : "", pid, comm, date,
		     u.release) < 0)
		return NULL;
	for (char *q = s; *q; q++) {
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = ' ';
	}
	return s;
}

/* Write @fp to @out ("-" or NULL: stdout) through a temporary file. */
static int write_output(const struct footprint *fp, const char *out)
{
	char *tmp = NULL;
	FILE *f;
	int rc;

	if (!out || !strcmp(out, "-")) {
		if (footprint_write(stdout, fp))
			return cap_err("standard output: %s%s", strerror(errno), "");
		return EXIT_OK;
	}
	if (asprintf(&tmp, "%s.tmp", out) < 0)
		return cap_err("%s%s", "out of memory", "");
	f = fopen(tmp, "w");
	if (!f) {
		rc = cap_err("%s: %s", tmp, strerror(errno));
		free(tmp);
		return rc;
	}
	rc = footprint_write(f, fp);
	if (fclose(f) && !rc)
		rc = -1;
	if (!rc && rename(tmp, out))
		rc = -1;
	if (rc) {
		int saved = errno;

		unlink(tmp);
		free(tmp);
		return cap_err("%s: %s", out, strerror(saved));
	}
	free(tmp);
	return EXIT_OK;
}

static int valid_word(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++) {
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			return 0;
	}
	return 1;
}

/* Build the footprint of @pid's mappings in @fp (vmas only). */
static int capture_vmas(struct capture *c, struct smaps_vma *sv, size_t nsv,
			struct footprint *fp, size_t *skipped)
{
	fp->vmas = calloc(nsv ? nsv : 1, sizeof(*fp->vmas));
	if (!fp->vmas)
		return -1;
	for (size_t i = 0; i < nsv; i++) {
		struct fp_vma *v = &fp->vmas[fp->nvmas];
		int rc;

		/* keep the invariant even if smaps ever disagreed with it */
		if (sv[i].start >= sv[i].end || sv[i].start % PAGE_4K ||
		    sv[i].end % PAGE_4K ||
		    (fp->nvmas && sv[i].start < v[-1].end)) {
			(*skipped)++;
			continue;
		}
		v->start = sv[i].start;
		v->end = sv[i].end;
		memcpy(v->perms, sv[i].perms, 4);
		v->kind = classify(&sv[i]);
		v->name = sv[i].name;
		sv[i].name = NULL;
		fp->nvmas++;
		if (!sv[i].rss_kb && !sv[i].swap_kb)
			continue;
		rc = scan_vma(c, v);
		if (rc)
			return rc;
	}
	return 0;
}

static int capture_pid(int pid, const char *out, const char *name,
		       const char *source)
{
	struct capture c = { .pid = pid, .pagemap_fd = -1, .kpf_fd = -1 };
	struct smaps_vma *sv = NULL;
	struct footprint *fp = NULL;
	char path[64], *text, *comm = NULL;
	size_t len, nsv = 0, skipped = 0, nanon = 0, nhuge = 0;
	uint64_t anon_pages = 0;
	int rc = EXIT_FAIL;

	snprintf(path, sizeof(path), "/proc/%d/smaps", pid);
	text = read_whole_file(path, &len);
	if (!text)
		return proc_error(pid, path, errno);
	if (parse_smaps(text, &sv, &nsv)) {
		free(text);
		return cap_err("%s%s", "out of memory", "");
	}
	free(text);
	if (!nsv && process_gone(pid)) {
		free_smaps(sv, nsv);
		return proc_error(pid, path, ESRCH);
	}
	snprintf(path, sizeof(path), "/proc/%d/pagemap", pid);
	c.pagemap_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (c.pagemap_fd < 0) {
		rc = proc_error(pid, path, errno);
		goto done;
	}
	c.kpf_fd = open("/proc/kpageflags", O_RDONLY | O_CLOEXEC);
	c.pm = malloc(CHUNK_BYTES / PAGE_4K * sizeof(*c.pm));
	comm = comm_name(pid);
	fp = calloc(1, sizeof(*fp));
	if (!comm) {
		rc = proc_error(pid, "comm", errno);
		goto done;
	}
	if (!c.pm || !fp)
		goto oom;
	fp->name = strdup(name ? name : comm);
	fp->source = make_source(pid, comm, source);
	fp->thp_enabled = thp_enabled();
	if (!fp->name || !fp->source || !fp->thp_enabled)
		goto oom;
	switch (capture_vmas(&c, sv, nsv, fp, &skipped)) {
	case 0:
		break;
	case EXIT_GONE:
		fprintf(stderr,
			"hugeresv capture: process %d exited during the capture; nothing written\n",
			pid);
		rc = EXIT_REFUSED;
		goto done;
	default:
		rc = cap_err("%s: %s", path, strerror(errno));
		goto done;
	}
	rc = write_output(fp, out);
	if (rc)
		goto done;
	for (size_t i = 0; i < fp->nvmas; i++) {
		nhuge += fp->vmas[i].nhuge;
		if (fp->vmas[i].kind != FP_ANON)
			continue;
		nanon++;
		anon_pages += fp->vmas[i].present;
	}
	fprintf(stderr,
		"hugeresv capture: pid %d (%s): %zu vmas, %zu anon, %.1f MiB anon present, %zu THP ranges%s%s%s\n",
		pid, comm, fp->nvmas, nanon, anon_pages / 256.0, nhuge,
		c.kpf_fd < 0 ? " (no /proc/kpageflags: THPs not recorded)" : "",
		out && strcmp(out, "-") ? " -> " : "",
		out && strcmp(out, "-") ? out : "");
	if (skipped)
		fprintf(stderr, "hugeresv capture: %zu malformed smaps entries skipped\n",
			skipped);
	goto done;
oom:
	rc = cap_err("%s%s", "out of memory", "");
done:
	footprint_free(fp);
	free_smaps(sv, nsv);
	free(comm);
	free(c.pm);
	if (c.pagemap_fd >= 0)
		close(c.pagemap_fd);
	if (c.kpf_fd >= 0)
		close(c.kpf_fd);
	return rc;
}

/*
 * The 2 MiB regions (aligned address ranges) that anon vmas have
 * present pages in, by how many: 1-63, 64-255, 256-511, 512.  A region
 * shared by two adjacent anon vmas counts once.
 */
static void region_histogram(const struct footprint *fp, uint64_t hist[4],
			     uint64_t *regions, uint64_t *huge)
{
	uint64_t cur = UINT64_MAX, count = 0;

	memset(hist, 0, 4 * sizeof(*hist));
	*regions = 0;
	*huge = 0;
	for (size_t i = 0; i < fp->nvmas; i++) {
		const struct fp_vma *v = &fp->vmas[i];

		if (v->kind != FP_ANON)
			continue;
		*huge += v->nhuge;
		for (size_t r = 0; r < v->nruns; r++) {
			uint64_t a = v->start + v->runs[r].first * PAGE_4K;
			uint64_t e = a + v->runs[r].count * PAGE_4K;

			while (a < e) {
				uint64_t reg = a / HUGE_2M;
				uint64_t re = (reg + 1) * HUGE_2M;
				uint64_t upto = e < re ? e : re;

				if (reg != cur) {
					if (count) {
						hist[count >= 512 ? 3 : count >= 256 ? 2 :
						     count >= 64 ? 1 : 0]++;
						(*regions)++;
					}
					cur = reg;
					count = 0;
				}
				count += (upto - a) / PAGE_4K;
				a = upto;
			}
		}
	}
	if (count) {
		hist[count >= 512 ? 3 : count >= 256 ? 2 : count >= 64 ? 1 : 0]++;
		(*regions)++;
	}
}

static int check_files(int argc, char **argv, int verbose)
{
	int status = EXIT_OK;
	char err[512];

	if (!argc)
		return usage_error("capture", "%s", "--check needs at least one FILE");
	for (int i = 0; i < argc; i++) {
		struct footprint *fp;
		uint64_t pages = 0, anon = 0, hist[4], regions, huge;
		size_t nanon = 0;

		if (footprint_load(argv[i], &fp, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			status = EXIT_USAGE;
			continue;
		}
		for (size_t v = 0; v < fp->nvmas; v++) {
			pages += fp->vmas[v].present;
			if (fp->vmas[v].kind == FP_ANON) {
				nanon++;
				anon += fp->vmas[v].present;
			}
		}
		printf("%s: %zu vmas, %zu anon vmas, %" PRIu64 " present pages (%.1f MiB anon)\n",
		       argv[i], fp->nvmas, nanon, pages, anon / 256.0);
		if (verbose) {
			region_histogram(fp, hist, &regions, &huge);
			printf("%s: anon 2 MiB regions: %" PRIu64 " touched; present pages 1-63: %" PRIu64
			       ", 64-255: %" PRIu64 ", 256-511: %" PRIu64 ", 512: %" PRIu64
			       "; %" PRIu64 " THP-mapped\n",
			       argv[i], regions, hist[0], hist[1], hist[2],
			       hist[3], huge);
		}
		footprint_free(fp);
	}
	return status;
}

int capture_main(int argc, char **argv)
{
	const char *out = NULL, *name = NULL, *source = NULL, *pidarg = NULL;
	int check = 0, verbose = 0, dashdash = 0, nargs = 0;
	char *end;
	long pid;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (dashdash || a[0] != '-' || !a[1]) {
			argv[1 + nargs++] = argv[i];
			continue;
		}
		if (!strcmp(a, "--")) {
			dashdash = 1;
		} else if (is_help_option(a)) {
			fputs(capture_usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--check")) {
			check = 1;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			verbose = 1;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--name") ||
			   !strcmp(a, "--source")) {
			if (i + 1 >= argc)
				return usage_error("capture", "%s needs an argument", a);
			if (a[1] == 'o')
				out = argv[++i];
			else if (a[2] == 'n')
				name = argv[++i];
			else
				source = argv[++i];
		} else {
			return usage_error("capture", "unknown option '%s'", a);
		}
	}
	if (check) {
		if (out || name || source)
			return usage_error("capture", "%s", "--check takes only -v and files");
		return check_files(nargs, argv + 1, verbose);
	}
	if (verbose)
		return usage_error("capture", "%s", "-v goes with --check");
	if (nargs != 1)
		return usage_error("capture", "%s", nargs ? "one PID at a time" : "capture needs a PID");
	pidarg = argv[1];
	if (name && !valid_word(name))
		return usage_error("capture", "--name '%s' must be one word without blanks", name);
	errno = 0;
	pid = strtol(pidarg, &end, 10);
	if (errno || end == pidarg || *end || pid <= 0 || pid > 0x3fffffff ||
	    pidarg[0] == '+' || pidarg[0] == ' ')
		return usage_error("capture", "bad PID '%s'", pidarg);
	return capture_pid((int)pid, out, name, source);
}
