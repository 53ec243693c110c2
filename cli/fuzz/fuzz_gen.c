/* SPDX-License-Identifier: MIT */
/*
 * fuzz_gen.c - random valid scenarios for `hugeresv fuzz`.
 *
 * A scenario has three parts:
 *
 *   setup    machine memory=8G [nodes=2], the pools (2 MiB, and 1 GiB in
 *            one program in six), a mount or two;
 *   body     up to max_body statements, each drawn with the weights of
 *            actions[] among the ones that apply in the current state;
 *   cleanup  every live process exits, every file is unlinked, every
 *            segment removed and every mount
 *            unmounted, in random order, so that the end-of-run
 *            invariants (nothing reserved, nothing surplus, every page
 *            free) can be checked.
 *
 * The generator keeps the same bookkeeping as the parser (docs/
 * scenario-language.md 5.4): which names are live and how big each
 * mapping is at that point of the file, assuming every statement
 * succeeds.  It does not know what the back end will do: a map that
 * fails at run time leaves a name the back end does not have, and later
 * steps on it get Linux's outcome for a missing object.  That is part of
 * what is being tested.
 *
 * Sizes are small on purpose (pools of a dozen pages, mappings of one to
 * six pages): reservation bugs live at the boundaries (a pool one page
 * short, a subpool exactly full), and small numbers reach them often.
 * Names are never reused, so a table index in the parsed program stands
 * for one object for the whole run.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "hugeresv.h"
#include "prng.h"

#define G_PROCS		5	/* live processes at most */
#define G_MAPS		6	/* live mappings per process at most */
#define G_MOUNTS	3
#define G_FILES		5
#define G_SHMS		3

/*
 * States.  Every object is live or dead; dead slots are reused for new
 * objects (with new names).  A mapping's @pages is its size in its own
 * page size as the parser sees it (after remap).
 */
struct gmap {
	int live, id, pages, pg1g;
	int base;		/* base-page anonymous memory (THP) */
};

struct gproc {
	int live, id;
	struct gmap map[G_MAPS];
};

struct gmount {
	int live, id, pg1g;
};

struct gfile {
	int live, id, mount;	/* index into mnt[] */
};

struct gshm {
	int live, id, pages, pg1g;
};

struct gen {
	struct prng r;
	const struct fuzz_gen_opts *o;
	struct scn_text *out;
	int err;		/* -ENOMEM once an append failed */
	int use_1g, nodes;
	int next_id;
	struct gproc proc[G_PROCS];
	struct gmount mnt[G_MOUNTS];
	struct gfile file[G_FILES];
	struct gshm shm[G_SHMS];
};

static void emit(struct gen *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void emit(struct gen *g, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!g->err && scn_text_add(g->out, buf))
		g->err = -ENOMEM;
}

/* ------------------------------------------------------------------ */
/* Picking live objects                                                */

/* A random live slot of @n, through @live(i); -1 if none. */
#define PICK(g, arr, n, cond)                                   \
	({                                                      \
		int _c[n], _k = 0;                              \
		for (int _i = 0; _i < (n); _i++)                \
			if ((arr)[_i].live && (cond))           \
				_c[_k++] = _i;                  \
		_k ? _c[prng_below(&(g)->r, (unsigned)_k)] : -1; \
	})

#define FREE_SLOT(arr, n)                                        \
	({                                                       \
		int _f = -1;                                     \
		for (int _i = 0; _i < (n) && _f < 0; _i++)       \
			if (!(arr)[_i].live)                     \
				_f = _i;                         \
		_f;                                              \
	})

static int count_maps(const struct gproc *p)
{
	int n = 0;

	for (int i = 0; i < G_MAPS; i++)
		n += p->map[i].live;
	return n;
}

/* A live (process, mapping) pair; 0 if there is none. */
static int pick_map(struct gen *g, int *pp, int *mm)
{
	int c[G_PROCS * G_MAPS], k = 0;

	for (int p = 0; p < G_PROCS; p++)
		for (int m = 0; p[g->proc].live && m < G_MAPS; m++)
			if (g->proc[p].map[m].live)
				c[k++] = p * G_MAPS + m;
	if (!k)
		return 0;
	k = c[prng_below(&g->r, (unsigned)k)];
	*pp = k / G_MAPS;
	*mm = k % G_MAPS;
	return 1;
}

/*
 * A range of a mapping of @pages pages, in the mapping's own `h`: "all",
 * one page "Kh", or "Ah..Bh".
 */
static int range_of(struct gen *g, int pages, char *buf, size_t len)
{
	unsigned a, b, how = prng_below(&g->r, 10);

	if (how < 3 || pages < 1) {
		snprintf(buf, len, "all");
		return 1;
	} else if (how < 6) {
		a = prng_below(&g->r, (unsigned)pages);
		b = a + 1;
		snprintf(buf, len, "%uh", a);
	} else {
		a = prng_below(&g->r, (unsigned)pages);
		b = prng_range(&g->r, a + 1, (unsigned)pages);
		snprintf(buf, len, "%uh..%uh", a, b);
	}
	/* Does it cover the whole mapping (as the parser sees it)? */
	return a == 0 && b == (unsigned)pages;
}

/*
 * A range of a base-page mapping of @pages 2 MiB units: as range_of(),
 * or in 4 KiB pages ("Kp", "Ap..Bp") to cut THP ranges anywhere.
 */
static int range_of_base(struct gen *g, int pages, char *buf, size_t len)
{
	unsigned n = (unsigned)pages * 512, a, b;

	if (pages < 1 || prng_chance(&g->r, 45))
		return range_of(g, pages, buf, len);
	a = prng_below(&g->r, n);
	if (prng_chance(&g->r, 30)) {
		snprintf(buf, len, "%up", a);
		return n == 1;
	}
	b = a + 1 + prng_below(&g->r, 700);
	if (b > n)
		b = n;
	b = prng_range(&g->r, a + 1, b);
	snprintf(buf, len, "%up..%up", a, b);
	return a == 0 && b == n;
}

static int map_range(struct gen *g, const struct gmap *m, char *buf, size_t len)
{
	return m->base ? range_of_base(g, m->pages, buf, len)
		       : range_of(g, m->pages, buf, len);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

/*
 * The pool knob of @file (nr_hugepages, nr_overcommit_hugepages) for
 * huge pages of @pagesize, or with 0 the default size's under its vm.*
 * name: the registry's name for it (hr_knob_info()).
 */
static const char *pool_knob(uint64_t pagesize, const char *file)
{
	struct hr_knob_info ki;

	for (int i = 0; !hr_knob_info(i, &ki); i++) {
		const char *slash = strrchr(ki.path, '/');

		if ((ki.flags & HR_KNOB_API_ONLY) ||
		    (pagesize ? ki.pagesize != pagesize
			      : !(ki.flags & HR_KNOB_DEFAULT_HSTATE)))
			continue;
		if (slash && !strcmp(slash + 1, file))
			return ki.name;
	}
	abort();	/* the registry lost a pool file */
}

static void act_pool(struct gen *g)
{
	unsigned what = prng_below(&g->r, g->use_1g ? 8 : 5);

	if (what < 3)
		emit(g, "sysctl %s=%u", pool_knob(0, "nr_hugepages"),
		     prng_below(&g->r, 13));
	else if (what < 5)
		emit(g, "sysctl %s=%u", pool_knob(0, "nr_overcommit_hugepages"),
		     prng_below(&g->r, 7));
	else if (what < 7)
		emit(g, "sysctl %s=%u", pool_knob(HR_SZ_1G, "nr_hugepages"),
		     prng_below(&g->r, 3));
	else
		emit(g, "sysctl %s=%u",
		     pool_knob(HR_SZ_1G, "nr_overcommit_hugepages"),
		     prng_below(&g->r, 2));
}

static void act_mount(struct gen *g)
{
	int s = FREE_SLOT(g->mnt, G_MOUNTS);
	struct gmount *m = &g->mnt[s];
	char opts[96] = "";
	unsigned max = g->use_1g && prng_chance(&g->r, 25) ? 2 : 10;
	size_t n = 0;

	m->pg1g = max == 2;
	if (m->pg1g)
		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " pagesize=1G");
	/*
	 * No min_size= on the kernel: two Linux 6.18 bugs in subpool
	 * accounting (docs/kernel-differences.md 2.13) leave the machine's
	 * HugePages_Rsvd permanently wrong after the unmount, and nothing
	 * short of a reboot puts it back.  The engine models both.
	 */
	int min_ok = !g->o->kernel;

	if (prng_chance(&g->r, 45)) {
		unsigned size = prng_range(&g->r, 1, max);

		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " size=%uh", size);
		if (min_ok && prng_chance(&g->r, 50))
			n += (size_t)snprintf(opts + n, sizeof(opts) - n,
					      " min_size=%uh",
					      prng_below(&g->r, size + 1));
	} else if (min_ok && prng_chance(&g->r, 40)) {
		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " min_size=%uh",
				      prng_range(&g->r, 1, max / 2 + 1));
	}
	m->live = 1;
	m->id = g->next_id++;
	emit(g, "mount M%d%s", m->id, opts);
}

static void act_file(struct gen *g)
{
	int s = FREE_SLOT(g->file, G_FILES);
	int mi = PICK(g, g->mnt, G_MOUNTS, 1);

	g->file[s] = (struct gfile){ 1, g->next_id++, mi };
	emit(g, "file f%d mount=M%d", g->file[s].id, g->mnt[mi].id);
}

/* A size for truncate or fallocate: mostly whole pages, sometimes not. */
static void file_size(struct gen *g, char *buf, size_t len, unsigned max)
{
	if (prng_chance(&g->r, 12))
		snprintf(buf, len, "%uM", prng_range(&g->r, 1, 2 * max + 1));
	else
		snprintf(buf, len, "%uh", prng_below(&g->r, max + 1));
}

static void act_truncate(struct gen *g)
{
	int f = PICK(g, g->file, G_FILES, 1);
	char sz[32];

	file_size(g, sz, sizeof(sz), g->mnt[g->file[f].mount].pg1g ? 2 : 8);
	emit(g, "truncate f%d %s", g->file[f].id, sz);
}

static void act_fallocate(struct gen *g)
{
	int f = PICK(g, g->file, G_FILES, 1);
	unsigned max = g->mnt[g->file[f].mount].pg1g ? 2 : 8;
	char a[32], b[32];

	if (prng_chance(&g->r, 12)) {
		unsigned x = prng_below(&g->r, 2 * max);

		snprintf(a, sizeof(a), "%uM", x);
		snprintf(b, sizeof(b), "%uM", prng_range(&g->r, x + 1, 2 * max + 1));
	} else {
		unsigned x = prng_below(&g->r, max);

		snprintf(a, sizeof(a), "%uh", x);
		snprintf(b, sizeof(b), "%uh", prng_range(&g->r, x + 1, max));
	}
	emit(g, "fallocate f%d %s..%s%s", g->file[f].id, a, b,
	     prng_chance(&g->r, 45) ? " punch" : "");
}

static void act_unlink(struct gen *g)
{
	int f = PICK(g, g->file, G_FILES, 1);

	g->file[f].live = 0;
	emit(g, "unlink f%d", g->file[f].id);
}

static void act_shm(struct gen *g)
{
	int s = FREE_SLOT(g->shm, G_SHMS);
	struct gshm *sh = &g->shm[s];

	sh->pg1g = g->use_1g && prng_chance(&g->r, 20);
	sh->pages = (int)prng_range(&g->r, 1, sh->pg1g ? 1 : 6);
	sh->live = 1;
	sh->id = g->next_id++;
	emit(g, "shm s%d %dh%s%s", sh->id, sh->pages,
	     sh->pg1g ? " pagesize=1G" : "",
	     prng_chance(&g->r, 20) ? " noreserve" : "");
}

static void act_shm_rm(struct gen *g)
{
	int s = PICK(g, g->shm, G_SHMS, 1);

	g->shm[s].live = 0;
	emit(g, "shm-rm s%d", g->shm[s].id);
}

static void act_proc(struct gen *g)
{
	int s = FREE_SLOT(g->proc, G_PROCS);

	memset(&g->proc[s], 0, sizeof(g->proc[s]));
	g->proc[s].live = 1;
	g->proc[s].id = g->next_id++;
	emit(g, "proc P%d", g->proc[s].id);
}

static void act_map(struct gen *g)
{
	int p = PICK(g, g->proc, G_PROCS, count_maps(&g->proc[_i]) < G_MAPS);
	int s = FREE_SLOT(g->proc[p].map, G_MAPS);
	struct gmap *m = &g->proc[p].map[s];
	int nf = 0, ns = 0, shared;
	unsigned src;
	char opts[96] = "";
	size_t n = 0;

	for (int i = 0; i < G_FILES; i++)
		nf += g->file[i].live;
	for (int i = 0; i < G_SHMS; i++)
		ns += g->shm[i].live;
	src = prng_below(&g->r, 10);
	if (src >= 4 && src < 8 && !nf)
		src = 0;
	if (src >= 8 && !ns)
		src = 0;
	memset(m, 0, sizeof(*m));
	m->live = 1;
	m->id = g->next_id++;
	if (src >= 8) {
		int si = PICK(g, g->shm, G_SHMS, 1);

		m->pages = g->shm[si].pages;
		m->pg1g = g->shm[si].pg1g;
		emit(g, "P%d: map m%d %dh shm=s%d shared%s", g->proc[p].id, m->id,
		     m->pages, g->shm[si].id,
		     prng_chance(&g->r, 10) ? " ro" : "");
		return;
	}
	shared = prng_chance(&g->r, 50);
	if (src >= 4) {
		int fi = PICK(g, g->file, G_FILES, 1);

		m->pg1g = g->mnt[g->file[fi].mount].pg1g;
		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " file=f%d",
				      g->file[fi].id);
		if (prng_chance(&g->r, 25))
			n += (size_t)snprintf(opts + n, sizeof(opts) - n,
					      " offset=%uh",
					      prng_below(&g->r, m->pg1g ? 2 : 5));
	} else if (prng_chance(&g->r, 45)) {
		/* base pages: THP's territory */
		m->base = 1;
		m->pages = (int)prng_range(&g->r, 1, 6);
		if (prng_chance(&g->r, 25))
			n += (size_t)snprintf(opts + n, sizeof(opts) - n,
					      " misalign=%up",
					      prng_range(&g->r, 1, 511));
		if (prng_chance(&g->r, 8))
			n += (size_t)snprintf(opts + n, sizeof(opts) - n, " ro");
		if (prng_chance(&g->r, 8))
			n += (size_t)snprintf(opts + n, sizeof(opts) - n,
					      " populate");
		if (prng_chance(&g->r, 10))
			n += (size_t)snprintf(opts + n, sizeof(opts) - n,
					      " noreserve");
		emit(g, "P%d: map m%d %dh anon private%s", g->proc[p].id,
		     m->id, m->pages, opts);
		return;
	} else {
		m->pg1g = g->use_1g && prng_chance(&g->r, 20);
		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " anon");
	}
	n += (size_t)snprintf(opts + n, sizeof(opts) - n, " %s",
			      shared ? "shared" : "private");
	if (src < 4)
		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " hugetlb%s",
				      m->pg1g ? " pagesize=1G" : "");
	if (prng_chance(&g->r, 15))
		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " noreserve");
	if (prng_chance(&g->r, 8))
		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " ro");
	if (prng_chance(&g->r, 10))
		n += (size_t)snprintf(opts + n, sizeof(opts) - n, " populate");
	m->pages = (int)prng_range(&g->r, 1, m->pg1g ? 2 : 6);
	emit(g, "P%d: map m%d %dh%s", g->proc[p].id, m->id, m->pages, opts);
}

static void act_touch(struct gen *g)
{
	int p, m;
	char r[48];

	pick_map(g, &p, &m);
	map_range(g, &g->proc[p].map[m], r, sizeof(r));
	emit(g, "P%d: touch m%d %s %s%s", g->proc[p].id, g->proc[p].map[m].id,
	     r, prng_chance(&g->r, 70) ? "write" : "read",
	     prng_chance(&g->r, 5) ? " step=2h"
	     : g->proc[p].map[m].base && prng_chance(&g->r, 30) ? " step=37p"
								 : "");
}

static void act_unmap(struct gen *g)
{
	int p, m;
	char r[48];

	pick_map(g, &p, &m);
	if (prng_chance(&g->r, 35)) {
		g->proc[p].map[m].live = 0;
		emit(g, "P%d: unmap m%d", g->proc[p].id, g->proc[p].map[m].id);
		return;
	}
	if (map_range(g, &g->proc[p].map[m], r, sizeof(r)))
		g->proc[p].map[m].live = 0;
	emit(g, "P%d: unmap m%d %s", g->proc[p].id, g->proc[p].map[m].id, r);
}

static void act_protect(struct gen *g)
{
	static const char *const prot[] = { "none", "ro", "rw" };
	int p, m;
	char r[48];

	pick_map(g, &p, &m);
	map_range(g, &g->proc[p].map[m], r, sizeof(r));
	emit(g, "P%d: protect m%d %s %s", g->proc[p].id, g->proc[p].map[m].id,
	     r, prot[prng_below(&g->r, 3)]);
}

static void act_remap(struct gen *g)
{
	int p, m;
	struct gmap *gm;

	pick_map(g, &p, &m);
	gm = &g->proc[p].map[m];
	/* Growing a hugetlb mapping is EINVAL; shrinking is the usual case. */
	gm->pages = (int)prng_range(&g->r, 1, (unsigned)gm->pages +
				    (prng_chance(&g->r, 25) ? 2 : 0));
	emit(g, "P%d: remap m%d %dh%s", g->proc[p].id, gm->id, gm->pages,
	     prng_chance(&g->r, 50) ? " maymove" : "");
}

static void act_advise(struct gen *g)
{
	int p, m;
	char r[48];

	static const char *const base_adv[] = {
		"dontneed", "dontneed", "hugepage", "hugepage", "nohugepage",
		"collapse", "collapse", "pageout", "remove",
	};

	pick_map(g, &p, &m);
	map_range(g, &g->proc[p].map[m], r, sizeof(r));
	emit(g, "P%d: advise m%d %s %s", g->proc[p].id, g->proc[p].map[m].id,
	     r, g->proc[p].map[m].base
		     ? base_adv[prng_below(&g->r, sizeof(base_adv) /
						  sizeof(base_adv[0]))]
		     : prng_chance(&g->r, 55) ? "dontneed" : "remove");
}

/*
 * THP knobs.  The generator's own choice of knobs and of how often each
 * value comes up; the names, bounds and words are the registry's
 * (hr_knob_info()).  Linux's knobs come first: a kernel campaign draws
 * only among those the registry does not mark engine-only.
 */
static const char *const gen_thp_knobs[] = {
	"enabled", "use_zero_page", "khugepaged.max_ptes_none",
	"promotion_threshold", "promotion_sync", "resv_shrink",
};
#define GEN_THP_N (sizeof(gen_thp_knobs) / sizeof(gen_thp_knobs[0]))

static void gen_knob(const char *name, struct hr_knob_info *ki)
{
	if (hr_knob_info(hr_knob_find(name), ki))
		abort();	/* the table above names a knob that is gone */
}

/* How many of gen_thp_knobs[] Linux has (they come first). */
static unsigned gen_thp_linux(void)
{
	struct hr_knob_info ki;
	unsigned n = 0;

	while (n < GEN_THP_N) {
		gen_knob(gen_thp_knobs[n], &ki);
		if (ki.flags & HR_KNOB_ENGINE_ONLY)
			break;
		n++;
	}
	return n;
}

/* Word @i of a knob's list "a|b|c". */
static void gen_word(const struct hr_knob_info *ki, unsigned i, char *buf,
		     size_t len)
{
	const char *p = ki->words;

	while (i-- && p && (p = strchr(p, '|')))
		p++;
	snprintf(buf, len, "%.*s", p ? (int)strcspn(p, "|") : 0, p ? p : "");
}

static void act_thp(struct gen *g)
{
	/* enabled: always twice as often as madvise or never */
	static const unsigned enabled[] = { 0, 0, 1, 2 };
	unsigned k = prng_below(&g->r, g->o->kernel ? gen_thp_linux()
						    : (unsigned)GEN_THP_N);
	const char *name = gen_thp_knobs[k];
	struct hr_knob_info ki;
	char w[32];
	unsigned hi;

	gen_knob(name, &ki);
	hi = (unsigned)ki.max;
	switch (k) {
	case 0:
		gen_word(&ki, enabled[prng_below(&g->r, 4)], w, sizeof(w));
		emit(g, "thp %s=%s", name, w);
		break;
	case 1:
	case 4:
		emit(g, "thp %s=%u", name, prng_below(&g->r, hi + 1));
		break;
	case 2:
		emit(g, "thp %s=%u", name,
		     prng_chance(&g->r, 50) ? hi : prng_below(&g->r, hi + 1));
		break;
	case 3:
		/* the minimum (no reservations) 30% of the time */
		emit(g, "thp %s=%u", name,
		     prng_chance(&g->r, 30) ? (unsigned)ki.min
					    : prng_range(&g->r, (unsigned)ki.min + 1, hi));
		break;
	default:
		gen_word(&ki, prng_chance(&g->r, 50) ? 0 : 1, w, sizeof(w));
		emit(g, "thp %s=%s", name, w);
		break;
	}
}

static void act_khugepaged(struct gen *g)
{
	emit(g, "khugepaged");
}

static void act_reclaim(struct gen *g)
{
	if (prng_chance(&g->r, 30))
		emit(g, "reclaim all");
	else
		emit(g, "reclaim %uh", prng_range(&g->r, 1, 8));
}

static void act_fork(struct gen *g)
{
	int p = PICK(g, g->proc, G_PROCS, 1);
	int c = FREE_SLOT(g->proc, G_PROCS);

	g->proc[c] = g->proc[p];	/* same mapping names and sizes */
	g->proc[c].id = g->next_id++;
	emit(g, "P%d: fork P%d", g->proc[p].id, g->proc[c].id);
}

static void act_exit(struct gen *g)
{
	int p = PICK(g, g->proc, G_PROCS, 1);

	g->proc[p].live = 0;
	emit(g, "P%d: exit", g->proc[p].id);
}

static void act_umount(struct gen *g)
{
	int mi = PICK(g, g->mnt, G_MOUNTS, 1);

	/* Assumed to succeed, the statement ends the mount and its files. */
	g->mnt[mi].live = 0;
	for (int i = 0; i < G_FILES; i++)
		if (g->file[i].live && g->file[i].mount == mi)
			g->file[i].live = 0;
	emit(g, "umount M%d", g->mnt[mi].id);
}

static void act_inject(struct gen *g)
{
	static const char *const site[] = { "hpage", "region", "pagecache" };

	emit(g, "inject %s after=%u times=%u", site[prng_below(&g->r, 3)],
	     prng_range(&g->r, 1, 4), prng_range(&g->r, 1, 3));
}

static void act_bind(struct gen *g)
{
	static const char *const nodes[] = { "0", "1", "0,1" };
	int p, m;
	char r[48];

	pick_map(g, &p, &m);
	range_of(g, g->proc[p].map[m].pages, r, sizeof(r));
	emit(g, "P%d: bind m%d %s nodes=%s", g->proc[p].id,
	     g->proc[p].map[m].id, r, nodes[prng_below(&g->r, 3)]);
}

static void act_migrate(struct gen *g)
{
	int p, m;
	char r[48];

	pick_map(g, &p, &m);
	range_of(g, g->proc[p].map[m].pages, r, sizeof(r));
	emit(g, "P%d: migrate m%d %s node=%u", g->proc[p].id,
	     g->proc[p].map[m].id, r, prng_below(&g->r, 2));
}

/* ------------------------------------------------------------------ */
/* The table                                                           */

static int n_live_procs(const struct gen *g)
{
	int n = 0;

	for (int i = 0; i < G_PROCS; i++)
		n += g->proc[i].live;
	return n;
}

static int any_map(const struct gen *g)
{
	for (int p = 0; p < G_PROCS; p++)
		if (g->proc[p].live && count_maps(&g->proc[p]))
			return 1;
	return 0;
}

#define LIVE_ANY(arr, n)                                  \
	({                                                \
		int _a = 0;                               \
		for (int _i = 0; _i < (n); _i++)          \
			_a |= (arr)[_i].live;             \
		_a;                                       \
	})

static int ok_pool(const struct gen *g) { (void)g; return 1; }
static int ok_mount(const struct gen *g) { return FREE_SLOT(g->mnt, G_MOUNTS) >= 0; }
static int ok_file(const struct gen *g)
{
	return LIVE_ANY(g->mnt, G_MOUNTS) && FREE_SLOT(g->file, G_FILES) >= 0;
}
static int ok_has_file(const struct gen *g) { return LIVE_ANY(g->file, G_FILES); }
static int ok_shm(const struct gen *g) { return FREE_SLOT(g->shm, G_SHMS) >= 0; }
static int ok_has_shm(const struct gen *g) { return LIVE_ANY(g->shm, G_SHMS); }
static int ok_proc(const struct gen *g) { return n_live_procs(g) < G_PROCS; }
static int ok_map(const struct gen *g)
{
	for (int p = 0; p < G_PROCS; p++)
		if (g->proc[p].live && count_maps(&g->proc[p]) < G_MAPS)
			return 1;
	return 0;
}
static int ok_has_map(const struct gen *g) { return any_map(g); }
static int ok_fork(const struct gen *g)
{
	/*
	 * Linux 6.18 copies a 1 GiB hugetlb entry at fork only sometimes
	 * (docs/kernel-differences.md 2.9): no fork in a kernel program that
	 * uses 1 GiB pages.
	 */
	if (g->o->kernel && g->use_1g)
		return 0;
	return n_live_procs(g) && n_live_procs(g) < G_PROCS;
}
static int ok_has_proc(const struct gen *g) { return n_live_procs(g) > 0; }
static int ok_umount(const struct gen *g)
{
	return LIVE_ANY(g->mnt, G_MOUNTS);
}
static int ok_engine(const struct gen *g) { return !g->o->kernel; }
static int ok_numa(const struct gen *g) { return g->nodes > 1 && any_map(g); }

static const struct action {
	const char *name;
	unsigned weight;
	int (*ok)(const struct gen *g);
	void (*run)(struct gen *g);
} actions[] = {
	{ "pool",      4, ok_pool,     act_pool },
	{ "mount",     2, ok_mount,    act_mount },
	{ "file",      3, ok_file,     act_file },
	{ "truncate",  2, ok_has_file, act_truncate },
	{ "fallocate", 3, ok_has_file, act_fallocate },
	{ "unlink",    1, ok_has_file, act_unlink },
	{ "shm",       2, ok_shm,      act_shm },
	{ "shm-rm",    1, ok_has_shm,  act_shm_rm },
	{ "proc",      2, ok_proc,     act_proc },
	{ "map",      10, ok_map,      act_map },
	{ "touch",    16, ok_has_map,  act_touch },
	{ "unmap",     3, ok_has_map,  act_unmap },
	{ "protect",   2, ok_has_map,  act_protect },
	{ "remap",     2, ok_has_map,  act_remap },
	{ "advise",    3, ok_has_map,  act_advise },
	{ "fork",      3, ok_fork,     act_fork },
	{ "exit",      2, ok_has_proc, act_exit },
	{ "umount",    1, ok_umount,   act_umount },
	{ "inject",    1, ok_engine,   act_inject },
	{ "bind",      1, ok_numa,     act_bind },
	{ "migrate",   1, ok_numa,     act_migrate },
	{ "thp",       2, ok_pool,     act_thp },
	{ "khugepaged", 2, ok_has_map, act_khugepaged },
	{ "reclaim",   1, ok_engine,   act_reclaim },
};

#define NACTIONS (int)(sizeof(actions) / sizeof(actions[0]))

static void body_step(struct gen *g)
{
	unsigned total = 0, pick;
	int i, okv[NACTIONS];

	for (i = 0; i < NACTIONS; i++) {
		okv[i] = actions[i].ok(g);
		if (okv[i])
			total += actions[i].weight;
	}
	pick = prng_below(&g->r, total);
	for (i = 0; i < NACTIONS; i++) {
		if (!okv[i])
			continue;
		if (pick < actions[i].weight) {
			actions[i].run(g);
			return;
		}
		pick -= actions[i].weight;
	}
}

/* End everything that is live, in random order within each kind. */
static void cleanup(struct gen *g)
{
	while (n_live_procs(g))
		act_exit(g);
	while (LIVE_ANY(g->file, G_FILES))
		act_unlink(g);
	while (LIVE_ANY(g->shm, G_SHMS))
		act_shm_rm(g);
	while (LIVE_ANY(g->mnt, G_MOUNTS))
		act_umount(g);
}

int fuzz_generate(uint64_t seed, const struct fuzz_gen_opts *o,
		  struct scn_text *out)
{
	struct gen *g = calloc(1, sizeof(*g));
	int n, err;

	if (!g)
		return -ENOMEM;
	prng_seed(&g->r, seed);
	g->o = o;
	g->out = out;
	g->use_1g = prng_chance(&g->r, 16);
	g->nodes = o->nodes ? o->nodes :
		   !o->kernel && prng_chance(&g->r, 30) ? 2 : 1;
	if (g->nodes > 1)
		emit(g, "machine memory=8G nodes=%d", g->nodes);
	else
		emit(g, "machine memory=8G");
	emit(g, "sysctl %s=%u", pool_knob(0, "nr_hugepages"),
	     prng_range(&g->r, 0, 10));
	if (prng_chance(&g->r, 40))
		emit(g, "sysctl %s=%u", pool_knob(0, "nr_overcommit_hugepages"),
		     prng_range(&g->r, 1, 6));
	if (g->use_1g)
		emit(g, "sysctl %s=%u", pool_knob(HR_SZ_1G, "nr_hugepages"),
		     prng_range(&g->r, 0, 2));
	if (prng_chance(&g->r, 60))
		act_mount(g);
	act_proc(g);
	n = (int)prng_range(&g->r, 1, (unsigned)(o->max_body > 0 ? o->max_body : 40));
	for (int i = 0; i < n && !g->err; i++)
		body_step(g);
	cleanup(g);
	err = g->err;
	free(g);
	if (err)
		scn_text_free(out);
	return err;
}
