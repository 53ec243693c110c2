/* SPDX-License-Identifier: MIT */
/*
 * hugetlbfs.c - hugetlbfs mounts and inodes, their page cache, truncate,
 * hole punch, fallocate and unlink; shm segments (SHM_HUGETLB) and the
 * unnamed files behind MAP_HUGETLB mappings.
 *
 * Every hugetlb mapping is backed by an inode here: a named file on a
 * mount, an shm segment's file, or an unnamed file made for one
 * MAP_HUGETLB mmap.  The inode owns the shared reserve map, so a shared
 * reservation outlives the mappings that made it: it goes with a
 * truncate, a hole punch of a present page, or the inode's eviction.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static unsigned hshift(const struct hstate *h)
{
	return h->order + 12;
}

static struct hr_mount *mount_alloc(struct hr_machine *m, struct hstate *h,
				    bool internal)
{
	struct hr_mount *mnt = hr_zalloc(m, sizeof(*mnt));

	if (!mnt)
		return NULL;
	mnt->m = m;
	mnt->h = h;
	mnt->internal = internal;
	list_add_tail(&mnt->link, &m->mounts);
	return mnt;
}

/** hugetlbfs_mount_internal() - the kernel's own mount for a size. */
int hugetlbfs_mount_internal(struct hr_machine *m, struct hstate *h,
			     struct hr_mount **out)
{
	*out = mount_alloc(m, h, true);
	return *out ? 0 : -ENOMEM;
}

int hr_mount_new(hr_machine *m, uint64_t pagesize, int64_t size,
		 int64_t min_size, hr_mount **out)
{
	struct hstate *h = hstate_for_size(m, pagesize);
	long max_hpages = -1, min_hpages = -1;
	struct hr_mount *mnt;

	if (!h)
		return -EINVAL;
	/* sizes are rounded down to whole huge pages */
	if (size >= 0)
		max_hpages = (long)((uint64_t)size >> hshift(h));
	if (min_size >= 0)
		min_hpages = (long)((uint64_t)min_size >> hshift(h));
	if (max_hpages != -1 && min_hpages > max_hpages)
		return -EINVAL;

	mnt = mount_alloc(m, h, false);
	if (!mnt)
		return -ENOMEM;
	if (max_hpages != -1 || min_hpages != -1) {
		mnt->spool = hugepage_new_subpool(h, max_hpages, min_hpages);
		if (!mnt->spool)
			goto nomem;
		/* the minimum is reserved at mount time, or the mount fails */
		if (min_hpages != -1 &&
		    hugetlb_acct_memory(h, min_hpages) < 0) {
			free(mnt->spool);
			goto nomem;
		}
	}
	*out = mnt;
	return 0;
nomem:
	list_del(&mnt->link);
	free(mnt);
	return -ENOMEM;
}

struct hugepage_subpool *subpool_inode(struct hr_file *f)
{
	return f->mnt->spool;
}

/** hugetlbfs_new_inode() - an empty inode with its own reserve map. */
struct hr_file *hugetlbfs_new_inode(struct hr_mount *mnt, enum file_kind kind)
{
	struct hr_file *f = hr_zalloc(mnt->m, sizeof(*f));

	if (!f)
		return NULL;
	f->resv = resv_map_alloc(mnt->m);
	if (!f->resv) {
		free(f);
		return NULL;
	}
	f->m = mnt->m;
	f->mnt = mnt;
	f->h = mnt->h;
	f->kind = kind;
	list_add_tail(&f->link, &mnt->m->files);
	return f;
}

/* ---- page cache ---------------------------------------------------- */

static long pc_find(const struct hr_file *f, long index, bool *found)
{
	long lo = 0, hi = f->pc_n;

	while (lo < hi) {
		long mid = lo + (hi - lo) / 2;

		if (f->pc[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < f->pc_n && f->pc[lo].index == index;
	return lo;
}

struct hpage *pagecache_lookup(struct hr_file *f, long index)
{
	bool found;
	long pos = pc_find(f, index, &found);

	return found ? f->pc[pos].page : NULL;
}

/**
 * pagecache_add() - hugetlb_add_to_page_cache: insert a new page.  The
 * allocation's reference becomes the page cache's.  The page is now
 * instantiated, so a later free no longer restores a reservation.
 *
 * Return: 0, -EEXIST, or -ENOMEM (injected).
 */
int pagecache_add(struct hr_file *f, struct hpage *pg, long index)
{
	bool found;
	long pos = pc_find(f, index, &found);

	if (found)
		return -EEXIST;
	if (machine_should_fail(f->m, FAIL_PAGE_CACHE_ADD))
		return -ENOMEM;
	if (f->pc_n == f->pc_cap) {
		long cap = f->pc_cap ? f->pc_cap * 2 : 8;
		struct pc_slot *n = realloc(f->pc, sizeof(*n) * (size_t)cap);

		if (!n)
			return -ENOMEM;
		f->pc = n;
		f->pc_cap = cap;
	}
	memmove(&f->pc[pos + 1], &f->pc[pos],
		sizeof(*f->pc) * (size_t)(f->pc_n - pos));
	f->pc[pos].index = index;
	f->pc[pos].page = pg;
	f->pc_n++;
	pg->mapping = f;
	pg->index = index;
	pg->flags &= ~HP_RESTORE_RESERVE;
	return 0;
}

/** pagecache_delete() - remove @pg and drop the page cache's reference. */
void pagecache_delete(struct hr_file *f, struct hpage *pg)
{
	bool found;
	long pos = pc_find(f, pg->index, &found);

	HR_BUG_ON(!found || f->pc[pos].page != pg);
	memmove(&f->pc[pos], &f->pc[pos + 1],
		sizeof(*f->pc) * (size_t)(f->pc_n - pos - 1));
	f->pc_n--;
	pg->mapping = NULL;
	pg->index = -1;
	hugetlb_put_page(pg);
}

/*
 * remove_inode_hugepages - drop the cached pages of [start, end).  A
 * truncate (end == LONG_MAX) then returns every reservation past start
 * in one go; a hole punch returns each removed page's entry as it goes,
 * and only those: reserved pages that were never faulted keep their
 * reservation, as in Linux.
 */
static void remove_inode_hugepages(struct hr_file *f, long start, long end)
{
	bool truncate_op = end == LONG_MAX;
	long freed = 0;

	for (;;) {
		bool found;
		long pos = pc_find(f, start, &found);
		struct hpage *pg;
		long idx;

		if (pos >= f->pc_n || f->pc[pos].index >= end)
			break;
		pg = f->pc[pos].page;
		idx = pg->index;
		if (pg->mapcount)
			mm_unmap_file_range(f, idx, idx + 1);
		pagecache_delete(f, pg);
		freed++;
		if (!truncate_op) {
			if (hugetlb_unreserve_pages(f, idx, idx + 1, 1))
				hugetlb_fix_reserve_counts(f);
		}
	}
	if (truncate_op)
		(void)hugetlb_unreserve_pages(f, start, LONG_MAX, freed);
}

static void evict_inode(struct hr_file *f)
{
	remove_inode_hugepages(f, 0, LONG_MAX);
	resv_map_put(f->resv);
	list_del(&f->link);
	free(f->pc);
	free(f);
}

static void maybe_evict(struct hr_file *f)
{
	if (f->nlink == 0 && f->mappers == 0)
		evict_inode(f);
}

void hugetlbfs_file_get(struct hr_file *f)
{
	f->mappers++;
}

/** hugetlbfs_file_put() - a mapping let go; the last one may evict. */
void hugetlbfs_file_put(struct hr_file *f)
{
	HR_BUG_ON(f->mappers <= 0);
	f->mappers--;
	maybe_evict(f);
}

/* ---- files ----------------------------------------------------------- */

int hr_file_create(hr_mount *mnt, hr_file **out)
{
	struct hr_file *f;

	if (mnt->internal)
		return -EINVAL;
	f = hugetlbfs_new_inode(mnt, FILE_REGULAR);
	if (!f)
		return -ENOMEM;
	f->nlink = 1;
	*out = f;
	return 0;
}

uint64_t hr_file_size(const hr_file *f)
{
	return f->size;
}

/*
 * hugetlb_vmtruncate: the size changes; every page at or past the new end
 * is unmapped from every mapping (private copies included) and dropped,
 * with its reservation.
 */
int hr_file_truncate(hr_file *f, uint64_t size)
{
	long idx;

	if (f->kind == FILE_SHM)
		return -EINVAL;
	if (size & (f->h->size - 1))
		return -EINVAL;
	if (size > (uint64_t)LLONG_MAX)
		return -EFBIG;
	idx = (long)(size >> hshift(f->h));
	f->size = size;
	mm_unmap_file_range(f, idx, LONG_MAX);
	remove_inode_hugepages(f, idx, LONG_MAX);
	return 0;
}

static int punch_hole(struct hr_file *f, uint64_t off, uint64_t len)
{
	uint64_t hsz = f->h->size;
	uint64_t hole_start = (off + hsz - 1) & ~(hsz - 1);
	uint64_t hole_end = (off + len) & ~(hsz - 1);

	/* partial pages at either end are zeroed in place: no change */
	if (hole_end > hole_start) {
		long s = (long)(hole_start >> hshift(f->h));
		long e = (long)(hole_end >> hshift(f->h));

		mm_unmap_file_range(f, s, e);
		remove_inode_hugepages(f, s, e);
	}
	return 0;
}

int hr_file_fallocate(hr_file *f, int mode, uint64_t off, uint64_t len)
{
	long start, end, idx;
	uint64_t hsz = f->h->size;

	if (mode & ~(HR_FALLOC_KEEP_SIZE | HR_FALLOC_PUNCH_HOLE))
		return -EOPNOTSUPP;
	if (len == 0 || off > (uint64_t)LLONG_MAX ||
	    len > (uint64_t)LLONG_MAX - off)
		return len == 0 ? -EINVAL : -EFBIG;
	if (mode & HR_FALLOC_PUNCH_HOLE)
		return punch_hole(f, off, len);

	start = (long)(off >> hshift(f->h));
	end = (long)((off + len + hsz - 1) >> hshift(f->h));
	for (idx = start; idx < end; idx++) {
		int err;

		if (pagecache_lookup(f, idx))
			continue;
		err = hugetlb_fallocate_page(f, idx);
		if (err)
			return err;
	}
	if (!(mode & HR_FALLOC_KEEP_SIZE) && off + len > f->size)
		f->size = off + len;
	return 0;
}

int hr_file_unlink(hr_file *f)
{
	if (f->kind != FILE_REGULAR || f->nlink == 0)
		return -ENOENT;
	f->nlink = 0;
	maybe_evict(f);
	return 0;
}

/**
 * hugetlb_file_setup() - an unnamed file for shmget(SHM_HUGETLB) or a
 * MAP_HUGETLB mmap, on the internal mount of @h, with its whole size
 * reserved unless @noreserve.
 *
 * An shm file starts with nlink 1 (the segment id) and no mapper; an
 * anonymous one with nlink 0 and one mapper reference that the caller
 * (mmap) drops once the VMA holds its own.
 *
 * Return: 0, or -ENOMEM when the reservation fails.
 */
int hugetlb_file_setup(struct hr_machine *m, struct hstate *h,
		       uint64_t size, bool noreserve, enum file_kind kind,
		       struct hr_file **out)
{
	struct hr_file *f = hugetlbfs_new_inode(m->internal_mnt[h->idx], kind);

	if (!f)
		return -ENOMEM;
	f->size = size;
	if (kind == FILE_SHM) {
		f->s_private = true;
		f->nlink = 1;
	} else {
		f->mappers = 1;
	}
	if (!hugetlb_reserve_pages(f, 0, (long)(size >> hshift(h)), NULL,
				   noreserve ? VM_NORESERVE : 0)) {
		f->nlink = 0;
		f->mappers = 0;
		evict_inode(f);
		return -ENOMEM;
	}
	*out = f;
	return 0;
}

int hr_shm_get(hr_machine *m, uint64_t size, uint64_t pagesize, int flags,
	       hr_file **out)
{
	struct hstate *h = hstate_for_size(m, pagesize);
	uint64_t hugesize;
	int err;

	if (!h || size == 0)
		return -EINVAL;
	hugesize = (size + h->size - 1) & ~(h->size - 1);
	if (hugesize < size)
		return -EINVAL;
	err = hugetlb_file_setup(m, h, hugesize, flags & HR_SHM_NORESERVE,
				 FILE_SHM, out);
	if (err)
		return err;
	(*out)->shm_flags = flags;
	return 0;
}

int hr_shm_rm(hr_file *seg)
{
	if (seg->kind != FILE_SHM || seg->nlink == 0)
		return -EINVAL;
	seg->nlink = 0;
	maybe_evict(seg);
	return 0;
}

/* ---- unmount -------------------------------------------------------- */

/*
 * A mount is busy while a VMA maps one of its files (named or already
 * unlinked): the VMA's struct file holds the mount.  Nothing else can
 * hold one here: the model has no open file descriptors and no working
 * directories.
 */
static bool mount_busy(struct hr_mount *mnt)
{
	struct list_head *p;

	list_for_each(p, &mnt->m->files) {
		struct hr_file *f = list_entry(p, struct hr_file, link);

		if (f->mnt == mnt && f->mappers)
			return true;
	}
	return false;
}

/*
 * kill_sb for a mount nothing holds: evict every inode still on it
 * (page cache freed, reservations returned as for a truncate to 0),
 * then put the subpool (hugetlbfs_put_super).  The order of evictions
 * does not change the counters: what the subpool absorbs depends only
 * on its counters before and the pages given back in all.
 */
static void kill_mount(struct hr_mount *mnt)
{
	struct list_head *p, *n;

	list_for_each_safe(p, n, &mnt->m->files) {
		struct hr_file *f = list_entry(p, struct hr_file, link);

		if (f->mnt != mnt)
			continue;
		HR_BUG_ON(f->mappers != 0);
		evict_inode(f);
	}
#if HR_DEBUG
	/* Every page charged to the subpool was in an evicted inode or a
	 * VMA of one, so none can give pages back to it later. */
	for (int i = 0; mnt->spool && i < HR_NR_HSTATES; i++)
		list_for_each(p, &mnt->m->hstates[i].active)
			HR_BUG_ON(list_entry(p, struct hpage, active)->spool ==
				  mnt->spool);
#endif
	hugepage_put_subpool(mnt->spool);
	list_del(&mnt->link);
	free(mnt);
}

int hr_mount_umount(hr_mount *mnt)
{
	if (mnt->internal)
		return -EINVAL;
	if (mount_busy(mnt))
		return -EBUSY;
	kill_mount(mnt);
	return 0;
}

/** hugetlbfs_teardown() - evict every inode and unmount everything. */
void hugetlbfs_teardown(struct hr_machine *m)
{
	struct list_head *p, *n;

	list_for_each_safe(p, n, &m->files) {
		struct hr_file *f = list_entry(p, struct hr_file, link);

		HR_BUG_ON(f->mappers != 0);
		evict_inode(f);
	}
	list_for_each_safe(p, n, &m->mounts)
		kill_mount(list_entry(p, struct hr_mount, link));
}

/**
 * hugetlbfs_check() - every inode's map and page cache are well formed,
 * every subpool is within bounds.
 */
void hugetlbfs_check(struct hr_machine *m, struct check_ctx *c)
{
	struct list_head *p;

	list_for_each(p, &m->files) {
		struct hr_file *f = list_entry(p, struct hr_file, link);
		long i;

		resv_map_check(f->resv, c, "inode resv_map");
		CHECK(c, f->mappers >= 0, "inode: mappers=%d", f->mappers);
		CHECK(c, f->nlink > 0 || f->mappers > 0,
		      "inode: neither linked nor mapped but not evicted");
		for (i = 0; i < f->pc_n; i++) {
			struct hpage *pg = f->pc[i].page;

			CHECK(c, i == 0 || f->pc[i - 1].index < f->pc[i].index,
			      "page cache: index %ld not after %ld",
			      f->pc[i].index, i ? f->pc[i - 1].index : -1);
			CHECK(c, pg->mapping == f && pg->index == f->pc[i].index,
			      "page cache: page at %ld has mapping/index %ld",
			      f->pc[i].index, pg->index);
			CHECK(c, !(pg->flags & HP_ANON),
			      "page cache: anonymous page at %ld",
			      f->pc[i].index);
			CHECK(c, region_count(f->resv, pg->index,
					      pg->index + 1) == 1,
			      "page cache: page %ld has no region in the map",
			      pg->index);
		}
	}
	/* A subpool is charged like the global count: see HR_TAINT_RESV. */
	if (m->taint & HR_TAINT_RESV)
		return;
	list_for_each(p, &m->mounts)
		subpool_check(list_entry(p, struct hr_mount, link)->spool, c);
}
