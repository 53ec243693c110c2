/* SPDX-License-Identifier: MIT */
/*
 * stats.c - the text of /proc and /sys files, rendered from the
 * subsystems' counters in the formats Linux uses, so that one parser
 * reads the engine and a real kernel alike.
 *
 * This layer only reads: it never computes state the subsystems do not
 * hold (the smaps split between Shared_ and Private_Hugetlb is the
 * page's map count, as in smaps_hugetlb_range()).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct out {
	char *buf;
	size_t len;
	size_t pos;	/* the full length, even past len */
};

__attribute__((format(printf, 2, 3)))
static void outf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;
	size_t room = o->pos < o->len ? o->len - o->pos : 0;

	va_start(ap, fmt);
	n = vsnprintf(room ? o->buf + o->pos : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->pos += (size_t)n;
}

/* show_val_kb: the name padded to 16 columns, the value to 8 */
static void kb(struct out *o, const char *name, uint64_t kbytes)
{
	char label[32];

	snprintf(label, sizeof(label), "%s:", name);
	outf(o, "%-16s%8llu kB\n", label, (unsigned long long)kbytes);
}

/*
 * Each file's fields come from one generator, which both the text
 * rendering and hr_counter() consume: a field is defined once.
 */
enum field_kind { F_KB, F_COUNT };
typedef void (*field_fn)(void *ctx, const char *name, uint64_t val,
			 enum field_kind kind);

/*
 * NR_ANON_MAPPED: base pages mapped at least once, and of each THP all
 * of it while a PMD maps it, else the subpages PTEs map.
 */
static uint64_t anon_mapped_pages(const hr_machine *m)
{
	uint64_t n = m->nr_anon_pages;
	uint32_t b;

	if (!m->nr_anon_thps)
		return n;
	for (b = 0; b < m->phys.nr_pb; b++) {
		const struct pageblock *pb = &m->phys.pb[b];
		unsigned i;

		if (!pb_is_thp(pb))
			continue;
		if (pb->entire_mapcount) {
			n += HPAGE_NR;
			continue;
		}
		for (i = 0; i < PB_FRAMES; i++)
			n += pb_mapcount(pb->pages, i) != 0;
	}
	return n;
}

/* CommitLimit: (RAM - hugetlb) * overcommit_ratio / 100, no swap */
static uint64_t commit_limit(const hr_machine *m)
{
	uint64_t total = phys_total(&m->phys), hugetlb = 0;
	int i;

	for (i = 0; i < HR_NR_HSTATES; i++)
		hugetlb += (uint64_t)m->hstates[i].nr_huge_pages <<
			   m->hstates[i].order;
	return (total > hugetlb ? total - hugetlb : 0) *
	       (uint64_t)m->overcommit_ratio / 100;
}

static void meminfo_fields(hr_machine *m, field_fn emit, void *ctx)
{
	const struct hstate *h = &m->hstates[m->default_hstate];
	uint64_t hugetlb_kb = 0;
	int i;

	for (i = 0; i < HR_NR_HSTATES; i++)
		hugetlb_kb += m->hstates[i].nr_huge_pages *
			      (m->hstates[i].size / 1024);
	emit(ctx, "MemTotal", phys_total(&m->phys) * 4, F_KB);
	emit(ctx, "MemFree", phys_free_total(&m->phys) * 4, F_KB);
	/* the RFC counts unused reserved pages as available */
	emit(ctx, "MemAvailable",
	     (phys_free_total(&m->phys) + m->nr_thp_reserved) * 4, F_KB);
	emit(ctx, "AnonPages", anon_mapped_pages(m) * 4, F_KB);
	emit(ctx, "AnonHugePages", m->nr_anon_thps_pmd * HPAGE_NR * 4, F_KB);
	emit(ctx, "PageTables", m->nr_pagetables * 4, F_KB);
	emit(ctx, "CommitLimit", commit_limit(m) * 4, F_KB);
	emit(ctx, "Committed_AS", m->vm_committed * 4, F_KB);
	emit(ctx, "HugePages_Total", h->nr_huge_pages, F_COUNT);
	emit(ctx, "HugePages_Free", h->free_huge_pages, F_COUNT);
	emit(ctx, "HugePages_Rsvd", h->resv_huge_pages, F_COUNT);
	emit(ctx, "HugePages_Surp", h->surplus_huge_pages, F_COUNT);
	emit(ctx, "Hugepagesize", h->size / 1024, F_KB);
	emit(ctx, "Hugetlb", hugetlb_kb, F_KB);
}

static void vmstat_fields(hr_machine *m, field_fn emit, void *ctx)
{
	int i;

	emit(ctx, "nr_free_pages", phys_free_total(&m->phys), F_COUNT);
	emit(ctx, "nr_anon_pages", anon_mapped_pages(m), F_COUNT);
	emit(ctx, "nr_anon_transparent_hugepages", m->nr_anon_thps_pmd, F_COUNT);
	emit(ctx, "nr_page_table_pages", m->nr_pagetables, F_COUNT);
	emit(ctx, "nr_thp_reserved", m->nr_thp_reserved, F_COUNT);
	for (i = 0; i < EV__COUNT; i++) {
		/* khugepaged's counters are sysfs files, not vmstat */
		if (i == EV_PAGES_COLLAPSED || i == EV_RES_PAGES_COLLAPSED ||
		    i == EV_FULL_SCANS)
			continue;
		emit(ctx, thp_event_names[i], m->ev[i], F_COUNT);
	}
}

/*
 * smaps_hugetlb_range: a mapped page counts as shared when it is mapped
 * more than once (by any process), else as private.
 */
/* smaps of a private anonymous VMA (smaps_pte_range, smaps_pmd_entry) */
static void smaps_anon_fields(const struct vm_area *vma, field_fn emit,
			      void *ctx)
{
	static const char *const zero_kb[] = {
		"Pss_File", "Pss_Shmem", "Shared_Clean", "Private_Clean", "KSM",
		"LazyFree", "ShmemPmdMapped", "FilePmdMapped", "Shared_Hugetlb",
		"Private_Hugetlb", "Swap", "SwapPss", "Locked",
	};
	struct anon_usage u;
	size_t i;

	anon_vma_usage(vma, &u);
	emit(ctx, "Size", (vma->end - vma->start) / 1024, F_KB);
	emit(ctx, "KernelPageSize", 4, F_KB);
	emit(ctx, "MMUPageSize", 4, F_KB);
	emit(ctx, "Rss", u.rss / 1024, F_KB);
	emit(ctx, "Pss", u.pss_x512 / 512 / 1024, F_KB);
	emit(ctx, "Pss_Dirty", u.pss_x512 / 512 / 1024, F_KB);
	emit(ctx, "Pss_Anon", u.pss_x512 / 512 / 1024, F_KB);
	emit(ctx, "Shared_Dirty", u.shared / 1024, F_KB);
	emit(ctx, "Private_Dirty", (u.rss - u.shared) / 1024, F_KB);
	emit(ctx, "Referenced", u.rss / 1024, F_KB);
	emit(ctx, "Anonymous", u.rss / 1024, F_KB);
	emit(ctx, "AnonHugePages", u.anon_huge / 1024, F_KB);
	for (i = 0; i < sizeof(zero_kb) / sizeof(zero_kb[0]); i++)
		emit(ctx, zero_kb[i], 0, F_KB);
	emit(ctx, "THPeligible",
	     thp_vma_allowable(vma, true) && thp_vma_has_range(vma), F_COUNT);
}

static void smaps_fields(const struct vm_area *vma, field_fn emit, void *ctx)
{
	static const char *const zero_kb[] = {
		"Rss", "Pss", "Pss_Dirty", "Shared_Clean", "Shared_Dirty",
		"Private_Clean", "Private_Dirty", "Referenced", "Anonymous",
		"KSM", "LazyFree", "AnonHugePages", "ShmemPmdMapped",
		"FilePmdMapped",
	};
	uint64_t shared = 0, priv = 0, i, hkb;

	if (vma_is_anon(vma)) {
		smaps_anon_fields(vma, emit, ctx);
		return;
	}
	hkb = vma->h->size / 1024;
	if (vma->pte) {
		for (i = 0; i < vma_pages(vma); i++) {
			struct hpage *pg = vma->pte[i].page;

			if (!pg)
				continue;
			if (pg->mapcount > 1)
				shared += hkb;
			else
				priv += hkb;
		}
	}
	emit(ctx, "Size", (vma->end - vma->start) / 1024, F_KB);
	emit(ctx, "KernelPageSize", hkb, F_KB);
	emit(ctx, "MMUPageSize", hkb, F_KB);
	for (i = 0; i < sizeof(zero_kb) / sizeof(zero_kb[0]); i++)
		emit(ctx, zero_kb[i], 0, F_KB);
	emit(ctx, "Shared_Hugetlb", shared, F_KB);
	emit(ctx, "Private_Hugetlb", priv, F_KB);
	emit(ctx, "Swap", 0, F_KB);
	emit(ctx, "SwapPss", 0, F_KB);
	emit(ctx, "Locked", 0, F_KB);
	emit(ctx, "THPeligible", 0, F_COUNT);
}

static void text_meminfo_field(void *ctx, const char *name, uint64_t val,
			       enum field_kind kind)
{
	struct out *o = ctx;
	char label[32];

	if (kind == F_KB) {
		kb(o, name, val);
		return;
	}
	snprintf(label, sizeof(label), "%s:", name);
	outf(o, "%-19s%5llu\n", label, (unsigned long long)val);
}

static void text_vmstat_field(void *ctx, const char *name, uint64_t val,
			      enum field_kind kind)
{
	(void)kind;
	outf(ctx, "%s %llu\n", name, (unsigned long long)val);
}

static void text_smaps_field(void *ctx, const char *name, uint64_t val,
			     enum field_kind kind)
{
	if (kind == F_KB)
		kb(ctx, name, val);
	else
		outf(ctx, "%-16s%llu\n", name, (unsigned long long)val);
}

static void vma_flags_text(const struct vm_area *vma, char *s)
{
	s[0] = (vma->flags & VM_READ) ? 'r' : '-';
	s[1] = (vma->flags & VM_WRITE) ? 'w' : '-';
	s[2] = '-';
	s[3] = (vma->flags & VM_MAYSHARE) ? 's' : 'p';
	s[4] = 0;
}

static bool vma_is_hugetlb_flags(unsigned long flags)
{
	return (flags & VM_HUGETLB) != 0;
}

static void render_smaps(hr_proc *p, struct out *o)
{
	struct list_head *l;

	list_for_each(l, &p->vmas) {
		struct vm_area *vma = list_entry(l, struct vm_area, link);
		char perm[5];

		vma_flags_text(vma, perm);
		outf(o, "%08llx-%08llx %s %08llx 00:00 0 %s\n",
		     (unsigned long long)vma->start,
		     (unsigned long long)vma->end, perm,
		     (unsigned long long)(vma->pgoff << 12),
		     !vma->file ? ""
		     : vma->file->kind == FILE_SHM ? "/SYSV00000000 (deleted)"
		     : vma->file->kind == FILE_ANON_HUGETLB
			     ? "/anon_hugepage (deleted)"
			     : "/hugetlbfs-file");
		smaps_fields(vma, text_smaps_field, o);
		outf(o, "VmFlags: %s%s%s%s%s%s%s%s%s%s\n",
		     (vma->flags & VM_READ) ? "rd " : "",
		     (vma->flags & VM_WRITE) ? "wr " : "",
		     (vma->flags & VM_SHARED) ? "sh " : "",
		     (vma->flags & VM_MAYREAD) ? "mr " : "",
		     (vma->flags & VM_MAYWRITE) ? "mw " : "",
		     (vma->flags & VM_MAYSHARE) ? "ms " : "",
		     (vma->flags & VM_ACCOUNT) ? "ac " : "",
		     (vma->flags & VM_HUGEPAGE) ? "hg " : "",
		     (vma->flags & VM_NOHUGEPAGE) ? "nh " : "",
		     vma_is_hugetlb_flags(vma->flags) ? "ht" : "");
	}
}

/* "hugepages-2048kB" -> the hstate */
static struct hstate *hstate_by_dir(hr_machine *m, const char *dir, size_t n)
{
	int i;

	for (i = 0; i < HR_NR_HSTATES; i++) {
		char name[48];

		snprintf(name, sizeof(name), "hugepages-%llukB",
			 (unsigned long long)(m->hstates[i].size / 1024));
		if (strlen(name) == n && !strncmp(name, dir, n))
			return &m->hstates[i];
	}
	return NULL;
}

/* The counters of a pool's directory; its knobs are in knobs.c. */
static int hstate_file_value(const struct hstate *h, const char *file,
			     unsigned long *out)
{
	unsigned long v;

	if (!strcmp(file, "free_hugepages"))
		v = h->free_huge_pages;
	else if (!strcmp(file, "resv_hugepages"))
		v = h->resv_huge_pages;
	else if (!strcmp(file, "surplus_hugepages"))
		v = h->surplus_huge_pages;
	else
		return -ENOENT;
	*out = v;
	return 0;
}

/*
 * The counters of /sys/kernel/mm/transparent_hugepage; its knobs are in
 * knobs.c.
 */
static int thp_sysfs_value(hr_machine *m, const char *f, unsigned long *out)
{
	static const char kh[] = "khugepaged/";

	if (!strcmp(f, "hpage_pmd_size"))
		*out = HPAGE_SIZE;
	else if (strncmp(f, kh, sizeof(kh) - 1))
		return -ENOENT;
	else if (!strcmp(f += sizeof(kh) - 1, "pages_collapsed"))
		*out = m->ev[EV_PAGES_COLLAPSED];
	else if (!strcmp(f, "res_pages_collapsed"))
		*out = m->ev[EV_RES_PAGES_COLLAPSED];
	else if (!strcmp(f, "full_scans"))
		*out = m->ev[EV_FULL_SCANS];
	else
		return -ENOENT;
	return 0;
}

/* The knob whose file is /sys/kernel/mm/@rel, or NULL. */
static const struct knob *sysfs_knob(const char *rel)
{
	char path[256];
	int n = snprintf(path, sizeof(path), "/sys/kernel/mm/%s", rel);

	return n > 0 && (size_t)n < sizeof(path) ? knob_by_path(path) : NULL;
}

static int sysfs_value(hr_machine *m, const char *rel, unsigned long *out)
{
	static const char hp[] = "hugepages/";
	static const char thp[] = "transparent_hugepage/";
	const struct knob *k;

	/*
	 * Counters first: they are what expectations and the fuzzer's
	 * invariants read after every step, and no counter file is a
	 * knob's, so the registry is only searched for the rest.
	 */
	if (!strncmp(rel, thp, sizeof(thp) - 1)) {
		if (!thp_sysfs_value(m, rel + sizeof(thp) - 1, out))
			return 0;
	} else if (!strncmp(rel, hp, sizeof(hp) - 1)) {
		const char *dir = rel + sizeof(hp) - 1;
		const char *slash = strchr(dir, '/');
		struct hstate *h = slash ?
			hstate_by_dir(m, dir, (size_t)(slash - dir)) : NULL;

		if (h && !hstate_file_value(h, slash + 1, out))
			return 0;
	}
	/* a knob's number; a word is not a counter */
	k = sysfs_knob(rel);
	if (k)
		return k->kind == HR_KNOB_WORDS ? -ENOENT : knob_get(m, k, out);
	return -ENOENT;
}

/*
 * A node's pool file, @rel relative to /sys/devices/system/node/nodeN/
 * hugepages/ ("hugepages-2048kB/free_hugepages").  Linux's per-node
 * directory has nr_hugepages (every page on the node, surplus ones
 * included, as the global file counts them), free_hugepages and
 * surplus_hugepages; reservations are global and have no per-node file.
 */
static int node_value(hr_machine *m, int nid, const char *rel,
		      unsigned long *out)
{
	const char *slash = strchr(rel, '/');
	struct hstate *h;
	const char *f;

	if (nid < 0 || nid >= m->phys.nr_nodes || !slash)
		return -ENOENT;
	h = hstate_by_dir(m, rel, (size_t)(slash - rel));
	if (!h)
		return -ENOENT;
	f = slash + 1;
	if (!strcmp(f, "nr_hugepages"))
		*out = h->nr_huge_pages_node[nid];
	else if (!strcmp(f, "free_hugepages"))
		*out = h->free_huge_pages_node[nid];
	else if (!strcmp(f, "surplus_hugepages"))
		*out = h->surplus_huge_pages_node[nid];
	else
		return -ENOENT;
	return 0;
}

/* "node12" -> 12; -1 for anything else. */
static int node_of(const char *s, size_t n)
{
	int nid = 0;
	size_t i;

	if (n < 5 || strncmp(s, "node", 4))
		return -1;
	for (i = 4; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || nid > HR_MAX_NODES)
			return -1;
		nid = nid * 10 + (s[i] - '0');
	}
	return nid;
}

int hr_node_write(hr_machine *m, int nid, const char *key, const char *value)
{
	const char *slash = key ? strchr(key, '/') : NULL;
	unsigned long long v;
	struct hstate *h;
	char *end;

	if (nid < 0 || nid >= m->phys.nr_nodes || !slash ||
	    strcmp(slash + 1, "nr_hugepages"))
		return -ENOENT;
	h = hstate_by_dir(m, key, (size_t)(slash - key));
	if (!h)
		return -ENOENT;
	/* kstrtoul: decimal digits, one trailing newline at most */
	if (!value || value[0] < '0' || value[0] > '9')
		return -EINVAL;
	errno = 0;
	v = strtoull(value, &end, 10);
	if (errno || (*end && strcmp(end, "\n")))
		return -EINVAL;
	return hstate_set_max_node(h, (unsigned long)v, nid, 1UL << nid);
}

struct pick {
	const char *name;
	int64_t val;
	bool found;
};

/* Keep (and, across VMAs, sum) the field called pick->name. */
static void pick_field(void *ctx, const char *name, uint64_t val,
		       enum field_kind kind)
{
	struct pick *pk = ctx;

	if (strcmp(name, pk->name))
		return;
	pk->val += (int64_t)(kind == F_KB ? val * 1024 : val);
	pk->found = true;
}

int hr_counter(hr_machine *m, hr_proc *p, const char *source,
	       const char *key, int64_t *val)
{
	struct pick pk = { key, 0, false };

	if (!strcmp(source, "meminfo")) {
		meminfo_fields(m, pick_field, &pk);
	} else if (!strcmp(source, "vmstat")) {
		vmstat_fields(m, pick_field, &pk);
	} else if (!strcmp(source, "sysfs")) {
		unsigned long v;
		int err = sysfs_value(m, key, &v);

		if (err)
			return err;
		pk.val = (int64_t)v;
		pk.found = true;
	} else if (node_of(source, strlen(source)) >= 0) {
		unsigned long v;
		int err = node_value(m, node_of(source, strlen(source)), key,
				     &v);

		if (err)
			return err;
		pk.val = (int64_t)v;
		pk.found = true;
	} else if (!strcmp(source, "smaps")) {
		struct list_head *l;

		if (!p)
			return -EINVAL;
		list_for_each(l, &p->vmas)
			smaps_fields(list_entry(l, struct vm_area, link),
				     pick_field, &pk);
		if (list_empty(&p->vmas)) {
			/* an empty smaps: a field of none is 0 */
			pk.found = true;
		}
	} else {
		return -ENOENT;
	}
	if (!pk.found)
		return -ENOENT;
	*val = pk.val;
	return 0;
}

ssize_t hr_procfs_read(hr_machine *m, hr_proc *p, const char *path,
		       char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	static const char sys_hp[] = "/sys/kernel/mm/hugepages/";
	static const char sys_node[] = "/sys/devices/system/node/";
	const struct knob *k = knob_by_path(path);
	int err = 0;

	if (len)
		buf[0] = 0;
	if (k) {
		/* a knob's file, as Linux shows it (knobs.c) */
		err = knob_show(m, k, true, buf, len);
		if (err < 0)
			return err;
		o.pos = (size_t)err;
		err = 0;
	} else if (!strcmp(path, "/proc/meminfo")) {
		meminfo_fields(m, text_meminfo_field, &o);
	} else if (!strcmp(path, "/proc/vmstat")) {
		vmstat_fields(m, text_vmstat_field, &o);
	} else if (!strcmp(path, "/proc/self/smaps")) {
		if (!p)
			return -EINVAL;
		render_smaps(p, &o);
	} else if (!strncmp(path, "/sys/kernel/mm/transparent_hugepage/", 36)) {
		unsigned long v;

		err = thp_sysfs_value(m, path + 36, &v);
		if (!err)
			outf(&o, "%lu\n", v);
	} else if (!strncmp(path, sys_node, sizeof(sys_node) - 1)) {
		const char *rest = path + sizeof(sys_node) - 1;
		const char *slash = strchr(rest, '/');
		unsigned long v;

		if (!slash || strncmp(slash, "/hugepages/", 11))
			return -ENOENT;
		err = node_value(m, node_of(rest, (size_t)(slash - rest)),
				 slash + 11, &v);
		if (!err)
			outf(&o, "%lu\n", v);
	} else if (!strncmp(path, sys_hp, sizeof(sys_hp) - 1)) {
		const char *rest = path + sizeof(sys_hp) - 1;
		const char *slash = strchr(rest, '/');
		struct hstate *h;

		if (!slash)
			return -ENOENT;
		h = hstate_by_dir(m, rest, (size_t)(slash - rest));
		if (!h)
			return -ENOENT;
		{
			unsigned long v;

			err = hstate_file_value(h, slash + 1, &v);
			if (!err)
				outf(&o, "%lu\n", v);
		}
	} else {
		return -ENOENT;
	}
	if (err)
		return err;
	if (len && o.pos >= len)
		buf[len - 1] = 0;
	return (ssize_t)o.pos;
}
