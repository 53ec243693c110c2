/* SPDX-License-Identifier: MIT */
/*
 * pgtable.c - the page tables of anonymous memory, and nothing else: PTE
 * tables (sparse or dense), the per-mm hash of PMD tables, the frames
 * page tables live in (PageTables), and the walker every range
 * operation uses, for_each_pmd_range().  What the entries mean (pages,
 * THPs, reservations) is for the layers above: anon.c, THP
 * (huge_memory.c, khugepaged.c) and the reservations (thp_resv.c).
 *
 * As in Linux, every table is a simulated frame taken from the buddy
 * allocator and counted in PageTables: one per 2 MiB range with PTEs (a
 * PTE page), one per GiB with any (a PMD page), and the one deposited
 * with every huge PMD.  Above the PMD level nothing is counted.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Page table frames                                                   */

/** anon_alloc_pgtable() - a frame for a page table, counted in PageTables. */
int anon_alloc_pgtable(struct hr_machine *m, struct vm_area *vma, uint32_t *pfn)
{
	int err = anon_alloc_frame(m, vma, 0, PBK_NONE, pfn);

	if (!err)
		m->nr_pagetables++;
	return err;
}

/** anon_free_pgtable() - give a page table frame back. */
void anon_free_pgtable(struct hr_machine *m, uint32_t pfn)
{
	m->nr_pagetables--;
	phys_free(&m->phys, pfn, 0);
}

/* ------------------------------------------------------------------ */
/* PTE tables                                                          */

struct pte_table *pte_table_new(struct hr_machine *m, uint32_t frame)
{
	struct pte_table *pt = calloc(1, sizeof(*pt));

	(void)m;
	HR_BUG_ON(!pt);
	pt->frame = frame;
	return pt;
}

void pte_table_free(struct hr_machine *m, struct pte_table *pt, bool frame)
{
	if (frame)
		anon_free_pgtable(m, pt->frame);
	if (pt->cap == PT_DENSE)
		free(pt->u.d);
	else
		free(pt->u.sp);
	free(pt);
}

/**
 * pte_next() - the first entry at index >= @i that is not none: its index
 * (and its value in *@v), or HPAGE_NR.  Sparse tables are walked without
 * a lookup per index.
 */
unsigned pte_next(const struct pte_table *pt, unsigned i, uint32_t *v)
{
	int at;

	if (pt->cap == PT_DENSE) {
		for (; i < HPAGE_NR; i++)
			if (pt->u.d[i] != PTE_NONE) {
				*v = pt->u.d[i];
				return i;
			}
		return HPAGE_NR;
	}
	if (i >= HPAGE_NR)
		return HPAGE_NR;
	at = sp_find(pt, i);
	if (at < 0)
		at = -at - 1;
	if (at >= pt->nr)
		return HPAGE_NR;
	*v = (uint32_t)pt->u.sp[at];
	return (unsigned)(pt->u.sp[at] >> 32);
}

static void pt_make_dense(struct pte_table *pt)
{
	uint32_t *d = calloc(HPAGE_NR, sizeof(*d));
	unsigned k;

	HR_BUG_ON(!d);
	for (k = 0; k < pt->nr; k++)
		d[pt->u.sp[k] >> 32] = (uint32_t)pt->u.sp[k];
	free(pt->u.sp);
	pt->u.d = d;
	pt->cap = PT_DENSE;
}

/** pte_set() - store @v in entry @i, keeping nr and the representation. */
int pte_set(struct pte_table *pt, unsigned i, uint32_t v)
{
	int at;

	if (pt->cap == PT_DENSE) {
		if (pt->u.d[i] == PTE_NONE && v != PTE_NONE)
			pt->nr++;
		else if (pt->u.d[i] != PTE_NONE && v == PTE_NONE)
			pt->nr--;
		pt->u.d[i] = v;
		return 0;
	}
	at = sp_find(pt, i);
	if (at >= 0) {
		if (v != PTE_NONE) {
			pt->u.sp[at] = (uint64_t)i << 32 | v;
			return 0;
		}
		memmove(&pt->u.sp[at], &pt->u.sp[at + 1],
			(size_t)(pt->nr - at - 1) * sizeof(uint64_t));
		pt->nr--;
		return 0;
	}
	if (v == PTE_NONE)
		return 0;
	if (pt->nr == PT_SPARSE_MAX) {
		pt_make_dense(pt);
		return pte_set(pt, i, v);
	}
	at = -at - 1;
	if (pt->nr == pt->cap) {
		unsigned cap = pt->cap ? pt->cap * 2u : 2u;
		uint64_t *n = realloc(pt->u.sp, cap * sizeof(uint64_t));

		HR_BUG_ON(!n);
		pt->u.sp = n;
		pt->cap = (uint16_t)cap;
	}
	memmove(&pt->u.sp[at + 1], &pt->u.sp[at],
		(size_t)(pt->nr - at) * sizeof(uint64_t));
	pt->u.sp[at] = (uint64_t)i << 32 | v;
	pt->nr++;
	return 0;
}

/**
 * pte_table_has_page() - does @pt map any page (an entry that is neither
 * none nor the zero page)?
 */
bool pte_table_has_page(const struct pte_table *pt)
{
	unsigned i;

	if (!pt->nr)
		return false;
	for (i = 0; i < HPAGE_NR; i++)
		if (PTE_PAGE(pte_get(pt, i)))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* PMD tables: one hash per mm                                         */

static uint32_t gidx_hash(uint64_t g, uint32_t cap)
{
	return (uint32_t)((g * 0x9e3779b97f4a7c15ULL) >> 32) & (cap - 1);
}

static struct pmd_table *pmdt_find(struct hr_proc *p, uint64_t g)
{
	uint32_t h;

	if (p->pmdt_last && p->pmdt_last->gidx == g)
		return p->pmdt_last;
	if (!p->pmdt_cap)
		return NULL;
	for (h = gidx_hash(g, p->pmdt_cap); p->pmdt[h];
	     h = (h + 1) & (p->pmdt_cap - 1))
		if (p->pmdt[h]->gidx == g)
			return p->pmdt_last = p->pmdt[h];
	return NULL;
}

static void pmdt_insert(struct hr_proc *p, struct pmd_table *t)
{
	uint32_t h;

	if ((p->pmdt_n + 1) * 2 > p->pmdt_cap) {
		struct pmd_table **old = p->pmdt;
		uint32_t oc = p->pmdt_cap, k;

		p->pmdt_cap = oc ? oc * 2 : 8;
		p->pmdt = calloc(p->pmdt_cap, sizeof(*p->pmdt));
		HR_BUG_ON(!p->pmdt);
		p->pmdt_n = 0;
		for (k = 0; k < oc; k++)
			if (old[k])
				pmdt_insert(p, old[k]);
		free(old);
	}
	for (h = gidx_hash(t->gidx, p->pmdt_cap); p->pmdt[h];
	     h = (h + 1) & (p->pmdt_cap - 1))
		;
	p->pmdt[h] = t;
	p->pmdt_n++;
}

static void pmdt_remove(struct hr_proc *p, struct pmd_table *t)
{
	uint32_t h, j;

	for (h = gidx_hash(t->gidx, p->pmdt_cap); p->pmdt[h] != t;
	     h = (h + 1) & (p->pmdt_cap - 1))
		;
	p->pmdt[h] = NULL;
	p->pmdt_n--;
	/* re-place the rest of the cluster (linear probing deletion) */
	for (j = (h + 1) & (p->pmdt_cap - 1); p->pmdt[j];
	     j = (j + 1) & (p->pmdt_cap - 1)) {
		struct pmd_table *x = p->pmdt[j];

		p->pmdt[j] = NULL;
		p->pmdt_n--;
		pmdt_insert(p, x);
	}
	if (p->pmdt_last == t)
		p->pmdt_last = NULL;
}

/**
 * anon_pmd() - the PMD slot of @addr in @p, making the PMD table when
 * @create (a page table frame; *@err = -ENOMEM if none can be had).
 */
struct pmd_entry *anon_pmd(struct hr_proc *p, uint64_t addr, bool create,
			   int *err)
{
	uint64_t g = addr >> 30;
	struct pmd_table *t = pmdt_find(p, g);
	uint32_t frame;

	if (!t) {
		if (!create)
			return NULL;
		if ((*err = anon_alloc_pgtable(p->m, NULL, &frame)))
			return NULL;
		t = calloc(1, sizeof(*t));
		HR_BUG_ON(!t);
		t->gidx = g;
		t->frame = frame;
		pmdt_insert(p, t);
		p->pmdt_last = t;
	}
	return &t->e[(addr >> 21) & 511];
}

/** anon_pmd_table() - the PMD table holding @addr's slot, or NULL. */
struct pmd_table *anon_pmd_table(struct hr_proc *p, uint64_t addr)
{
	return pmdt_find(p, addr >> 30);
}

/**
 * pmd_table_free() - free_pgd_range() of one GiB: @t, empty, leaves @p's
 * hash and gives its frame back.
 */
void pmd_table_free(struct hr_proc *p, struct pmd_table *t)
{
	HR_BUG_ON(t->nr);
	pmdt_remove(p, t);
	anon_free_pgtable(p->m, t->frame);
	free(t);
}

/**
 * pgtable_mm_release() - exit_mmap()'s free_pgtables() for the whole of
 * @p: every PTE table and PMD table goes (every page is zapped already).
 */
void pgtable_mm_release(struct hr_proc *p)
{
	uint32_t k;
	unsigned j;

	for (k = 0; k < p->pmdt_cap; k++) {
		struct pmd_table *t = p->pmdt[k];

		if (!t)
			continue;
		for (j = 0; j < 512; j++) {
			HR_BUG_ON(t->e[j].huge);
			if (t->e[j].pt)
				pte_table_free(p->m, t->e[j].pt, true);
		}
		anon_free_pgtable(p->m, t->frame);
		free(t);
	}
	free(p->pmdt);
	p->pmdt = NULL;
	p->pmdt_cap = p->pmdt_n = 0;
	p->pmdt_last = NULL;
}

/* ------------------------------------------------------------------ */
/* The range walker                                                    */

/**
 * pmd_walk_next() - for_each_pmd_range()'s step: move @w to the next 2 MiB
 * slot of [@w->start, @w->end) (from @w->next on) whose PMD table exists, with @w->pmd its
 * slot, @w->t its table, [@w->s, @w->e) the part of the range inside it
 * and [@w->lo, @w->hi) the same as PTE indices.  A GiB without a PMD
 * table is passed over in one step: a sparse address space costs one
 * lookup per GiB, not 512.  The table is looked up afresh at every slot
 * (one compare while it stays the mm's last one), so the body may free
 * the slot's table or add tables, to this mm or another.
 *
 * Return: false once the range is done.
 */
bool pmd_walk_next(struct hr_proc *p, struct pmd_walk *w)
{
	for (; w->next < w->end; w->next += HPAGE_SIZE) {
		struct pmd_table *t = pmdt_find(p, w->next >> 30);

		if (!t) {
			/* the last slot of this GiB; the loop steps past it */
			w->next |= HR_SZ_1G - HPAGE_SIZE;
			continue;
		}
		w->haddr = w->next;
		w->t = t;
		w->pmd = &t->e[(w->haddr >> 21) & 511];
		w->s = HR_MAX(w->haddr, w->start);
		w->e = HR_MIN(w->haddr + HPAGE_SIZE, w->end);
		w->lo = (unsigned)((w->s - w->haddr) >> 12);
		w->hi = (unsigned)((w->e - w->haddr) >> 12);
		w->next += HPAGE_SIZE;
		return true;
	}
	return false;
}
