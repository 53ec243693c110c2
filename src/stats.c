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
#include <stdarg.h>
#include <stdio.h>
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

static void render_meminfo(hr_machine *m, struct out *o)
{
	const struct hstate *h = &m->hstates[m->default_hstate];
	uint64_t hugetlb_kb = 0;
	int i;

	for (i = 0; i < HR_NR_HSTATES; i++)
		hugetlb_kb += m->hstates[i].nr_huge_pages *
			      (m->hstates[i].size / 1024);
	kb(o, "MemTotal", phys_total(&m->phys) * 4);
	kb(o, "MemFree", phys_free_total(&m->phys) * 4);
	kb(o, "MemAvailable", phys_free_total(&m->phys) * 4);
	kb(o, "AnonPages", 0);
	kb(o, "AnonHugePages", 0);
	outf(o, "HugePages_Total:   %5lu\n", h->nr_huge_pages);
	outf(o, "HugePages_Free:    %5lu\n", h->free_huge_pages);
	outf(o, "HugePages_Rsvd:    %5lu\n", h->resv_huge_pages);
	outf(o, "HugePages_Surp:    %5lu\n", h->surplus_huge_pages);
	outf(o, "Hugepagesize:   %8llu kB\n",
	     (unsigned long long)(h->size / 1024));
	outf(o, "Hugetlb:        %8llu kB\n", (unsigned long long)hugetlb_kb);
}

static void render_vmstat(hr_machine *m, struct out *o)
{
	outf(o, "nr_free_pages %llu\n",
	     (unsigned long long)phys_free_total(&m->phys));
}

static void vma_flags_text(const struct vm_area *vma, char *s)
{
	s[0] = (vma->flags & VM_READ) ? 'r' : '-';
	s[1] = (vma->flags & VM_WRITE) ? 'w' : '-';
	s[2] = '-';
	s[3] = (vma->flags & VM_MAYSHARE) ? 's' : 'p';
	s[4] = 0;
}

static void render_smaps(hr_proc *p, struct out *o)
{
	struct list_head *l;

	list_for_each(l, &p->vmas) {
		struct vm_area *vma = list_entry(l, struct vm_area, link);
		uint64_t shared = 0, priv = 0, i, hkb = vma->h->size / 1024;
		char perm[5];

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
		vma_flags_text(vma, perm);
		outf(o, "%08llx-%08llx %s %08llx 00:00 0 %s\n",
		     (unsigned long long)vma->start,
		     (unsigned long long)vma->end, perm,
		     (unsigned long long)(vma->pgoff << 12),
		     vma->file->kind == FILE_SHM ? "/SYSV00000000 (deleted)"
		     : vma->file->kind == FILE_ANON_HUGETLB
			     ? "/anon_hugepage (deleted)"
			     : "/hugetlbfs-file");
		kb(o, "Size", (vma->end - vma->start) / 1024);
		kb(o, "KernelPageSize", hkb);
		kb(o, "MMUPageSize", hkb);
		kb(o, "Rss", 0);
		kb(o, "Pss", 0);
		kb(o, "Pss_Dirty", 0);
		kb(o, "Shared_Clean", 0);
		kb(o, "Shared_Dirty", 0);
		kb(o, "Private_Clean", 0);
		kb(o, "Private_Dirty", 0);
		kb(o, "Referenced", 0);
		kb(o, "Anonymous", 0);
		kb(o, "KSM", 0);
		kb(o, "LazyFree", 0);
		kb(o, "AnonHugePages", 0);
		kb(o, "ShmemPmdMapped", 0);
		kb(o, "FilePmdMapped", 0);
		kb(o, "Shared_Hugetlb", shared);
		kb(o, "Private_Hugetlb", priv);
		kb(o, "Swap", 0);
		kb(o, "SwapPss", 0);
		kb(o, "Locked", 0);
		outf(o, "THPeligible:    0\n");
		outf(o, "VmFlags: %s%s%s%s%s%sht\n",
		     (vma->flags & VM_READ) ? "rd " : "",
		     (vma->flags & VM_WRITE) ? "wr " : "",
		     (vma->flags & VM_SHARED) ? "sh " : "",
		     (vma->flags & VM_MAYREAD) ? "mr " : "",
		     (vma->flags & VM_MAYWRITE) ? "mw " : "",
		     (vma->flags & VM_MAYSHARE) ? "ms " : "");
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

static int render_hstate_file(struct hstate *h, const char *file,
			      struct out *o)
{
	unsigned long v;

	if (!strcmp(file, "nr_hugepages") ||
	    !strcmp(file, "nr_hugepages_mempolicy"))
		v = h->nr_huge_pages;
	else if (!strcmp(file, "free_hugepages"))
		v = h->free_huge_pages;
	else if (!strcmp(file, "resv_hugepages"))
		v = h->resv_huge_pages;
	else if (!strcmp(file, "surplus_hugepages"))
		v = h->surplus_huge_pages;
	else if (!strcmp(file, "nr_overcommit_hugepages"))
		v = h->nr_overcommit_huge_pages;
	else
		return -ENOENT;
	outf(o, "%lu\n", v);
	return 0;
}

static int render_sysctl(hr_machine *m, const char *knob, struct out *o)
{
	const struct hstate *h = &m->hstates[m->default_hstate];

	if (!strcmp(knob, "nr_hugepages") ||
	    !strcmp(knob, "nr_hugepages_mempolicy"))
		outf(o, "%lu\n", h->max_huge_pages);
	else if (!strcmp(knob, "nr_overcommit_hugepages"))
		outf(o, "%lu\n", h->nr_overcommit_huge_pages);
	else if (!strcmp(knob, "overcommit_memory"))
		outf(o, "%d\n", m->overcommit_memory);
	else if (!strcmp(knob, "overcommit_ratio"))
		outf(o, "%d\n", m->overcommit_ratio);
	else
		return -ENOENT;
	return 0;
}

ssize_t hr_procfs_read(hr_machine *m, hr_proc *p, const char *path,
		       char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	static const char sys_hp[] = "/sys/kernel/mm/hugepages/";
	static const char sysctl[] = "/proc/sys/vm/";
	int err = 0;

	if (len)
		buf[0] = 0;
	if (!strcmp(path, "/proc/meminfo")) {
		render_meminfo(m, &o);
	} else if (!strcmp(path, "/proc/vmstat")) {
		render_vmstat(m, &o);
	} else if (!strcmp(path, "/proc/self/smaps")) {
		if (!p)
			return -EINVAL;
		render_smaps(p, &o);
	} else if (!strncmp(path, sysctl, sizeof(sysctl) - 1)) {
		err = render_sysctl(m, path + sizeof(sysctl) - 1, &o);
	} else if (!strncmp(path, sys_hp, sizeof(sys_hp) - 1)) {
		const char *rest = path + sizeof(sys_hp) - 1;
		const char *slash = strchr(rest, '/');
		struct hstate *h;

		if (!slash)
			return -ENOENT;
		h = hstate_by_dir(m, rest, (size_t)(slash - rest));
		if (!h)
			return -ENOENT;
		err = render_hstate_file(h, slash + 1, &o);
	} else {
		return -ENOENT;
	}
	if (err)
		return err;
	if (len && o.pos >= len)
		buf[len - 1] = 0;
	return (ssize_t)o.pos;
}
