/* SPDX-License-Identifier: MIT */
/*
 * test_parse.c - the scenario parser (cli/scenario/parse.c): units, the `h` unit
 * per kind of object, ranges, the static tracking of names and sizes
 * (remap, unmap, fork, exit), results, and every error message with its
 * exact position.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hugeresv.h"
#include "scenario/program.h"
#include "util.h"
#include "tap.h"

#define M (1ULL << 20)
#define G (1ULL << 30)

static char err[1024];

static struct program *parse_ok(const char *text, const char *name)
{
	struct program *p = NULL;
	int rc = program_parse("t.scn", text, &p, err, sizeof(err));

	if (!ok(rc == 0 && p, "parses: %s", name))
		diag("error: %s", err);
	return rc == 0 ? p : NULL;
}

/* The step on @line, or NULL. */
static const struct step *step_at(const struct program *p, int line)
{
	for (int i = 0; p && i < p->nsteps; i++)
		if (p->steps[i].line == line)
			return &p->steps[i];
	return NULL;
}

/* The NUMA statements: what each step carries. */
static void test_numa(void)
{
	struct program *p = parse_ok(
		"machine memory=8G nodes=2\n"
		"node 1 hugepages-2048kB/nr_hugepages=3 -> ok\n"
		"proc A\n"
		"A: mempolicy bind nodes=0,1\n"
		"A: sysctl vm.nr_hugepages_mempolicy=4\n"
		"A: map a 2h anon private hugetlb\n"
		"A: bind a all nodes=\n"
		"A: migrate a all node=1\n"
		"A: mempolicy default\n"
		"expect node 1 hugepages-1048576kB/surplus_hugepages=0\n",
		"the NUMA statements");

	if (!p)
		return;
	ok(!p->engine_only, "nodes=2, bind and migrate are not engine-only");
	is_int(step_at(p, 2)->kind, ST_NODE, "node");
	is_int(step_at(p, 2)->node, 1, "node 1");
	is_str(step_at(p, 2)->key, "hugepages-2048kB/nr_hugepages", "node file");
	is_str(step_at(p, 2)->value, "3", "node count");
	is_int(step_at(p, 4)->kind, ST_MEMPOLICY, "mempolicy");
	is_int((int64_t)step_at(p, 4)->nodemask, 3, "mempolicy nodes=0,1");
	is_int(step_at(p, 5)->kind, ST_SYSCTL_AS, "a process's sysctl");
	is_int((int64_t)step_at(p, 7)->nodemask, 0, "bind nodes= resets");
	is_int(step_at(p, 9)->kind, ST_MEMPOLICY, "mempolicy default");
	is_int((int64_t)step_at(p, 9)->nodemask, 0, "default: no nodes");
	is_int(step_at(p, 10)->ex_source, EX_NODE, "expect node");
	is_int(step_at(p, 10)->node, 1, "expect node 1");
	program_free(p);
}

static void test_units(void)
{
	struct program *p = parse_ok(
		"machine memory=4G nodes=2\n"
		"proc A\n"
		"A: map a 3M anon private\n"
		"A: map b 5K anon private\n"
		"A: map c 2p anon private\n"
		"A: map d 1h anon private\n"
		"A: map e 1T anon private noreserve\n"
		"A: map f 0 anon private -> EINVAL\n"
		"A: map g 2048K anon private\n",
		"sizes in every unit");

	if (!p)
		return;
	is_int((int64_t)p->memory, 4LL << 30, "memory=4G");
	is_int(p->nodes, 2, "nodes=2");
	is_int((int64_t)p->maps[0].size, 3 * M, "3M");
	is_int((int64_t)p->maps[1].size, 8192, "5K rounds up to 8K (base pages)");
	is_int((int64_t)p->maps[2].size, 8192, "2p is 8K");
	is_int((int64_t)p->maps[3].size, 2 * M, "1h of plain anon is 2M");
	is_int((int64_t)p->maps[3].pagesize, 4096, "plain anon has 4K pages");
	is_int((int64_t)p->maps[4].size, 1LL << 40, "1T");
	ok(p->maps[4].flags & MF_NORESERVE, "noreserve");
	is_int((int64_t)p->maps[5].size, 0, "0 stands alone");
	is_int((int64_t)p->maps[6].size, 2 * M, "2048K");
	program_free(p);
}

static void test_h(void)
{
	struct program *p = parse_ok(
		"mount big pagesize=1G size=4h min_size=1h\n"
		"mount small size=3h\n"
		"file F mount=big\n"
		"file S mount=small\n"
		"shm seg 2h pagesize=1G noreserve\n"
		"shm seg2 3M\n"
		"truncate F 2h\n"
		"fallocate S 1h..2h\n"
		"proc A\n"
		"A: map x 3h anon private hugetlb\n"
		"A: map y 2h anon shared hugetlb pagesize=1G\n"
		"A: map z 1h file=F shared\n"
		"A: map w 2h file=S offset=1h private\n"
		"A: map v 2h shm=seg shared\n"
		"A: map u 2h shm=seg2 shared\n"
		"A: remap x 4h\n"
		"A: touch x 1h..2h write step=1h\n"
		"expect meminfo AnonHugePages=1h HugePages_Free=3\n",
		"h per object");

	if (!p)
		return;
	is_int((int64_t)p->mounts[0].pagesize, (int64_t)G, "mount pagesize=1G");
	is_int(p->mounts[0].size, 4LL * G, "mount size=4h of 1G pages");
	is_int(p->mounts[0].min_size, (int64_t)G, "mount min_size=1h");
	is_int(p->mounts[1].size, 6 * M, "mount size=3h of 2M pages");
	is_int(p->mounts[1].min_size, -1, "min_size not given");
	is_int((int64_t)p->shms[0].size, 2LL * G, "shm 2h pagesize=1G");
	is_int(p->shms[0].noreserve, 1, "shm noreserve");
	is_int((int64_t)p->shms[1].size, 4 * M, "shm 3M rounds up to 2 huge pages");
	is_int((int64_t)step_at(p, 7)->a, 2LL * G, "truncate 2h of a 1G mount");
	is_int((int64_t)step_at(p, 8)->a, 2 * M, "fallocate 1h..");
	is_int((int64_t)step_at(p, 8)->b, 4 * M, "..2h");
	{
		struct program *q = parse_ok("mount m\nfile f mount=m\nfallocate f 1K..2049K\n"
					     "fallocate f all punch\n", "unaligned fallocate");

		if (q) {
			ok(q->steps[2].a == 1024 && q->steps[2].b == 2049 * 1024,
			   "fallocate ranges may be unaligned (Linux rounds them)");
			ok(q->steps[3].a == 0 && q->steps[3].b == 2049 * 1024 &&
			   (q->steps[3].flags & SF_ALL), "fallocate all: the size so far");
			program_free(q);
		}
	}
	is_int((int64_t)p->maps[0].size, 6 * M, "anon hugetlb 3h");
	is_int((int64_t)p->maps[0].pagesize, 2 * M, "anon hugetlb: 2M pages");
	ok(p->maps[0].flags == MF_HUGETLB, "private hugetlb flags");
	is_int((int64_t)p->maps[1].size, 2LL * G, "anon hugetlb pagesize=1G 2h");
	ok(p->maps[1].flags == (MF_HUGETLB | MF_SHARED), "shared hugetlb flags");
	is_int((int64_t)p->maps[2].size, (int64_t)G, "file on a 1G mount: 1h");
	is_int((int64_t)p->maps[2].pagesize, (int64_t)G, "file mapping has the mount's pages");
	ok(p->maps[2].flags & MF_HUGETLB, "file mappings are hugetlb");
	is_int(p->maps[2].source, SRC_FILE, "source file");
	is_int(p->maps[2].obj, 0, "file index");
	is_int((int64_t)p->maps[3].offset, 2 * M, "offset=1h");
	is_int((int64_t)p->maps[4].size, 2LL * G, "shm mapping 2h of 1G");
	is_int(p->maps[4].source, SRC_SHM, "source shm");
	is_int((int64_t)p->maps[5].size, 4 * M, "shm mapping of the rounded segment");
	is_int((int64_t)step_at(p, 16)->a, 8 * M, "remap 4h");
	is_int((int64_t)step_at(p, 17)->stride, 2 * M, "step=1h");
	is_int(step_at(p, 18)->items[0].value, 2 * M, "expect kB value in h: 2M");
	is_int(step_at(p, 18)->items[1].value, 3, "expect count");
	program_free(p);
}

static void test_ranges(void)
{
	struct program *p = parse_ok(
		"proc A\n"
		"A: map x 4h anon private hugetlb\n"
		"A: map y 64K anon private\n"
		"A: touch x 3M write\n"
		"A: touch y 5K read\n"
		"A: touch x 1h..3h read\n"
		"A: touch x all write\n"
		"A: touch y all write step=16K\n"
		"A: protect y 8K..16K ro\n"
		"A: advise x 0..2h dontneed\n"
		"A: remap x 8h maymove\n"
		"A: touch x 6h..8h write\n"
		"A: unmap x 7h..8h\n"
		"A: unmap y\n",
		"ranges");
	const struct step *s;

	if (!p)
		return;
	s = step_at(p, 4);
	ok(s->a == 2 * M && s->b == 4 * M, "single offset: the huge page that holds it");
	ok(s->flags & SF_WRITE, "write");
	is_int((int64_t)s->stride, 2 * M, "default stride: the page size");
	s = step_at(p, 5);
	ok(s->a == 4096 && s->b == 8192, "single offset in base pages");
	ok(!(s->flags & SF_WRITE), "read");
	is_int((int64_t)s->stride, 4096, "default stride 4K");
	s = step_at(p, 6);
	ok(s->a == 2 * M && s->b == 6 * M, "A..B is half open");
	s = step_at(p, 7);
	ok(s->a == 0 && s->b == 8 * M, "all");
	is_int((int64_t)step_at(p, 8)->stride, 16384, "step=16K");
	s = step_at(p, 9);
	ok(s->a == 8192 && s->b == 16384 && s->prot == HR_PROT_READ, "protect ro");
	is_int(step_at(p, 10)->advice, HR_MADV_DONTNEED, "advise dontneed");
	s = step_at(p, 11);
	ok(s->a == 16 * M && (s->flags & SF_MAYMOVE), "remap to 8h, maymove");
	s = step_at(p, 12);
	ok(s->a == 12 * M && s->b == 16 * M, "ranges follow the remapped size");
	s = step_at(p, 13);
	ok(!(s->flags & SF_ALL) && s->a == 14 * M, "partial unmap");
	s = step_at(p, 14);
	ok((s->flags & SF_ALL) && s->b == 65536, "whole unmap");
	program_free(p);
}

static void test_names(void)
{
	struct program *p = parse_ok(
		"proc A\n"
		"A: map x 4h anon private hugetlb\n"
		"A: map y 2h anon shared hugetlb\n"
		"A: map z 1h anon private\n"
		"A: unmap z\n"
		"A: remap y 1h\n"
		"A: fork B\n"
		"B: touch x 0 write -> ok\n"
		"B: touch y all read\n"
		"A: unmap x\n"
		"A: map x 1h anon private\n"
		"B: exit\n"
		"proc B\n"
		"A: map q 4h anon private hugetlb -> ENOMEM\n"
		"A: map q 2h anon private hugetlb -> ok\n"
		"A: remap q 8h -> EFAULT\n"
		"A: touch q 1h write\n"
		"A: fork C -> EAGAIN\n"
		"proc C\n",
		"fork, exit, reuse");
	const struct step *s;

	if (!p)
		return;
	is_int(p->nprocs, 5, "A, B, the second B, the failed fork's C, and C");
	s = step_at(p, 7);
	is_int(s->kind, ST_FORK, "fork step");
	is_int(s->obj, 1, "fork child index");
	is_int(p->procs[1].parent, 0, "child's parent");
	/* maps: x y z (A), x y (B), x (A), q q (A) */
	is_int(p->nmaps, 8, "maps made by map and fork");
	is_int(p->maps[3].proc, 1, "inherited x belongs to B");
	is_int(p->maps[3].inherit_from, 0, "inherits A's x");
	is_int(p->maps[3].created_by, (int)(s - p->steps), "created by the fork");
	is_int(p->maps[4].inherit_from, 1, "inherits A's y");
	is_int((int64_t)p->maps[4].size, 2 * M, "at its size at fork time");
	is_int(step_at(p, 8)->map, 3, "B's x");
	is_int(step_at(p, 11)->map, 5, "a whole unmap frees the name");
	is_int(step_at(p, 13)->obj, 2, "an exited name can be reused");
	is_int(step_at(p, 15)->map, 7, "a map expected to fail binds no name");
	is_int(step_at(p, 15)->want.kind, RES_OK, "-> ok");
	is_int(step_at(p, 16)->want.err, EFAULT, "-> EFAULT");
	is_int((int64_t)step_at(p, 17)->b, 4 * M, "a remap expected to fail keeps the size");
	is_int(step_at(p, 19)->obj, 4, "a fork expected to fail makes no name");
	program_free(p);
}

static void test_statements(void)
{
	struct program *p;
	const struct step *s;

	p = parse_ok(
		"# comment\n"
		"\n"
		"sysctl vm.nr_hugepages=8   # trailing comment\n"
		"sysctl\thugepages-1048576kB.nr_hugepages=2 -> ok\n"
		"thp enabled=madvise\n"
		"mount m\n"
		"file f mount=m\n"
		"fallocate f 0..2h punch -> ok\n"
		"unlink f\n"
		"file f mount=m\n"
		"shm s 1h\n"
		"shm-rm s\n"
		"proc A\n"
		"\tA:\tmap x 2h anon private hugetlb   ->   SIGBUS  # odd but valid\n"
		"show\n"
		"expect A smaps Private_Hugetlb=0 THPeligible=1\n"
		"expect sysfs hugepages/hugepages-2048kB/resv_hugepages=3\n"
		"expect vmstat thp_fault_alloc=0 nr_thp_reserved=2\n",
		"misc statements");
	if (!p)
		return;
	is_int(p->nsteps, 16, "blank and comment lines make no step");
	s = step_at(p, 3);
	is_str(s->key, "vm.nr_hugepages", "sysctl key");
	is_str(s->value, "8", "sysctl value");
	is_str(s->text, "sysctl vm.nr_hugepages=8", "text is trimmed, without the comment");
	is_int(step_at(p, 4)->want.kind, RES_OK, "sysctl may take a result (extension)");
	ok(!p->engine_only, "thp enabled= is a Linux knob");
	s = step_at(p, 8);
	ok((s->flags & SF_PUNCH) && s->a == 0 && s->b == 4 * M, "fallocate punch");
	is_int(step_at(p, 10)->obj, 1, "a new file after unlink");
	s = step_at(p, 14);
	is_int(s->want.kind, RES_SIGBUS, "-> SIGBUS");
	is_int(s->want_col, 37, "column of ->");
	is_int(s->col, 2, "statement column after a tab");
	s = step_at(p, 16);
	is_int(s->ex_source, EX_SMAPS, "smaps expect");
	is_int(s->ex_proc, 0, "smaps proc");
	is_int(s->nitems, 2, "two items");
	is_int(s->items[1].value, 1, "THPeligible is a count");
	is_int(s->items[1].col, 34, "item column");
	s = step_at(p, 17);
	is_str(s->items[0].key, "hugepages/hugepages-2048kB/resv_hugepages", "sysfs path key");
	is_int(step_at(p, 18)->ex_source, EX_VMSTAT, "vmstat expect");
	program_free(p);
}

static void test_umount(void)
{
	struct program *p = parse_ok(
		"mount m size=4h\n"
		"mount n\n"
		"file f mount=m\n"
		"file g mount=m\n"
		"file h mount=n\n"
		"unlink g\n"
		"umount m -> EBUSY\n"
		"truncate f 2h\n"
		"umount m\n"
		"mount m pagesize=1G\n"
		"file f mount=m\n"
		"file g mount=n\n"
		"truncate f 1h\n"
		"umount m -> ok\n"
		"truncate h 1h\n",
		"umount and the names it ends");

	if (!p)
		return;
	is_int(step_at(p, 7)->kind, ST_UMOUNT, "umount step");
	is_int(step_at(p, 7)->obj, 0, "umount names the mount");
	is_int(step_at(p, 7)->want.err, EBUSY, "-> EBUSY");
	is_int(step_at(p, 8)->obj, 0, "a umount expected to fail ends no file");
	is_int(step_at(p, 10)->obj, 2, "the name of an unmounted mount can be made again");
	is_int(step_at(p, 11)->obj, 3, "so can its files' names");
	is_int(step_at(p, 11)->kind, ST_FILE, "file on the new mount");
	is_int(p->files[3].mount, 2, "on the new mount");
	is_int(step_at(p, 12)->obj, 4, "a name unlinked earlier, made on another mount");
	is_int((int64_t)step_at(p, 13)->a, 1LL << 30, "h of the new mount's page size");
	is_int(step_at(p, 14)->want.kind, RES_OK, "-> ok");
	is_int(step_at(p, 15)->obj, 2, "files of other mounts live on");
	is_str(step_kind_name(ST_UMOUNT), "umount", "step_kind_name");
	program_free(p);
}

static void test_engine_only(void)
{
	struct program *p;

	p = parse_ok("thp promotion_threshold=64\nkhugepaged\n", "engine-only knob");
	if (p) {
		ok(p->engine_only, "promotion_threshold is engine-only");
		ok(strstr(p->engine_only_why, "line 1") &&
		   strstr(p->engine_only_why, "promotion_threshold"), "why: %s", p->engine_only_why);
		ok(p->steps[0].engine_only && !p->steps[1].engine_only,
		   "the knob is marked, khugepaged (which the kernel runs) not");
		is_int((int64_t)p->steps[1].a, 1, "khugepaged passes default 1");
		program_free(p);
	}
	p = parse_ok("khugepaged passes=3\nreclaim 4M\nreclaim all\n", "engine-only events");
	if (p) {
		ok(p->engine_only && strstr(p->engine_only_why, "reclaim") &&
		   !p->steps[0].engine_only,
		   "reclaim is engine-only, khugepaged is not");
		is_int((int64_t)p->steps[0].a, 3, "passes=3");
		is_int((int64_t)p->steps[1].a, 4 * M, "reclaim 4M");
		ok(p->steps[2].flags & SF_ALL, "reclaim all");
		program_free(p);
	}
}

/* expect sysctl / expect thp: knobs read back, words as their index */
static void test_expect_knobs(void)
{
	struct program *p;

	p = parse_ok("expect thp enabled=never resv_shrink=lru khugepaged.max_ptes_none=7\n"
		     "expect sysctl vm.overcommit_ratio=50 hugepages-1048576kB.nr_hugepages=0\n",
		     "expect thp and sysctl");
	if (p) {
		const struct step *a = &p->steps[0], *b = &p->steps[1];

		ok(a->ex_source == EX_THP && b->ex_source == EX_SYSCTL, "their sources");
		is_int(a->nitems, 3, "three thp items");
		is_int(a->items[0].value, 2, "enabled=never is word 2 of always|madvise|never");
		is_int(a->items[1].value, 1, "resv_shrink=lru is word 1");
		is_int(a->items[2].value, 7, "numbers are numbers");
		is_int(b->items[0].value, 50, "overcommit_ratio=50");
		ok(!p->engine_only, "reading an engine-only knob is not engine-only");
		program_free(p);
	}
}

static void test_result_name(void)
{
	char buf[32];
	struct result r = { RES_ERRNO, ENOMEM };

	is_str(result_name(&r, buf, sizeof(buf)), "ENOMEM", "errno name");
	r.err = 4095;
	is_str(result_name(&r, buf, sizeof(buf)), "errno 4095", "unknown errno");
	r.kind = RES_SIGSEGV;
	is_str(result_name(&r, buf, sizeof(buf)), "SIGSEGV", "SIGSEGV");
	r.kind = RES_OK;
	is_str(result_name(&r, buf, sizeof(buf)), "ok", "ok");
	is_str(step_kind_name(ST_SHM_RM), "shm-rm", "step_kind_name");
}

/* ------------------------------------------------------------------ */

static const char *const A = "proc A\nA: map x 4h anon private hugetlb\n";

static const struct bad {
	const char *pre;	/* prepended lines (NULL: none) */
	const char *line;	/* the bad line */
	int lineno, col;
	const char *msg;	/* a part of the message */
} bad[] = {
	{ NULL, "frobnicate x", 1, 1, "unknown statement 'frobnicate'" },
	{ NULL, "map x 4h anon private", 1, 1, "'map' needs a process" },
	{ NULL, "B: map x 4h anon private", 1, 1, "undefined process 'B'" },
	{ "proc A\n", "A: jump", 2, 4, "unknown process statement 'jump'" },
	{ "proc A\n", "A map x 4h anon private", 2, 1, "missing ':' after process name 'A'" },
	{ "proc A\n", "A:map x", 2, 3, "put a space after 'A:'" },
	{ "proc A\n", ": map x", 2, 1, "missing process name" },
	{ "proc A\n", "A:", 2, 4, "missing statement after 'A:'" },
	{ "proc A\n", "A: mount m", 2, 4, "not a process statement" },
	{ "proc A\n", "A: sysctl vm.nr_hugepages_policy=1", 2, 11, "unknown sysctl key" },
	{ "proc A\n", "A: mempolicy interleave nodes=0", 2, 14, "expected 'bind' or 'default'" },
	{ "proc A\n", "A: mempolicy bind", 2, 19, "mempolicy bind needs nodes=LIST" },
	{ "proc A\n", "A: mempolicy bind nodes=", 2, 25, "needs at least one node" },
	{ "proc A\n", "A: mempolicy bind nodes=0,x", 2, 27, "node numbers" },
	{ NULL, "node 1 hugepages-2048kB/nr_hugepages=2", 1, 6, "the machine has 1 node" },
	{ "machine nodes=2\n", "node 0 hugepages-2048kB/free_hugepages=2", 2, 8, "unknown node file" },
	{ "machine nodes=2\n", "node 0 hugepages-2048kB/nr_hugepages", 2, 8, "expected hugepages-SIZEkB/nr_hugepages=COUNT" },
	{ "machine nodes=2\n", "node 0", 2, 8, "node needs N" },
	{ "machine nodes=2\n", "expect node 2 hugepages-2048kB/nr_hugepages=1", 2, 13, "the machine has 2 nodes" },
	{ "machine nodes=2\n", "expect node 1 HugePages_Rsvd=1", 2, 15, "unknown node file" },
	{ "machine nodes=2\n", "expect node 1", 2, 15, "expect node needs at least one KEY=VALUE" },
	{ "proc A\n", "A: map x 4Q anon private", 2, 10, "bad unit" },
	{ "proc A\n", "A: map x 4 anon private", 2, 10, "needs a unit" },
	{ "proc A\n", "A: map x -4M anon private", 2, 10, "negative size" },
	{ "proc A\n", "A: map x 99999999999999999999K anon private", 2, 10, "too large" },
	{ "proc A\n", "A: map x 9000000T anon private", 2, 10, "too large" },
	{ "proc A\n", "A: map x M anon private", 2, 10, "bad size 'M'" },
	{ "proc A\n", "A: map x 4h anon privte", 2, 18, "expected private or shared" },
	{ "proc A\n", "A: map x 4h anon private hugtlb", 2, 26, "unknown map option 'hugtlb'" },
	{ "proc A\n", "A: map x 4h anonymous private", 2, 13, "expected a SOURCE" },
	{ "proc A\n", "A: map x 4h anon", 2, 18, "needs private or shared" },
	{ "proc A\n", "A: map x 4h anon private pagesize=1G", 2, 26, "pagesize= needs hugetlb" },
	{ "proc A\n", "A: map x 4h anon private hugetlb pagesize=4M", 2, 43, "pagesize must be 2M or 1G" },
	{ "proc A\n", "A: map x 4h anon private hugetlb misalign=4K", 2, 34, "misalign= is only" },
	{ "proc A\n", "A: map x 4h anon private misalign=3K", 2, 35, "multiple of 4K" },
	{ "proc A\n", "A: map x 4h anon private hugetlb hugetlb", 2, 34, "given twice" },
	{ "proc A\n", "A: map x 4h anon private offset=1h", 2, 26, "offset= is only for file" },
	{ "proc A\n", "A: map x 4h file=nope shared", 2, 18, "undefined file 'nope'" },
	{ "proc A\nshm s 2h\n", "A: map x 2h shm=s private", 3, 19, "always attached shared" },
	{ "proc A\nshm s 2h\n", "A: map x 4h shm=s shared", 3, 10, "map the whole segment" },
	{ "proc A\nmount m\nfile f mount=m\n", "A: map x 1h file=f shared pagesize=1G", 4, 36, "does not match" },
	{ "proc A\nmount m\nfile f mount=m\nunlink f\n", "A: map x 1h file=f shared", 5, 18, "was unlinked (line 4)" },
	{ "proc A\n", "A: map 9x 1h anon private", 2, 8, "bad mapping name" },
	{ "proc A\n", "A: map xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx 1h anon private", 2, 8, "too long" },
	{ NULL, "A: touch y 0 write", 3, 10, "undefined mapping 'y'" },
	{ NULL, "A: map x 1h anon private", 3, 8, "already exists" },
	{ NULL, "A: touch x 4h write", 3, 12, "outside mapping 'x'" },
	{ NULL, "A: touch x 1M..3M write", 3, 12, "not aligned" },
	{ NULL, "A: touch x 2h..2h write", 3, 12, "empty range" },
	{ NULL, "A: touch x 3h..1h write", 3, 12, "empty range" },
	{ NULL, "A: touch x 1h.. write", 3, 12, "has no end" },
	{ NULL, "A: touch x ..1h write", 3, 12, "has no start" },
	{ NULL, "A: touch x 0..5h write", 3, 12, "outside" },
	{ NULL, "A: touch x 0 scribble", 3, 14, "expected read or write" },
	{ NULL, "A: touch x 0 write stride=1h", 3, 20, "unknown touch option" },
	{ NULL, "A: touch x 0 write step=0", 3, 25, "step must not be 0" },
	{ NULL, "A: touch x 0 write ->", 3, 20, "missing result after '->'" },
	{ NULL, "A: touch x 0 write ->ok", 3, 20, "put a space between '->'" },
	{ NULL, "A: touch x 0 write -> ENOTHING", 3, 23, "unknown errno name 'ENOTHING'" },
	{ NULL, "A: touch x 0 write -> fine", 3, 23, "unknown result 'fine'" },
	{ NULL, "A: touch x 0 write -> ok ok", 3, 26, "after the result" },
	{ NULL, "A: exit -> ok", 3, 9, "takes no '-> RESULT'" },
	{ NULL, "A: exit now", 3, 9, "exit takes nothing" },
	{ NULL, "A: protect x 0 rx", 3, 16, "expected none, ro or rw" },
	{ NULL, "A: advise x 0 hugepages", 3, 15, "unknown advice" },
	{ NULL, "A: remap x 8h moveable", 3, 15, "unknown remap option" },
	{ NULL, "A: unmap x 1h..2h extra", 3, 19, "unexpected 'extra'" },
	{ NULL, "A: fork A", 3, 9, "already exists" },
	{ "proc A\nA: map x 4h anon private hugetlb\nA: unmap x\n", "A: touch x 0 write", 4, 10, "was unmapped (line 3)" },
	{ "proc A\nA: exit\n", "A: map x 1h anon private", 3, 1, "process 'A' has exited (line 2)" },
	{ "proc A\n", "proc A", 2, 6, "process 'A' already exists" },
	{ "proc A\n", "machine memory=1G", 2, 1, "must come before the first 'proc'" },
	{ "machine memory=1G\n", "machine memory=2G", 2, 1, "second 'machine'" },
	{ NULL, "machine memory=0", 1, 16, "must not be 0" },
	{ NULL, "machine nodes=9", 1, 15, "between 1 and 8" },
	{ NULL, "machine cpus=2", 1, 9, "unknown machine option" },
	{ NULL, "machine", 1, 9, "machine needs" },
	{ NULL, "sysctl vm.nr_hugepage=8", 1, 8, "unknown sysctl key 'vm.nr_hugepage'" },
	{ NULL, "sysctl vm.nr_hugepages=8M", 1, 24, "plain number" },
	{ NULL, "sysctl vm.nr_hugepages=", 1, 24, "missing value" },
	{ NULL, "sysctl vm.nr_hugepages 8", 1, 8, "expected KEY=VALUE" },
	{ NULL, "sysctl vm.overcommit_memory=3", 1, 29, "between 0 and 2" },
	{ NULL, "thp enable=always", 1, 5, "unknown thp key 'enable'" },
	{ NULL, "thp enabled=sometimes", 1, 13, "must be one of always|madvise|never" },
	{ NULL, "thp promotion_threshold=0", 1, 25, "between 1 and 512" },
	{ NULL, "unlink f -> ok", 1, 10, "takes no '-> RESULT'" },
	{ NULL, "mount m pagesize=3M", 1, 18, "pagesize must be 2M or 1G" },
	{ NULL, "mount m size=4h quota=1", 1, 17, "unknown mount option" },
	{ "mount m\n", "mount m", 2, 7, "mount 'm' already exists" },
	{ NULL, "file f mount=nowhere", 1, 14, "undefined mount 'nowhere'" },
	{ NULL, "umount nowhere", 1, 8, "undefined mount 'nowhere'" },
	{ NULL, "umount", 1, 8, "umount needs a mount NAME" },
	{ NULL, "umount -> ok", 1, 8, "umount needs a mount NAME" },
	{ "mount m\n", "umount m n", 2, 10, "umount takes one mount NAME" },
	{ "mount m\n", "umount 9m", 2, 8, "bad mount name" },
	{ "mount m\n", "umount m -> ", 2, 10, "missing result" },
	{ "mount m\numount m\n", "umount m", 3, 8, "mount 'm' was unmounted (line 2)" },
	{ "mount m\numount m\n", "file f mount=m", 3, 14, "mount 'm' was unmounted (line 2)" },
	{ "mount m\nfile f mount=m\numount m\n", "truncate f 1h", 4, 10,
	  "file 'f' went with mount 'm' (umount, line 3)" },
	{ "mount m\nfile f mount=m\numount m -> EBUSY\n", "file f mount=m", 4, 6,
	  "file 'f' already exists (line 2)" },
	{ "mount m\nmount m2\nfile f mount=m\nunlink f\numount m2\n", "unlink f", 6, 8,
	  "file 'f' was unlinked (line 4)" },
	{ NULL, "file f", 1, 8, "file needs mount=MOUNT" },
	{ NULL, "truncate g 2h", 1, 10, "undefined file 'g'" },
	{ "mount m\nfile f mount=m\n", "fallocate f all", 3, 13, "'all' is empty" },
	{ "mount m\nfile f mount=m\n", "fallocate f 2h..1M", 3, 13, "empty range" },
	{ "mount m\nfile f mount=m\n", "fallocate f 0..2h keep", 3, 19, "unknown fallocate option" },
	{ NULL, "shm-rm s", 1, 8, "undefined shm segment 's'" },
	{ "shm s 2h\nshm-rm s\n", "shm-rm s", 3, 8, "was removed (line 2)" },
	{ "shm s 2h\n", "shm s 2h", 2, 5, "already exists" },
	{ NULL, "shm s 2h huge", 1, 10, "unknown shm option" },
	{ NULL, "expect memstat HugePages_Free=1", 1, 8, "unknown expect source 'memstat'" },
	{ NULL, "expect Z smaps Rss=0", 1, 8, "undefined process 'Z'" },
	{ NULL, "expect smaps Rss=0", 1, 8, "smaps needs a process" },
	{ NULL, "expect meminfo", 1, 16, "at least one KEY=VALUE" },
	{ NULL, "expect meminfo HugePages_Fre=1", 1, 16, "unknown meminfo key 'HugePages_Fre'" },
	{ NULL, "expect meminfo AnonHugePages=4", 1, 30, "give a unit" },
	{ NULL, "expect meminfo HugePages_Free=4M", 1, 31, "plain number" },
	{ NULL, "expect meminfo HugePages_Free:4", 1, 16, "expected KEY=VALUE" },
	{ NULL, "expect meminfo HugePages_Free=", 1, 31, "missing value" },
	{ NULL, "expect meminfo HugePages_Free=-1", 1, 31, "must not be negative" },
	{ NULL, "expect vmstat thp-fault=1", 1, 15, "bad vmstat key" },
	{ NULL, "expect sysfs /sys/kernel/mm/x=1", 1, 14, "bad sysfs path" },
	{ NULL, "expect A smaps KernelPageSize=2M", 3, 16, "unknown smaps key" },
	{ NULL, "expect A smaps Rss=1", 3, 20, "give a unit" },
	{ NULL, "show all", 1, 6, "show takes nothing" },
	{ NULL, "khugepaged passes=0", 1, 19, "between 1 and" },
	{ NULL, "reclaim", 1, 9, "reclaim needs" },
	{ NULL, "proc A\x01", 1, 7, "invalid character 0x01" },
	{ NULL, "-> ok", 1, 1, "needs a statement" },
};

static void test_errors(void)
{
	char text[1024], want[64];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const struct bad *b = &bad[i];
		struct program *p = NULL;
		int rc;

		snprintf(text, sizeof(text), "%s%s\n",
			 b->pre ? b->pre : (b->lineno == 3 ? A : ""), b->line);
		rc = program_parse("t.scn", text, &p, err, sizeof(err));
		snprintf(want, sizeof(want), "t.scn:%d:%d: ", b->lineno, b->col);
		if (!ok(rc == -1 && !p && !strncmp(err, want, strlen(want)) && strstr(err, b->msg),
			"error at %d:%d: %s", b->lineno, b->col, b->line))
			diag("got '%s', rc %d; want '%s...%s'", err, rc, want, b->msg);
		program_free(p);
	}
}

static void test_load(void)
{
	char path[] = "/tmp/hugeresv-test-XXXXXX";
	struct program *p = NULL;
	int fd = mkstemp(path);
	static const char data[] = "proc A\nA: ex\0it\n";

	if (!ok(fd >= 0, "temp file"))
		return;
	if (write(fd, data, sizeof(data) - 1) != (ssize_t)sizeof(data) - 1)
		diag("short write");
	close(fd);
	ok(program_load(path, &p, err, sizeof(err)) == -1 && strstr(err, ":2:6: NUL byte"),
	   "NUL byte reported at its position: %s", err);
	unlink(path);
	ok(program_load("/nonexistent/x.scn", &p, err, sizeof(err)) == -1 &&
	   strstr(err, "/nonexistent/x.scn: "), "missing file: %s", err);
}

int main(void)
{
	test_units();
	test_numa();
	test_h();
	test_ranges();
	test_names();
	test_statements();
	test_umount();
	test_engine_only();
	test_expect_knobs();
	test_result_name();
	test_errors();
	test_load();
	return done_testing();
}
