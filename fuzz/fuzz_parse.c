/* SPDX-License-Identifier: MIT */
/*
 * fuzz_parse.c - libFuzzer harness for the scenario parser (cli/scenario/parse.c).
 *
 * Each input is a scenario file.  It goes to program_parse() as it is,
 * NUL terminated; embedded NUL bytes are kept, so the parser sees the text
 * up to the first one, exactly as program_parse() is specified (a C
 * string).  An input with a NUL byte in it is also loaded through
 * program_load(), from a memfd, which must refuse it with "NUL byte in
 * the file" at the right position: that is where the command reports them.
 *
 * On success the program's invariants (cli/scenario/program.h) are checked against
 * an independent walk of the steps: every index valid for its table or
 * -1, every object made by an earlier step and still live when a step
 * names it, every range inside its mapping's size at that point and
 * aligned to its page size, every mapping made by exactly one step.  On
 * failure the message must be "PATH:LINE:COL: text" with LINE inside the
 * file.  A broken invariant aborts with a message (libFuzzer and the
 * replay driver report it as a crash).  Nothing may leak.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "hugeresv.h"
#include "scenario/program.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_PATH "fuzz.scn"

__attribute__((noreturn, format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "fuzz_parse: invariant broken: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

#define REQUIRE(cond, ...)                 \
	do {                               \
		if (!(cond))               \
			fail(__VA_ARGS__); \
	} while (0)

static int in_table(int i, int n)
{
	return i >= 0 && i < n;
}

static int opt_index(int i, int n)
{
	return i == -1 || in_table(i, n);
}

static int terminated(const char *s, size_t n)
{
	return memchr(s, '\0', n) != NULL;
}

static int is_hpage(uint64_t ps)
{
	return ps == HR_SZ_2M || ps == HR_SZ_1G;
}

/* What the checker knows of each object as it walks the steps. */
struct shadow {
	char *proc_live, *map_live, *file_live, *shm_live, *mount_live;
	int *proc_made, *map_made, *file_made, *shm_made, *mount_made;
	uint64_t *map_size;
};

static void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz);

	if (!p)
		fail("out of memory in the checker");
	return p;
}

static void shadow_init(struct shadow *S, const struct program *P)
{
	S->proc_live = xcalloc((size_t)P->nprocs, 1);
	S->map_live = xcalloc((size_t)P->nmaps, 1);
	S->file_live = xcalloc((size_t)P->nfiles, 1);
	S->shm_live = xcalloc((size_t)P->nshms, 1);
	S->mount_live = xcalloc((size_t)P->nmounts, 1);
	S->proc_made = xcalloc((size_t)P->nprocs, sizeof(int));
	S->map_made = xcalloc((size_t)P->nmaps, sizeof(int));
	S->file_made = xcalloc((size_t)P->nfiles, sizeof(int));
	S->shm_made = xcalloc((size_t)P->nshms, sizeof(int));
	S->mount_made = xcalloc((size_t)P->nmounts, sizeof(int));
	S->map_size = xcalloc((size_t)P->nmaps, sizeof(uint64_t));
}

static void shadow_free(struct shadow *S)
{
	free(S->proc_live);
	free(S->map_live);
	free(S->file_live);
	free(S->shm_live);
	free(S->mount_live);
	free(S->proc_made);
	free(S->map_made);
	free(S->file_made);
	free(S->shm_made);
	free(S->mount_made);
	free(S->map_size);
}

/* The tables on their own: indexes, page sizes, names. */
static void check_tables(const struct program *P)
{
	REQUIRE(P->nsteps >= 0 && P->nmounts >= 0 && P->nfiles >= 0 &&
		P->nshms >= 0 && P->nprocs >= 0 && P->nmaps >= 0,
		"negative table size");
	REQUIRE(!P->nsteps || P->steps, "steps is NULL");
	REQUIRE(!P->nmounts || P->mounts, "mounts is NULL");
	REQUIRE(!P->nfiles || P->files, "files is NULL");
	REQUIRE(!P->nshms || P->shms, "shms is NULL");
	REQUIRE(!P->nprocs || P->procs, "procs is NULL");
	REQUIRE(!P->nmaps || P->maps, "maps is NULL");
	REQUIRE(P->path && !strcmp(P->path, FUZZ_PATH), "path not kept");
	REQUIRE(P->nodes >= 0 && P->nodes <= HR_MAX_NODES, "nodes=%d", P->nodes);
	REQUIRE(P->memory <= (uint64_t)INT64_MAX, "memory too large");
	REQUIRE(terminated(P->engine_only_why, sizeof(P->engine_only_why)),
		"engine_only_why not terminated");

	for (int i = 0; i < P->nmounts; i++) {
		const struct prog_mount *m = &P->mounts[i];

		REQUIRE(terminated(m->name, sizeof(m->name)) && m->name[0],
			"mount %d: bad name", i);
		REQUIRE(is_hpage(m->pagesize), "mount %d: pagesize %llu", i,
			(unsigned long long)m->pagesize);
		REQUIRE(m->size >= -1 && m->min_size >= -1,
			"mount %d: size %lld min_size %lld", i,
			(long long)m->size, (long long)m->min_size);
	}
	for (int i = 0; i < P->nfiles; i++) {
		REQUIRE(terminated(P->files[i].name, PROG_NAME_MAX) &&
			P->files[i].name[0], "file %d: bad name", i);
		REQUIRE(in_table(P->files[i].mount, P->nmounts),
			"file %d: mount %d", i, P->files[i].mount);
	}
	for (int i = 0; i < P->nshms; i++) {
		const struct prog_shm *s = &P->shms[i];

		REQUIRE(terminated(s->name, PROG_NAME_MAX) && s->name[0],
			"shm %d: bad name", i);
		REQUIRE(is_hpage(s->pagesize), "shm %d: pagesize", i);
		REQUIRE(s->size % s->pagesize == 0 && s->size <= (uint64_t)INT64_MAX,
			"shm %d: size %llu not rounded to its pages", i,
			(unsigned long long)s->size);
		REQUIRE(s->noreserve == 0 || s->noreserve == 1,
			"shm %d: noreserve=%d", i, s->noreserve);
	}
	for (int i = 0; i < P->nprocs; i++) {
		REQUIRE(terminated(P->procs[i].name, PROG_NAME_MAX) &&
			P->procs[i].name[0], "proc %d: bad name", i);
		REQUIRE(opt_index(P->procs[i].parent, P->nprocs) &&
			P->procs[i].parent != i, "proc %d: parent %d", i,
			P->procs[i].parent);
	}
	for (int i = 0; i < P->nmaps; i++) {
		const struct prog_map *m = &P->maps[i];
		const struct step *st;

		REQUIRE(terminated(m->name, PROG_NAME_MAX) && m->name[0],
			"map %d: bad name", i);
		REQUIRE(in_table(m->proc, P->nprocs), "map %d: proc %d", i, m->proc);
		switch (m->source) {
		case SRC_ANON:
			REQUIRE(m->obj == -1, "map %d: anon with obj %d", i, m->obj);
			REQUIRE(m->offset == 0, "map %d: anon with an offset", i);
			break;
		case SRC_FILE:
			REQUIRE(in_table(m->obj, P->nfiles), "map %d: file %d", i, m->obj);
			REQUIRE(m->pagesize == P->mounts[P->files[m->obj].mount].pagesize,
				"map %d: page size is not its mount's", i);
			break;
		case SRC_SHM:
			REQUIRE(in_table(m->obj, P->nshms), "map %d: shm %d", i, m->obj);
			REQUIRE(m->pagesize == P->shms[m->obj].pagesize,
				"map %d: page size is not its segment's", i);
			REQUIRE(m->flags & MF_SHARED, "map %d: shm not shared", i);
			break;
		default:
			fail("map %d: source %d", i, (int)m->source);
		}
		REQUIRE(!(m->flags & ~(MF_SHARED | MF_HUGETLB | MF_NORESERVE |
				       MF_RO | MF_POPULATE)),
			"map %d: flags %#x", i, m->flags);
		if (m->flags & MF_HUGETLB)
			REQUIRE(is_hpage(m->pagesize), "map %d: hugetlb page size", i);
		else
			REQUIRE(m->source == SRC_ANON && m->pagesize == HR_PAGE_SIZE,
				"map %d: base-page map of page size %llu", i,
				(unsigned long long)m->pagesize);
		REQUIRE(m->size % m->pagesize == 0 && m->size <= (uint64_t)INT64_MAX,
			"map %d: size %llu not rounded", i,
			(unsigned long long)m->size);
		REQUIRE(m->misalign % HR_PAGE_SIZE == 0 && m->misalign < HR_SZ_2M,
			"map %d: misalign %llu", i, (unsigned long long)m->misalign);
		REQUIRE(!m->misalign || !(m->flags & MF_HUGETLB),
			"map %d: misaligned hugetlb mapping", i);
		REQUIRE(in_table(m->created_by, P->nsteps), "map %d: created_by %d",
			i, m->created_by);
		st = &P->steps[m->created_by];
		if (st->kind == ST_MAP) {
			REQUIRE(m->inherit_from == -1 && st->map == i &&
				st->proc == m->proc,
				"map %d: its map step does not match", i);
		} else {
			const struct prog_map *src;

			REQUIRE(st->kind == ST_FORK, "map %d: made by a step of kind %d",
				i, (int)st->kind);
			REQUIRE(in_table(m->inherit_from, P->nmaps) &&
				m->inherit_from < i, "map %d: inherit_from %d", i,
				m->inherit_from);
			src = &P->maps[m->inherit_from];
			REQUIRE(src->proc == st->proc && m->proc == st->obj,
				"map %d: fork copy in the wrong process", i);
			REQUIRE(!strcmp(src->name, m->name) && src->source == m->source &&
				src->obj == m->obj && src->flags == m->flags &&
				src->pagesize == m->pagesize,
				"map %d: fork copy differs from map %d", i,
				m->inherit_from);
		}
	}
}

/* A range [a, b) inside mapping @map as the walk knows it. */
static void check_map_range(const struct program *P, const struct shadow *S,
			    int i, const struct step *st)
{
	const struct prog_map *m = &P->maps[st->map];
	uint64_t ps = m->pagesize;

	if (st->kind == ST_UNMAP && (st->flags & SF_ALL)) {
		REQUIRE(st->a == 0 && st->b == S->map_size[st->map],
			"step %d (line %d): unmap all is [%llu, %llu), size %llu",
			i, st->line, (unsigned long long)st->a,
			(unsigned long long)st->b,
			(unsigned long long)S->map_size[st->map]);
		return;
	}
	REQUIRE(st->a < st->b, "step %d (line %d): empty range [%llu, %llu)", i,
		st->line, (unsigned long long)st->a, (unsigned long long)st->b);
	REQUIRE(st->b <= S->map_size[st->map],
		"step %d (line %d): range [%llu, %llu) outside its mapping (%llu)",
		i, st->line, (unsigned long long)st->a, (unsigned long long)st->b,
		(unsigned long long)S->map_size[st->map]);
	REQUIRE(st->a % ps == 0 && st->b % ps == 0,
		"step %d (line %d): range [%llu, %llu) not aligned to %llu", i,
		st->line, (unsigned long long)st->a, (unsigned long long)st->b,
		(unsigned long long)ps);
}

/* The walk over the steps: the shadow state and what the end checks. */
struct walk {
	const struct program *P;
	struct shadow S;
	int *map_steps;		/* map steps that made each mapping */
	int prev_line;
	int any_engine_only;
};

static void walk_init(struct walk *W, const struct program *P)
{
	W->P = P;
	W->prev_line = 0;
	W->any_engine_only = 0;
	W->map_steps = xcalloc((size_t)P->nmaps, sizeof(int));
	shadow_init(&W->S, P);
	/* -1: not made by any step yet */
	for (int i = 0; i < P->nmounts; i++)
		W->S.mount_made[i] = -1;
	for (int i = 0; i < P->nfiles; i++)
		W->S.file_made[i] = -1;
	for (int i = 0; i < P->nshms; i++)
		W->S.shm_made[i] = -1;
	for (int i = 0; i < P->nprocs; i++)
		W->S.proc_made[i] = -1;
	for (int i = 0; i < P->nmaps; i++)
		W->S.map_made[i] = -1;
}

static void walk_free(struct walk *W)
{
	free(W->map_steps);
	shadow_free(&W->S);
}

/* What every step must hold whatever its kind: fields, text, result. */
static void check_step_fields(struct walk *W, int i, const struct step *st)
{
	const struct program *P = W->P;

	REQUIRE((int)st->kind >= 0 && st->kind < ST__COUNT,
		"step %d: kind %d", i, (int)st->kind);
	REQUIRE(st->line > W->prev_line, "step %d: line %d after %d", i,
		st->line, W->prev_line);
	W->prev_line = st->line;
	REQUIRE(st->col >= 1, "step %d: column %d", i, st->col);
	REQUIRE(st->text && st->text[0] && !strchr(" \t\r", st->text[0]) &&
		!strchr(" \t\r", st->text[strlen(st->text) - 1]),
		"step %d (line %d): text not trimmed", i, st->line);
	REQUIRE(!strchr(st->text, '#') && !strchr(st->text, '\n'),
		"step %d (line %d): text holds a comment or newline", i,
		st->line);
	REQUIRE(opt_index(st->proc, P->nprocs), "step %d: proc %d", i, st->proc);
	REQUIRE(opt_index(st->map, P->nmaps), "step %d: map %d", i, st->map);
	REQUIRE(terminated(st->key, sizeof(st->key)) &&
		terminated(st->value, sizeof(st->value)),
		"step %d: key/value not terminated", i);
	REQUIRE(!st->nitems || st->items, "step %d: items NULL", i);
	REQUIRE(st->nitems >= 0, "step %d: nitems %d", i, st->nitems);
	switch (st->want.kind) {
	case RES_NONE:
	case RES_OK:
	case RES_SIGBUS:
	case RES_SIGSEGV:
		REQUIRE(st->want.err == 0, "step %d: err %d without errno", i,
			st->want.err);
		break;
	case RES_ERRNO:
		REQUIRE(st->want.err > 0 && st->want.err < 4096,
			"step %d: errno %d", i, st->want.err);
		break;
	default:
		fail("step %d: result kind %d", i, (int)st->want.kind);
	}
	REQUIRE((st->want.kind == RES_NONE) == (st->want_col == 0),
		"step %d (line %d): want_col %d with result kind %d", i,
		st->line, st->want_col, (int)st->want.kind);
	if (st->engine_only)
		W->any_engine_only = 1;
}

/* The process and mapping a step names are live (and belong together). */
static void check_step_names_live(const struct walk *W, int i,
				  const struct step *st)
{
	const struct program *P = W->P;

	/* A process statement's process is live. */
	if (st->proc >= 0 && st->kind != ST_PROC)
		REQUIRE(W->S.proc_live[st->proc],
			"step %d (line %d): process %d is not live", i,
			st->line, st->proc);
	/* A mapping named by a step belongs to its process and is live. */
	if (st->map >= 0 && st->kind != ST_MAP) {
		REQUIRE(st->proc >= 0 && P->maps[st->map].proc == st->proc,
			"step %d (line %d): map %d of another process", i,
			st->line, st->map);
		REQUIRE(W->S.map_live[st->map],
			"step %d (line %d): map %d is not live", i, st->line,
			st->map);
	}
}

/* machine, sysctl, thp, khugepaged, reclaim, inject, show: no indexes. */
static void step_global(int i, const struct step *st)
{
	REQUIRE(st->proc == -1 && st->map == -1 && st->obj == -1,
		"step %d (line %d): indexes on a global statement",
		i, st->line);
}

static void step_mount(struct walk *W, int i, const struct step *st, int fails)
{
	REQUIRE(in_table(st->obj, W->P->nmounts) &&
		W->S.mount_made[st->obj] == -1,
		"step %d (line %d): mount %d", i, st->line, st->obj);
	W->S.mount_made[st->obj] = i;
	W->S.mount_live[st->obj] = !fails;
}

static void step_umount(struct walk *W, int i, const struct step *st, int fails)
{
	const struct program *P = W->P;

	REQUIRE(st->proc == -1 && st->map == -1 &&
		in_table(st->obj, P->nmounts) && W->S.mount_live[st->obj],
		"step %d (line %d): umount of mount %d, not live", i,
		st->line, st->obj);
	if (fails)
		return;
	/* the mount's name goes, and the files still on it */
	W->S.mount_live[st->obj] = 0;
	for (int k = 0; k < P->nfiles; k++)
		if (P->files[k].mount == st->obj)
			W->S.file_live[k] = 0;
}

static void step_file(struct walk *W, int i, const struct step *st)
{
	const struct program *P = W->P;

	REQUIRE(in_table(st->obj, P->nfiles) && W->S.file_made[st->obj] == -1,
		"step %d (line %d): file %d", i, st->line, st->obj);
	REQUIRE(W->S.mount_live[P->files[st->obj].mount],
		"step %d (line %d): file on a mount that is not live",
		i, st->line);
	W->S.file_made[st->obj] = i;
	W->S.file_live[st->obj] = 1;
}

/* truncate, fallocate, unlink: a live file. */
static void step_file_op(struct walk *W, int i, const struct step *st)
{
	REQUIRE(in_table(st->obj, W->P->nfiles) && W->S.file_live[st->obj],
		"step %d (line %d): file %d is not live", i,
		st->line, st->obj);
	if (st->kind == ST_FALLOCATE)
		REQUIRE(st->a < st->b &&
			st->b <= (uint64_t)INT64_MAX,
			"step %d (line %d): fallocate range [%llu, %llu)",
			i, st->line, (unsigned long long)st->a,
			(unsigned long long)st->b);
	if (st->kind == ST_UNLINK)
		W->S.file_live[st->obj] = 0;
}

static void step_shm(struct walk *W, int i, const struct step *st, int fails)
{
	REQUIRE(in_table(st->obj, W->P->nshms) && W->S.shm_made[st->obj] == -1,
		"step %d (line %d): shm %d", i, st->line, st->obj);
	W->S.shm_made[st->obj] = i;
	W->S.shm_live[st->obj] = !fails;
}

static void step_shm_rm(struct walk *W, int i, const struct step *st)
{
	REQUIRE(in_table(st->obj, W->P->nshms) && W->S.shm_live[st->obj],
		"step %d (line %d): shm %d is not live", i, st->line,
		st->obj);
	W->S.shm_live[st->obj] = 0;
}

static void step_proc(struct walk *W, int i, const struct step *st)
{
	const struct program *P = W->P;

	REQUIRE(in_table(st->obj, P->nprocs) && st->proc == st->obj &&
		W->S.proc_made[st->obj] == -1 &&
		P->procs[st->obj].parent == -1,
		"step %d (line %d): proc %d", i, st->line, st->obj);
	W->S.proc_made[st->obj] = i;
	W->S.proc_live[st->obj] = 1;
}

static void step_map(struct walk *W, int i, const struct step *st, int fails)
{
	const struct program *P = W->P;
	struct shadow *S = &W->S;
	const struct prog_map *m;

	REQUIRE(st->proc >= 0 && st->map >= 0 &&
		S->map_made[st->map] == -1 &&
		P->maps[st->map].created_by == i,
		"step %d (line %d): map %d", i, st->line, st->map);
	m = &P->maps[st->map];
	REQUIRE(st->obj == m->obj, "step %d (line %d): obj %d, map's %d",
		i, st->line, st->obj, m->obj);
	if (m->source == SRC_FILE)
		REQUIRE(S->file_live[m->obj],
			"step %d (line %d): map of a file not live", i,
			st->line);
	if (m->source == SRC_SHM)
		REQUIRE(S->shm_live[m->obj] &&
			m->size == P->shms[m->obj].size,
			"step %d (line %d): map of a segment not live or not whole",
			i, st->line);
	/* The name is not live already in this process. */
	for (int k = 0; k < P->nmaps; k++)
		REQUIRE(!(S->map_live[k] && P->maps[k].proc == m->proc &&
			  !strcmp(P->maps[k].name, m->name)),
			"step %d (line %d): mapping '%s' made twice", i,
			st->line, m->name);
	S->map_made[st->map] = i;
	S->map_live[st->map] = !fails;
	S->map_size[st->map] = m->size;
	W->map_steps[st->map]++;
}

/* touch, protect, advise, bind, migrate, unmap: a range of a mapping. */
static void step_in_map(struct walk *W, int i, const struct step *st, int fails)
{
	REQUIRE(st->map >= 0 && st->obj == -1,
		"step %d (line %d): map %d obj %d", i, st->line,
		st->map, st->obj);
	check_map_range(W->P, &W->S, i, st);
	if (st->kind == ST_TOUCH)
		REQUIRE(st->stride > 0, "step %d (line %d): stride 0", i,
			st->line);
	if (st->kind == ST_PROTECT)
		REQUIRE(!(st->prot & ~(HR_PROT_READ | HR_PROT_WRITE)),
			"step %d: prot %#x", i, st->prot);
	if (st->kind == ST_MIGRATE)
		REQUIRE(st->node >= 0 && st->node < HR_MAX_NODES,
			"step %d: node %d", i, st->node);
	if (st->kind == ST_BIND)
		REQUIRE(!(st->nodemask >> HR_MAX_NODES),
			"step %d: nodemask %#lx", i, st->nodemask);
	if (st->kind == ST_UNMAP && !fails && st->a == 0 &&
	    st->b == W->S.map_size[st->map])
		W->S.map_live[st->map] = 0;
}

static void step_remap(struct walk *W, int i, const struct step *st, int fails)
{
	REQUIRE(st->map >= 0 && st->obj == -1,
		"step %d (line %d): remap indexes", i, st->line);
	REQUIRE(st->a % W->P->maps[st->map].pagesize == 0 &&
		st->a <= (uint64_t)INT64_MAX,
		"step %d (line %d): remap size %llu not rounded", i,
		st->line, (unsigned long long)st->a);
	if (!fails)
		W->S.map_size[st->map] = st->a;
}

/* Fork step @i copies live mapping @k of the parent exactly once. */
static void check_fork_copy(const struct walk *W, int i, const struct step *st,
			    int k)
{
	const struct program *P = W->P;
	int copies = 0;

	for (int c = 0; c < P->nmaps; c++)
		if (P->maps[c].created_by == i &&
		    P->maps[c].inherit_from == k) {
			copies++;
			REQUIRE(P->maps[c].size == W->S.map_size[k],
				"step %d (line %d): fork copy of map %d at size %llu, not %llu",
				i, st->line, k,
				(unsigned long long)P->maps[c].size,
				(unsigned long long)W->S.map_size[k]);
		}
	REQUIRE(copies == 1,
		"step %d (line %d): map %d copied %d times",
		i, st->line, k, copies);
}

static void step_fork(struct walk *W, int i, const struct step *st, int fails)
{
	const struct program *P = W->P;
	struct shadow *S = &W->S;
	int child = st->obj;

	REQUIRE(in_table(child, P->nprocs) && S->proc_made[child] == -1 &&
		P->procs[child].parent == st->proc,
		"step %d (line %d): fork child %d", i, st->line, child);
	S->proc_made[child] = i;
	S->proc_live[child] = !fails;
	/* One copy of each live mapping of the parent, at its size. */
	for (int k = 0; k < P->nmaps; k++) {
		const struct prog_map *m = &P->maps[k];

		if (m->proc == st->proc && S->map_live[k] && !fails)
			check_fork_copy(W, i, st, k);
		if (m->created_by == i && m->inherit_from >= 0) {
			REQUIRE(!fails, "step %d: a failed fork copied", i);
			S->map_made[k] = i;
			S->map_live[k] = 1;
			S->map_size[k] = m->size;
		}
	}
}

static void step_exit(struct walk *W, int i, const struct step *st)
{
	REQUIRE(st->map == -1 && st->obj == -1,
		"step %d (line %d): exit indexes", i, st->line);
	W->S.proc_live[st->proc] = 0;
	for (int k = 0; k < W->P->nmaps; k++)
		if (W->P->maps[k].proc == st->proc)
			W->S.map_live[k] = 0;
}

static void step_expect(const struct walk *W, int i, const struct step *st)
{
	const struct program *P = W->P;

	REQUIRE(st->nitems > 0, "step %d (line %d): expect without items",
		i, st->line);
	REQUIRE((int)st->ex_source >= EX_MEMINFO &&
		st->ex_source <= EX_SYSFS, "step %d: source %d", i,
		(int)st->ex_source);
	if (st->ex_source == EX_SMAPS)
		REQUIRE(in_table(st->ex_proc, P->nprocs) &&
			W->S.proc_live[st->ex_proc],
			"step %d (line %d): smaps of process %d", i,
			st->line, st->ex_proc);
	else
		REQUIRE(st->ex_proc == -1, "step %d: ex_proc %d", i,
			st->ex_proc);
	for (int k = 0; k < st->nitems; k++)
		REQUIRE(terminated(st->items[k].key,
				   sizeof(st->items[k].key)) &&
			st->items[k].key[0] && st->items[k].col >= 1,
			"step %d (line %d): item %d", i, st->line, k);
}

/* A statement newer than this checker: indexes only. */
static void step_unknown(const struct walk *W, int i, const struct step *st)
{
	const struct program *P = W->P;

	REQUIRE(opt_index(st->obj, P->nmounts + P->nfiles + P->nshms +
				 P->nprocs + P->nmaps),
		"step %d (line %d): obj %d", i, st->line, st->obj);
}

/* The checks and shadow updates of step @i's own kind. */
static void check_step_kind(struct walk *W, int i, const struct step *st)
{
	int fails = st->want.kind == RES_ERRNO;

	switch (st->kind) {
	case ST_MACHINE:
	case ST_SYSCTL:
	case ST_THP:
	case ST_KHUGEPAGED:
	case ST_RECLAIM:
	case ST_INJECT:
	case ST_SHOW:
		step_global(i, st);
		break;
	case ST_MOUNT:
		step_mount(W, i, st, fails);
		break;
	case ST_UMOUNT:
		step_umount(W, i, st, fails);
		break;
	case ST_FILE:
		step_file(W, i, st);
		break;
	case ST_TRUNCATE:
	case ST_FALLOCATE:
	case ST_UNLINK:
		step_file_op(W, i, st);
		break;
	case ST_SHM:
		step_shm(W, i, st, fails);
		break;
	case ST_SHM_RM:
		step_shm_rm(W, i, st);
		break;
	case ST_PROC:
		step_proc(W, i, st);
		break;
	case ST_MAP:
		step_map(W, i, st, fails);
		break;
	case ST_TOUCH:
	case ST_PROTECT:
	case ST_ADVISE:
	case ST_BIND:
	case ST_MIGRATE:
	case ST_UNMAP:
		step_in_map(W, i, st, fails);
		break;
	case ST_REMAP:
		step_remap(W, i, st, fails);
		break;
	case ST_FORK:
		step_fork(W, i, st, fails);
		break;
	case ST_EXIT:
		step_exit(W, i, st);
		break;
	case ST_EXPECT:
		step_expect(W, i, st);
		break;
	default:
		step_unknown(W, i, st);
		break;
	}
	if (st->kind != ST_EXPECT)
		REQUIRE(st->nitems == 0 && !st->items && st->ex_proc == -1,
			"step %d: expect fields on a %d step", i, (int)st->kind);
}

/* After the last step: every object made by exactly its step. */
static void check_walk_end(const struct walk *W)
{
	const struct program *P = W->P;
	const struct shadow *S = &W->S;

	for (int k = 0; k < P->nmaps; k++) {
		int by_map = P->steps[P->maps[k].created_by].kind == ST_MAP;

		REQUIRE(W->map_steps[k] == by_map,
			"map %d: made by %d map steps", k, W->map_steps[k]);
		REQUIRE(S->map_made[k] == P->maps[k].created_by,
			"map %d: made at step %d, created_by %d", k, S->map_made[k],
			P->maps[k].created_by);
	}
	for (int k = 0; k < P->nprocs; k++)
		REQUIRE(S->proc_made[k] >= 0, "proc %d made by no step", k);
	for (int k = 0; k < P->nmounts; k++)
		REQUIRE(S->mount_made[k] >= 0, "mount %d made by no step", k);
	for (int k = 0; k < P->nfiles; k++)
		REQUIRE(S->file_made[k] >= 0, "file %d made by no step", k);
	for (int k = 0; k < P->nshms; k++)
		REQUIRE(S->shm_made[k] >= 0, "shm %d made by no step", k);
	REQUIRE(!W->any_engine_only || P->engine_only,
		"a step is engine-only but the program is not");
	REQUIRE(!P->engine_only || P->engine_only_why[0],
		"engine-only without a reason");
}

/*
 * Walk the steps in order with the language's lifetime rules
 * (docs/scenario-language.md 5.4): a name is live from the step that
 * makes it to the one that ends it, and a step expected to fail with an
 * errno changes nothing.
 */
static void check_steps(const struct program *P)
{
	struct walk W;

	walk_init(&W, P);
	for (int i = 0; i < P->nsteps; i++) {
		const struct step *st = &P->steps[i];

		check_step_fields(&W, i, st);
		check_step_names_live(&W, i, st);
		check_step_kind(&W, i, st);
	}
	check_walk_end(&W);
	walk_free(&W);
}

/* "PATH:LINE:COL: message", LINE within the text the parser saw. */
static void check_error(const char *err, const char *text)
{
	const char *p = err;
	char *end;
	long line, col, nlines = 1;

	for (const char *q = text; *q; q++)
		nlines += *q == '\n';
	REQUIRE(!strncmp(p, FUZZ_PATH ":", sizeof(FUZZ_PATH)),
		"error without the path: '%s'", err);
	p += sizeof(FUZZ_PATH);
	line = strtol(p, &end, 10);
	REQUIRE(end != p && *end == ':' && line >= 1 && line <= nlines,
		"error with a bad line (%ld lines): '%s'", nlines, err);
	p = end + 1;
	col = strtol(p, &end, 10);
	REQUIRE(end != p && !strncmp(end, ": ", 2) && end[2] && col >= 1,
		"error with a bad column: '%s'", err);
}

/*
 * The command reads files through program_load(), which must report a
 * NUL byte at its position: feed it the input through a memfd.
 */
static void check_load_nul(const uint8_t *data, size_t size, const uint8_t *nul)
{
	char path[64], err[512], want[64];
	struct program *prog = NULL;
	long line = 1, col = 1;
	int fd = memfd_create("fuzz_parse", MFD_CLOEXEC);
	size_t off = 0;
	int rc;

	if (fd < 0)
		return;		/* no memfd here: nothing to check */
	while (off < size) {
		ssize_t w = write(fd, data + off, size - off);

		if (w <= 0) {
			close(fd);
			return;
		}
		off += (size_t)w;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	rc = program_load(path, &prog, err, sizeof(err));
	close(fd);
	if (rc != 0 && strstr(err, ": No such file or directory")) {
		program_free(prog);
		return;		/* no /proc: nothing to check */
	}
	REQUIRE(rc == -1 && !prog, "program_load accepted a NUL byte");
	for (const uint8_t *q = data; q < nul; q++, col++)
		if (*q == '\n') {
			line++;
			col = 0;
		}
	snprintf(want, sizeof(want), ":%ld:%ld: NUL byte", line, col);
	REQUIRE(!strncmp(err, path, strlen(path)) &&
		!strncmp(err + strlen(path), want, strlen(want)),
		"program_load: '%s', want '%s%s'", err, path, want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct program *prog = (struct program *)1;
	char err[1024];
	char *buf;
	const uint8_t *nul;
	int rc;

	if (size > (1u << 20))
		return 0;	/* scenario files are small */
	buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(err, 'x', sizeof(err));

	rc = program_parse(FUZZ_PATH, buf, &prog, err, sizeof(err));
	if (rc == 0) {
		REQUIRE(prog != NULL, "success without a program");
		check_tables(prog);
		check_steps(prog);
	} else {
		REQUIRE(rc == -1, "program_parse returned %d", rc);
		REQUIRE(prog == NULL, "failure left a program");
		REQUIRE(terminated(err, sizeof(err)), "error message not terminated");
		check_error(err, buf);
	}
	program_free(prog);

	nul = memchr(data, '\0', size);
	if (nul)
		check_load_nul(data, size, nul);
	free(buf);
	return 0;
}
