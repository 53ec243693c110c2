/* SPDX-License-Identifier: MIT */
/*
 * lab.c - the policy lab (docs/lab.md): `hugeresv lab forkchunk`,
 * `hugeresv lab policies` and `hugeresv replay`.
 *
 * A run is one policy on one workload on a fresh simulated machine: a
 * parent forks children one after another; each child does the workload
 * (maps a chunk and touches it, or replays a footprint); khugepaged scans
 * each child once it is done; the run ends when a child fails to map or
 * to fault.  Every fault is priced with the cost model from the events
 * the engine counted during it, which gives the latency distribution.
 *
 * Runs are independent (one hr_machine each, no shared state), so they
 * go to worker processes, `--jobs` at a time; a worker sends progress
 * and its result back through one pipe, in messages smaller than
 * PIPE_BUF so that they never interleave.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hugeresv.h"
#include "backend/backend.h"
#include "commands.h"
#include "lab/lab.h"
#include "prng.h"

/* ------------------------------------------------------------------ */
/* Policies                                                            */

/*
 * The built-in policies.  Every one runs with the engine's defaults for
 * the rest (defrag=madvise, use_zero_page=1, shrink_underused=1,
 * max_ptes_none=511, max_ptes_shared=256: Linux's), so a policy names
 * only what it changes.  resv-1 is Linux's own path by construction
 * (threshold 1 means no reservation, as the RFC's reviewer asked); it is
 * in the list so that the table shows it equal to `always`.
 */
static const struct lab_policy builtin_policies[] = {
	{ "never", "enabled=never",
	  "THP off: base pages only" },
	{ "always", "enabled=always",
	  "Linux today: a THP at the first fault of every 2 MiB range" },
	{ "always-tuned",
	  "enabled=always,khugepaged.max_ptes_none=64,shrink_underused=1",
	  "always, khugepaged collapses only ranges with at most 64 empty "
	  "PTEs, and the 6.12 shrinker splits THPs with more than 64 zero "
	  "pages under memory pressure" },
	{ "resv-1", "enabled=always,promotion_threshold=1",
	  "the RFC at threshold 1: no reservation, identical to always" },
	{ "resv-64", "enabled=always,promotion_threshold=64,resv_shrink=all",
	  "the RFC: reserve 2 MiB at the first write, khugepaged promotes in "
	  "place at 64 pages, pressure releases every reservation" },
	{ "resv-256",
	  "enabled=always,promotion_threshold=256,resv_shrink=all",
	  "the RFC at threshold 256" },
	{ "resv-512",
	  "enabled=always,promotion_threshold=512,resv_shrink=all",
	  "the RFC at threshold 512 (promote only when full)" },
	{ "freebsd",
	  "enabled=always,promotion_threshold=512,resv_shrink=lru,"
	  "promotion_sync=1",
	  "FreeBSD-style: promote at the fault that fills the range, "
	  "pressure breaks the least recently changed reservation first" },
	{ "resv-sync",
	  "enabled=always,promotion_threshold=64,resv_shrink=all,"
	  "promotion_sync=1",
	  "the RFC at threshold 64, promoted at the fault that reaches it" },
	{ "resv-util",
	  "enabled=always,promotion_threshold=64,resv_shrink=util",
	  "HawkEye-like: promote at 64 pages used, pressure releases the "
	  "least utilised reservation first (oldest of equals)" },
};
#define NR_BUILTIN (int)(sizeof(builtin_policies) / sizeof(builtin_policies[0]))

static const struct lab_policy *policy_find(const char *name)
{
	int i;

	for (i = 0; i < NR_BUILTIN; i++)
		if (!strcmp(builtin_policies[i].name, name))
			return &builtin_policies[i];
	return NULL;
}

/*
 * Apply @pol's knobs to @m.  Return: 0, or -1 with the bad knob in @err
 * (checked on a scratch machine before any run starts).
 */
static int policy_apply(hr_machine *m, const struct lab_policy *pol,
			char *err, size_t errlen)
{
	char buf[sizeof(pol->knobs)], *save = NULL, *kv;

	snprintf(buf, sizeof(buf), "%s", pol->knobs);
	for (kv = strtok_r(buf, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(kv, '=');
		int e;

		if (!eq) {
			snprintf(err, errlen, "policy %s: '%s' is not KNOB=VALUE",
				 pol->name, kv);
			return -1;
		}
		*eq = '\0';
		e = hr_thp_write(m, kv, eq + 1);
		if (e) {
			snprintf(err, errlen, "policy %s: %s=%s: %s", pol->name,
				 kv, eq + 1, e == -ENOENT ? "no such knob"
							  : "bad value");
			return -1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Fault latency: a histogram of priced faults                         */

/*
 * struct lat_hist - how many faults cost each distinct price.  Prices
 * are sums of a few cost-model terms, so there are few distinct ones;
 * they are kept exactly (in tenths of a nanosecond) in an open-addressed
 * table that doubles when half full.
 */
struct lat_hist {
	uint64_t *key, *cnt;	/* key 0: empty slot (a price is >= 1) */
	size_t cap, n;
	uint64_t total;
	double sum, max;
};

static void hist_grow(struct lat_hist *h)
{
	size_t ncap = h->cap ? h->cap * 2 : 256, i;
	uint64_t *k = calloc(ncap, sizeof(*k)), *c = calloc(ncap, sizeof(*c));

	if (!k || !c) {
		fprintf(stderr, "hugeresv: lab: out of memory\n");
		exit(EXIT_FAIL);
	}
	for (i = 0; i < h->cap; i++) {
		size_t j;

		if (!h->key[i])
			continue;
		for (j = (h->key[i] * 0x9e3779b97f4a7c15ULL) >> 40 & (ncap - 1);
		     k[j]; j = (j + 1) & (ncap - 1))
			;
		k[j] = h->key[i];
		c[j] = h->cnt[i];
	}
	free(h->key);
	free(h->cnt);
	h->key = k;
	h->cnt = c;
	h->cap = ncap;
}

static void hist_add(struct lat_hist *h, double ns)
{
	uint64_t k = (uint64_t)(ns * 10.0 + 0.5);
	size_t j;

	if (k < 1)
		k = 1;
	if (2 * (h->n + 1) > h->cap)
		hist_grow(h);
	for (j = (k * 0x9e3779b97f4a7c15ULL) >> 40 & (h->cap - 1);
	     h->key[j] && h->key[j] != k; j = (j + 1) & (h->cap - 1))
		;
	if (!h->key[j]) {
		h->key[j] = k;
		h->n++;
	}
	h->cnt[j]++;
	h->total++;
	h->sum += ns;
	if (ns > h->max)
		h->max = ns;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The @q quantile (0..1) of the faults, nearest rank. */
static double hist_quantile(const struct lat_hist *h, double q)
{
	uint64_t *pairs, need, seen = 0;
	size_t i, n = 0;
	double v = 0;

	if (!h->total)
		return 0;
	pairs = malloc(h->n * 2 * sizeof(*pairs));
	if (!pairs)
		return 0;
	for (i = 0; i < h->cap; i++)
		if (h->key[i]) {
			pairs[2 * n] = h->key[i];
			pairs[2 * n + 1] = h->cnt[i];
			n++;
		}
	qsort(pairs, n, 2 * sizeof(*pairs), cmp_u64);
	need = (uint64_t)ceil(q * (double)h->total);
	if (need < 1)
		need = 1;
	for (i = 0; i < n; i++) {
		seen += pairs[2 * i + 1];
		if (seen >= need) {
			v = (double)pairs[2 * i] / 10.0;
			break;
		}
	}
	free(pairs);
	return v;
}

static void hist_free(struct lat_hist *h)
{
	free(h->key);
	free(h->cnt);
	memset(h, 0, sizeof(*h));
}

/* ------------------------------------------------------------------ */
/* One run                                                             */

/* The events a fault is priced from, as indices into hr_events(). */
enum { LE_PGFAULT, LE_ZERO_4K, LE_ZERO_2M, LE_COPY_4K, LE_COPY_2M,
       LE_THP_FAULT, LE_FALLBACK, LE_COLLAPSE, LE_RES_COLLAPSED,
       LE_RES_SYNC, LE_RES_ALLOC, LE_RES_RELEASE, LE_SPLIT_PMD,
       LE_UNDERUSED, LE__N };
static const char *const le_names[LE__N] = {
	"pgfault", "cost_zero_4k", "cost_zero_2m", "cost_copy_4k",
	"cost_copy_2m", "thp_fault_alloc", "thp_fault_fallback",
	"thp_collapse_alloc", "res_pages_collapsed", "thp_res_promote_sync",
	"thp_res_alloc", "thp_res_release", "thp_split_pmd",
	"thp_underused_split_page",
};

/*
 * struct run - one policy on one workload, inside a worker.  @ev points
 * at the machine's live counters; @idx maps LE_* to their indices.
 */
struct run {
	const struct lab_opts *o;
	const struct lab_workload *wl;
	hr_machine *m;
	const uint64_t *ev;
	int idx[LE__N];
	struct lat_hist lat;
	struct prng rng;
	double base_4k, base_2m, zero_4k, copy_4k;	/* from the model */
	uint64_t touched;
};

static inline uint64_t ev_get(const struct run *r, int le)
{
	return r->ev[r->idx[le]];
}

/*
 * One write access, priced.  A fault that allocated a THP pays the THP
 * fault's fixed part, any other the base-page fault's; on top, whatever
 * the fault zeroed or copied (docs/cost-model.md).
 */
static int lab_touch(struct run *r, hr_proc *p, uint64_t addr)
{
	uint64_t f0 = ev_get(r, LE_PGFAULT), z4 = ev_get(r, LE_ZERO_4K),
		 z2 = ev_get(r, LE_ZERO_2M), c4 = ev_get(r, LE_COPY_4K),
		 c2 = ev_get(r, LE_COPY_2M);
	const struct cost_model *cm = &r->o->cost;
	int rc = hr_touch(p, addr, 1);
	double ns;

	if (rc == 0)
		r->touched++;
	if (ev_get(r, LE_PGFAULT) == f0)
		return rc;
	z2 = ev_get(r, LE_ZERO_2M) - z2;
	ns = z2 ? r->base_2m : r->base_4k;
	ns += (double)(ev_get(r, LE_ZERO_4K) - z4) * r->zero_4k +
	      (double)z2 * cm->zero_2m +
	      (double)(ev_get(r, LE_COPY_4K) - c4) * r->copy_4k +
	      (double)(ev_get(r, LE_COPY_2M) - c2) * cm->copy_2m;
	hist_add(&r->lat, ns);
	return rc;
}

/* The forkchunk child: map the chunk, touch each 2 MiB region. */
static int child_chunk(struct run *r, hr_proc *c, int *err)
{
	const struct lab_workload *wl = r->wl;
	uint64_t addr, reg, nreg = wl->chunk / HR_SZ_2M;
	unsigned perm[512], i;
	int rc;

	rc = hr_mmap(c, &(struct hr_mmap_args){
			.len = wl->chunk,
			.prot = HR_PROT_READ | HR_PROT_WRITE,
			.flags = HR_MAP_PRIVATE | HR_MAP_ANONYMOUS }, &addr);
	if (rc) {
		*err = -rc;
		return END_MAP;
	}
	for (i = 0; i < 512; i++)
		perm[i] = i;
	for (reg = 0; reg < nreg; reg++) {
		uint64_t base = addr + reg * HR_SZ_2M;
		unsigned n = 1;

		if (wl->touch == TOUCH_RANDOM)
			n = prng_range(&r->rng, 1, 512);
		for (i = 0; i < n; i++) {
			unsigned pg = 0;

			if (wl->touch == TOUCH_RANDOM) {
				/* partial Fisher-Yates: n distinct pages */
				unsigned k = i + prng_below(&r->rng, 512 - i),
					 t = perm[i];

				perm[i] = perm[k];
				perm[k] = t;
				pg = perm[i];
			}
			rc = lab_touch(r, c, base + (uint64_t)pg * HR_PAGE_SIZE);
			if (rc) {
				*err = rc < 0 ? -rc : ENOMEM;
				return END_FAULT;
			}
		}
	}
	return -1;
}

/*
 * The replay child: map every writable anonymous mapping of the
 * footprint at its offset from a 2 MiB boundary (so THP eligibility is
 * the captured process's), then write its present pages in address
 * order.
 */
static int child_footprint(struct run *r, hr_proc *c, int *err)
{
	const struct footprint *fp = r->wl->fp;
	size_t v, k;
	int rc;

	for (v = 0; v < fp->nvmas; v++) {
		const struct fp_vma *vm = &fp->vmas[v];
		uint64_t addr, pg;

		if (vm->kind != FP_ANON || vm->perms[1] != 'w')
			continue;
		rc = hr_mmap(c, &(struct hr_mmap_args){
				.len = vm->end - vm->start,
				.prot = HR_PROT_READ | HR_PROT_WRITE,
				.flags = HR_MAP_PRIVATE | HR_MAP_ANONYMOUS,
				.misalign = vm->start & (HR_SZ_2M - 1) }, &addr);
		if (rc) {
			*err = -rc;
			return END_MAP;
		}
		for (k = 0; k < vm->nruns; k++)
			for (pg = vm->runs[k].first;
			     pg < vm->runs[k].first + vm->runs[k].count; pg++) {
				rc = lab_touch(r, c, addr + pg * HR_PAGE_SIZE);
				if (rc) {
					*err = rc < 0 ? -rc : ENOMEM;
					return END_FAULT;
				}
			}
	}
	return -1;
}

static uint64_t counter(hr_machine *m, hr_proc *p, const char *src,
			const char *key)
{
	int64_t v = 0;

	if (hr_counter(m, p, src, key, &v)) {
		fprintf(stderr, "hugeresv: lab: the engine has no %s %s\n",
			src, key);
		exit(EXIT_FAIL);
	}
	return v < 0 ? 0 : (uint64_t)v;
}

static double now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What a worker sends back: progress (children so far) or the result. */
struct lab_msg {
	int job;
	int done;
	long children;
	struct lab_result res;
};

/*
 * run_one() - one policy on one workload.  @progress_fd: where to send
 * progress messages for job @job (-1: none).
 * Return: 0, or -1 with a message in @err (a policy knob the engine
 * refused, no memory for the machine).
 */
static int run_one(const struct lab_opts *o, const struct lab_policy *pol,
		   const struct lab_workload *wl, int job, int progress_fd,
		   struct lab_result *res, char *err, size_t errlen)
{
	struct hr_config cfg = { .memory = o->memory, .nodes = 1 };
	struct run r;
	hr_proc *parent;
	double t0 = now_sec(), last = t0, share;
	int i, end = END_CAP, e = 0;
	long n;

	memset(&r, 0, sizeof(r));
	memset(res, 0, sizeof(*res));
	snprintf(res->policy, sizeof(res->policy), "%s", pol->name);
	snprintf(res->workload, sizeof(res->workload), "%s", wl->label);
	r.o = o;
	r.wl = wl;
	r.m = hr_machine_new(&cfg);
	if (!r.m) {
		snprintf(err, errlen, "cannot create a %" PRIu64 "-byte machine",
			 o->memory);
		return -1;
	}
	if (policy_apply(r.m, pol, err, errlen))
		goto fail;
	if (o->overcommit == OC_2018 &&
	    hr_sysctl_write(r.m, "vm.overcommit_guess_free", "1")) {
		snprintf(err, errlen, "the engine refused vm.overcommit_guess_free");
		goto fail;
	}
	r.ev = hr_events(r.m);
	for (i = 0; i < LE__N; i++) {
		r.idx[i] = hr_event_index(le_names[i]);
		if (r.idx[i] < 0) {
			snprintf(err, errlen, "the engine has no event %s",
				 le_names[i]);
			goto fail;
		}
	}
	r.zero_4k = o->cost.zero_2m / 512.0;
	r.copy_4k = o->cost.copy_2m / 512.0;
	r.base_4k = o->cost.fault_4k - r.zero_4k;
	r.base_2m = o->cost.fault_2m - o->cost.zero_2m;
	if (r.base_4k < 1)
		r.base_4k = 1;
	if (r.base_2m < 1)
		r.base_2m = 1;
	/* each policy sees the same random touches: the seed alone decides */
	prng_seed(&r.rng, o->seed);
	if (hr_proc_new(r.m, &parent)) {
		snprintf(err, errlen, "cannot create the parent process");
		goto fail;
	}
	for (n = 0; n < o->max_children; n++) {
		hr_proc *c;
		double t;

		if (hr_fork(parent, &c)) {
			end = END_FAULT;
			e = ENOMEM;
			break;
		}
		end = wl->fp ? child_footprint(&r, c, &e)
			     : child_chunk(&r, c, &e);
		if (end >= 0)
			break;
		if (o->khugepaged == KH_CHILD)
			hr_khugepaged_proc(c);
		/* the state after the last child that completed */
		res->children = n + 1;
		res->mem_used = counter(r.m, NULL, "meminfo", "MemTotal") -
				counter(r.m, NULL, "meminfo", "MemFree");
		/* AnonPages includes THPs, as in Linux */
		res->anon = counter(r.m, NULL, "meminfo", "AnonPages");
		res->anon_huge = counter(r.m, NULL, "meminfo", "AnonHugePages");
		res->resv_unused = counter(r.m, NULL, "vmstat",
					   "nr_thp_reserved") * HR_PAGE_SIZE;
		res->page_tables = counter(r.m, NULL, "meminfo", "PageTables");
		res->touched = r.touched * HR_PAGE_SIZE;
		if (n == 0) {
			res->first_rss = counter(r.m, c, "smaps", "Rss");
			res->first_huge = counter(r.m, c, "smaps",
						  "AnonHugePages");
		}
		t = now_sec();
		if (progress_fd >= 0 && t - last > 0.2) {
			struct lab_msg msg;

			memset(&msg, 0, sizeof(msg));
			msg.job = job;
			msg.children = n + 1;
			if (write(progress_fd, &msg, sizeof(msg)) < 0)
				progress_fd = -1;
			last = t;
		}
		end = END_CAP;
	}
	res->end = end;
	res->end_errno = e;
	res->faults = ev_get(&r, LE_PGFAULT);
	res->thp_faults = ev_get(&r, LE_THP_FAULT);
	res->fallbacks = ev_get(&r, LE_FALLBACK);
	res->promotions = ev_get(&r, LE_RES_COLLAPSED) + ev_get(&r, LE_RES_SYNC);
	res->collapses = ev_get(&r, LE_COLLAPSE);
	res->resv_alloc = ev_get(&r, LE_RES_ALLOC);
	res->resv_broken = ev_get(&r, LE_RES_RELEASE);
	res->splits = ev_get(&r, LE_SPLIT_PMD) + ev_get(&r, LE_UNDERUSED);
	res->lat_p50 = hist_quantile(&r.lat, 0.50);
	res->lat_p99 = hist_quantile(&r.lat, 0.99);
	res->lat_mean = r.lat.total ? r.lat.sum / (double)r.lat.total : 0;
	res->lat_max = r.lat.max;
	res->lat_total = r.lat.sum;
	share = res->anon ? (double)res->anon_huge / (double)res->anon : 0;
	res->walk_ns = share * o->cost.walk_2m + (1 - share) * o->cost.walk_4k;
	hist_free(&r.lat);
	hr_machine_free(r.m);
	res->secs = now_sec() - t0;
	return 0;
fail:
	hist_free(&r.lat);
	hr_machine_free(r.m);
	return -1;
}

/* ------------------------------------------------------------------ */
/* Many runs: workers and progress                                     */

struct job {
	const struct lab_policy *pol;
	const struct lab_workload *wl;
	pid_t pid;
	int state;		/* 0 waiting, 1 running, 2 done, 3 failed */
	long children;
};

static void progress_line(const struct job *jobs, int njobs, double t0,
			  int tty)
{
	int i, done = 0, shown = 0;
	char line[512];
	size_t len;

	for (i = 0; i < njobs; i++)
		done += jobs[i].state >= 2;
	len = (size_t)snprintf(line, sizeof(line), "lab: %d/%d runs done",
			       done, njobs);
	for (i = 0; i < njobs && shown < 3; i++) {
		if (jobs[i].state != 1)
			continue;
		len += (size_t)snprintf(line + len, sizeof(line) - len,
					"%s %s/%s: child %ld", shown ? "," : ";",
					jobs[i].pol->name, jobs[i].wl->label,
					jobs[i].children);
		shown++;
		if (len >= sizeof(line))
			break;
	}
	if (len < sizeof(line))
		snprintf(line + len, sizeof(line) - len, " [%.0f s]",
			 now_sec() - t0);
	if (tty)
		fprintf(stderr, "\r\033[K%s", line);
	else
		fprintf(stderr, "%s\n", line);
}

/*
 * run_all() - every (policy, workload) pair, @o->jobs at a time, results
 * in @res in job order (policies within workloads).
 * Return: 0, or -1 when a run failed (its message already printed).
 */
static int run_all(const struct lab_opts *o, const struct lab_policy *pols,
		   int npol, const struct lab_workload *wls, int nwl,
		   struct lab_result *res, int quiet)
{
	int njobs = npol * nwl, next = 0, running = 0, i, failed = 0;
	int fds[2], tty = isatty(2) && !quiet;
	struct job *jobs = calloc((size_t)njobs, sizeof(*jobs));
	double t0 = now_sec(), shown = 0;

	if (!jobs || pipe(fds)) {
		free(jobs);
		fprintf(stderr, "hugeresv: lab: %s\n", strerror(errno));
		return -1;
	}
	for (i = 0; i < njobs; i++) {
		jobs[i].wl = &wls[i / npol];
		jobs[i].pol = &pols[i % npol];
	}
	fflush(NULL);
	while (next < njobs || running) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		struct lab_msg msg;

		while (running < o->jobs && next < njobs) {
			struct job *j = &jobs[next];
			pid_t pid = fork();

			if (pid < 0) {
				fprintf(stderr, "hugeresv: lab: fork: %s\n",
					strerror(errno));
				failed = 1;
				next = njobs;
				break;
			}
			if (pid == 0) {
				char err[256] = "";

				close(fds[0]);
				memset(&msg, 0, sizeof(msg));
				msg.job = next;
				msg.done = 1;
				if (run_one(o, j->pol, j->wl, next, fds[1],
					    &msg.res, err, sizeof(err))) {
					fprintf(stderr, "hugeresv: lab: %s\n",
						err);
					msg.done = 2;
				}
				if (write(fds[1], &msg, sizeof(msg)) !=
				    (ssize_t)sizeof(msg))
					_exit(EXIT_FAIL);
				_exit(msg.done == 1 ? 0 : EXIT_FAIL);
			}
			j->pid = pid;
			j->state = 1;
			running++;
			next++;
		}
		if (!running)
			break;
		if (poll(&pfd, 1, 500) > 0 &&
		    read(fds[0], &msg, sizeof(msg)) == (ssize_t)sizeof(msg) &&
		    msg.job >= 0 && msg.job < njobs) {
			struct job *j = &jobs[msg.job];

			if (!msg.done) {
				j->children = msg.children;
			} else {
				int st;

				waitpid(j->pid, &st, 0);
				running--;
				j->state = msg.done == 1 ? 2 : 3;
				failed |= j->state == 3;
				if (msg.done == 1) {
					res[msg.job] = msg.res;
					j->children = msg.res.children;
				}
				if (!quiet && !tty)
					fprintf(stderr, "lab: [%2d/%d] %s/%s: "
						"%ld children (%s) in %.1f s\n",
						msg.job + 1, njobs, j->pol->name,
						j->wl->label, j->children,
						lab_end_name(msg.res.end),
						msg.res.secs);
			}
		} else {
			/* a worker that died without a word */
			for (i = 0; i < njobs; i++) {
				int st;

				if (jobs[i].state != 1 ||
				    waitpid(jobs[i].pid, &st, WNOHANG) !=
				    jobs[i].pid)
					continue;
				fprintf(stderr, "hugeresv: lab: run %s/%s "
					"died (%s %d)\n", jobs[i].pol->name,
					jobs[i].wl->label,
					WIFSIGNALED(st) ? "signal" : "exit",
					WIFSIGNALED(st) ? WTERMSIG(st)
							: WEXITSTATUS(st));
				jobs[i].state = 3;
				running--;
				failed = 1;
			}
		}
		if (tty && now_sec() - shown > 0.2) {
			progress_line(jobs, njobs, t0, 1);
			shown = now_sec();
		}
	}
	if (tty)
		fprintf(stderr, "\r\033[K");
	close(fds[0]);
	close(fds[1]);
	free(jobs);
	return failed ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */

/* The options forkchunk and replay share, in both usage texts. */
#define LAB_POLICY_OPTIONS \
	"  --policies A,B,...  built-in policies to run (default all; see\n" \
	"                      'hugeresv lab policies')\n" \
	"  --policy NAME:KNOB=V,KNOB=V\n" \
	"                      add a policy of your own (THP knobs as in a\n" \
	"                      scenario's `thp` statement); repeatable, 16 at\n" \
	"                      most\n" \
	"  --overcommit 2018|today\n" \
	"                      mode 0's heuristic: 2018 (default, the RFC's\n" \
	"                      kernels: a mapping must fit in free memory plus\n" \
	"                      unused reservations) or today (Linux 5.2 and\n" \
	"                      later: only a mapping larger than RAM fails)\n" \
	"  --khugepaged child|off\n" \
	"                      child (default): khugepaged scans each child\n" \
	"                      once it is done; off: never\n" \
	"  --max-children N    stop a run after N children (default 100000)\n" \
	"  --seed S            the random touches (default 1; printed)\n" \
	"  --cost FILE         the cost model (default: the file hugeresv\n" \
	"                      calibrate wrote, else the built-in model)\n" \
	"  --jobs N            runs at a time, 1..256 (default: the number of\n" \
	"                      CPUs)\n" \
	"  --out DIR           write results.csv, children.svg and memory.svg\n" \
	"                      there (default hugeresv-lab)\n" \
	"  --no-out            write no files\n" \
	"  -q, --quiet         no progress on stderr\n"

static const char lab_usage[] =
	"usage: hugeresv lab forkchunk [OPTIONS]\n"
	"       hugeresv lab forkchunk --kernel [--chunk SIZE] [--children N]\n"
	"                              [--touch one|random] [--seed S] [-q]\n"
	"                              [--tolerance PCT]\n"
	"       hugeresv lab policies\n"
	"\n"
	"forkchunk: the RFC's test.  A parent forks children one after another;\n"
	"each maps a chunk and writes one page, or a random number of pages, in\n"
	"each 2 MiB region; khugepaged scans each child once it is done; the run\n"
	"ends when a child fails to map or fault.  Every policy runs on a fresh\n"
	"machine; docs/lab.md explains the figures.  policies: the built-in\n"
	"policies and their knobs.  ('hugeresv replay --help': the same with\n"
	"children replaying a real program's footprint.)\n"
	"\n"
	"options:\n"
	"  --memory SIZE       simulated RAM (default 256G)\n"
	"  --chunk SIZE        bytes each child maps (default 16G; with --kernel\n"
	"                      1G)\n"
	"  --touch one|random|both\n"
	"                      pages written per 2 MiB region (default both;\n"
	"                      with --kernel one)\n"
	LAB_POLICY_OPTIONS
	"  --kernel            forkchunk for real on the running kernel with THP\n"
	"                      always and never, compared child by child (Rss,\n"
	"                      AnonHugePages) with the engine (root)\n"
	"  --children N        --kernel: children, 1..64 (default 8)\n"
	"  --tolerance PCT     --kernel: the largest difference that passes\n"
	"                      (default 2)\n"
	"  -h, --help          print this help\n";

static const char replay_usage[] =
	"usage: hugeresv replay [OPTIONS] FOOTPRINT...\n"
	"\n"
	"The lab's forkchunk test with each child replaying a footprint, the\n"
	"pages a real program touched (hugeresv capture writes them;\n"
	"footprints/ has some): children are forked until one fails to map\n"
	"or fault, for every policy on a fresh machine (docs/lab.md).  '-'\n"
	"reads a footprint from standard input.\n"
	"\n"
	"options:\n"
	"  --memory SIZE       simulated RAM (default 256G)\n"
	LAB_POLICY_OPTIONS
	"  -h, --help          print this help\n";

/*
 * struct lab_cli - what the command line asked for, shared by forkchunk
 * and replay.
 */
struct lab_cli {
	struct lab_opts o;
	struct lab_policy *pols;
	int npol;
	const char *policies;		/* --policies */
	const char *outdir;
	int touch;			/* -1 both */
	uint64_t chunk;
	int kernel, children, quiet;
	double tolerance;
	const char *cost_path;
	char **files;
	int nfiles;
};

static int add_policy(struct lab_cli *c, const struct lab_policy *p)
{
	struct lab_policy *n = realloc(c->pols, (size_t)(c->npol + 1) *
					       sizeof(*n));

	if (!n)
		return -1;
	c->pols = n;
	c->pols[c->npol++] = *p;
	return 0;
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* The --policy NAME:KNOBS policies of a command line, in order. */
struct lab_custom {
	struct lab_policy p[16];
	int n;
};

/* The settings before the command line changes them. */
static int lab_cli_defaults(struct lab_cli *c, int argc)
{
	memset(c, 0, sizeof(*c));
	c->o.memory = 256ULL << 30;
	c->o.overcommit = OC_2018;
	c->o.khugepaged = KH_CHILD;
	c->o.seed = 1;
	c->o.max_children = 100000;
	c->o.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (c->o.jobs < 1)
		c->o.jobs = 1;
	c->outdir = "hugeresv-lab";
	c->touch = -1;
	c->tolerance = 2.0;
	c->files = calloc((size_t)argc + 1, sizeof(*c->files));
	return c->files ? 0 : -1;
}

/*
 * One of @n words for option @opt: its index in @words, or -1 with the
 * usage error printed (@what lists the choices for the message).
 */
static int lab_choice(const char *cmd, const char *opt, const char *val,
		      const char *const *words, int n, const char *what)
{
	char fmt[160];

	for (int k = 0; k < n; k++)
		if (!strcmp(val, words[k]))
			return k;
	snprintf(fmt, sizeof(fmt), "%s: '%%s' is not %s", opt, what);
	usage_error(cmd, fmt, val);
	return -1;
}

/* --policy NAME:KNOB=VALUE,...: one more policy of the user's own. */
static int parse_custom_policy(const char *cmd, const char *val,
			       struct lab_custom *cu)
{
	const char *colon = strchr(val, ':');
	struct lab_policy *p;

	if (!colon || colon == val ||
	    (size_t)(colon - val) >= sizeof(cu->p[0].name) ||
	    strlen(colon + 1) >= sizeof(cu->p[0].knobs) || cu->n == 16)
		return usage_error(cmd, "--policy: '%s' is not "
				   "NAME:KNOB=VALUE,...", val);
	p = &cu->p[cu->n++];
	memset(p, 0, sizeof(*p));
	memcpy(p->name, val, (size_t)(colon - val));
	snprintf(p->knobs, sizeof(p->knobs), "%s", colon + 1);
	p->what = "given on the command line";
	return 0;
}

/* --touch, --overcommit, --khugepaged: one of a few words. */
static int parse_choice_option(const char *cmd, struct lab_cli *c,
			       const char *a, const char *val)
{
	static const char *const touch[] = { "one", "random", "both" };
	static const char *const oc[] = { "2018", "today" };
	static const char *const kh[] = { "child", "off" };
	int k;

	if (!strcmp(a, "--touch")) {
		k = lab_choice(cmd, a, val, touch, 3, "one, random or both");
		if (k >= 0)
			c->touch = k == 0 ? TOUCH_ONE : k == 1 ? TOUCH_RANDOM : -1;
	} else if (!strcmp(a, "--overcommit")) {
		k = lab_choice(cmd, a, val, oc, 2, "2018 or today");
		if (k >= 0)
			c->o.overcommit = k == 0 ? OC_2018 : OC_TODAY;
	} else {
		k = lab_choice(cmd, a, val, kh, 2, "child or off");
		if (k >= 0)
			c->o.khugepaged = k == 0 ? KH_CHILD : KH_OFF;
	}
	return k < 0 ? EXIT_USAGE : 0;
}

/* --max-children, --children, --seed, --jobs, --tolerance: a number. */
static int parse_number_option(const char *cmd, struct lab_cli *c,
			       const char *a, const char *val)
{
	char *end;
	long v;

	if (!strcmp(a, "--max-children")) {
		if (parse_long(val, 1, 100000000, &v))
			return usage_error(cmd, "--max-children: '%s' is not a "
					   "count", val);
		c->o.max_children = v;
	} else if (!strcmp(a, "--children")) {
		if (parse_long(val, 1, 64, &v))
			return usage_error(cmd, "--children: '%s' is not 1..64",
					   val);
		c->children = (int)v;
	} else if (!strcmp(a, "--seed")) {
		errno = 0;
		c->o.seed = strtoull(val, &end, 0);
		if (errno || end == val || *end)
			return usage_error(cmd, "--seed: '%s' is not a number",
					   val);
	} else if (!strcmp(a, "--jobs")) {
		if (parse_long(val, 1, 256, &v))
			return usage_error(cmd, "--jobs: '%s' is not 1..256", val);
		c->o.jobs = (int)v;
	} else {
		c->tolerance = strtod(val, &end);
		if (end == val || *end || c->tolerance < 0 ||
		    c->tolerance > 100)
			return usage_error(cmd, "--tolerance: '%s' is not a "
					   "percentage", val);
	}
	return 0;
}

/* Whether option @a takes a value, in replay (@replay) or forkchunk. */
static int lab_option_takes_value(const char *a, int replay)
{
	static const char *const both[] = {
		"--memory", "--policies", "--policy", "--overcommit",
		"--khugepaged", "--max-children", "--seed", "--cost", "--jobs",
		"--out",
	};
	static const char *const forkchunk[] = {
		"--chunk", "--touch", "--children", "--tolerance",
	};

	for (size_t k = 0; k < sizeof(both) / sizeof(both[0]); k++)
		if (!strcmp(a, both[k]))
			return 1;
	if (replay)
		return 0;
	for (size_t k = 0; k < sizeof(forkchunk) / sizeof(forkchunk[0]); k++)
		if (!strcmp(a, forkchunk[k]))
			return 1;
	return 0;
}

/* An option with its value @val (lab_option_takes_value()). */
static int parse_value_option(const char *cmd, struct lab_cli *c,
			      struct lab_custom *cu, const char *a,
			      const char *val)
{
	if (!strcmp(a, "--memory")) {
		if (parse_bytes(val, &c->o.memory) ||
		    c->o.memory < (64ULL << 20) || c->o.memory % HR_SZ_2M)
			return usage_error(cmd, "--memory: '%s' is not a size of "
					   "at least 64M in whole 2 MiB", val);
	} else if (!strcmp(a, "--chunk")) {
		if (parse_bytes(val, &c->chunk) || c->chunk % HR_SZ_2M)
			return usage_error(cmd, "--chunk: '%s' is not a multiple "
					   "of 2M", val);
	} else if (!strcmp(a, "--touch") || !strcmp(a, "--overcommit") ||
		   !strcmp(a, "--khugepaged")) {
		return parse_choice_option(cmd, c, a, val);
	} else if (!strcmp(a, "--policies")) {
		c->policies = val;
	} else if (!strcmp(a, "--policy")) {
		return parse_custom_policy(cmd, val, cu);
	} else if (!strcmp(a, "--cost")) {
		c->cost_path = val;
	} else if (!strcmp(a, "--out")) {
		c->outdir = val;
	} else {
		return parse_number_option(cmd, c, a, val);
	}
	return 0;
}

/* --policies (or all of them) and then the --policy ones, into c->pols. */
static int collect_policies(const char *cmd, struct lab_cli *c,
			    const struct lab_custom *cu)
{
	int i;

	if (c->policies) {
		char buf[1024], *save = NULL, *name;

		snprintf(buf, sizeof(buf), "%s", c->policies);
		for (name = strtok_r(buf, ",", &save); name;
		     name = strtok_r(NULL, ",", &save)) {
			const struct lab_policy *p = policy_find(name);

			if (!strcmp(name, "all")) {
				int k;

				for (k = 0; k < NR_BUILTIN; k++)
					if (add_policy(c, &builtin_policies[k]))
						return EXIT_FAIL;
				continue;
			}
			if (!p)
				return usage_error(cmd, "--policies: no policy '%s' "
						   "(hugeresv lab policies)", name);
			if (add_policy(c, p))
				return EXIT_FAIL;
		}
	} else if (!cu->n) {
		for (i = 0; i < NR_BUILTIN; i++)
			if (add_policy(c, &builtin_policies[i]))
				return EXIT_FAIL;
	}
	for (i = 0; i < cu->n; i++)
		if (add_policy(c, &cu->p[i]))
			return EXIT_FAIL;
	return 0;
}

/* Every policy's knobs, tried on a small machine before any run. */
static int try_policies(const char *cmd, const struct lab_cli *c)
{
	for (int i = 0; i < c->npol; i++) {
		struct hr_config cfg = { .memory = 64ULL << 20, .nodes = 1 };
		hr_machine *m = hr_machine_new(&cfg);
		char err[300];
		int bad;

		if (!m)
			return EXIT_FAIL;
		bad = policy_apply(m, &c->pols[i], err, sizeof(err));
		hr_machine_free(m);
		if (bad)
			return usage_error(cmd, "%s", err);
	}
	return 0;
}

/*
 * lab_parse() - the command line of `lab forkchunk` (@replay 0: @argv
 * is what follows "forkchunk") or of `replay` (@replay 1: what follows
 * "replay") into @c, the policies checked and the cost model loaded.
 *
 * Return: 0 to go on, -1 when the help was printed, else an EXIT_*
 * status (the message printed).  lab_cli_free(@c) in every case.
 */
static int lab_parse(int argc, char **argv, struct lab_cli *c, int replay)
{
	const char *cmd = replay ? "replay" : "lab";
	struct lab_custom cu;
	char err[512];
	int i, rc;

	cu.n = 0;
	if (lab_cli_defaults(c, argc))
		return EXIT_FAIL;
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (is_help_option(a)) {
			fputs(replay ? replay_usage : lab_usage, stdout);
			return -1;
		} else if (lab_option_takes_value(a, replay)) {
			if (!val)
				return usage_error(cmd, "%s needs a value", a);
			i++;
			rc = parse_value_option(cmd, c, &cu, a, val);
			if (rc)
				return rc;
		} else if (!strcmp(a, "--no-out")) {
			c->outdir = NULL;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			c->quiet = 1;
		} else if (!strcmp(a, "--kernel") && !replay) {
			c->kernel = 1;
		} else if (replay && (a[0] != '-' || !strcmp(a, "-"))) {
			c->files[c->nfiles++] = argv[i];
		} else {
			return usage_error(cmd, a[0] == '-' ? "unknown option '%s'" :
					   "unexpected argument '%s'", a);
		}
	}
	rc = collect_policies(cmd, c, &cu);
	if (!rc)
		rc = try_policies(cmd, c);
	if (rc)
		return rc;
	if (cost_model_find(c->cost_path, &c->o.cost, c->o.cost_which,
			    sizeof(c->o.cost_which), err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	return 0;
}

static void lab_cli_free(struct lab_cli *c)
{
	free(c->pols);
	free(c->files);
}

static int write_outputs(const struct lab_cli *c, const struct lab_result *r,
			 int n, const char *title)
{
	char path[4096];
	int bad = 0;

	if (!c->outdir)
		return 0;
	if (mkdir(c->outdir, 0777) && errno != EEXIST) {
		fprintf(stderr, "hugeresv lab: %s: %s\n", c->outdir,
			strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/results.csv", c->outdir);
	bad |= lab_write_csv(path, r, n);
	snprintf(path, sizeof(path), "%s/children.svg", c->outdir);
	bad |= lab_write_svg_children(path, r, n, title);
	snprintf(path, sizeof(path), "%s/memory.svg", c->outdir);
	bad |= lab_write_svg_memory(path, r, n, title);
	if (!bad)
		printf("\nwrote %s/results.csv, %s/children.svg, %s/memory.svg\n",
		       c->outdir, c->outdir, c->outdir);
	return bad ? -1 : 0;
}

static void print_setup(const struct lab_cli *c, const char *what)
{
	printf("%s on a %" PRIu64 " GiB machine; overcommit heuristic %s; "
	       "khugepaged %s; seed %" PRIu64 "\n", what, c->o.memory >> 30,
	       c->o.overcommit == OC_2018 ? "2018 (free + unused reservations)"
					  : "today",
	       c->o.khugepaged == KH_CHILD ? "scans each child once"
					   : "off",
	       c->o.seed);
	printf("cost model: %s (%s)\n", c->o.cost_which, c->o.cost.host);
}

static int cmd_forkchunk(int argc, char **argv)
{
	struct lab_cli c;
	struct lab_workload wls[2];
	struct lab_result *res;
	char title[256];
	int nwl = 0, rc;

	rc = lab_parse(argc, argv, &c, 0);
	if (rc) {
		lab_cli_free(&c);
		return rc < 0 ? EXIT_OK : rc;
	}
	if (c.kernel) {
		rc = lab_kernel_forkchunk(c.chunk ? c.chunk : HR_SZ_1G,
					  c.children ? c.children : 8,
					  c.touch < 0 ? TOUCH_ONE : c.touch,
					  c.o.seed, c.tolerance, !c.quiet);
		lab_cli_free(&c);
		return rc;
	}
	if (!c.chunk)
		c.chunk = 16ULL << 30;
	if (c.chunk > c.o.memory) {
		lab_cli_free(&c);
		return usage_error("lab", "%s", "--chunk is larger than --memory");
	}
	memset(wls, 0, sizeof(wls));
	if (c.touch != TOUCH_RANDOM)
		wls[nwl++] = (struct lab_workload){ "one", TOUCH_ONE, c.chunk,
						    NULL };
	if (c.touch != TOUCH_ONE)
		wls[nwl++] = (struct lab_workload){ "random", TOUCH_RANDOM,
						    c.chunk, NULL };
	res = calloc((size_t)(nwl * c.npol), sizeof(*res));
	if (!res) {
		lab_cli_free(&c);
		return EXIT_FAIL;
	}
	snprintf(title, sizeof(title), "forkchunk: %" PRIu64 " GiB chunks",
		 c.chunk >> 30);
	print_setup(&c, title);
	fflush(stdout);
	rc = run_all(&c.o, c.pols, c.npol, wls, nwl, res, c.quiet);
	if (!rc) {
		int w;

		for (w = 0; w < nwl; w++) {
			char t[700];

			snprintf(t, sizeof(t), "\n%s, touching %s per 2 MiB "
				 "region:", title, w == 0 && c.touch != TOUCH_RANDOM
				 ? "one page" : "1 to 512 random pages");
			lab_print_table(stdout, res + w * c.npol, c.npol, t);
		}
		snprintf(title, sizeof(title), "forkchunk, %" PRIu64 " GiB "
			 "machine, %" PRIu64 " GiB chunks", c.o.memory >> 30,
			 c.chunk >> 30);
		if (write_outputs(&c, res, nwl * c.npol, title))
			rc = -1;
	}
	free(res);
	lab_cli_free(&c);
	return rc ? EXIT_FAIL : EXIT_OK;
}

static void print_policies(void)
{
	int i;

	for (i = 0; i < NR_BUILTIN; i++)
		printf("%-13s %s\n%-13s   knobs: %s\n", builtin_policies[i].name,
		       builtin_policies[i].what, "", builtin_policies[i].knobs);
}

/**
 * lab_main() - `hugeresv lab SUBCOMMAND ...`.
 */
int lab_main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("lab", "%s", "which one: forkchunk or policies?");
	if (is_help_option(argv[1])) {
		fputs(lab_usage, stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "forkchunk"))
		return cmd_forkchunk(argc - 2, argv + 2);
	if (!strcmp(argv[1], "policies")) {
		if (argc > 2 && is_help_option(argv[2])) {
			fputs(lab_usage, stdout);
			return EXIT_OK;
		}
		if (argc > 2)
			return usage_error("lab", "policies takes no argument ('%s')",
					 argv[2]);
		print_policies();
		return EXIT_OK;
	}
	if (argv[1][0] == '-')
		return usage_error("lab", "unknown option '%s'", argv[1]);
	return usage_error("lab", "unknown lab command '%s'", argv[1]);
}

/**
 * replay_main() - `hugeresv replay [OPTIONS] FOOTPRINT...`: every policy
 * on each footprint, children replaying it until one fails.
 */
int replay_main(int argc, char **argv)
{
	struct lab_cli c;
	struct footprint **fps;
	struct lab_workload *wls;
	struct lab_result *res;
	int rc, i, loaded = 0;

	rc = lab_parse(argc - 1, argv + 1, &c, 1);
	if (rc) {
		lab_cli_free(&c);
		return rc < 0 ? EXIT_OK : rc;
	}
	if (!c.nfiles) {
		lab_cli_free(&c);
		return usage_error("replay", "%s", "needs a footprint file "
				 "(hugeresv capture writes them)");
	}
	fps = calloc((size_t)c.nfiles, sizeof(*fps));
	wls = calloc((size_t)c.nfiles, sizeof(*wls));
	res = calloc((size_t)(c.nfiles * c.npol), sizeof(*res));
	if (!fps || !wls || !res) {
		rc = EXIT_FAIL;
		goto out;
	}
	for (i = 0; i < c.nfiles; i++) {
		char err[512];

		if (footprint_load(c.files[i], &fps[i], err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			rc = EXIT_USAGE;
			goto out;
		}
		loaded++;
		wls[i].label = fps[i]->name;
		wls[i].fp = fps[i];
	}
	print_setup(&c, "replay");
	fflush(stdout);
	rc = run_all(&c.o, c.pols, c.npol, wls, c.nfiles, res, c.quiet)
		? EXIT_FAIL : EXIT_OK;
	if (rc == EXIT_OK) {
		for (i = 0; i < c.nfiles; i++) {
			char t[700];

			snprintf(t, sizeof(t), "\n%s (%s): children replaying "
				 "it until one fails:", fps[i]->name, c.files[i]);
			lab_print_table(stdout, res + i * c.npol, c.npol, t);
		}
		if (write_outputs(&c, res, c.nfiles * c.npol, "replay"))
			rc = EXIT_FAIL;
	}
out:
	for (i = 0; i < loaded; i++)
		footprint_free(fps[i]);
	free(fps);
	free(wls);
	free(res);
	lab_cli_free(&c);
	return rc;
}
