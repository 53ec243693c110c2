/* SPDX-License-Identifier: MIT */
/*
 * thp_resv.c - THP reservations: the 2018 RFC (seed 004) built the way
 * its reviewers asked (docs/thp.md, "THP reservations").
 *
 *  - the first write fault in a 2 MiB-aligned range inside an eligible
 *    VMA allocates an aligned 2 MiB block (thp_res_alloc, or
 *    thp_res_alloc_failed and a plain base page), maps the faulting
 *    page from it and keeps the rest reserved (nr_thp_reserved, counted
 *    in MemAvailable); a read fault maps the zero page and reserves
 *    nothing (review: "Reserving based on a zero-page fault works
 *    counter to your goal");
 *  - later write faults in the range map the reservation's own frame
 *    for that address;
 *  - once promotion_threshold frames are handed out, khugepaged promotes
 *    the range in place: the block becomes the THP, nothing is copied
 *    (res_pages_collapsed, also in pages_collapsed); with promotion_sync
 *    the fault that reaches the threshold promotes at once (the RFC's
 *    "Investigate promoting a reservation synchronously");
 *  - reservations are per address space (review: "Why is this per-vma
 *    and not per address space?");
 *  - fork: the parent keeps its reservations; the child maps the same
 *    frames and its COW takes a plain page (review: "Maybe keep the
 *    reservations in the parent");
 *  - memory pressure releases unused reserved frames: all of them (the
 *    first policy the review asked for) or least recently changed first
 *    (resv_shrink=lru, the RFC's shrinker as a separate step), or what
 *    another policy picks (resv_shrink=util: thp_resv_util.c);
 *  - a range that a VMA split, mremap or munmap cuts releases its
 *    reservation; a range wholly moved by mremap keeps it (review: "dump
 *    all reservations for a range ... For any corner case, dump").
 *
 * The structure, its states, invariants and who changes which field are
 * described with struct thp_resv (internal.h).  This file is the
 * mechanism; the decisions (reserve? promote? promote at the fault?
 * which to release under pressure?) are a policy's
 * (struct thp_resv_policy_ops), chosen by resv_shrink=.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Policies                                                            */

/*
 * The RFC's decisions, shared by the policies that keep them (the util
 * policy too): only the first write in a range with no page reserves.
 */
bool thp_resv_first_write(const struct vm_area *vma,
			  const struct pte_table *pt)
{
	(void)vma;
	return !pte_table_has_page(pt);
}

/* The RFC's threshold: promotion_threshold frames handed out. */
bool thp_resv_threshold_reached(const struct hr_machine *m,
				const struct thp_resv *r)
{
	return thp_resv_nr_used(r) >= m->thp.promotion_threshold;
}

/* promotion_sync=1: promote at the fault (the RFC's "Other TBD"). */
bool thp_resv_sync_knob(const struct hr_machine *m, const struct thp_resv *r)
{
	(void)r;
	return m->thp.promotion_sync;
}

static struct thp_resv *lru_oldest(struct hr_machine *m)
{
	return list_empty(&m->resv_lru) ? NULL :
	       list_entry(m->resv_lru.next, struct thp_resv, lru);
}

/* The review's first policy: pressure releases every reservation. */
static struct thp_resv *release_all(struct hr_machine *m, uint64_t want,
				    uint64_t freed)
{
	(void)want;
	(void)freed;
	return lru_oldest(m);
}

/* The RFC's shrinker: least recently changed first, until enough is free. */
static struct thp_resv *release_lru(struct hr_machine *m, uint64_t want,
				    uint64_t freed)
{
	return freed < want ? lru_oldest(m) : NULL;
}

/* The RFC at its threshold, as the review asked first: release them all. */
const struct thp_resv_policy_ops thp_resv_all_policy = {
	.name = "all",
	.should_reserve = thp_resv_first_write,
	.should_promote = thp_resv_threshold_reached,
	.promote_sync = thp_resv_sync_knob,
	.pick_victim = release_all,
};

/* FreeBSD's vm_reserv order: break the least recently changed first. */
const struct thp_resv_policy_ops thp_resv_lru_policy = {
	.name = "lru",
	.should_reserve = thp_resv_first_write,
	.should_promote = thp_resv_threshold_reached,
	.promote_sync = thp_resv_sync_knob,
	.pick_victim = release_lru,
};

/* resv_shrink= indexes this table, built from thp_resv_policies.h. */
static const struct thp_resv_policy_ops *const thp_resv_policies[] = {
#define THP_RESV_POLICY(word, ops) [RESV_SHRINK_##word] = &ops,
#include "thp_resv_policies.h"
#undef THP_RESV_POLICY
};

/* Each policy's name is its knob word (thp_resv_check()). */
static const char *const thp_resv_policy_words[] = {
#define THP_RESV_POLICY(word, ops) [RESV_SHRINK_##word] = #word,
#include "thp_resv_policies.h"
#undef THP_RESV_POLICY
};

/** thp_resv_policy() - the reservation policy the knobs select for @m. */
const struct thp_resv_policy_ops *thp_resv_policy(const struct hr_machine *m)
{
	HR_BUG_ON((unsigned)m->thp.resv_shrink >= RESV_SHRINK__COUNT);
	return thp_resv_policies[m->thp.resv_shrink];
}

/**
 * thp_resv_should_promote() - has @r earned promotion in place under the
 * policy (khugepaged's question; MADV_COLLAPSE does not ask)?
 */
bool thp_resv_should_promote(const struct hr_machine *m,
			     const struct thp_resv *r)
{
	return thp_resv_policy(m)->should_promote(m, r);
}

/* ------------------------------------------------------------------ */
/* Reservations                                                        */

static uint32_t resv_hash(uint64_t haddr, uint32_t cap)
{
	return (uint32_t)(((haddr >> 21) * 0x9e3779b97f4a7c15ULL) >> 32) &
	       (cap - 1);
}

/** thp_resv_lookup() - @p's reservation for the range at @haddr. */
struct thp_resv *thp_resv_lookup(struct hr_proc *p, uint64_t haddr)
{
	struct thp_resv *r;

	if (!p->resv_n)
		return NULL;
	for (r = p->resv[resv_hash(haddr, p->resv_cap)]; r; r = r->hnext)
		if (r->haddr == haddr)
			return r;
	return NULL;
}

static void resv_hash_add(struct hr_proc *p, struct thp_resv *r)
{
	uint32_t h;

	if (p->resv_n + 1 > p->resv_cap) {
		struct thp_resv **old = p->resv;
		uint32_t oc = p->resv_cap, k;

		p->resv_cap = oc ? oc * 2 : 16;
		p->resv = calloc(p->resv_cap, sizeof(*p->resv));
		HR_BUG_ON(!p->resv);
		for (k = 0; k < oc; k++) {
			struct thp_resv *x = old[k], *nx;

			for (; x; x = nx) {
				nx = x->hnext;
				h = resv_hash(x->haddr, p->resv_cap);
				x->hnext = p->resv[h];
				p->resv[h] = x;
			}
		}
		free(old);
	}
	h = resv_hash(r->haddr, p->resv_cap);
	r->hnext = p->resv[h];
	p->resv[h] = r;
	p->resv_n++;
}

static void resv_hash_del(struct hr_proc *p, struct thp_resv *r)
{
	struct thp_resv **pp = &p->resv[resv_hash(r->haddr, p->resv_cap)];

	while (*pp != r)
		pp = &(*pp)->hnext;
	*pp = r->hnext;
	p->resv_n--;
}

static void resv_touch(struct hr_machine *m, struct thp_resv *r)
{
	r->stamp = m->tick;
	list_del(&r->lru);
	list_add_tail(&r->lru, &m->resv_lru);
}

static void resv_forget(struct hr_machine *m, struct thp_resv *r)
{
	HR_BUG_ON(!m->resv_unused_hist[r->nr_unused]);	/* resv_unused_hist */
	m->resv_unused_hist[r->nr_unused]--;
	resv_hash_del(r->mm, r);
	list_del(&r->lru);
	m->nr_resv--;
	free(r);
}

/**
 * thp_resv_release() - give the unused frames of @r back and forget it;
 * frames handed out stay mapped as base pages.
 */
void thp_resv_release(struct hr_machine *m, struct thp_resv *r)
{
	uint64_t keep[PB_FRAMES / 64];

	memcpy(keep, r->used, sizeof(keep));
	m->nr_thp_reserved -= r->nr_unused;
	m->ev[EV_THP_RES_RELEASE]++;
	m->resv_stat[RS_RELEASE]++;
	m->resv_stat[RS_KEPT] += thp_resv_nr_used(r);
	if (r->nr_unused == HPAGE_NR)
		phys_free(&m->phys, r->pfn, PB_SHIFT);
	else
		phys_split_block(&m->phys, r->pfn, keep);
	resv_forget(m, r);
}

/** thp_resv_frame_freed() - a handed-out frame is unmapped everywhere. */
void thp_resv_frame_freed(struct hr_machine *m, uint32_t pfn)
{
	struct pb_pages *pp = pfn_pb(&m->phys, pfn)->pages;
	struct thp_resv *r = pp->resv;
	unsigned i = pfn & (PB_FRAMES - 1);

	HR_BUG_ON(!r);					/* pages->resv */
	HR_BUG_ON(!(r->used[i / 64] >> (i % 64) & 1));	/* r->used[i] */
	HR_BUG_ON(r->nr_unused >= HPAGE_NR);		/* r->nr_unused */
	r->used[i / 64] &= ~(1ULL << (i % 64));
	pp->written[i / 64] &= ~(1ULL << (i % 64));
	m->resv_unused_hist[r->nr_unused]--;
	r->nr_unused++;
	m->resv_unused_hist[r->nr_unused]++;
	m->nr_thp_reserved++;
	m->resv_stat[RS_RETURN]++;
	resv_touch(m, r);
}

/*
 * Can @r be promoted in place in @pt?  Every frame handed out must be
 * mapped here at its own index and only here, nothing else may be mapped
 * in the range but the zero page.  (The RFC also needed a writable PTE,
 * as every collapse did in 2018: its Known Issue 2.  Linux 6.18 dropped
 * that rule for khugepaged, and the engine follows the kernel.)
 */
bool thp_resv_can_promote(struct hr_machine *m, struct thp_resv *r,
			     struct pte_table *pt)
{
	unsigned i, mapped = 0;

	for (i = 0; i < HPAGE_NR; i++) {
		uint32_t v = pte_get(pt, i);
		bool used = r->used[i / 64] >> (i % 64) & 1;

		if (!PTE_PAGE(v)) {
			if (used)
				return false;	/* mapped elsewhere only */
			continue;
		}
		if (PTE_PFN(v) != r->pfn + i || !used ||
		    pb_mapcount(pfn_pb(&m->phys, r->pfn)->pages, i) != 1)
			return false;
		mapped++;
	}
	return mapped == HPAGE_NR - r->nr_unused;
}

/*
 * Does the range hold a page that is not its reservation's own frame at
 * its own index (a COW copy)?  Then it can never be promoted in place.
 */
bool thp_resv_has_foreign(const struct thp_resv *r, struct pte_table *pt)
{
	uint32_t v;
	unsigned i;

	for (i = pte_next(pt, 0, &v); i < HPAGE_NR; i = pte_next(pt, i + 1, &v))
		if (PTE_PAGE(v) && PTE_PFN(v) != r->pfn + i)
			return true;
	return false;
}

/* Promote @r in place: its block becomes the THP mapped by @pmd. */
void thp_resv_promote(struct vm_area *vma, struct thp_resv *r,
			 struct pmd_entry *pmd)
{
	struct hr_machine *m = vma->mm->m;
	struct pageblock *pb = pfn_pb(&m->phys, r->pfn);
	struct pb_pages *pp = pb->pages;
	struct pte_table *pt = pmd->pt;
	unsigned i, handed = HPAGE_NR - r->nr_unused;

	for (i = 0; i < HPAGE_NR; i++)
		pb_mapcount_set(pp, i, 0);
	m->nr_anon_pages -= handed;
	m->nr_thp_reserved -= r->nr_unused;
	m->resv_stat[RS_PROMOTE]++;
	m->resv_stat[RS_KEPT] += handed;
	m->ev[EV_ZERO_4K] += r->nr_unused;
	pmd->deposit = pt->frame;
	pte_table_free(m, pt, false);
	pmd->pt = NULL;
	pb->kind = PBK_THP;
	pp->resv = NULL;
	pp->haddr = r->haddr;
	pp->owner = vma->mm;	/* mapcounts were all 1: no one else */
	pb->entire_mapcount = 1;
	m->nr_anon_thps++;
	m->nr_anon_thps_pmd++;
	thp_deferred_add(m, r->pfn);
	pmd->huge = PTE_MK(r->pfn, (vma->flags & VM_WRITE) != 0);
	resv_forget(m, r);
}

/**
 * thp_resv_fault() - the reservation part of a write fault in an
 * eligible range (promotion_threshold > 1).  Sets *@handled when the
 * fault was served from a reservation; otherwise the base-page path goes
 * on (a present page's COW, a plain page when no block could be had).
 */
int thp_resv_fault(struct vm_area *vma, uint64_t addr, struct pmd_entry *pmd,
		   bool *handled)
{
	struct hr_proc *p = vma->mm;
	struct hr_machine *m = p->m;
	uint64_t haddr = addr & ~(HPAGE_SIZE - 1);
	unsigned i = (unsigned)(addr >> 12) & (HPAGE_NR - 1);
	uint32_t e = pte_get(pmd->pt, i), pfn;
	struct thp_resv *r = thp_resv_lookup(p, haddr);
	const struct thp_resv_policy_ops *ops = thp_resv_policy(m);
	struct pb_pages *pp;

	*handled = false;
	if (PTE_PAGE(e))
		return 0;
	if (!r) {
		if (!ops->should_reserve(vma, pmd->pt))
			return 0;
		khugepaged_enter(vma);
		if (anon_alloc_frame(m, vma, PB_SHIFT, PBK_RESV, &pfn)) {
			m->ev[EV_THP_RES_ALLOC_FAILED]++;
			return 0;
		}
		r = calloc(1, sizeof(*r));
		HR_BUG_ON(!r);
		r->haddr = haddr;
		r->mm = p;
		r->pfn = pfn;
		r->nr_unused = HPAGE_NR;
		m->resv_unused_hist[HPAGE_NR]++;
		list_init(&r->lru);
		list_add_tail(&r->lru, &m->resv_lru);
		resv_hash_add(p, r);
		pp = phys_pages(&m->phys, pfn);
		memset(pp->written, 0, sizeof(pp->written));
		pp->resv = r;
		pp->haddr = haddr;
		m->nr_resv++;
		m->nr_thp_reserved += HPAGE_NR;
		m->ev[EV_THP_RES_ALLOC]++;
		m->resv_stat[RS_RESERVE]++;
	}
	if (r->used[i / 64] >> (i % 64) & 1)
		return 0;	/* its frame is mapped elsewhere (a child) */
	pfn = r->pfn + i;
	r->used[i / 64] |= 1ULL << (i % 64);
	m->resv_unused_hist[r->nr_unused]--;
	r->nr_unused--;
	m->resv_unused_hist[r->nr_unused]++;
	m->nr_thp_reserved--;
	m->resv_stat[RS_POPULATE]++;
	anon_page_map(m, pfn);
	page_stored(m, pfn);
	pte_set(pmd->pt, i, PTE_MK(pfn, true));
	m->ev[EV_ZERO_4K]++;
	m->ev[EV_PGFAULT]++;
	resv_touch(m, r);
	*handled = true;
	if (ops->promote_sync(m, r) && ops->should_promote(m, r) &&
	    thp_resv_can_promote(m, r, pmd->pt)) {
		thp_resv_promote(vma, r, pmd);
		m->ev[EV_THP_RES_PROMOTE_SYNC]++;
	}
	return 0;
}

/**
 * thp_resv_release_range() - release @p's reservations whose range
 * overlaps [@start, @end): those wholly inside it (RESV_INSIDE), those
 * it cuts (RESV_STRADDLING), or both.
 */
void thp_resv_release_range(struct hr_proc *p, uint64_t start, uint64_t end,
			    unsigned which)
{
	uint64_t a;
	uint32_t k;

	if (!p->resv_n || end <= start)
		return;
	if ((end - start) / HPAGE_SIZE > 2ULL * p->resv_n) {
		for (k = 0; k < p->resv_cap && p->resv_n; k++) {
			struct thp_resv *r = p->resv[k], *nx;

			for (; r; r = nx) {
				nx = r->hnext;
				if (r->haddr + HPAGE_SIZE <= start ||
				    r->haddr >= end)
					continue;
				if (!(which & (r->haddr >= start &&
					       r->haddr + HPAGE_SIZE <= end
					       ? RESV_INSIDE : RESV_STRADDLING)))
					continue;
				thp_resv_release(p->m, r);
			}
		}
		return;
	}
	for (a = start & ~(HPAGE_SIZE - 1); a < end; a += HPAGE_SIZE) {
		struct thp_resv *r = thp_resv_lookup(p, a);

		if (!r)
			continue;
		if (!(which & (a >= start && a + HPAGE_SIZE <= end
			       ? RESV_INSIDE : RESV_STRADDLING)))
			continue;
		thp_resv_release(p->m, r);
	}
}

/**
 * thp_resv_move() - mremap moved [@start, @end) to @new_start: a range
 * wholly inside moves with it when the distance keeps 2 MiB alignment;
 * every other overlapping one is released.
 */
void thp_resv_move(struct hr_proc *p, uint64_t start, uint64_t end,
		   uint64_t new_start)
{
	uint64_t delta = new_start - start, a;

	if (delta & (HPAGE_SIZE - 1)) {
		thp_resv_release_range(p, start, end, RESV_BOTH);
		return;
	}
	thp_resv_release_range(p, start, end, RESV_STRADDLING);
	for (a = start & ~(HPAGE_SIZE - 1); a < end; a += HPAGE_SIZE) {
		struct thp_resv *r = thp_resv_lookup(p, a);

		if (!r)
			continue;
		resv_hash_del(p, r);
		p->m->resv_stat[RS_MOVE]++;
		r->haddr += delta;
		pfn_pb(&p->m->phys, r->pfn)->pages->haddr = r->haddr;
		resv_hash_add(p, r);
	}
}

/** thp_mm_release() - exit: every reservation of @p goes. */
void thp_mm_release(struct hr_proc *p)
{
	uint32_t k;

	for (k = 0; k < p->resv_cap; k++)
		while (p->resv[k])
			thp_resv_release(p->m, p->resv[k]);
	free(p->resv);
	p->resv = NULL;
	p->resv_cap = p->resv_n = 0;
}


/* ------------------------------------------------------------------ */
/* Memory pressure                                                     */

/**
 * thp_resv_shrink() - the reservations' shrinker, first in every reclaim:
 * release what the policy picks, one reservation at a time, until it
 * picks none (release-all: every one, whatever the reclaim wants).
 */
void thp_resv_shrink(struct hr_machine *m, const struct shrink_control *sc)
{
	const struct thp_resv_policy_ops *ops = thp_resv_policy(m);
	struct thp_resv *r;

	while ((r = ops->pick_victim(m, sc->want, shrink_freed(m, sc)))) {
		m->resv_stat[RS_PRESSURE]++;
		thp_resv_release(m, r);
	}
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

/**
 * thp_resv_check() - nr_thp_reserved is the sum of unused reserved
 * frames; every reservation lies inside one eligible anonymous VMA of its
 * mm, is in its mm's hash, and its handed-out frames are mapped.
 */
void thp_resv_check(struct hr_machine *m, struct check_ctx *c)
{
	struct list_head *l;
	uint64_t unused = 0, n = 0, handed = 0;
	const uint64_t *rs = m->resv_stat;
	uint32_t hist[HPAGE_NR + 1] = { 0 };
	unsigned nu;

	for (unsigned i = 0; i < RESV_SHRINK__COUNT; i++)
		CHECK(c, !strcmp(thp_resv_policies[i]->name,
				 thp_resv_policy_words[i]),
		      "policy %u: ops name %s is not its resv_shrink word %s",
		      i, thp_resv_policies[i]->name, thp_resv_policy_words[i]);

	list_for_each(l, &m->resv_lru) {
		struct thp_resv *r = list_entry(l, struct thp_resv, lru);
		struct vm_area *v = vma_at(r->mm, r->haddr);
		struct pageblock *pb = pfn_pb(&m->phys, r->pfn);
		unsigned k, used = 0;

		n++;
		unused += r->nr_unused;
		CHECK(c, v && vma_is_anon(v) && thp_range_ok(v, r->haddr),
		      "thp: pid %d reservation at %#llx outside its VMA",
		      r->mm->pid, (unsigned long long)r->haddr);
		CHECK(c, thp_resv_lookup(r->mm, r->haddr) == r,
		      "thp: reservation at %#llx not in its mm's hash",
		      (unsigned long long)r->haddr);
		CHECK(c, pb->state == PB_ALLOC_HEAD && pb->kind == PBK_RESV &&
			 pb->pages && pb->pages->resv == r,
		      "thp: reservation at %#llx does not own its block",
		      (unsigned long long)r->haddr);
		for (k = 0; k < HPAGE_NR; k++) {
			bool u = r->used[k / 64] >> (k % 64) & 1;

			used += u;
			if (pb->pages)
				CHECK(c, u == (pb_mapcount(pb->pages, k) != 0),
				      "thp: reservation at %#llx frame %u "
				      "used=%d mapcount=%u",
				      (unsigned long long)r->haddr, k, u,
				      pb_mapcount(pb->pages, k));
		}
		handed += used;
		hist[r->nr_unused]++;
		CHECK(c, used + r->nr_unused == HPAGE_NR,
		      "thp: reservation at %#llx used %u + unused %u != 512",
		      (unsigned long long)r->haddr, used, r->nr_unused);
	}
	CHECK(c, unused == m->nr_thp_reserved,
	      "thp: nr_thp_reserved=%llu but reservations hold %llu",
	      (unsigned long long)m->nr_thp_reserved,
	      (unsigned long long)unused);
	CHECK(c, n == m->nr_resv, "thp: nr_resv=%llu, %llu on the LRU",
	      (unsigned long long)m->nr_resv, (unsigned long long)n);
	for (nu = 0; nu <= HPAGE_NR; nu++)
		CHECK(c, hist[nu] == m->resv_unused_hist[nu],
		      "thp: resv_unused_hist[%u]=%u but %u reservations have "
		      "%u unused", nu, m->resv_unused_hist[nu], hist[nu], nu);
	/* the transition counters account for every live reservation */
	CHECK(c, rs[RS_RESERVE] - rs[RS_PROMOTE] - rs[RS_RELEASE] == n,
	      "thp: resv_stat reserve %llu - promote %llu - release %llu, "
	      "but %llu live", (unsigned long long)rs[RS_RESERVE],
	      (unsigned long long)rs[RS_PROMOTE],
	      (unsigned long long)rs[RS_RELEASE], (unsigned long long)n);
	CHECK(c, rs[RS_POPULATE] - rs[RS_RETURN] - rs[RS_KEPT] == handed,
	      "thp: resv_stat populate %llu - return %llu - kept %llu, but "
	      "%llu frames handed out", (unsigned long long)rs[RS_POPULATE],
	      (unsigned long long)rs[RS_RETURN],
	      (unsigned long long)rs[RS_KEPT], (unsigned long long)handed);
	CHECK(c, rs[RS_RESERVE] == m->ev[EV_THP_RES_ALLOC] &&
		 rs[RS_RELEASE] == m->ev[EV_THP_RES_RELEASE] &&
		 rs[RS_PRESSURE] <= rs[RS_RELEASE],
	      "thp: resv_stat reserve %llu release %llu (pressure %llu) but "
	      "thp_res_alloc %llu thp_res_release %llu",
	      (unsigned long long)rs[RS_RESERVE],
	      (unsigned long long)rs[RS_RELEASE],
	      (unsigned long long)rs[RS_PRESSURE],
	      (unsigned long long)m->ev[EV_THP_RES_ALLOC],
	      (unsigned long long)m->ev[EV_THP_RES_RELEASE]);
	list_for_each(l, &m->procs) {
		struct hr_proc *p = list_entry(l, struct hr_proc, link);
		uint32_t k, cnt = 0;

		for (k = 0; k < p->resv_cap; k++) {
			struct thp_resv *r;

			for (r = p->resv[k]; r; r = r->hnext) {
				cnt++;
				CHECK(c, r->mm == p, "thp: reservation in the "
				      "wrong mm's hash");
			}
		}
		CHECK(c, cnt == p->resv_n, "thp: pid %d resv_n=%u, %u hashed",
		      p->pid, p->resv_n, cnt);
	}
}
