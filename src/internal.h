/* SPDX-License-Identifier: MIT */
/*
 * internal.h - structures shared by the engine's subsystems.
 *
 * The engine is layered like the kernel it models.  From the top down:
 *
 *     machine.c   the machine object: new/free, the machine-wide
 *                 validators (hr_machine_check()), tunables; registers
 *                 the shrinkers
 *     stats.c     the text of /proc/meminfo, smaps, sysfs (read only)
 *     mm.c        address spaces and VMAs: mmap, munmap, mprotect,
 *                 mremap, madvise, fork, exit, fault dispatch
 *     hugetlbfs.c mounts, inodes, page cache, truncate, hole punch,
 *                 unlink, shm segments, the files behind MAP_HUGETLB
 *     hugetlb.c   reserve/unreserve, the fault path and COW,
 *                 hugetlb VMA operations (open, close, split)
 *     subpool.c   hugepage_subpool accounting (size= / min_size=)
 *     region.c    resv_map and file_region: region_chg/add/abort/del/count
 *     hstate.c    the per-size pools: free, reserved, surplus, resize
 *     anon.c      anonymous memory in base pages: the fault path, COW,
 *                 zap, fork, mremap; it calls THP through its hooks
 *                 (thp_huge_fault, thp_huge_wp, thp_split_pmd,
 *                 thp_zap_pmd, thp_cow_reuse, thp_resv_fault, ...)
 *     khugepaged.c khugepaged's scan, collapse, MADV_COLLAPSE
 *     rmap.c      a page's last PTE mapping going (anon_page_unmap)
 *     thp_resv.c  THP reservations (the RFC, seed 004) and the table of
 *                 reservation policies: its own (release-all, LRU) and
 *                 those in files of their own below it (thp_resv_util.c)
 *     huge_memory.c THP: fault, huge zero page, PMD split, deferred
 *                 split queue and its shrinkers, MADV_PAGEOUT
 *     pgtable.c   page tables of anonymous memory: PTE tables, PMD
 *                 tables, their frames, for_each_pmd_range()
 *     page_alloc.c frames for anonymous memory (nodes, direct reclaim),
 *                 map counts, the shrinkers' reclaim
 *     phys.c      base memory per node (the buddy allocator)
 *     base.c      the bottom: the engine's allocations, HR_BUG_ON and
 *                 CHECK reports, fault injection, taint
 *
 * The anonymous fault path and THP call one way: anon.c calls down into
 * THP, and nothing in THP, khugepaged or the reservations calls anon.c.
 * What both need sits below them (pgtable.c, page_alloc.c, rmap.c), and
 * memory pressure reaches the THP layers through the shrinkers they
 * registered, not by a call up from the allocator.
 *
 * Calls go down the stack, with one loop kept on purpose because the
 * kernel has it: mm.c -> hugetlbfs.c -> hugetlb.c for a hugetlb fault
 * or mmap, and back up when hugetlbfs truncates or punches a hole
 * (hugetlbfs.c -> mm.c: mm_unmap_file_range(), as hugetlbfs's
 * remove_inode_hugepages() walks the mappings through i_mmap) and when
 * hugetlb asks mm.c for a VMA's size in pages.  A second, smaller one
 * is mm/hugetlb.c's own: the pool (hstate.c) and the subpools
 * (subpool.c) account for each other (hugetlb_acct_memory(),
 * hugepage_subpool_put_pages()), which Linux keeps in one file.  Nothing
 * calls up into machine.c, and base.c calls no one.
 *
 * Locking: the engine is single threaded; a machine must not be used by
 * two threads at once.  Where the kernel takes a lock (hugetlb_lock,
 * resv_map->lock, spool->lock) the comments name it so that a reader can
 * map each step to the kernel's critical sections, and the code keeps
 * the kernel's order of updates inside and across those sections.
 */
#ifndef HR_INTERNAL_H
#define HR_INTERNAL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hugeresv.h"

/* ------------------------------------------------------------------ */
/* Lists                                                               */

struct list_head {
	struct list_head *next, *prev;
};

static inline void list_init(struct list_head *h)
{
	h->next = h->prev = h;
}

static inline bool list_empty(const struct list_head *h)
{
	return h->next == h;
}

static inline void list_insert(struct list_head *n, struct list_head *prev,
			       struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}

static inline void list_add_tail(struct list_head *n, struct list_head *h)
{
	list_insert(n, h->prev, h);
}

/* Insert @n before @pos. */
static inline void list_add_before(struct list_head *n, struct list_head *pos)
{
	list_insert(n, pos->prev, pos);
}

static inline void list_del(struct list_head *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	n->next = n->prev = n;
}

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_for_each(pos, head) \
	for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)
#define list_for_each_safe(pos, n, head) \
	for ((pos) = (head)->next, (n) = (pos)->next; (pos) != (head); \
	     (pos) = (n), (n) = (pos)->next)

/*
 * Does machine @m follow a kernel older than MAJOR.MINOR, the version
 * that brought the behaviour the caller implements?  True only for an
 * older profile (struct hr_machine, kernel_version).
 */
#define KERNEL_BEFORE(m, major, minor) \
	((m)->kernel_version < HR_KERNEL(major, minor))

#define HR_MIN(a, b) ((a) < (b) ? (a) : (b))
#define HR_MAX(a, b) ((a) > (b) ? (a) : (b))

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

/*
 * Validators report through a struct check_ctx: the first violation's
 * message is kept, later ones are counted.  CHECK() names the broken
 * field, as FreeBSD's KASSERTs do.
 */
struct check_ctx {
	char *msg;
	size_t len;
	int failures;
};

void check_fail(struct check_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define CHECK(c, cond, ...)                                  \
	do {                                                 \
		if (!(cond))                                 \
			check_fail((c), __VA_ARGS__);        \
	} while (0)

/* Internal consistency assertion: aborts with a message in every build. */
#define HR_BUG_ON(cond)                                                   \
	do {                                                              \
		if (cond)                                                 \
			hr_bug(__FILE__, __LINE__, #cond);                \
	} while (0)
void hr_bug(const char *file, int line, const char *what)
	__attribute__((noreturn));

void *hr_zalloc(struct hr_machine *m, size_t size);

/* ------------------------------------------------------------------ */
/* Fault injection (engine-only)                                       */

/*
 * Allocation sites that the error-path scenarios can make fail.  Each
 * site has a countdown: when it reaches zero the allocation fails once.
 */
enum fail_site {
	FAIL_HPAGE_ALLOC,	/* taking a huge page for a fault */
	FAIL_REGION_CACHE,	/* a file_region descriptor */
	FAIL_PAGE_CACHE_ADD,	/* inserting a page in the page cache */
	FAIL__COUNT
};

bool machine_should_fail(struct hr_machine *m, enum fail_site site);

/*
 * Taint: the model took a path on which Linux itself loses exact
 * reservation accounting (only reachable with injected failures).  The
 * engine then does what the kernel does, and the conservation validator,
 * which would rightly object, stands down for that machine.  Like the
 * kernel's own taint flags, it never clears.
 */
#define HR_TAINT_RESV	0x1	/* a reserve map and the global count disagree */
/*
 * An unmount left HugePages_Rsvd wrong for good, as Linux 6.18 does
 * (subpool.c: hugepage_put_subpool()).  Reachable without injection;
 * the validators stay on, since hstate->resv_skew counts the error.
 */
#define HR_TAINT_UMOUNT	0x2
/*
 * An older kernel profile's subpool accounting (before 6.14/6.15, see
 * hugetlb.c) left HugePages_Rsvd apart from what the maps and subpools
 * hold, as that kernel does; hstate->resv_skew counts it, so the
 * validators stay on.
 */
#define HR_TAINT_OLD_KERNEL 0x4
void machine_taint(struct hr_machine *m, unsigned flag, const char *why);

/* ------------------------------------------------------------------ */
/* phys.c: base memory                                                 */

/*
 * Base memory is a buddy allocator over 4 KiB frames (pfns), orders 0 to
 * PHYS_MAX_ORDER (1 GiB), with its metadata kept per 2 MiB pageblock so
 * that a 256 GiB machine costs a few MiB until its blocks are broken up.
 *
 * struct pageblock - one 2 MiB-aligned block of 512 frames.
 *
 * States (lock: zone->lock in Linux; the engine is single threaded):
 *   PB_FREE_HEAD   first block of a free buddy block of order >= 9, on
 *                  the node's free list of that order (next/prev)
 *   PB_FREE_TAIL   a later block of such a free buddy block
 *   PB_SPLIT       broken into base frames: pages->free says which are
 *                  free; on the node's partial list (next/prev) while
 *                  0 < nfree (a block whose last frame is freed goes back
 *                  to the buddy lists at order 9 and merges)
 *   PB_ALLOC_HEAD  first block of an allocation of order >= 9; kind says
 *                  whose: a hugetlb page, a THP, a THP reservation
 *   PB_ALLOC_TAIL  a later block of an allocation of order > 9
 *
 * Invariants: free[n] equals the free frames of node n (free buddy
 * blocks plus free frames of split blocks); a free buddy block's buddy of
 * the same order is never free (they would have merged); frames that do
 * not exist (past a node's end) are never free.
 *
 * struct pb_pages - per-frame state of a block whose frames are used one
 * by one: a split block (base pages, page tables), a THP that may be
 * mapped by PTEs, a THP reservation.  mapcount counts the PTEs mapping
 * each frame (the high byte only exists once a count passes 255);
 * written marks frames that have been stored to (a THP subpage never
 * written is zero-filled, which the underused-THP shrinker looks for).
 */
#define PB_SHIFT	9			/* frames per block: 512 */
#define PB_FRAMES	(1U << PB_SHIFT)
#define PHYS_MAX_ORDER	18			/* 1 GiB */
#define PB_NONE		UINT32_MAX

enum pb_state { PB_FREE_HEAD, PB_FREE_TAIL, PB_SPLIT, PB_ALLOC_HEAD,
		PB_ALLOC_TAIL };
enum pb_kind { PBK_NONE, PBK_HUGETLB, PBK_THP, PBK_RESV };

struct thp_resv;

struct pb_pages {
	uint64_t free[PB_FRAMES / 64];
	uint64_t written[PB_FRAMES / 64];
	uint8_t mapcount[PB_FRAMES];
	uint8_t *mapcount_hi;			/* NULL until a count > 255 */
	struct thp_resv *resv;			/* PBK_RESV: its reservation */
	uint64_t haddr;				/* THP: where PMDs map it, or
						 * UINT64_MAX if moved apart */
	struct hr_proc *owner;			/* THP: the only mm that can
						 * map it, or NULL once a fork
						 * has copied a mapping of it */
};

struct pageblock {
	uint8_t state;				/* enum pb_state */
	uint8_t order;				/* FREE_HEAD, ALLOC_HEAD */
	uint8_t kind;				/* ALLOC_HEAD: enum pb_kind */
	uint8_t nid;
	uint16_t nfree;				/* SPLIT: free frames */
	uint16_t entire_mapcount;		/* THP: PMD mappings */
	uint32_t next, prev;			/* free or partial list */
	uint32_t deferred;			/* THP: on the split queue */
	struct pb_pages *pages;
};

/* Is @pb the block of an anonymous THP (PMD- or PTE-mapped)? */
static inline bool pb_is_thp(const struct pageblock *pb)
{
	return pb->state == PB_ALLOC_HEAD && pb->kind == PBK_THP;
}

/*
 * struct phys - the machine's base memory.  Node n owns pageblocks
 * [pb_start[n], pb_end[n]) and total[n] frames in them (a partial last
 * block's missing frames are absent[n]).  keep[n] is the watermark no
 * allocation may take free[n] below (min_free_kbytes and friends).
 */
struct phys {
	int nr_nodes;
	uint64_t total[HR_MAX_NODES];	/* base pages */
	uint64_t free[HR_MAX_NODES];
	uint64_t keep[HR_MAX_NODES];
	uint32_t pb_start[HR_MAX_NODES], pb_end[HR_MAX_NODES];
	uint32_t absent[HR_MAX_NODES];
	uint32_t free_head[HR_MAX_NODES][PHYS_MAX_ORDER + 1];
	uint32_t partial[HR_MAX_NODES];	/* split blocks with free frames */
	uint32_t nr_pb;
	struct pageblock *pb;
	uint64_t nr_pages_structs;	/* pb_pages allocated (own memory) */
};

int phys_init(struct phys *ph, uint64_t bytes, int nodes);
void phys_destroy(struct phys *ph);
int phys_alloc(struct phys *ph, int nid, unsigned order, enum pb_kind kind,
	       uint32_t *pfn);
void phys_free(struct phys *ph, uint32_t pfn, unsigned order);
unsigned phys_split_block(struct phys *ph, uint32_t pfn, const uint64_t *keep);
struct pb_pages *phys_pages(struct phys *ph, uint32_t pfn);
uint64_t phys_total(const struct phys *ph);
uint64_t phys_free_total(const struct phys *ph);
uint64_t phys_keep_total(const struct phys *ph);
uint64_t phys_free_blocks(const struct phys *ph, int nid, unsigned order);
void phys_check(const struct phys *ph, struct check_ctx *c);

static inline struct pageblock *pfn_pb(const struct phys *ph, uint32_t pfn)
{
	return &ph->pb[pfn >> PB_SHIFT];
}

static inline unsigned pb_mapcount(const struct pb_pages *pp, unsigned i)
{
	return pp->mapcount[i] | (pp->mapcount_hi ? pp->mapcount_hi[i] << 8 : 0);
}

void pb_mapcount_set(struct pb_pages *pp, unsigned i, unsigned v);

/* ------------------------------------------------------------------ */
/* hstate.c: huge page pools                                           */

#define HSTATE_2M 0
#define HSTATE_1G 1
#define HR_NR_HSTATES 2

/*
 * struct hpage - an allocated huge page (the kernel's hugetlb folio).
 *
 * Free pages in the pool have no hpage: they are counts on their node.
 * An hpage exists from the moment a page leaves the free list (or is
 * allocated fresh as surplus) until it goes back (free_huge_folio).
 *
 * States:
 *   allocated   refcount >= 1, mapcount == 0, not in a page cache
 *               (between alloc and instantiation: RESTORE_RESERVE may be
 *               set, telling free to give the reservation back)
 *   cached      in an inode's page cache (mapping != NULL): the cache
 *               holds one reference; mapped or not
 *   anon        private copy (HP_ANON): referenced only by its PTEs
 *
 * Invariants: refcount == mapcount + (mapping ? 1 : 0) outside a fault;
 *   RESTORE_RESERVE is clear once the page is instantiated (in a cache
 *   or mapped), except after the owner's zap of an anon page that is
 *   still mapped elsewhere (the 6.x restore-on-zap rule, hugetlb.c).
 */
struct hpage {
	struct hstate *h;
	int nid;
	unsigned flags;
#define HP_RESTORE_RESERVE 0x1	/* PagePrivate in v4.10 */
#define HP_ANON            0x2
#define HP_TEMPORARY       0x4	/* migration target outside the pool */
	struct hugepage_subpool *spool;	/* page->private */
	int refcount;
	int mapcount;
	struct hr_file *mapping;	/* page cache owner, or NULL */
	long index;			/* huge page index in @mapping */
	struct list_head active;	/* on hstate->active */
	int scratch;			/* validators' use only */
};

/*
 * struct hstate - one huge page size's pool (lock: hugetlb_lock).
 *
 * Counters, as Linux keeps them:
 *   nr_huge_pages      every huge page of this size (HugePages_Total)
 *   free_huge_pages    on the free lists (HugePages_Free)
 *   resv_huge_pages    promised to reservations (HugePages_Rsvd)
 *   surplus_huge_pages allocated beyond the persistent pool
 *                      (HugePages_Surp), at most nr_overcommit_huge_pages
 *                      when they were allocated
 * Invariants:
 *   free <= nr;  surplus <= nr;
 *   sum over nodes of the *_node counters equals the global counter;
 *   free + |active| == nr (every page is free or has an hpage);
 *   resv + (pages carrying RESTORE_RESERVE) >= 0 and equals what the
 *   reserve maps, private owners and subpools hold (machine.c).
 * resv <= free is the design's promise (a reserved page is a free page
 * only its reservation may take) but Linux 6.18 breaks it in two
 * corners, and so does this model: see hstate_check().
 *
 * resv_skew counts what Linux's unmount got wrong in resv_huge_pages, so
 * that the validators can stay exact: hugepage_put_subpool() adds the
 * reservations a subpool held when it went away minus those it gave
 * back.  Positive: a subpool that was not freed (its reserve stays in
 * HugePages_Rsvd with no holder, for good); negative: a minimum released
 * in full although the subpool held only part of it (HugePages_Rsvd
 * drops below what is really held, and may wrap).  Never changes after
 * that; the machine's teardown cancels it.
 */
struct hstate {
	struct hr_machine *m;
	int idx;
	unsigned order;			/* in base pages: 9 or 18 */
	uint64_t size;			/* bytes */
	unsigned long nr_huge_pages;
	unsigned long free_huge_pages;
	unsigned long resv_huge_pages;
	unsigned long surplus_huge_pages;
	unsigned long nr_overcommit_huge_pages;
	unsigned long max_huge_pages;	/* persistent pool size last set */
	long resv_skew;			/* see above: unmount's miscount */
	unsigned long nr_huge_pages_node[HR_MAX_NODES];
	unsigned long free_huge_pages_node[HR_MAX_NODES];
	unsigned long surplus_huge_pages_node[HR_MAX_NODES];
	/*
	 * The frames of every page of this size on each node, in no order
	 * (nr_huge_pages_node[n] of them): pool pages are counts, not
	 * objects, so any one of a node's pages can go back to the buddy
	 * allocator when the pool shrinks.
	 */
	uint32_t *pfns[HR_MAX_NODES];
	unsigned long pfn_cap[HR_MAX_NODES];
	int next_nid_to_alloc;
	int next_nid_to_free;
	struct list_head active;	/* hpages in use */
};

void hstate_init(struct hstate *h, struct hr_machine *m, int idx);
void hstate_teardown(struct hstate *h);
bool hstate_is_gigantic(const struct hstate *h);
unsigned long hstate_available(const struct hstate *h);
unsigned long hstate_nr_restoring(const struct hstate *h);
int hstate_set_max(struct hstate *h, unsigned long count);
int hugetlb_acct_memory(struct hstate *h, long delta);
/* A set of nodes, bit n for node n; 0 means every node (no policy). */
typedef unsigned long nodemask_t;
int hstate_set_max_node(struct hstate *h, unsigned long count, int nid,
			nodemask_t mask);
struct hpage *hstate_dequeue(struct hstate *h, int nid_pref, nodemask_t mask);
struct hpage *hstate_alloc_surplus(struct hstate *h, int nid_pref,
				   nodemask_t mask);
struct hpage *hstate_alloc_temporary(struct hstate *h, int nid);
void free_huge_folio(struct hpage *pg);
void hstate_check(const struct hstate *h, struct check_ctx *c);
struct hstate *hstate_for_size(struct hr_machine *m, uint64_t size);

/* ------------------------------------------------------------------ */
/* region.c: reserve maps                                              */

/*
 * struct file_region - a range [from, to) of huge page indices.
 *
 * In a shared (inode) map a region means "a reservation exists or did
 * exist for these pages"; in a private map it means "the reservation of
 * these pages was consumed".  Regions in a map are sorted, non-empty,
 * disjoint and never adjacent (adjacent ones are coalesced).
 */
struct file_region {
	struct list_head link;
	long from;
	long to;
};

/*
 * struct resv_map - a reserve map (lock: resv_map->lock).
 *
 * refs           inode maps: 1 (the inode); private maps: one per VMA
 *                of the owner's mapping (split VMAs share the map)
 * regions        sorted list of file_region
 * adds_in_progress  region_chg calls not yet ended by region_add or
 *                region_abort; each reserved regions_needed descriptors
 * region_cache   spare descriptors; invariant:
 *                region_cache_count >= adds_in_progress, so region_add
 *                and region_abort never fail (the two-phase protocol)
 */
struct resv_map {
	struct hr_machine *m;
	int refs;
	struct list_head regions;
	long adds_in_progress;
	struct list_head region_cache;
	long region_cache_count;
};

struct resv_map *resv_map_alloc(struct hr_machine *m);
void resv_map_get(struct resv_map *rm);
void resv_map_put(struct resv_map *rm);
long region_chg(struct resv_map *rm, long f, long t, long *regions_needed);
long region_add(struct resv_map *rm, long f, long t, long regions_needed);
void region_abort(struct resv_map *rm, long f, long t, long regions_needed);
long region_del(struct resv_map *rm, long f, long t);
long region_count(struct resv_map *rm, long f, long t);
void resv_map_check(const struct resv_map *rm, struct check_ctx *c,
		    const char *who);

/* ------------------------------------------------------------------ */
/* subpool.c: hugetlbfs size= and min_size=                            */

/*
 * struct hugepage_subpool - a mount's share of an hstate (lock:
 * spool->lock).
 *
 * max_hpages  size= in huge pages, -1 if none; used_hpages counts pages
 *             allocated or reserved against it (only when max != -1)
 * min_hpages  min_size= in huge pages, -1 if none
 * rsv_hpages  global reservations the subpool holds for its minimum:
 *             starts at min_hpages; 0 <= rsv_hpages <= min_hpages
 */
struct hugepage_subpool {
	struct hstate *hstate;
	long max_hpages;
	long used_hpages;
	long min_hpages;
	long rsv_hpages;
};

struct hugepage_subpool *hugepage_new_subpool(struct hstate *h, long max,
					      long min);
void hugepage_put_subpool(struct hugepage_subpool *spool);
long hugepage_subpool_get_pages(struct hugepage_subpool *spool, long delta);
long hugepage_subpool_put_pages(struct hugepage_subpool *spool, long delta);
void subpool_check(const struct hugepage_subpool *spool,
		   struct check_ctx *c);

/* ------------------------------------------------------------------ */
/* hugetlbfs.c: mounts, inodes, shm                                    */

/* An hugetlbfs superblock; the internal ones (anon, shm) have no subpool. */
struct hr_mount {
	struct hr_machine *m;
	struct hstate *h;
	struct hugepage_subpool *spool;
	bool internal;
	struct list_head link;		/* machine->mounts */
};

/* One page cache slot: huge page index -> hpage. */
struct pc_slot {
	long index;
	struct hpage *page;
};

enum file_kind { FILE_REGULAR, FILE_ANON_HUGETLB, FILE_SHM };

/*
 * struct hr_file - an hugetlbfs inode (regular file, the file behind a
 * MAP_HUGETLB mapping, or an shm segment).
 *
 * Lifetime: alive while nlink > 0 (a name, or an shm id not yet
 * removed) or any VMA maps it (mappers); then evicted: every cached page
 * is freed and every reservation left in the map is returned.
 * Invariants: page cache slots sorted by index, unique; every cached
 * page has mapping == this file and index == its slot.
 */
struct hr_file {
	struct hr_machine *m;
	struct hr_mount *mnt;
	struct hstate *h;
	enum file_kind kind;
	uint64_t size;			/* i_size in bytes */
	int nlink;
	int mappers;			/* VMAs referencing the file */
	bool s_private;			/* shm: mappings do not reserve */
	int shm_flags;
	struct resv_map *resv;		/* inode_resv_map */
	struct pc_slot *pc;		/* page cache */
	long pc_n, pc_cap;
	struct list_head link;		/* machine->files */
};

int hugetlbfs_mount_internal(struct hr_machine *m, struct hstate *h,
			     struct hr_mount **out);
struct hr_file *hugetlbfs_new_inode(struct hr_mount *mnt, enum file_kind kind);
void hugetlbfs_file_get(struct hr_file *f);
void hugetlbfs_file_put(struct hr_file *f);
struct hpage *pagecache_lookup(struct hr_file *f, long index);
int pagecache_add(struct hr_file *f, struct hpage *pg, long index);
void pagecache_delete(struct hr_file *f, struct hpage *pg);
struct hugepage_subpool *subpool_inode(struct hr_file *f);
int hugetlb_file_setup(struct hr_machine *m, struct hstate *h,
		       uint64_t size, bool noreserve, enum file_kind kind,
		       struct hr_file **out);
void hugetlbfs_teardown(struct hr_machine *m);
void hugetlbfs_check(struct hr_machine *m, struct check_ctx *c);

/* ------------------------------------------------------------------ */
/* mm.c: address spaces                                                */

#define VM_READ      0x0001
#define VM_WRITE     0x0002
#define VM_SHARED    0x0008
#define VM_MAYREAD   0x0010
#define VM_MAYWRITE  0x0020
#define VM_MAYSHARE  0x0080
#define VM_NORESERVE 0x00200000
#define VM_HUGETLB   0x00400000
#define VM_ACCOUNT   0x00100000	/* charged to Committed_AS */
#define VM_HUGEPAGE  0x20000000	/* MADV_HUGEPAGE */
#define VM_NOHUGEPAGE 0x40000000	/* MADV_NOHUGEPAGE */

/* Flags kept with a private reserve map pointer (vm_private_data). */
#define HPAGE_RESV_OWNER    0x1
#define HPAGE_RESV_UNMAPPED 0x2

/* A hugetlb page table entry. */
struct hpte {
	struct hpage *page;	/* NULL: none */
	bool write;		/* writable (not write protected) */
};

/*
 * struct vm_area - a VMA (lock: mmap_lock of its mm).
 *
 * [start, end) is aligned to the VMA's page size for hugetlb VMAs.
 * pgoff is the file offset of start in base pages (vm_pgoff).
 * resv/resv_flags are vm_private_data for hugetlb: a private mapping
 * that reserved has resv != NULL and HPAGE_RESV_OWNER; a fork child's
 * copy has neither; HPAGE_RESV_UNMAPPED marks a child whose page the
 * owner unmapped on a failed COW.  pte holds one entry per huge page,
 * allocated on first fault.  anon_vma is set once a private copy has
 * been made in the VMA (what makes fork copy its page table).
 * nodemask is the VMA's memory policy: pages for it come only from these
 * nodes, whatever the (global) reservations say.
 */
struct vm_area {
	struct hr_proc *mm;
	uint64_t start, end;
	uint64_t pgoff;
	unsigned long flags;
	struct hr_file *file;
	struct hstate *h;
	struct resv_map *resv;
	unsigned resv_flags;
	bool anon_vma;
	unsigned long nodemask;		/* mbind(MPOL_BIND); 0: default */
	struct hpte *pte;
	struct list_head link;		/* mm->vmas, sorted by start */
};

/*
 * struct hr_proc - a process and its address space (mm_struct).
 *
 * Base-page memory hangs off @pmdt: one struct pmd_table per GiB of
 * address space that has page tables (anon.c).  @resv is the per-mm
 * hash of THP reservations (thp_resv.c), keyed by 2 MiB-aligned address, as
 * the RFC's reviewers asked (per address space, not per VMA).
 * @thp_registered is MMF_VM_HUGEPAGE: khugepaged scans this mm.
 */
struct hr_proc {
	struct hr_machine *m;
	int pid;
	struct list_head vmas;
	uint64_t next_addr;		/* placement cursor */
	struct list_head link;		/* machine->procs */
	struct vm_area *vma_cache;	/* last VMA a fault found */
	struct pmd_table **pmdt;	/* open addressing by GiB index */
	uint32_t pmdt_cap, pmdt_n;
	struct pmd_table *pmdt_last;
	struct thp_resv **resv;		/* hash of reservations */
	uint32_t resv_cap, resv_n;
	bool thp_registered;
	uint64_t committed;		/* pages this mm charged (VM_ACCOUNT) */
	/*
	 * The task's memory policy (set_mempolicy(MPOL_BIND)): bit n for
	 * node n, 0 for the default.  A VMA without a policy of its own
	 * takes its pages from these nodes (vma_policy_nodes()); a
	 * reservation made by this task counts and gathers surplus pages on
	 * them only, and its writes of nr_hugepages_mempolicy grow and
	 * shrink the pool there.  Set by hr_set_mempolicy(), copied by fork.
	 */
	unsigned long mempolicy;
};

/* The nodes @vma's pages may come from: its policy, else its task's. */
static inline unsigned long vma_policy_nodes(const struct vm_area *vma)
{
	return vma->nodemask ? vma->nodemask :
	       vma->mm ? vma->mm->mempolicy : 0;
}

uint64_t vma_pages(const struct vm_area *vma);	/* huge pages */

/* Is @vma private anonymous memory (no file, not hugetlb)? */
static inline bool vma_is_anon(const struct vm_area *vma)
{
	return !(vma->flags & VM_HUGETLB) && !vma->file;
}

/* The VMA of @p that holds @addr, or NULL (a walk of the sorted list). */
static inline struct vm_area *vma_at(struct hr_proc *p, uint64_t addr)
{
	struct list_head *l;

	list_for_each(l, &p->vmas) {
		struct vm_area *v = list_entry(l, struct vm_area, link);

		if (addr >= v->start && addr < v->end)
			return v;
	}
	return NULL;
}
long vma_hugecache_offset(const struct vm_area *vma, uint64_t addr);
void mm_check(struct hr_machine *m, struct check_ctx *c);
void mm_teardown(struct hr_machine *m);
/* Zap every mapping of @pg in VMAs of @f at @index (truncate, punch). */
void mm_unmap_file_range(struct hr_file *f, long start, long end);

/* ------------------------------------------------------------------ */
/* pgtable.c: page tables of anonymous memory                          */

/*
 * A page table entry, 32 bits: 0 is none; PTE_ZERO maps the shared zero
 * page (never writable); otherwise (pfn + 1) in 30 bits, PTE_YOUNG set
 * while the entry has been accessed (the hardware accessed bit: fork
 * makes the child's entries old, khugepaged wants one young entry), and
 * PTE_W set when the
 * entry is writable (clear after fork until a write fault reuses or
 * copies the page).  pfns therefore fit in 31 bits (phys_init's limit).
 */
#define PTE_NONE	0u
#define PTE_ZERO	0x3fffffffu
#define PTE_W		0x80000000u
#define PTE_YOUNG	0x40000000u	/* accessed since fork made it old */
#define PTE_PFN(e)	(((e) & 0x3fffffffu) - 1)
#define PTE_MK(pfn, w)	(((uint32_t)(pfn) + 1) | PTE_YOUNG | ((w) ? PTE_W : 0))
#define PTE_PAGE(e)	((e) != PTE_NONE && (e) != PTE_ZERO)

/*
 * struct pte_table - the page table of one 2 MiB range (a PTE page).
 *
 * Sparse while at most PT_SPARSE_MAX entries are present: sp[] holds
 * (index << 32 | pte) sorted by index, so a range with one page costs a
 * few bytes; dense past that: d[] holds 512 entries.  @frame is the
 * simulated page the table lives in (PageTables).  Invariant: nr is the
 * number of entries that are not PTE_NONE.
 */
#define PT_SPARSE_MAX	32
#define PT_DENSE	0xffffu
struct pte_table {
	uint32_t frame;
	uint16_t nr;
	uint16_t cap;			/* sparse capacity, or PT_DENSE */
	union {
		uint64_t *sp;
		uint32_t *d;
	} u;
};

/*
 * struct pmd_entry - one 2 MiB slot of a PMD table.  Either none, or a
 * PTE table (@pt), or a huge mapping (@huge: a PTE-format entry for the
 * THP's first frame, or PTE_ZERO for the huge zero page) with its
 * deposited page table frame (@deposit), as Linux deposits one with
 * every huge PMD so that a split never needs to allocate.
 */
struct pmd_entry {
	struct pte_table *pt;
	uint32_t huge;
	uint32_t deposit;
};

/* struct pmd_table - a PMD page: 512 slots covering 1 GiB at @gidx. */
struct pmd_table {
	uint64_t gidx;			/* address >> 30 */
	uint32_t frame;
	uint32_t nr;			/* slots that are not none */
	struct pmd_entry e[512];
};

#define HPAGE_SIZE	HR_SZ_2M
#define HPAGE_NR	512u

struct pmd_entry *anon_pmd(struct hr_proc *p, uint64_t addr, bool create,
			   int *err);
struct pmd_table *anon_pmd_table(struct hr_proc *p, uint64_t addr);
void pmd_table_free(struct hr_proc *p, struct pmd_table *t);
void pgtable_mm_release(struct hr_proc *p);
int anon_alloc_pgtable(struct hr_machine *m, struct vm_area *vma, uint32_t *pfn);
void anon_free_pgtable(struct hr_machine *m, uint32_t pfn);
struct pte_table *pte_table_new(struct hr_machine *m, uint32_t frame);
void pte_table_free(struct hr_machine *m, struct pte_table *pt, bool frame);
unsigned pte_next(const struct pte_table *pt, unsigned i, uint32_t *v);
int pte_set(struct pte_table *pt, unsigned i, uint32_t v);
bool pte_table_has_page(const struct pte_table *pt);

/* Index in sp[] of entry @i, or where it would go (as a negative - 1). */
static inline int sp_find(const struct pte_table *pt, unsigned i)
{
	int lo = 0, hi = pt->nr - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		unsigned k = (unsigned)(pt->u.sp[mid] >> 32);

		if (k == i)
			return mid;
		if (k < i)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -lo - 1;
}

/* pte_get() - entry @i of @pt (inline: every fault reads one). */
static inline uint32_t pte_get(const struct pte_table *pt, unsigned i)
{
	int at;

	if (pt->cap == PT_DENSE)
		return pt->u.d[i];
	at = sp_find(pt, i);
	return at >= 0 ? (uint32_t)pt->u.sp[at] : PTE_NONE;
}

static inline bool idx_in(unsigned i, unsigned lo, unsigned hi)
{
	return i >= lo && i < hi;
}

/*
 * PT_FOR_EACH() - run @body with (i, e) set for each present entry of
 * @pt in [lo, hi): a dense table is read in index order, a sparse one
 * in its own order (also by index) without a lookup per index.
 */
#define PT_FOR_EACH(pt, lo, hi, i, e, body)                                  \
	do {                                                                 \
		if ((pt)->cap == PT_DENSE) {                                 \
			for ((i) = (lo); (i) < (hi); (i)++) {                \
				(e) = (pt)->u.d[i];                          \
				if ((e) != PTE_NONE) { body; }               \
			}                                                    \
		} else {                                                     \
			int k_;                                              \
			for (k_ = 0; k_ < (pt)->nr; k_++) {                  \
				(i) = (unsigned)((pt)->u.sp[k_] >> 32);      \
				(e) = (uint32_t)(pt)->u.sp[k_];              \
				if (!idx_in((i), (lo), (hi)))                \
					continue;                            \
				body;                                        \
			}                                                    \
		}                                                            \
	} while (0)

/*
 * struct pmd_walk - where for_each_pmd_range() stands: the walk covers
 * [start, end) and goes on at @next; the current 2 MiB slot starts at
 * @haddr, is @pmd in PMD table @t, and [@s, @e) of the walked range lies
 * in it, PTE indices [@lo, @hi).  Only slots whose PMD table exists are
 * visited (the slot itself may be none).
 */
struct pmd_walk {
	uint64_t start, end, next;
	uint64_t haddr, s, e;
	unsigned lo, hi;
	struct pmd_table *t;
	struct pmd_entry *pmd;
};

bool pmd_walk_next(struct hr_proc *p, struct pmd_walk *w);

/* Does the current slot of @w lie wholly inside the walked range? */
static inline bool pmd_walk_whole(const struct pmd_walk *w)
{
	return w->lo == 0 && w->hi == HPAGE_NR;
}

/*
 * for_each_pmd_range() - for every 2 MiB slot of [@from, @to) in @p's page
 * tables that has a PMD table, with @w (a struct pmd_walk *) describing
 * it; slots without one are skipped a GiB at a time.
 */
#define for_each_pmd_range(p, w, from, to)                                   \
	for ((w)->start = (from), (w)->end = (to),                           \
	     (w)->next = (from) & ~(HPAGE_SIZE - 1);                         \
	     pmd_walk_next((p), (w));)

/* ------------------------------------------------------------------ */
/* The THP settings and the vmstat events                              */

/* The THP settings (/sys/kernel/mm/transparent_hugepage and friends). */
enum thp_enabled { THP_ALWAYS, THP_MADVISE, THP_NEVER };
enum thp_defrag { DEFRAG_ALWAYS, DEFRAG_DEFER, DEFRAG_DEFER_MADVISE,
		  DEFRAG_MADVISE, DEFRAG_NEVER };
/*
 * resv_shrink= selects the reservation policy: one value per line of
 * thp_resv_policies.h, in its order (engine-only, like every THP
 * reservation knob).
 */
enum resv_shrink {
#define THP_RESV_POLICY(word, ops) RESV_SHRINK_##word,
#include "thp_resv_policies.h"
#undef THP_RESV_POLICY
	RESV_SHRINK__COUNT
};
struct thp_settings {
	int enabled, defrag, use_zero_page, shrink_underused;
	unsigned max_ptes_none, max_ptes_swap, max_ptes_shared;
	unsigned long pages_to_scan, scan_sleep, alloc_sleep;
	int khugepaged_defrag;
	/* THP reservations (engine only) */
	unsigned promotion_threshold;	/* 1: none, as Linux */
	int promotion_sync;		/* promote at fault time */
	int resv_shrink;		/* enum resv_shrink: the policy */
};

/* Event and gauge counters of /proc/vmstat the engine keeps. */
enum thp_event {
	EV_PGFAULT, EV_THP_FAULT_ALLOC, EV_THP_FAULT_FALLBACK,
	EV_THP_COLLAPSE_ALLOC, EV_THP_COLLAPSE_ALLOC_FAILED,
	EV_THP_SPLIT_PAGE, EV_THP_SPLIT_PMD, EV_THP_DEFERRED_SPLIT_PAGE,
	EV_THP_UNDERUSED_SPLIT_PAGE, EV_THP_ZERO_PAGE_ALLOC,
	EV_THP_SCAN_EXCEED_NONE_PTE, EV_THP_SCAN_EXCEED_SHARE_PTE,
	EV_THP_RES_ALLOC, EV_THP_RES_ALLOC_FAILED, EV_THP_RES_RELEASE,
	EV_THP_RES_PROMOTE_SYNC, EV_PAGES_COLLAPSED, EV_RES_PAGES_COLLAPSED,
	EV_FULL_SCANS, EV_COW_COPY, EV_OOM,
	/* cost-model events (the policy lab) */
	EV_ZERO_4K, EV_ZERO_2M, EV_COPY_4K, EV_COPY_2M,
	EV__COUNT
};
extern const char *const thp_event_names[EV__COUNT];

/* ------------------------------------------------------------------ */
/* page_alloc.c: frames, map counts, memory pressure                   */

/*
 * struct shrink_control - one reclaim: it wants @want frames and began
 * with @before free; shrink_freed() says how far it has come.
 */
struct shrink_control {
	uint64_t want;
	uint64_t before;
};
typedef void (*shrinker_fn)(struct hr_machine *m,
			    const struct shrink_control *sc);
#define HR_MAX_SHRINKERS 4

int anon_alloc_frame(struct hr_machine *m, struct vm_area *vma,
		     unsigned order, enum pb_kind kind, uint32_t *pfn);
void anon_page_map(struct hr_machine *m, uint32_t pfn);
void register_shrinker(struct hr_machine *m, shrinker_fn fn);
uint64_t reclaim_pages(struct hr_machine *m, uint64_t want);

/* ------------------------------------------------------------------ */
/* rmap.c: a page's last PTE mapping going                             */

void anon_page_unmap(struct hr_machine *m, uint32_t pfn);

/* ------------------------------------------------------------------ */
/* huge_memory.c: THP                                                  */

bool thp_vma_allowable(const struct vm_area *vma, bool sysfs);
bool thp_vma_has_range(const struct vm_area *vma);
bool thp_range_ok(const struct vm_area *vma, uint64_t haddr);
void khugepaged_enter(struct vm_area *vma);
void khugepaged_enter_span(struct vm_area *vma, uint64_t start, uint64_t end,
			   bool anon_vma);
bool thp_cow_reuse(struct hr_proc *p, uint32_t pfn);
void thp_madvise_pageout(struct vm_area *vma, uint64_t start, uint64_t end);
int thp_huge_fault(struct vm_area *vma, uint64_t addr,
		   struct pmd_entry *pmd, bool write);
int thp_huge_wp(struct vm_area *vma, uint64_t haddr, struct pmd_entry *pmd);
void thp_split_pmd(struct vm_area *vma, uint64_t haddr,
		   struct pmd_entry *pmd);
void thp_zap_pmd(struct hr_proc *p, struct pmd_entry *pmd);
void thp_page_unmapped(struct hr_machine *m, uint32_t pfn);
void thp_huge_zero_get(struct hr_machine *m);
void thp_huge_zero_put(struct hr_machine *m);
void thp_new(struct hr_machine *m, uint32_t pfn, uint64_t haddr,
	     struct hr_proc *owner);
void thp_deferred_add(struct hr_machine *m, uint32_t pfn);
void deferred_split_shrink(struct hr_machine *m,
			   const struct shrink_control *sc);
void huge_zero_shrink(struct hr_machine *m, const struct shrink_control *sc);
void thp_check(struct hr_machine *m, struct check_ctx *c);

/* ------------------------------------------------------------------ */
/* thp_resv.c: THP reservations                                        */

/*
 * struct thp_resv - a THP reservation (the RFC's struct thp_reservation,
 * made per address space as its reviewers asked): a 2 MiB-aligned block
 * of 512 frames (@pfn) held for the range [@haddr, @haddr + 2 MiB) of
 * @mm, which lies inside one anonymous VMA.  Frames are handed out one
 * write fault at a time, each at its own index.
 *
 * States (FreeBSD's vm_reserv has the same life: a reservation is
 * populated page by page, then promoted or broken):
 *   (none)     no struct: the range has no reservation
 *   LIVE       in @mm's hash and on machine->resv_lru; 0 <= nr_unused
 *              <= 512 (a reservation whose every frame came back stays
 *              LIVE: the next fault in the range uses it again)
 *   PROMOTED   the block became a THP in place (pageblock kind THP);
 *              the struct is freed
 *   RELEASED   the block became a split block: unused frames free,
 *              handed-out ones stay as base pages; the struct is freed
 * Transitions, each counted in machine->resv_stat[] (and in vmstat
 * where Linux's RFC named an event):
 *   none -> LIVE         reserve   thp_resv_fault()  thp_res_alloc
 *   LIVE: hand out       populate  thp_resv_fault()
 *   LIVE: frame back     return    thp_resv_frame_freed()
 *   LIVE: range moved    move      thp_resv_move()
 *   LIVE -> PROMOTED     promote   thp_resv_promote()  thp_res_promote_sync
 *                                  or res_pages_collapsed (khugepaged)
 *   LIVE -> RELEASED     release   thp_resv_release()  thp_res_release
 *                                  (pressure: also RS_PRESSURE)
 *
 * Invariants (thp_resv_check(), after every step):
 *   used[] has exactly 512 - nr_unused bits set, and bit i is set iff
 *   frame pfn + i is mapped (its map count is not 0);
 *   the block's pageblock is PB_ALLOC_HEAD, kind PBK_RESV, and its
 *   pages->resv is this reservation;
 *   the range lies inside one anonymous VMA of @mm;
 *   the sum of nr_unused over LIVE reservations is nr_thp_reserved;
 *   nr_resv counts the LIVE ones, which are reserved - promoted -
 *   released; machine->resv_unused_hist[u] counts the LIVE ones with
 *   nr_unused == u (a policy's cheap view of utilisation).
 *
 * Who changes what (the engine is single threaded; in Linux this would
 * be the mm's page table lock and the reservation list's lock):
 *   @haddr           reserve; move (mremap moving the range whole)
 *   @mm, @pfn        reserve only
 *   @used, @nr_unused  populate (fault), return (last unmap), with
 *                    resv_unused_hist; read by the policy and promotion
 *   @stamp, @lru     populate and return (resv_touch: most recent last)
 *   @hnext           the mm's hash: reserve, move, promote, release
 */
struct thp_resv {
	uint64_t haddr;
	struct hr_proc *mm;
	uint32_t pfn;
	uint16_t nr_unused;
	uint64_t used[HPAGE_NR / 64];
	uint64_t stamp;
	struct thp_resv *hnext;		/* mm hash chain */
	struct list_head lru;		/* machine->resv_lru */
};

/* Engine-internal counters of reservation transitions (see above). */
enum thp_resv_stat {
	RS_RESERVE, RS_POPULATE, RS_RETURN, RS_MOVE, RS_PROMOTE, RS_RELEASE,
	RS_PRESSURE,		/* releases by a shrinker (also RS_RELEASE) */
	RS_KEPT,		/* frames handed out when promoted or released */
	RS__COUNT
};

/* Frames of @r handed out (mapped): its utilisation, in 512ths. */
static inline unsigned thp_resv_nr_used(const struct thp_resv *r)
{
	return HPAGE_NR - r->nr_unused;
}

/*
 * struct thp_resv_policy_ops - a reservation policy: the four decisions
 * the mechanism (thp_resv.c, khugepaged.c) leaves open.  Every hook is
 * a pure decision: it reads the machine and the reservation and changes
 * nothing, so a policy is one small file.
 *
 * @name:           the resv_shrink= word that selects it
 * @should_reserve: may the first write fault in a range without a
 *                  reservation take a block for it?  @pt is the range's
 *                  PTE table
 * @should_promote: has @r earned promotion in place?  khugepaged then
 *                  promotes it when it can (every handed-out frame
 *                  mapped here only); MADV_COLLAPSE does not ask
 * @promote_sync:   promote at the fault that makes @should_promote true
 *                  instead of waiting for khugepaged
 * @pick_victim:    under memory pressure, the next reservation to
 *                  release, or NULL to stop; the reclaim wants @want
 *                  frames and has freed @freed so far
 */
struct thp_resv_policy_ops {
	const char *name;
	bool (*should_reserve)(const struct vm_area *vma,
			       const struct pte_table *pt);
	bool (*should_promote)(const struct hr_machine *m,
			       const struct thp_resv *r);
	bool (*promote_sync)(const struct hr_machine *m,
			     const struct thp_resv *r);
	struct thp_resv *(*pick_victim)(struct hr_machine *m, uint64_t want,
					uint64_t freed);
};

/* The RFC's decisions, for policies that keep some of them (thp_resv.c). */
bool thp_resv_first_write(const struct vm_area *vma,
			  const struct pte_table *pt);
bool thp_resv_threshold_reached(const struct hr_machine *m,
				const struct thp_resv *r);
bool thp_resv_sync_knob(const struct hr_machine *m, const struct thp_resv *r);

/* The policies, each in its own file or thp_resv.c (thp_resv_policies.h). */
#define THP_RESV_POLICY(word, ops) extern const struct thp_resv_policy_ops ops;
#include "thp_resv_policies.h"
#undef THP_RESV_POLICY

const struct thp_resv_policy_ops *thp_resv_policy(const struct hr_machine *m);
struct thp_resv *thp_resv_lookup(struct hr_proc *p, uint64_t haddr);
int thp_resv_fault(struct vm_area *vma, uint64_t addr, struct pmd_entry *pmd,
		   bool *handled);
void thp_resv_release(struct hr_machine *m, struct thp_resv *r);
#define RESV_INSIDE	0x1
#define RESV_STRADDLING	0x2
#define RESV_BOTH	(RESV_INSIDE | RESV_STRADDLING)
void thp_resv_release_range(struct hr_proc *p, uint64_t start, uint64_t end,
			    unsigned which);
void thp_resv_move(struct hr_proc *p, uint64_t start, uint64_t end,
		   uint64_t new_start);
void thp_resv_frame_freed(struct hr_machine *m, uint32_t pfn);
bool thp_resv_should_promote(const struct hr_machine *m,
			     const struct thp_resv *r);
bool thp_resv_can_promote(struct hr_machine *m, struct thp_resv *r,
			  struct pte_table *pt);
bool thp_resv_has_foreign(const struct thp_resv *r, struct pte_table *pt);
void thp_resv_promote(struct vm_area *vma, struct thp_resv *r,
		      struct pmd_entry *pmd);
void thp_resv_shrink(struct hr_machine *m, const struct shrink_control *sc);
void thp_mm_release(struct hr_proc *p);
void thp_resv_check(struct hr_machine *m, struct check_ctx *c);

/* ------------------------------------------------------------------ */
/* khugepaged.c: collapse                                              */

int thp_madvise_collapse(struct vm_area *vma, uint64_t start, uint64_t end);

/* ------------------------------------------------------------------ */
/* anon.c: anonymous memory in base pages                              */

int anon_fault(struct vm_area *vma, uint64_t addr, bool write);
void anon_zap_range(struct vm_area *vma, uint64_t start, uint64_t end);
void anon_reclaim_pt(struct vm_area *vma, uint64_t start, uint64_t end);
void anon_populated(struct vm_area *vma);
void anon_free_pgtables(struct hr_proc *p, uint64_t start, uint64_t end);
int anon_fork(struct vm_area *src, struct vm_area *dst);
int anon_move(struct vm_area *vma, uint64_t new_start);
void anon_wrprotect(struct vm_area *vma, uint64_t start, uint64_t end);
void anon_mm_release(struct hr_proc *p);
void anon_check(struct hr_machine *m, struct check_ctx *c);
struct anon_usage {
	uint64_t rss, anon_huge, shared, pss_x512;	/* bytes; pss * 512 */
};
void anon_vma_usage(const struct vm_area *vma, struct anon_usage *u);

/* ------------------------------------------------------------------ */
/* hugetlb.c: reservations and faults                                  */

bool hugetlb_reserve_pages(struct hr_file *f, long from, long to,
			   struct vm_area *vma, unsigned long vm_flags);
long hugetlb_unreserve_pages(struct hr_file *f, long start, long end,
			     long freed);
void hugetlb_fix_reserve_counts(struct hr_file *f);
void hugetlb_vm_op_open(struct vm_area *vma);
void hugetlb_vm_op_close(struct vm_area *vma);
int hugetlb_fault(struct vm_area *vma, uint64_t addr, bool write);
void tlb_gather_mmu(struct hr_machine *m);
void tlb_finish_mmu(struct hr_machine *m);
void hugetlb_unmap_range(struct vm_area *vma, uint64_t start, uint64_t end,
			 struct hpage *ref_page);
void hugetlb_put_page(struct hpage *pg);
int hugetlb_fallocate_page(struct hr_file *f, long idx);

/* ------------------------------------------------------------------ */
/* knobs.c: the registry of tunables                                   */

/*
 * One tunable (see the block comment of knobs.c).  Rows live in the
 * read-only knob_table[]; nothing writes them after build time.
 *
 * @name, @path: the scenario name and the file on Linux (for engine-only
 *    knobs, where the engine shows it).
 * @kind, @min, @max, @words: what a write accepts ("a|b|c" for words,
 *    stored as the word's index).
 * @lang_max: the largest number the scenario language takes (0: @max);
 *    larger ones are the write's to refuse, as the kernel's are.
 * @def: the default, the kernel back end's baseline.
 * @hstate: HSTATE_2M or HSTATE_1G for a per-size pool file, -1 else (the
 *    vm.* pool sysctls act on m->default_hstate).
 * @flags: HR_KNOB_*.
 * @off, @size: a plain field of struct hr_machine (size 4 or 8), or size
 *    0 when @get and @set do everything.
 * @get, @set: hooks replacing the plain read or write (a pool resize,
 *    khugepaged's restart); the value is already parsed and in bounds.
 */
struct knob {
	const char *name, *path;
	enum hr_knob_kind kind;
	enum hr_knob_group group;
	unsigned long min, max;
	uint64_t lang_max;
	const char *words, *def;
	int hstate;
	unsigned flags;
	size_t off, size;
	int (*get)(struct hr_machine *m, const struct knob *k, unsigned long *v);
	int (*set)(struct hr_machine *m, const struct knob *k, unsigned long v);
};

extern const struct knob knob_table[];
extern const int knob_nr;

const struct knob *knob_find(const char *name);
const struct knob *knob_by_path(const char *path);
int knob_parse(const struct knob *k, const char *value, unsigned long *v);
int knob_parse_ulong(const char *s, unsigned long *out);
int knob_get(struct hr_machine *m, const struct knob *k, unsigned long *v);
int knob_write(struct hr_machine *m, const struct knob *k, const char *value);
/* the value as hr_knob_read() gives it, or with @file as Linux's file */
int knob_show(struct hr_machine *m, const struct knob *k, bool file,
	      char *buf, size_t len);
/* the defaults of @group's plain fields (the pools start empty) */
void knob_set_defaults(struct hr_machine *m, enum hr_knob_group group);

/* ------------------------------------------------------------------ */
/* machine.c                                                           */

struct hr_machine {
	struct phys phys;
	/*
	 * The kernel profile, HR_KERNEL(6, 1)..HR_KERNEL_LATEST: read only
	 * where an older kernel behaves differently (KERNEL_BEFORE()), so
	 * that the 6.18 paths stay as they are.
	 */
	int kernel_version;
	struct hstate hstates[HR_NR_HSTATES];
	int default_hstate;
	struct hr_mount *internal_mnt[HR_NR_HSTATES];
	struct list_head mounts;
	struct list_head files;
	struct list_head procs;
	int next_pid;
	int overcommit_memory;
	int overcommit_ratio;
	/*
	 * The MPOL_BIND nodes of the task whose system call runs (Linux's
	 * current->mempolicy), 0 for the default or no task: set by hr_mmap()
	 * and hr_proc_sysctl_write() for the call's duration and read by the
	 * reservation accounting (hugetlb_acct_memory()) and the pool resize.
	 */
	unsigned long current_policy;
	/* fault injection: countdown per site, 0 = off */
	long fail_after[FAIL__COUNT];
	long fail_times[FAIL__COUNT];	/* failures left once triggered */
	/* total bytes the engine allocated for its own use */
	size_t own_bytes;
	/*
	 * mmu_gather: while tlb_depth > 0, pages whose last mapping a zap
	 * removed wait in tlb_pages[0..tlb_n) and are freed together at
	 * tlb_finish_mmu(), as Linux frees them after the whole unmap (so
	 * every page of one zap sees the same surplus count).
	 */
	struct hpage **tlb_pages;
	int tlb_n, tlb_cap, tlb_depth;
	unsigned taint;			/* HR_TAINT_* */
	char taint_why[160];		/* the first reason */

	/* anonymous memory and THP (anon.c, huge_memory.c, khugepaged.c, thp_resv.c) */
	struct thp_settings thp;
	uint64_t ev[EV__COUNT];		/* vmstat events */
	uint64_t nr_anon_pages;		/* frames mapped by PTEs, not THPs */
	uint64_t nr_anon_thps;		/* THP blocks allocated */
	uint64_t nr_anon_thps_pmd;	/* THPs mapped by at least one PMD */
	uint64_t nr_pagetables;		/* page table frames */
	uint64_t nr_thp_reserved;	/* unused frames in reservations */
	uint64_t nr_resv;		/* live reservations */
	uint32_t huge_zero_pfn;		/* the huge zero page, if allocated */
	bool huge_zero;
	uint64_t huge_zero_refs;	/* PMDs mapping it */
	struct list_head resv_lru;	/* thp_resv, least recently changed first */
	uint64_t resv_stat[RS__COUNT];	/* reservation transitions */
	/* live reservations by nr_unused: policies find extremes in O(512) */
	uint32_t resv_unused_hist[HPAGE_NR + 1];
	shrinker_fn shrinkers[HR_MAX_SHRINKERS];	/* reclaim, in order */
	unsigned nr_shrinkers;
	uint32_t deferred_head;		/* THP split queue, oldest first */
	uint32_t deferred_tail;		/* (pageblock indices) */
	uint64_t nr_deferred;
	uint64_t tick;			/* advances every fault: LRU stamps */
	uint64_t vm_committed;		/* Committed_AS, pages */
	uint64_t user_reserve;		/* user_reserve_kbytes, pages */
	int overcommit_guess_free;	/* mode 0 as before Linux 5.2 */
};

/* Frames the reclaim @sc has freed so far. */
static inline uint64_t shrink_freed(const struct hr_machine *m,
				    const struct shrink_control *sc)
{
	return phys_free_total(&m->phys) - sc->before;
}

/*
 * page_stored() - a write stored data in frame @pfn: it is no longer
 * zero-filled (pb_pages.written).
 */
static inline void page_stored(struct hr_machine *m, uint32_t pfn)
{
	struct pb_pages *pp = phys_pages(&m->phys, pfn);
	unsigned i = pfn & (PB_FRAMES - 1);

	pp->written[i / 64] |= 1ULL << (i % 64);
}

#endif /* HR_INTERNAL_H */
