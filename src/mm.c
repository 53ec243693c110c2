/* SPDX-License-Identifier: MIT */
/*
 * mm.c - address spaces: VMAs and the system calls that change them.
 *
 * The rules that matter to reservations are the kernel's:
 *  - a hugetlb VMA splits only on its huge page boundaries (EINVAL
 *    otherwise, before anything changed);
 *  - a split copy of a private owner's VMA shares its reserve map
 *    (vm_ops->open takes a reference);
 *  - munmap and exit first zap every page of every VMA concerned, then
 *    close each VMA (vm_ops->close returns unused private reservations);
 *  - fork copies VMAs but not private reservations: the child's private
 *    hugetlb VMAs have no reserve map, and their page tables are copied
 *    (write protected) only when the parent's VMA has private pages;
 *  - hugetlb VMAs never merge (VM_DONTEXPAND).
 * Private anonymous memory (base pages and THP) goes to anon.c and
 * huge_memory.c: a split or a boundary that cuts a 2 MiB range splits its huge
 * PMD and releases its THP reservation; munmap and exit free the page
 * tables no VMA needs any more.  Writable private anonymous VMAs are
 * charged to Committed_AS under the vm.overcommit_memory policy.
 * Shared anonymous memory (shmem) is not modelled: -ENOSYS, which the
 * command reports as "not modelled".
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MM_FIRST_ADDR (1ULL << 40)	/* where the first mapping goes */
/*
 * Free space after each mapping, as the kernel back end leaves (its
 * KB_SLOT_GAP): a remap can grow in place, and an access past the end
 * of a mapping (after a failed remap, say) finds nothing rather than
 * the next mapping, on both back ends.
 */
#define MM_GAP        (64 * HR_SZ_1G)

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

uint64_t vma_pages(const struct vm_area *vma)
{
	return (vma->end - vma->start) >> (vma->h->order + 12);
}

static bool vma_is_hugetlb(const struct vm_area *vma)
{
	return (vma->flags & VM_HUGETLB) != 0;
}

int hr_proc_new(hr_machine *m, hr_proc **out)
{
	struct hr_proc *p = hr_zalloc(m, sizeof(*p));

	if (!p)
		return -ENOMEM;
	p->m = m;
	p->pid = m->next_pid++;
	p->next_addr = MM_FIRST_ADDR;
	list_init(&p->vmas);
	list_add_tail(&p->link, &m->procs);
	*out = p;
	return 0;
}

int hr_proc_pid(const hr_proc *p)
{
	return p->pid;
}

static struct vm_area *find_vma(struct hr_proc *p, uint64_t addr)
{
	struct list_head *l;

	if (p->vma_cache && addr >= p->vma_cache->start &&
	    addr < p->vma_cache->end)
		return p->vma_cache;
	list_for_each(l, &p->vmas) {
		struct vm_area *vma = list_entry(l, struct vm_area, link);

		if (addr < vma->start)
			return NULL;
		if (addr < vma->end)
			return p->vma_cache = vma;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Overcommit: Committed_AS and __vm_enough_memory()                   */

static uint64_t vma_base_pages(const struct vm_area *vma)
{
	return (vma->end - vma->start) >> 12;
}

/*
 * __vm_enough_memory(): charge @pages to Committed_AS, or -ENOMEM.
 *  0 (guess): today a single request above total RAM fails; with
 *    vm.overcommit_guess_free (before Linux 5.2) it must fit in free
 *    memory plus what is reclaimable (unused THP reservations, as the
 *    RFC counts them) above the watermark;
 *  1: always;
 *  2: Committed_AS may not pass (RAM - hugetlb) * ratio / 100, less the
 *    user reserve (min(total_vm / 32, user_reserve_kbytes)); the admin
 *    reserve does not apply (the agents run as root).
 */
static int vm_enough_memory(struct hr_proc *p, uint64_t pages)
{
	struct hr_machine *m = p->m;
	uint64_t total = phys_total(&m->phys);

	if (m->overcommit_memory == 0) {
		if (m->overcommit_guess_free) {
			uint64_t fr = phys_free_total(&m->phys) +
				      m->nr_thp_reserved;
			uint64_t keep = phys_keep_total(&m->phys);

			if (fr <= keep || fr - keep <= pages)
				return -ENOMEM;
		} else if (pages > total) {
			return -ENOMEM;
		}
	} else if (m->overcommit_memory == 2) {
		uint64_t hugetlb = 0, allowed, vm = 0;
		struct list_head *l;
		int i;

		for (i = 0; i < HR_NR_HSTATES; i++)
			hugetlb += m->hstates[i].nr_huge_pages <<
				   m->hstates[i].order;
		allowed = (total > hugetlb ? total - hugetlb : 0) *
			  (uint64_t)m->overcommit_ratio / 100;
		list_for_each(l, &p->vmas)
			vm += vma_base_pages(list_entry(l, struct vm_area, link));
		allowed -= HR_MIN(allowed, HR_MIN(vm / 32, m->user_reserve));
		if (m->vm_committed + pages >= allowed)
			return -ENOMEM;
	}
	m->vm_committed += pages;
	p->committed += pages;
	return 0;
}

static void vm_unacct_memory(struct hr_proc *p, uint64_t pages)
{
	HR_BUG_ON(p->committed < pages || p->m->vm_committed < pages);
	p->committed -= pages;
	p->m->vm_committed -= pages;
}

/* accountable_mapping(): private writable anonymous memory is charged */
static bool accountable(struct hr_machine *m, unsigned long flags)
{
	if (flags & (VM_HUGETLB | VM_SHARED))
		return false;
	if ((flags & VM_NORESERVE) && m->overcommit_memory != 2)
		return false;
	return (flags & VM_WRITE) != 0;
}

static void vma_link(struct hr_proc *p, struct vm_area *vma)
{
	struct list_head *l;

	list_for_each(l, &p->vmas) {
		if (list_entry(l, struct vm_area, link)->start > vma->start)
			break;
	}
	list_add_before(&vma->link, l);
}

static void vma_free(struct vm_area *vma)
{
	if (vma->mm->vma_cache == vma)
		vma->mm->vma_cache = NULL;
	list_del(&vma->link);
	if (vma->file)
		hugetlbfs_file_put(vma->file);
	free(vma->pte);
	free(vma);
}

/* zap every page of @vma (unmap_region / unmap_vmas) */
static void vma_zap(struct vm_area *vma)
{
	if (vma_is_hugetlb(vma))
		hugetlb_unmap_range(vma, vma->start, vma->end, NULL);
	else if (vma_is_anon(vma))
		anon_zap_range(vma, vma->start, vma->end);
}

/* remove_vma: vm_ops->close, then the VMA and its file reference go */
static void vma_remove(struct vm_area *vma)
{
	if (vma_is_hugetlb(vma))
		hugetlb_vm_op_close(vma);
	if (vma->flags & VM_ACCOUNT)
		vm_unacct_memory(vma->mm, vma_base_pages(vma));
	vma_free(vma);
}

/* Can @vma be split at @at?  hugetlb_vm_op_split's rule. */
/*
 * The range checks munmap, mprotect, madvise and mbind share: a page
 * aligned start, a length rounded up to pages, no wrap.  Return 0 with
 * *@end set, 1 for an empty range (nothing to do), or -EINVAL.
 */
static int user_range(uint64_t addr, uint64_t len, uint64_t *end)
{
	if (addr & (HR_PAGE_SIZE - 1))
		return -EINVAL;
	if (len == 0)
		return 1;
	*end = addr + align_up(len, HR_PAGE_SIZE);
	return *end <= addr ? -EINVAL : 0;
}

static int vma_may_split(const struct vm_area *vma, uint64_t at)
{
	if (vma_is_hugetlb(vma) && (at & (vma->h->size - 1)))
		return -EINVAL;
	return 0;
}

/*
 * Split @vma at @at: @vma keeps [start, at), the returned new VMA gets
 * [at, end) with its share of the page table, a file reference, and
 * (vm_ops->open) a reference to a private owner's reserve map.
 */
static struct vm_area *vma_split(struct vm_area *vma, uint64_t at)
{
	struct vm_area *new = hr_zalloc(vma->mm->m, sizeof(*new));
	uint64_t lo;

	HR_BUG_ON(!new || at <= vma->start || at >= vma->end);
	/*
	 * vma_adjust_trans_huge(): a boundary inside a 2 MiB range splits
	 * its huge PMD, and its THP reservation can no longer be promoted.
	 */
	if (vma_is_anon(vma) && (at & (HPAGE_SIZE - 1))) {
		struct pmd_entry *pmd = anon_pmd(vma->mm, at, false, NULL);

		if (pmd && pmd->huge)
			thp_split_pmd(vma, at & ~(HPAGE_SIZE - 1), pmd);
		thp_resv_release_range(vma->mm, at - 1, at + 1, RESV_BOTH);
	}
	*new = *vma;
	new->start = at;
	new->pgoff = vma->pgoff + ((at - vma->start) >> 12);
	new->pte = NULL;
	vma->end = at;
	if (vma->pte) {
		lo = vma_pages(vma);
		new->pte = hr_zalloc(vma->mm->m,
				     sizeof(struct hpte) * vma_pages(new));
		HR_BUG_ON(!new->pte);
		memcpy(new->pte, vma->pte + lo,
		       sizeof(struct hpte) * vma_pages(new));
		vma->pte = realloc(vma->pte, sizeof(struct hpte) * lo);
		HR_BUG_ON(!vma->pte);
	}
	if (new->file)
		hugetlbfs_file_get(new->file);
	if (vma_is_hugetlb(new))
		hugetlb_vm_op_open(new);
	list_init(&new->link);
	list_insert(&new->link, &vma->link, vma->link.next);
	return new;
}

/*
 * Make VMA boundaries at @start and @end.  Every split is checked before
 * any is made, so a failure changes nothing.
 */
static int split_range(struct hr_proc *p, uint64_t start, uint64_t end)
{
	struct vm_area *vs = find_vma(p, start);
	struct vm_area *ve = find_vma(p, end - 1);
	int err;

	if (vs && vs->start < start && (err = vma_may_split(vs, start)))
		return err;
	if (ve && ve->end > end && (err = vma_may_split(ve, end)))
		return err;
	if (vs && vs->start < start)
		vma_split(vs, start);
	ve = find_vma(p, end - 1);
	if (ve && ve->end > end)
		vma_split(ve, end);
	return 0;
}

static int populate(struct vm_area *vma)
{
	bool write = (vma->flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;
	uint64_t addr;

	if (vma_is_anon(vma)) {
		for (addr = vma->start; addr < vma->end; addr += HR_PAGE_SIZE)
			if (anon_fault(vma, addr, write))
				break;
		anon_populated(vma);
		return 0;
	}
	for (addr = vma->start; addr < vma->end; addr += vma->h->size) {
		if (hugetlb_fault(vma, addr, write))
			break;	/* mm_populate ignores errors */
	}
	return 0;
}

/* mmap of private anonymous memory in base pages (and THP) */
static int anon_mmap(struct hr_proc *p, uint64_t len, int prot, int flags,
		     uint64_t misalign, uint64_t *addr)
{
	struct hr_machine *m = p->m;
	struct vm_area *vma;
	uint64_t start;

	if ((flags & (HR_MAP_SHARED | HR_MAP_PRIVATE)) != HR_MAP_PRIVATE)
		return -ENOSYS;		/* shmem: not modelled */
	len = align_up(len, HR_PAGE_SIZE);
	if (!len || misalign & (HR_PAGE_SIZE - 1) || misalign >= HPAGE_SIZE)
		return -EINVAL;
	vma = hr_zalloc(m, sizeof(*vma));
	if (!vma)
		return -ENOMEM;
	start = align_up(p->next_addr, HR_SZ_1G) + misalign;
	vma->mm = p;
	vma->start = start;
	vma->end = start + len;
	vma->flags = VM_MAYREAD | VM_MAYWRITE;
	if (prot & HR_PROT_READ)
		vma->flags |= VM_READ;
	if (prot & HR_PROT_WRITE)
		vma->flags |= VM_WRITE | VM_READ;
	if (flags & HR_MAP_NORESERVE)
		vma->flags |= VM_NORESERVE;
	list_init(&vma->link);
	if (accountable(m, vma->flags)) {
		if (vm_enough_memory(p, len >> 12)) {
			free(vma);
			return -ENOMEM;
		}
		vma->flags |= VM_ACCOUNT;
	}
	vma_link(p, vma);
	p->next_addr = vma->end + MM_GAP;
	/*
	 * No khugepaged_enter() here: Linux 6.18 registers an anonymous
	 * mapping only at MADV_HUGEPAGE or a THP fault
	 * (scenarios/thp/thp_khugepaged_unregistered.scn).
	 */
	if (flags & HR_MAP_POPULATE)
		populate(vma);
	*addr = start;
	return 0;
}

static int mm_mmap(hr_proc *p, uint64_t len, int prot, int flags,
		   hr_file *file, uint64_t offset, uint64_t pagesize,
		   uint64_t misalign, uint64_t *addr)
{
	struct hr_machine *m = p->m;
	int sharing = flags & (HR_MAP_SHARED | HR_MAP_PRIVATE);
	struct hstate *h;
	struct vm_area *vma;
	bool anon = file == NULL;
	unsigned long reserve_flags;
	uint64_t start;
	int err;

	if (sharing != HR_MAP_SHARED && sharing != HR_MAP_PRIVATE)
		return -EINVAL;
	if (len == 0)
		return -EINVAL;
	if (anon && !(flags & HR_MAP_HUGETLB))
		return anon_mmap(p, len, prot, flags, misalign, addr);
	h = anon ? hstate_for_size(m, pagesize) : file->h;
	if (!h)
		return -EINVAL;
	if (anon)
		offset = 0;
	len = align_up(len, h->size);
	if (len == 0 || offset & (h->size - 1) || offset + len < len)
		return -EINVAL;
	if (misalign & (h->size - 1))
		return -EINVAL;		/* a hugetlb mapping is huge aligned */
	if (file && file->kind == FILE_SHM)
		sharing = HR_MAP_SHARED;	/* shmat maps shared */

	if (anon) {
		err = hugetlb_file_setup(m, h, len, true, FILE_ANON_HUGETLB,
					 &file);
		if (err)
			return err;
	}

	vma = hr_zalloc(m, sizeof(*vma));
	if (!vma) {
		if (anon)
			hugetlbfs_file_put(file);
		return -ENOMEM;
	}
	start = align_up(p->next_addr, HR_SZ_1G) + misalign;
	vma->mm = p;
	vma->start = start;
	vma->end = start + len;
	vma->pgoff = offset >> 12;
	vma->file = file;
	vma->h = h;
	vma->flags = VM_HUGETLB | VM_MAYREAD | VM_MAYWRITE;
	if (prot & HR_PROT_READ)
		vma->flags |= VM_READ;
	if (prot & HR_PROT_WRITE)
		vma->flags |= VM_WRITE | VM_READ;
	if (sharing == HR_MAP_SHARED)
		vma->flags |= VM_SHARED | VM_MAYSHARE;
	/*
	 * shmat(SHM_RDONLY) opens the segment read-only, and do_mmap()
	 * takes VM_MAYWRITE and VM_SHARED from a shared mapping of a file
	 * not open for writing (VM_MAYSHARE stays): no MADV_REMOVE, no
	 * mprotect to writable.
	 */
	if (file && file->kind == FILE_SHM && !(prot & HR_PROT_WRITE))
		vma->flags &= ~(unsigned long)(VM_MAYWRITE | VM_SHARED);
	if (flags & HR_MAP_NORESERVE)
		vma->flags |= VM_NORESERVE;
	list_init(&vma->link);
	hugetlbfs_file_get(file);

	/* hugetlbfs_file_mmap */
	reserve_flags = vma->flags | (file->s_private ? VM_NORESERVE : 0);
	if (!hugetlb_reserve_pages(file, (long)(offset >> (h->order + 12)),
				   (long)((offset + len) >> (h->order + 12)),
				   vma, reserve_flags)) {
		hugetlbfs_file_put(file);
		free(vma);
		if (anon)
			hugetlbfs_file_put(file);
		return -ENOMEM;
	}
	if ((vma->flags & VM_WRITE) && file->size < offset + len)
		file->size = offset + len;

	vma_link(p, vma);
	if (anon)
		hugetlbfs_file_put(file);	/* fput of the setup file */
	p->next_addr = vma->end + MM_GAP;
	if (flags & HR_MAP_POPULATE)
		populate(vma);
	*addr = start;
	return 0;
}

int hr_mmap(hr_proc *p, const struct hr_mmap_args *a, uint64_t *addr)
{
	int err;

	if (!a)
		return -EINVAL;
	p->m->current_policy = p->mempolicy;
	err = mm_mmap(p, a->len, a->prot, a->flags, a->file, a->offset,
		      a->pagesize, a->misalign, addr);
	p->m->current_policy = 0;
	return err;
}

static int touch(hr_proc *p, uint64_t addr, int write)
{
	struct vm_area *vma = find_vma(p, addr);

	if (!vma)
		return HR_FAULT_SIGSEGV;
	if (write ? !(vma->flags & VM_WRITE) : !(vma->flags & VM_READ))
		return HR_FAULT_SIGSEGV;
	if (vma_is_anon(vma))
		return anon_fault(vma, addr & ~(HR_PAGE_SIZE - 1), write != 0);
	return hugetlb_fault(vma, addr & ~(vma->h->size - 1), write != 0);
}

int hr_touch(hr_proc *p, uint64_t addr, int write)
{
	int ret;

	p->m->current_policy = p->mempolicy;
	ret = touch(p, addr, write);
	p->m->current_policy = 0;
	return ret;
}

int hr_set_mempolicy(hr_proc *p, unsigned long nodemask)
{
	if (p->m->phys.nr_nodes < (int)(8 * sizeof(nodemask)) &&
	    (nodemask >> p->m->phys.nr_nodes))
		return -EINVAL;
	p->mempolicy = nodemask;
	return 0;
}

int hr_proc_sysctl_write(hr_proc *p, const char *key, const char *value)
{
	int err;

	p->m->current_policy = p->mempolicy;
	err = hr_sysctl_write(p->m, key, value);
	p->m->current_policy = 0;
	return err;
}

/* do_vmi_munmap: split, zap everything, then close everything */
static int do_munmap(struct hr_proc *p, uint64_t start, uint64_t end)
{
	struct list_head *l, *n;
	int err;

	err = split_range(p, start, end);
	if (err)
		return err;
	/* ranges munmap cuts or empties lose their THP reservations */
	thp_resv_release_range(p, start, end, RESV_BOTH);
	/* unmap_region: one mmu_gather over every VMA, freed before close */
	tlb_gather_mmu(p->m);
	list_for_each(l, &p->vmas) {
		struct vm_area *vma = list_entry(l, struct vm_area, link);

		if (vma->start >= start && vma->end <= end)
			vma_zap(vma);
	}
	tlb_finish_mmu(p->m);
	list_for_each_safe(l, n, &p->vmas) {
		struct vm_area *vma = list_entry(l, struct vm_area, link);

		if (vma->start >= start && vma->end <= end)
			vma_remove(vma);
	}
	anon_free_pgtables(p, start, end);
	return 0;
}

int hr_munmap(hr_proc *p, uint64_t addr, uint64_t len)
{
	uint64_t end = 0;
	int r = user_range(addr, len, &end);

	if (r)
		return -EINVAL;		/* munmap of nothing is EINVAL too */
	return do_munmap(p, addr, end);
}

/* Would vma_set_prot(@vma, @prot) leave its flags as they are? */
static bool vma_prot_unchanged(const struct vm_area *vma, int prot)
{
	unsigned long want = 0;

	if (prot & HR_PROT_READ)
		want |= VM_READ;
	if (prot & HR_PROT_WRITE)
		want |= VM_WRITE | VM_READ;
	return (vma->flags & (VM_READ | VM_WRITE)) == want;
}

static void vma_set_prot(struct vm_area *vma, int prot)
{
	uint64_t i;

	if (vma_is_anon(vma) && !(prot & HR_PROT_WRITE))
		anon_wrprotect(vma, vma->start, vma->end);
	vma->flags &= ~(unsigned long)(VM_READ | VM_WRITE);
	if (prot & HR_PROT_READ)
		vma->flags |= VM_READ;
	if (prot & HR_PROT_WRITE)
		vma->flags |= VM_WRITE | VM_READ;
	/* change_protection: dropping write protects the PTEs */
	if (!(prot & HR_PROT_WRITE) && vma->pte)
		for (i = 0; i < vma_pages(vma); i++)
			vma->pte[i].write = false;
}

/*
 * do_mprotect_pkey: VMA by VMA in address order.  A hole stops the walk
 * with ENOMEM, but the VMAs before it keep their new protection, and so
 * does a split that fails part way (as in Linux).
 */
int hr_mprotect(hr_proc *p, uint64_t addr, uint64_t len, int prot)
{
	uint64_t end = 0, pos;
	int r = user_range(addr, len, &end);

	if (r)
		return r < 0 ? r : 0;
	for (pos = addr; pos < end;) {
		struct vm_area *vma = find_vma(p, pos);
		uint64_t e;
		int err;

		if (!vma || vma->start > pos)
			return -ENOMEM;
		e = HR_MIN(end, vma->end);
		/* no write without VM_MAYWRITE (an SHM_RDONLY attach) */
		if ((prot & HR_PROT_WRITE) && !(vma->flags & VM_MAYWRITE))
			return -EACCES;
		/*
		 * mprotect_fixup: a VMA whose flags do not change is left
		 * alone, not split (scenarios/regress/mprotect_same_no_split.scn).
		 */
		if (vma_prot_unchanged(vma, prot)) {
			pos = e;
			continue;
		}
		/*
		 * mprotect_fixup(): making private memory writable charges
		 * it to Committed_AS first (and may fail with ENOMEM).
		 */
		if ((prot & HR_PROT_WRITE) &&
		    !(vma->flags & (VM_ACCOUNT | VM_WRITE | VM_HUGETLB |
				    VM_SHARED | VM_NORESERVE)) &&
		    vma_is_anon(vma)) {
			if (vm_enough_memory(p, (e - pos) >> 12))
				return -ENOMEM;
			err = split_range(p, pos, e);
			if (err) {
				vm_unacct_memory(p, (e - pos) >> 12);
				return err;
			}
			find_vma(p, pos)->flags |= VM_ACCOUNT;
		} else {
			err = split_range(p, pos, e);
			if (err)
				return err;
		}
		vma_set_prot(find_vma(p, pos), prot);
		pos = e;
	}
	return 0;
}

/* Room to grow @vma by @more bytes in place? */
static bool can_expand(struct hr_proc *p, struct vm_area *vma, uint64_t more)
{
	struct list_head *n = vma->link.next;

	if (n == &p->vmas)
		return true;
	return list_entry(n, struct vm_area, link)->start >= vma->end + more;
}

/*
 * mremap of private anonymous memory: a shrink unmaps the tail; a grow
 * extends in place when the next VMA leaves room (charging the new part
 * if the VMA is accounted), else moves with MREMAP_MAYMOVE to a fresh
 * slot at the same offset from a 2 MiB boundary, so that huge PMDs and
 * THP reservations move whole (a range cut by the move releases its
 * reservation).
 */
static int anon_mremap(struct hr_proc *p, struct vm_area *vma, uint64_t addr,
		       uint64_t old_len, uint64_t new_len, int flags,
		       uint64_t *new_addr)
{
	uint64_t more, ns;
	int err;

	old_len = align_up(old_len, HR_PAGE_SIZE);
	new_len = align_up(new_len, HR_PAGE_SIZE);
	if (new_len < old_len) {
		err = do_munmap(p, addr + new_len, addr + old_len);
		if (err)
			return err;
		*new_addr = addr;
		return 0;
	}
	if (new_len == old_len) {
		*new_addr = addr;
		return 0;
	}
	/* growing needs [addr, addr + old_len) to be one VMA's tail */
	if (addr < vma->start || addr + old_len != vma->end)
		return -EFAULT;
	more = new_len - old_len;
	if ((vma->flags & VM_ACCOUNT) && vm_enough_memory(p, more >> 12))
		return -ENOMEM;
	if (can_expand(p, vma, more)) {
		vma->end += more;
		/* vma_merge_extend() -> vma_merge_new_range() registers */
		khugepaged_enter(vma);
		if (p->next_addr < vma->end + MM_GAP)
			p->next_addr = vma->end + MM_GAP;
		*new_addr = addr;
		return 0;
	}
	if (!(flags & HR_MREMAP_MAYMOVE) || addr != vma->start) {
		if (vma->flags & VM_ACCOUNT)
			vm_unacct_memory(p, more >> 12);
		return -ENOMEM;
	}
	ns = align_up(p->next_addr, HR_SZ_1G) + (vma->start & (HPAGE_SIZE - 1));
	thp_resv_move(p, vma->start, vma->end, ns);
	err = anon_move(vma, ns);
	if (err) {
		if (vma->flags & VM_ACCOUNT)
			vm_unacct_memory(p, more >> 12);
		return err;
	}
	list_del(&vma->link);
	vma->end = ns + (vma->end - vma->start) + more;
	vma->start = ns;
	vma_link(p, vma);
	anon_free_pgtables(p, addr, addr + old_len);
	p->next_addr = vma->end + MM_GAP;
	*new_addr = ns;
	return 0;
}

int hr_mremap(hr_proc *p, uint64_t addr, uint64_t old_len, uint64_t new_len,
	      int flags, uint64_t *new_addr)
{
	struct vm_area *vma = find_vma(p, addr);
	uint64_t hsz;

	(void)flags;
	if (addr & (HR_PAGE_SIZE - 1))
		return -EINVAL;
	if (!vma || new_len == 0)
		return vma ? -EINVAL : -EFAULT;
	if (vma_is_anon(vma))
		return anon_mremap(p, vma, addr, old_len, new_len, flags,
				   new_addr);
	hsz = vma->h->size;
	old_len = align_up(old_len, hsz);
	new_len = align_up(new_len, hsz);
	if (addr & (hsz - 1))
		return -EINVAL;
	/* the reserve map cannot follow a grown hugetlb mapping */
	if (new_len > old_len)
		return -EINVAL;
	/*
	 * A shrink is a munmap of the tail, whatever VMAs and holes it
	 * spans, and a same-size call does nothing: only a remap that must
	 * map something new insists on one VMA.
	 */
	if (new_len < old_len) {
		int err = do_munmap(p, addr + new_len, addr + old_len);

		if (err)
			return err;
	}
	*new_addr = addr;
	return 0;
}

static int madvise_dontneed(struct vm_area *vma, uint64_t start, uint64_t end)
{
	uint64_t hsz = vma->h->size;

	if (start & (hsz - 1))
		return -EINVAL;
	/* callers may not know the page size: round the end down */
	end &= ~(hsz - 1);
	if (end > vma->end)
		end = vma->end;
	if (end > start)
		hugetlb_unmap_range(vma, start, end, NULL);
	return 0;
}

static int madvise_remove(struct vm_area *vma, uint64_t start, uint64_t end)
{
	uint64_t off;

	/* vma_is_shared_maywrite (6.7+): a read-only shared mapping will do */
	if ((vma->flags & (VM_SHARED | VM_MAYWRITE)) != (VM_SHARED | VM_MAYWRITE))
		return -EACCES;
	off = (start - vma->start) + (vma->pgoff << 12);
	return hr_file_fallocate(vma->file,
				 HR_FALLOC_PUNCH_HOLE | HR_FALLOC_KEEP_SIZE,
				 off, end - start);
}

/*
 * madvise_registers_late() - does MADV_HUGEPAGE register the mm with
 * khugepaged only after the VMA's flags changed, asking about the VMA
 * that results?  Debian's 6.12.117 does (madvise_update_vma() calls
 * khugepaged_enter_vma() after vma_modify_flags_name(), past the early
 * return for unchanged flags; its hugepage_madvise() only sets them);
 * 6.1 and 6.18 ask in hugepage_madvise(), before the split.  Section 4.8
 * of docs/kernel-differences.md: the release that moved the call, and
 * the one that moved it back, were not identified, so the profile
 * switches for 6.12 alone.
 */
static bool madvise_registers_late(const struct hr_machine *m)
{
	return !KERNEL_BEFORE(m, 6, 12) && KERNEL_BEFORE(m, 6, 13);
}

/*
 * madvise_enter_after() - the registrations that follow a flag change of
 * [@s, ...) (the VMA now starting at @s) to VM_HUGEPAGE.
 *
 * The kernel merges the changed VMA with neighbours whose flags now match
 * (vma_merge() in 6.1, vma_merge_existing_range() since 6.12), and a
 * merge calls khugepaged_enter_vma() on the merged VMA, on every kernel.
 * The engine keeps the pieces apart, so the VMA asked about spans every
 * adjacent anonymous VMA with the same flags: pieces of one mapping
 * (separate mappings are never adjacent here: MM_GAP).  Two pieces that
 * both have an anon_vma are taken to share it (split after the first
 * fault); the kernel would not merge pieces that faulted apart with
 * different flags (is_mergeable_anon_vma()), which the engine's one bit
 * cannot tell.
 *
 * On 6.12 madvise_update_vma() also asks about the changed VMA when
 * nothing merged (madvise_registers_late()).
 */
static void madvise_enter_after(struct hr_proc *p, uint64_t s)
{
	struct vm_area *v = find_vma(p, s), *w;
	uint64_t lo, hi;
	bool anon_vma;

	if (!v)
		return;
	lo = v->start;
	hi = v->end;
	anon_vma = v->anon_vma;
	for (w = v; w->link.prev != &p->vmas;) {
		struct vm_area *pv = list_entry(w->link.prev, struct vm_area,
						link);

		if (pv->end != lo || pv->flags != v->flags || !vma_is_anon(pv))
			break;
		lo = pv->start;
		anon_vma |= pv->anon_vma;
		w = pv;
	}
	for (w = v; w->link.next != &p->vmas;) {
		struct vm_area *nv = list_entry(w->link.next, struct vm_area,
						link);

		if (nv->start != hi || nv->flags != v->flags || !vma_is_anon(nv))
			break;
		hi = nv->end;
		anon_vma |= nv->anon_vma;
		w = nv;
	}
	if (lo != v->start || hi != v->end || madvise_registers_late(p->m))
		khugepaged_enter_span(v, lo, hi, anon_vma);
}

/*
 * madvise() on private anonymous memory, [@s, @e) inside @vma.
 * DONTNEED zaps (a reservation whose whole range is dropped goes, one
 * only partly dropped gets its frames back as unused); HUGEPAGE and
 * NOHUGEPAGE change VMA flags (splitting the VMA at the range's ends);
 * COLLAPSE is MADV_COLLAPSE; REMOVE needs a shared mapping (EINVAL);
 * PAGEOUT has no swap to go to but splits THPs (thp_madvise_pageout()).
 */
static int anon_madvise(struct hr_proc *p, struct vm_area *vma, uint64_t s,
			uint64_t e, int advice)
{
	struct list_head *l;
	int err;

	switch (advice) {
	case HR_MADV_DONTNEED:
		anon_zap_range(vma, s, e);
		thp_resv_release_range(p, s, e, RESV_INSIDE);
		anon_reclaim_pt(vma, s, e);
		return 0;
	case HR_MADV_REMOVE:
		return -EINVAL;
	case HR_MADV_PAGEOUT:
		thp_madvise_pageout(vma, s, e);
		return 0;
	case HR_MADV_COLLAPSE:
		return thp_madvise_collapse(vma, s, e);
	default:
		break;
	}
	/* HUGEPAGE, NOHUGEPAGE: madvise_update_vma() */
	{
		unsigned long set = advice == HR_MADV_HUGEPAGE ? VM_HUGEPAGE
							       : VM_NOHUGEPAGE;
		unsigned long clr = advice == HR_MADV_HUGEPAGE ? VM_NOHUGEPAGE
							       : VM_HUGEPAGE;

		/*
		 * hugepage_madvise() registers the mm with khugepaged asking
		 * about the VMA as it is before the split, with the new flags
		 * (so a sliver of a VMA advised alone still registers, and so
		 * does advice that changes nothing).  Debian's 6.12 asks
		 * afterwards instead (madvise_enter_after()).
		 */
		if (advice == HR_MADV_HUGEPAGE && !madvise_registers_late(p->m)) {
			unsigned long old = vma->flags;

			vma->flags = (old & ~clr) | set;
			khugepaged_enter(vma);
			vma->flags = old;
		}
		if ((vma->flags & (set | clr)) == set)
			return 0;
		err = split_range(p, s, e);
		if (err)
			return err;
		list_for_each(l, &p->vmas) {
			struct vm_area *v = list_entry(l, struct vm_area, link);

			if (v->start >= s && v->end <= e)
				v->flags = (v->flags & ~clr) | set;
		}
		if (advice == HR_MADV_HUGEPAGE)
			madvise_enter_after(p, s);
	}
	return 0;
}

int hr_madvise(hr_proc *p, uint64_t addr, uint64_t len, int advice)
{
	uint64_t end = 0, pos;
	int err = 0, ret = 0, r;

	if (addr & (HR_PAGE_SIZE - 1))
		return -EINVAL;
	switch (advice) {
	case HR_MADV_DONTNEED:
	case HR_MADV_REMOVE:
	case HR_MADV_HUGEPAGE:
	case HR_MADV_NOHUGEPAGE:
	case HR_MADV_COLLAPSE:
	case HR_MADV_PAGEOUT:
		break;
	default:
		return -EINVAL;
	}
	r = user_range(addr, len, &end);
	if (r)
		return r < 0 ? r : 0;
	for (pos = addr; pos < end;) {
		struct vm_area *vma = find_vma(p, pos);
		uint64_t s, e;

		if (!vma) {
			/* a hole: skip to the next VMA, fail with ENOMEM */
			struct list_head *l;
			uint64_t next = end;

			list_for_each(l, &p->vmas) {
				struct vm_area *v =
					list_entry(l, struct vm_area, link);
				if (v->start > pos) {
					next = v->start;
					break;
				}
			}
			ret = -ENOMEM;
			pos = next;
			continue;
		}
		s = pos;
		e = HR_MIN(end, vma->end);
		if (vma_is_anon(vma)) {
			err = anon_madvise(p, vma, s, e, advice);
			if (err) {
				ret = err;
				break;
			}
			/* the VMA may have split: go on after [s, e) */
			pos = e;
			continue;
		}
		if (!vma_is_hugetlb(vma)) {
			ret = -ENOSYS;
			break;
		}
		switch (advice) {
		case HR_MADV_DONTNEED:
			err = madvise_dontneed(vma, s, e);
			break;
		case HR_MADV_REMOVE:
			err = madvise_remove(vma, s, e);
			break;
		case HR_MADV_HUGEPAGE:
		case HR_MADV_NOHUGEPAGE:
			err = 0;
			break;
		default:	/* COLLAPSE, PAGEOUT: not for hugetlb */
			err = -EINVAL;
			break;
		}
		if (err) {
			ret = err;
			break;
		}
		pos = vma->end;
	}
	return ret;
}

int hr_mbind(hr_proc *p, uint64_t addr, uint64_t len, unsigned long nodemask)
{
	struct list_head *l;
	uint64_t end = 0, pos;
	int err;

	if (user_range(addr, len, &end))
		return -EINVAL;
	if (p->m->phys.nr_nodes < (int)(8 * sizeof(nodemask)) &&
	    (nodemask >> p->m->phys.nr_nodes))
		return -EINVAL;
	for (pos = addr; pos < end;) {
		struct vm_area *vma = find_vma(p, pos);

		if (!vma)
			return -EFAULT;
		pos = vma->end;
	}
	err = split_range(p, addr, end);
	if (err)
		return err;
	list_for_each(l, &p->vmas) {
		struct vm_area *vma = list_entry(l, struct vm_area, link);

		if (vma->start >= addr && vma->end <= end)
			vma->nodemask = nodemask;
	}
	return 0;
}

/* Point every PTE and the page cache slot that hold @old at @new. */
static void replace_page(struct hr_machine *m, struct hpage *old,
			 struct hpage *new)
{
	struct list_head *pp, *vp;

	list_for_each(pp, &m->procs)
		list_for_each(vp, &list_entry(pp, struct hr_proc, link)->vmas) {
			struct vm_area *vma = list_entry(vp, struct vm_area, link);
			uint64_t i;

			if (!vma->pte || vma->h != old->h)
				continue;
			for (i = 0; i < vma_pages(vma); i++)
				if (vma->pte[i].page == old)
					vma->pte[i].page = new;
		}
	if (old->mapping) {
		struct hr_file *f = old->mapping;
		long k;

		for (k = 0; k < f->pc_n; k++)
			if (f->pc[k].page == old)
				f->pc[k].page = new;
	}
}

/*
 * migrate_hpage - move_hugetlb_state and the page table/cache update:
 * the new page takes over every reference; a temporary target hands its
 * temporary state (and a surplus count) to the old page, which is freed.
 */
static int migrate_hpage(struct hstate *h, struct hpage *old, int nid)
{
	struct hpage *new = NULL;

	if (hstate_available(h))
		new = hstate_dequeue(h, nid, 1UL << nid);
	if (!new)
		new = hstate_alloc_temporary(h, nid);
	if (!new)
		return -ENOMEM;
	/*
	 * unmap_and_move_huge_page() refuses a private page charged to a
	 * subpool only once it has the target (which goes back): without a
	 * target that is ENOMEM (found by fuzz --kernel --vm 6.12).
	 */
	if (old->spool && !old->mapping) {
		hugetlb_put_page(new);
		return -EBUSY;
	}
	new->flags = (new->flags & HP_TEMPORARY) | (old->flags & HP_ANON);
	new->spool = old->spool;
	new->mapping = old->mapping;
	new->index = old->index;
	new->mapcount = old->mapcount;
	new->refcount = old->refcount;
	replace_page(h->m, old, new);
	if (new->flags & HP_TEMPORARY) {
		new->flags &= ~HP_TEMPORARY;
		old->flags |= HP_TEMPORARY;
		if (old->nid != new->nid &&
		    h->surplus_huge_pages_node[old->nid]) {
			h->surplus_huge_pages_node[old->nid]--;
			h->surplus_huge_pages_node[new->nid]++;
		}
	}
	old->spool = NULL;
	old->mapping = NULL;
	old->index = -1;
	old->mapcount = 0;
	old->refcount = 1;
	old->flags &= ~HP_ANON;
	hugetlb_put_page(old);
	return 0;
}

int hr_migrate(hr_proc *p, uint64_t addr, uint64_t len, int nid)
{
	struct list_head *l;
	uint64_t end = addr + len;
	int moved = 0, err = 0;

	if (nid < 0 || end < addr)
		return -EINVAL;
	/* move_pages(2): a node without memory (here: none such) */
	if (nid >= p->m->phys.nr_nodes)
		return -ENODEV;
	list_for_each(l, &p->vmas) {
		struct vm_area *vma = list_entry(l, struct vm_area, link);
		uint64_t i;

		if (vma->end <= addr || vma->start >= end || !vma->pte)
			continue;
		for (i = 0; i < vma_pages(vma); i++) {
			uint64_t a = vma->start + i * vma->h->size;
			struct hpage *pg = vma->pte[i].page;
			int e;

			if (!pg || a < addr || a >= end || pg->nid == nid)
				continue;
			e = migrate_hpage(vma->h, pg, nid);
			if (e)
				err = e;
			else
				moved++;
		}
	}
	return err ? err : moved;
}

int hr_fork(hr_proc *p, hr_proc **child)
{
	struct hr_proc *c;
	struct list_head *l;
	int err;

	err = hr_proc_new(p->m, &c);
	if (err)
		return err;
	c->next_addr = p->next_addr;
	/* khugepaged_fork(): the child is scanned if the parent is */
	c->thp_registered = p->thp_registered;
	c->mempolicy = p->mempolicy;
	list_for_each(l, &p->vmas) {
		struct vm_area *src = list_entry(l, struct vm_area, link);
		struct vm_area *dst = hr_zalloc(p->m, sizeof(*dst));
		bool cow = (src->flags & (VM_SHARED | VM_MAYWRITE)) ==
			   VM_MAYWRITE;
		uint64_t i;

		HR_BUG_ON(!dst);
		*dst = *src;
		dst->mm = c;
		dst->pte = NULL;
		list_init(&dst->link);
		if (vma_is_anon(src)) {
			/* dup_mmap(): charge, then copy_page_range() */
			dst->flags &= ~(unsigned long)VM_ACCOUNT;
			list_add_tail(&dst->link, &c->vmas);
			err = 0;
			if (src->flags & VM_ACCOUNT) {
				err = vm_enough_memory(c, vma_base_pages(src));
				if (!err)
					dst->flags |= VM_ACCOUNT;
			}
			/*
			 * vma_needs_copy(): without an anon_vma (only zero
			 * pages so far) the child faults its own.
			 */
			if (!err && src->anon_vma)
				err = anon_fork(src, dst);
			if (err) {
				hr_exit(c);
				return -ENOMEM;
			}
			continue;
		}
		list_add_tail(&dst->link, &c->vmas);
		if (dst->file)
			hugetlbfs_file_get(dst->file);
		/* hugetlb_dup_vma_private: reservations stay with the parent */
		if (!(dst->flags & VM_MAYSHARE)) {
			dst->resv = NULL;
			dst->resv_flags = 0;
		}
		/* vma_needs_copy: only VMAs with private pages */
		if (!src->anon_vma || !src->pte)
			continue;
		dst->pte = hr_zalloc(p->m, sizeof(struct hpte) * vma_pages(src));
		HR_BUG_ON(!dst->pte);
		for (i = 0; i < vma_pages(src); i++) {
			struct hpage *pg = src->pte[i].page;

			if (!pg)
				continue;
			pg->mapcount++;
			pg->refcount++;
			dst->pte[i].page = pg;
			dst->pte[i].write = src->pte[i].write;
			if (cow) {
				src->pte[i].write = false;
				dst->pte[i].write = false;
			}
		}
	}
	*child = c;
	return 0;
}

/* exit_mmap: zap every VMA, then close every VMA */
static void mm_release(struct hr_proc *p)
{
	struct list_head *l, *n;

	thp_mm_release(p);
	tlb_gather_mmu(p->m);
	list_for_each(l, &p->vmas)
		vma_zap(list_entry(l, struct vm_area, link));
	tlb_finish_mmu(p->m);
	list_for_each_safe(l, n, &p->vmas)
		vma_remove(list_entry(l, struct vm_area, link));
	anon_mm_release(p);
}

void hr_exit(hr_proc *p)
{
	mm_release(p);
	list_del(&p->link);
	free(p);
}

/**
 * mm_unmap_file_range() - hugetlb_vmdelete_list: zap huge pages
 * [@start, @end) of @f from every VMA that maps them, private copies
 * included (truncate and hole punch).
 */
void mm_unmap_file_range(struct hr_file *f, long start, long end)
{
	struct list_head *pp, *vp;

	list_for_each(pp, &f->m->procs) {
		struct hr_proc *p = list_entry(pp, struct hr_proc, link);

		list_for_each(vp, &p->vmas) {
			struct vm_area *vma =
				list_entry(vp, struct vm_area, link);
			long vfirst, vlast, s, e;
			unsigned shift;

			if (vma->file != f)
				continue;
			shift = vma->h->order + 12;
			vfirst = (long)(vma->pgoff >> vma->h->order);
			vlast = vfirst + (long)vma_pages(vma);
			s = HR_MAX(start, vfirst);
			e = HR_MIN(end, vlast);
			if (s >= e)
				continue;
			hugetlb_unmap_range(vma,
				vma->start + ((uint64_t)(s - vfirst) << shift),
				vma->start + ((uint64_t)(e - vfirst) << shift),
				NULL);
		}
	}
}

/** mm_teardown() - every process exits. */
void mm_teardown(struct hr_machine *m)
{
	while (!list_empty(&m->procs))
		hr_exit(list_entry(m->procs.next, struct hr_proc, link));
}

/**
 * mm_check() - VMAs sorted, disjoint, aligned; file references and page
 * map counts agree with the page tables; private reserve maps are
 * referenced exactly by their owner VMAs.
 */
void mm_check(struct hr_machine *m, struct check_ctx *c)
{
	struct list_head *pp, *vp, *fp;
	int h;

	/* count PTE references per page: mapcount must equal them */
	for (h = 0; h < HR_NR_HSTATES; h++) {
		struct list_head *ap;

		list_for_each(ap, &m->hstates[h].active)
			list_entry(ap, struct hpage, active)->scratch = 0;
	}
	list_for_each(fp, &m->files) {
		struct hr_file *f = list_entry(fp, struct hr_file, link);
		int refs = 0;

		list_for_each(pp, &m->procs)
			list_for_each(vp, &list_entry(pp, struct hr_proc,
						      link)->vmas)
				if (list_entry(vp, struct vm_area, link)->file ==
				    f)
					refs++;
		CHECK(c, refs == f->mappers,
		      "inode: mappers=%d but %d VMAs map it", f->mappers, refs);
	}
	list_for_each(pp, &m->procs) {
		struct hr_proc *p = list_entry(pp, struct hr_proc, link);
		uint64_t prev_end = 0;

		list_for_each(vp, &p->vmas) {
			struct vm_area *vma =
				list_entry(vp, struct vm_area, link);
			uint64_t i;

			CHECK(c, vma->start < vma->end && vma->start >= prev_end,
			      "pid %d: VMA [%#llx,%#llx) overlaps or is empty",
			      p->pid, (unsigned long long)vma->start,
			      (unsigned long long)vma->end);
			prev_end = vma->end;
			if (!vma_is_hugetlb(vma))
				continue;
			CHECK(c, !((vma->start | vma->end) & (vma->h->size - 1)),
			      "pid %d: hugetlb VMA [%#llx,%#llx) not aligned",
			      p->pid, (unsigned long long)vma->start,
			      (unsigned long long)vma->end);
			CHECK(c, !vma->resv ||
				 (vma->resv_flags & HPAGE_RESV_OWNER),
			      "pid %d: reserve map without the owner flag",
			      p->pid);
			CHECK(c, !(vma->flags & VM_MAYSHARE) || !vma->resv,
			      "pid %d: shared VMA with a private reserve map",
			      p->pid);
			if (vma->resv)
				resv_map_check(vma->resv, c, "private resv_map");
			if (!vma->pte)
				continue;
			for (i = 0; i < vma_pages(vma); i++) {
				struct hpage *pg = vma->pte[i].page;

				if (!pg)
					continue;
				pg->scratch++;
				CHECK(c, pg->mapcount > 0,
				      "pid %d: mapped page with mapcount %d",
				      p->pid, pg->mapcount);
				CHECK(c, pg->h == vma->h,
				      "pid %d: page of another size mapped",
				      p->pid);
				CHECK(c, (vma->flags & VM_MAYSHARE) ?
					 pg->mapping == vma->file : 1,
				      "pid %d: shared VMA maps a page not in its "
				      "file's cache", p->pid);
			}
		}
	}
	for (h = 0; h < HR_NR_HSTATES; h++) {
		struct list_head *ap;

		list_for_each(ap, &m->hstates[h].active) {
			struct hpage *pg = list_entry(ap, struct hpage, active);

			CHECK(c, pg->scratch == pg->mapcount,
			      "page: mapcount=%d but %d PTEs map it",
			      pg->mapcount, pg->scratch);
		}
	}
}
