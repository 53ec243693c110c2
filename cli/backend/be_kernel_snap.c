/* SPDX-License-Identifier: MIT */
/*
 * be_kernel_snap.c - snapshots of the running kernel: /proc/meminfo,
 * /proc/vmstat, the sysfs pool and THP files, and the smaps of the
 * scenario's own mappings; event counters as deltas from the run's start.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <stdarg.h>

#include "backend/backend.h"
#include "hugeresv.h"
#include "backend/be_kernel.h"

/* ------------------------------------------------------------------ */
/* Snapshots                                                           */

/* Read a whole (possibly large) file into k->buf. */
ssize_t kb_slurp(struct kbe *k, const char *path)
{
	size_t have = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	for (;;) {
		if (have + 4096 + 1 > k->bufcap) {
			size_t cap = k->bufcap ? 2 * k->bufcap : 1 << 16;
			char *p = realloc(k->buf, cap);

			if (!p) {
				close(fd);
				return -ENOMEM;
			}
			k->buf = p;
			k->bufcap = cap;
		}
		n = kstate_read_fd(fd, k->buf + have, k->bufcap - have);
		if (n < 0) {
			close(fd);
			return n;
		}
		have += (size_t)n;
		if (have + 1 < k->bufcap)
			break;		/* end of file before the buffer filled */
	}
	close(fd);
	return (ssize_t)have;
}

/* smaps keys every live process has, even with none of its mappings. */
static const char *const kb_smaps_seed[] = {
	"Size", "Rss", "Pss", "Shared_Clean", "Shared_Dirty",
	"Private_Clean", "Private_Dirty", "Referenced", "Anonymous",
	"LazyFree", "AnonHugePages", "ShmemPmdMapped", "FilePmdMapped",
	"Shared_Hugetlb", "Private_Hugetlb", "Swap", "SwapPss", "Locked",
};

/* smaps fields that are per-VMA constants, not amounts: never summed
 * (as in be_engine.c; an `expect` refuses them). */
static int smaps_summable(const char *key)
{
	return strcmp(key, "KernelPageSize") && strcmp(key, "MMUPageSize");
}

static int vma_is_ours(const struct kbe *k, int proc, uint64_t lo,
		       uint64_t hi)
{
	int i, j;

	for (i = 0; i < k->prog->nmaps; i++) {
		const struct kmap *km = &k->maps[i];

		if (k->prog->maps[i].proc != proc)
			continue;
		for (j = 0; j < km->niv; j++)
			if (lo >= km->iv[j].lo && hi <= km->iv[j].hi)
				return 1;
	}
	return 0;
}

/*
 * Sum the smaps entries of @proc's scenario mappings: keep the body
 * lines of the entries that lie inside one of them, in place in k->buf,
 * then parse the kept text.
 */
static int snap_smaps(struct kbe *k, struct snapshot *snap, int proc)
{
	char path[64], prefix[PROG_NAME_MAX + 16], key[160];
	char *line, *next, *out;
	size_t i;
	int keep = 0;
	ssize_t n;

	snprintf(prefix, sizeof(prefix), "smaps:%s:", k->prog->procs[proc].name);
	for (i = 0; i < sizeof(kb_smaps_seed) / sizeof(kb_smaps_seed[0]); i++) {
		snprintf(key, sizeof(key), "%s%s", prefix, kb_smaps_seed[i]);
		if (snapshot_set(snap, key, 0) < 0)
			return -1;
	}
	snprintf(path, sizeof(path), "/proc/%d/smaps",
		 (int)k->agents[proc].pid);
	n = kb_slurp(k, path);
	if (n < 0)
		return -1;
	out = k->buf;
	for (line = k->buf; *line; line = next) {
		unsigned long long lo, hi;
		size_t len;

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		len = (size_t)(next - line);
		if ((*line >= '0' && *line <= '9') ||
		    (*line >= 'a' && *line <= 'f')) {
			keep = sscanf(line, "%llx-%llx", &lo, &hi) == 2 &&
			       vma_is_ours(k, proc, lo, hi);
			continue;
		}
		if (keep) {
			memmove(out, line, len);
			out += len;
		}
	}
	*out = '\0';
	return snapshot_parse_keyvals(snap, prefix, k->buf, smaps_summable) < 0 ?
	       -1 : 0;
}

/**
 * kb_smaps_sum() - @field ("AnonHugePages") summed over the scenario's
 * mappings of every live agent, as snapshots count it (kB in bytes).
 * Return: 0, or -1 if an smaps could not be read.
 */
int kb_smaps_sum(struct kbe *k, const char *field, int64_t *sum)
{
	struct snapshot s;
	char key[160];
	int p, rc = 0;

	*sum = 0;
	snapshot_init(&s);
	for (p = 0; p < k->prog->nprocs && !rc; p++) {
		int64_t v = 0;

		if (!k->agents[p].live)
			continue;
		if (snap_smaps(k, &s, p) < 0) {
			rc = -1;
			break;
		}
		snprintf(key, sizeof(key), "smaps:%s:%s",
			 k->prog->procs[p].name, field);
		if (snapshot_get(&s, key, &v))
			*sum += v;
	}
	snapshot_free(&s);
	return rc;
}

static int snap_file(struct kbe *k, struct snapshot *snap, const char *path,
		     const char *prefix)
{
	if (kb_slurp(k, path) < 0)
		return -1;
	return snapshot_parse_keyvals(snap, prefix, k->buf, NULL) < 0 ? -1 : 0;
}

static int snap_number(struct snapshot *snap, const char *dir,
		       const char *rel)
{
	char path[PATH_MAX], key[160], buf[64], *end;
	unsigned long long v;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if (kstate_read_file(path, buf, sizeof(buf)) < 0)
		return 0;
	/* unsigned: a wrapped counter must keep its bits, not saturate */
	v = strtoull(buf, &end, 10);
	if (end == buf || (*end && *end != '\n'))
		return 0;	/* not a number: not a counter */
	snprintf(key, sizeof(key), "sysfs:%s/%s",
		 dir + strlen("/sys/kernel/mm/"), rel);
	return snapshot_set(snap, key, (int64_t)v);
}

/*
 * Node @nid's pool files of one size, as "nodeN:hugepages-SIZEkB/FILE"
 * (the engine's keys, be_engine.c).  Pool counters: nothing else on the
 * machine changes them while the run holds the lock (see "Counters on a
 * busy machine" in docs/kernel-backend.md).
 */
static int snap_node(struct snapshot *snap, int nid, const char *size)
{
	static const char *const files[] = {
		"nr_hugepages", "free_hugepages", "surplus_hugepages",
	};
	char path[PATH_MAX], key[160], buf[64], *end;
	unsigned long long v;
	size_t j;

	for (j = 0; j < sizeof(files) / sizeof(files[0]); j++) {
		snprintf(path, sizeof(path),
			 "/sys/devices/system/node/node%d/hugepages/%s/%s",
			 nid, size, files[j]);
		if (kstate_read_file(path, buf, sizeof(buf)) < 0)
			continue;
		v = strtoull(buf, &end, 10);
		if (end == buf || (*end && *end != '\n'))
			continue;
		snprintf(key, sizeof(key), "node%d:%s/%s", nid, size, files[j]);
		if (snapshot_set(snap, key, (int64_t)v) < 0)
			return -1;
	}
	return 0;
}

static const char *const kb_hp_files[] = {
	"nr_hugepages", "free_hugepages", "resv_hugepages",
	"surplus_hugepages", "nr_overcommit_hugepages",
};

static const char *const kb_thp_files[] = {
	"use_zero_page", "hpage_pmd_size", "khugepaged/max_ptes_none",
	"khugepaged/max_ptes_swap", "khugepaged/max_ptes_shared",
	"khugepaged/pages_to_scan", "khugepaged/pages_collapsed",
	"khugepaged/full_scans", "khugepaged/defrag",
};

/*
 * Event counters: every /proc/vmstat key but the nr_* gauges, and
 * khugepaged's two counters (kb_kh_events).  They are global and only
 * ever grow, so the back end reports them as deltas from the start of
 * the run (kb_take_base()), as the engine counts from 0.
 */
static const char *const kb_kh_events[] = {
	"khugepaged/pages_collapsed", "khugepaged/full_scans",
};

static int vmstat_is_event(const char *key)
{
	return strncmp(key, "nr_", 3) != 0;
}

/* Read the event counters as they are now into k->base. */
int kb_take_base(struct kbe *k)
{
	size_t j;

	snapshot_clear(&k->base);
	if (kb_slurp(k, "/proc/vmstat") < 0 ||
	    snapshot_parse_keyvals(&k->base, "vmstat:", k->buf,
				   vmstat_is_event) < 0)
		return -1;
	for (j = 0; j < sizeof(kb_kh_events) / sizeof(kb_kh_events[0]); j++)
		if (snap_number(&k->base, KSTATE_SYSFS_THP, kb_kh_events[j]) < 0)
			return -1;
	return 0;
}

/* Turn the event counters of @snap into deltas from k->base. */
static int kb_apply_base(struct kbe *k, struct snapshot *snap)
{
	int i;

	for (i = 0; i < k->base.n; i++) {
		const struct kv *b = &k->base.v[i];
		int64_t v;

		if (snapshot_get(snap, b->key, &v) &&
		    snapshot_set(snap, b->key,
				 (int64_t)((uint64_t)v - (uint64_t)b->val)) < 0)
			return -1;
	}
	return 0;
}

/*
 * The knobs the program reads back (`expect sysctl`, `expect thp`), from
 * their files as the registry names them (hr_knob_info()); a file the
 * kernel lacks leaves the key out, and the expectation fails.
 */
static int snap_knobs(struct kbe *k, struct snapshot *snap)
{
	static const char *const pfx[] = {
		[EX_SYSCTL] = "sysctl", [EX_THP] = "thp",
	};
	const struct program *prog = k->prog;
	char key[160], buf[256];
	struct hr_knob_info ki;
	int64_t v;

	for (int i = 0; i < prog->nsteps; i++) {
		const struct step *st = &prog->steps[i];

		if (st->kind != ST_EXPECT ||
		    (st->ex_source != EX_SYSCTL && st->ex_source != EX_THP))
			continue;
		for (int j = 0; j < st->nitems; j++) {
			const char *name = st->items[j].key;

			if (hr_knob_info(hr_knob_find(name), &ki) ||
			    kstate_read_file(ki.path, buf, sizeof(buf)) < 0 ||
			    knob_text_value(name, buf, &v))
				continue;
			snprintf(key, sizeof(key), "%s:%s", pfx[st->ex_source],
				 name);
			if (snapshot_set(snap, key, v) < 0)
				return -1;
		}
	}
	return 0;
}

int kb_snapshot(struct backend *be, struct snapshot *snap)
{
	struct kbe *k = be->priv;
	static const char *const sizes[] = {
		"hugepages-2048kB", "hugepages-1048576kB",
	};
	char dir[PATH_MAX];
	size_t i, j;
	int p;

	snapshot_clear(snap);
	if (snap_file(k, snap, "/proc/meminfo", "meminfo:") < 0 ||
	    snap_file(k, snap, "/proc/vmstat", "vmstat:") < 0)
		return -1;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		snprintf(dir, sizeof(dir), "%s/%s", KSTATE_SYSFS_HP, sizes[i]);
		for (j = 0; j < sizeof(kb_hp_files) / sizeof(kb_hp_files[0]); j++)
			if (snap_number(snap, dir, kb_hp_files[j]) < 0)
				return -1;
	}
	for (j = 0; j < sizeof(kb_thp_files) / sizeof(kb_thp_files[0]); j++)
		if (snap_number(snap, KSTATE_SYSFS_THP, kb_thp_files[j]) < 0)
			return -1;
	for (p = 0; p < k->nr_nodes; p++)
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
			if (snap_node(snap, p, sizes[i]) < 0)
				return -1;
	for (p = 0; p < k->prog->nprocs; p++)
		if (k->agents[p].live && snap_smaps(k, snap, p) < 0)
			return -1;
	if (snap_knobs(k, snap) < 0 || kb_apply_base(k, snap) < 0)
		return -1;
	/* the machine-wide THP events: the run's own share (or noisy) */
	return kb_own_apply(k, snap);
}

