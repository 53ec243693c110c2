/* SPDX-License-Identifier: MIT */
/*
 * be_engine.c - the engine back end: a program's steps as calls into
 * libhugeresv (include/hugeresv.h), one hr_machine per run.
 *
 * The back end keeps the handle of every object the program names and,
 * per mapping, where the engine put it and how big it is now.  Steps name
 * mappings; the engine wants addresses.  The parser has already checked
 * that every name and range is valid as the file describes it, but a
 * step the file did not expect to fail can still fail here (a map that
 * got ENOMEM): the objects it would have made are then absent, and later
 * steps on them get the outcome Linux gives for a missing object (a
 * touch of an address that is not mapped is SIGSEGV, mprotect is ENOMEM,
 * ...), never a crash.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugeresv.h"
#include "backend/backend.h"

struct emap {
	uint64_t addr;
	uint64_t size;		/* current length (remap changes it) */
	int live;
};

struct eng {
	hr_machine *m;
	hr_mount **mounts;
	hr_file **files;
	hr_file **shms;
	hr_proc **procs;
	struct emap *maps;
	char *buf;		/* hr_procfs_read() output */
	size_t buflen;
};

/* The statements the engine cannot carry out yet. */
static int unsupported(enum step_kind k)
{
	switch (k) {
	case ST_CGROUP:
	case ST_CGROUP_SET:
	case ST_CGROUP_RM:
	case ST_CGROUP_MOVE:
	case ST_MEMFD:
	case ST_CLOSE:
		return 1;
	default:
		return 0;
	}
}

/*
 * MemTotal of the host, in bytes; 0 if /proc/meminfo cannot be read.
 * Read once per command: the host does not change size under us, and
 * a corpus run opens a machine per file.
 */
static uint64_t host_memory(void)
{
	static uint64_t cached;
	static int done;
	char line[256];
	unsigned long long kb = 0;
	FILE *f;

	if (done)
		return cached;
	done = 1;
	f = fopen("/proc/meminfo", "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemTotal: %llu kB", &kb) == 1)
			break;
	fclose(f);
	cached = (uint64_t)kb * 1024;
	return cached;
}

static void eng_free(struct eng *E)
{
	if (!E)
		return;
	if (E->m)
		hr_machine_free(E->m);
	free(E->mounts);
	free(E->files);
	free(E->shms);
	free(E->procs);
	free(E->maps);
	free(E->buf);
	free(E);
}

static int kernel_override;

void engine_set_kernel(int kernel)
{
	kernel_override = kernel;
}

int engine_kernel(const struct program *prog)
{
	if (kernel_override)
		return kernel_override;
	return prog->kernel ? prog->kernel : HR_KERNEL_LATEST;
}

static int eng_open(struct backend *be, const struct program *prog, char *err,
		    size_t errlen)
{
	struct hr_config cfg;
	struct eng *E;
	char sz[48];

	for (int i = 0; i < prog->nmaps; i++) {
		const struct prog_map *pm = &prog->maps[i];

		if (pm->inherit_from < 0 && pm->obj < 0 &&
		    (pm->flags & (MF_SHARED | MF_HUGETLB)) == MF_SHARED) {
			snprintf(err, errlen, "line %d: shared anonymous memory "
				 "(shmem) is not modelled by the engine",
				 prog->steps[pm->created_by].line);
			return EXIT_REFUSED;
		}
	}
	for (int i = 0; i < prog->nsteps; i++)
		if (unsupported(prog->steps[i].kind)) {
			snprintf(err, errlen, "line %d: '%s' is not supported by the engine yet",
				 prog->steps[i].line, prog->steps[i].text);
			return EXIT_REFUSED;
		}
	E = calloc(1, sizeof(*E));
	if (!E)
		goto nomem;
	/* One spare slot each, so that empty tables are not NULL. */
	E->mounts = calloc((size_t)prog->nmounts + 1, sizeof(*E->mounts));
	E->files = calloc((size_t)prog->nfiles + 1, sizeof(*E->files));
	E->shms = calloc((size_t)prog->nshms + 1, sizeof(*E->shms));
	E->procs = calloc((size_t)prog->nprocs + 1, sizeof(*E->procs));
	E->maps = calloc((size_t)prog->nmaps + 1, sizeof(*E->maps));
	E->buflen = 64 * 1024;
	E->buf = malloc(E->buflen);
	if (!E->mounts || !E->files || !E->shms || !E->procs || !E->maps || !E->buf)
		goto nomem;
	memset(&cfg, 0, sizeof(cfg));
	cfg.memory = prog->memory ? prog->memory : host_memory();
	cfg.nodes = prog->nodes;
	cfg.kernel = engine_kernel(prog);
	E->m = hr_machine_new(&cfg);
	if (!E->m) {
		snprintf(err, errlen, "the engine cannot make a machine of %s%s",
			 format_size(cfg.memory, sz, sizeof(sz)),
			 prog->memory ? "" : " (the host's memory)");
		eng_free(E);
		return EXIT_REFUSED;
	}
	be->priv = E;
	be->prog = prog;
	return 0;
nomem:
	eng_free(E);
	snprintf(err, errlen, "out of memory");
	return EXIT_REFUSED;
}

static void set_result(struct result *out, int rc)
{
	out->err = 0;
	if (rc == 0) {
		out->kind = RES_OK;
	} else if (rc == HR_FAULT_SIGBUS) {
		out->kind = RES_SIGBUS;
	} else if (rc == HR_FAULT_SIGSEGV) {
		out->kind = RES_SIGSEGV;
	} else {
		out->kind = RES_ERRNO;
		out->err = rc < 0 ? -rc : rc;
	}
}

static int do_map(struct eng *E, const struct program *prog, const struct step *st)
{
	const struct prog_map *pm = &prog->maps[st->map];
	hr_proc *p = E->procs[st->proc];
	hr_file *file = NULL;
	int prot = HR_PROT_READ, flags, rc;
	struct hr_mmap_args a;
	uint64_t addr = 0;

	if (!p)
		return -ESRCH;
	if (pm->source == SRC_FILE)
		file = E->files[pm->obj];
	else if (pm->source == SRC_SHM)
		file = E->shms[pm->obj];
	/*
	 * The file or segment was never made: the kernel back end's
	 * shmat() of an invalid id says EINVAL, its mmap() of a file it
	 * could not open says EBADF.
	 */
	if (pm->source == SRC_SHM && !file)
		return -EINVAL;
	if (pm->source != SRC_ANON && !file)
		return -EBADF;
	if (!(pm->flags & MF_RO))
		prot |= HR_PROT_WRITE;
	flags = (pm->flags & MF_SHARED) ? HR_MAP_SHARED : HR_MAP_PRIVATE;
	if (pm->source == SRC_ANON) {
		flags |= HR_MAP_ANONYMOUS;
		if (pm->flags & MF_HUGETLB)
			flags |= HR_MAP_HUGETLB;
	}
	if (pm->flags & MF_NORESERVE)
		flags |= HR_MAP_NORESERVE;
	if (pm->flags & MF_POPULATE)
		flags |= HR_MAP_POPULATE;
	a = (struct hr_mmap_args){
		.len = pm->size,
		.prot = prot,
		.flags = flags,
		.file = file,
		.offset = pm->offset,
		.pagesize = (pm->source == SRC_ANON && (pm->flags & MF_HUGETLB))
			    ? pm->pagesize : 0,
		.misalign = pm->misalign,
	};
	rc = hr_mmap(p, &a, &addr);
	if (rc == 0)
		E->maps[st->map] = (struct emap){ addr, pm->size, 1 };
	return rc;
}

/* The step's process is alive and its mapping still mapped. */
static int map_live(const struct eng *E, const struct step *st)
{
	return E->procs[st->proc] && E->maps[st->map].live;
}

/* touch: one access per stride, in order, up to the first signal. */
static int do_touch(struct eng *E, const struct step *st)
{
	const struct emap *em = &E->maps[st->map];
	hr_proc *p = E->procs[st->proc];
	int rc = 0;

	if (!p || !em->live)
		return HR_FAULT_SIGSEGV;
	for (uint64_t off = st->a; off < st->b && rc == 0; off += st->stride)
		rc = hr_touch(p, em->addr + off, (st->flags & SF_WRITE) != 0);
	return rc;
}

static int do_unmap(struct eng *E, const struct step *st)
{
	struct emap *em = &E->maps[st->map];
	hr_proc *p = E->procs[st->proc];
	int rc;

	if (!p || !em->live)
		return 0;	/* munmap of nothing mapped succeeds */
	if (st->flags & SF_ALL)
		rc = hr_munmap(p, em->addr, em->size);
	else
		rc = hr_munmap(p, em->addr + st->a, st->b - st->a);
	if (rc == 0 && ((st->flags & SF_ALL) || (st->a == 0 && st->b >= em->size)))
		em->live = 0;
	return rc;
}

static int do_remap(struct eng *E, const struct step *st)
{
	struct emap *em = &E->maps[st->map];
	hr_proc *p = E->procs[st->proc];
	uint64_t naddr = 0;
	int rc;

	if (!p || !em->live)
		return -EFAULT;
	rc = hr_mremap(p, em->addr, em->size, st->a,
		       (st->flags & SF_MAYMOVE) ? HR_MREMAP_MAYMOVE : 0, &naddr);
	if (rc == 0) {
		em->addr = naddr;
		em->size = st->a;
	}
	return rc;
}

static int do_fork(struct eng *E, const struct program *prog, const struct step *st)
{
	hr_proc *p = E->procs[st->proc], *child = NULL;
	int idx = (int)(st - prog->steps), rc;

	if (!p)
		return -ESRCH;
	rc = hr_fork(p, &child);
	if (rc)
		return rc;
	E->procs[st->obj] = child;
	/* The child's copies sit where the parent's mappings are now. */
	for (int i = 0; i < prog->nmaps; i++)
		if (prog->maps[i].created_by == idx && prog->maps[i].inherit_from >= 0)
			E->maps[i] = E->maps[prog->maps[i].inherit_from];
	return 0;
}

static void do_exit(struct eng *E, const struct program *prog, const struct step *st)
{
	if (!E->procs[st->proc])
		return;
	hr_exit(E->procs[st->proc]);
	E->procs[st->proc] = NULL;
	for (int i = 0; i < prog->nmaps; i++)
		if (prog->maps[i].proc == st->proc)
			E->maps[i].live = 0;
}

/*
 * umount: on success the mount and every file on it are gone, their
 * handles with them.  Files unlinked earlier have no handle here any
 * more; the others are the parser's live files of the mount.
 */
static int do_umount(struct eng *E, const struct program *prog,
		     const struct step *st)
{
	hr_mount *mnt = E->mounts[st->obj];
	int rc;

	if (!mnt)
		return -ENOENT;	/* its mount failed: no such mount point */
	rc = hr_mount_umount(mnt);
	if (rc)
		return rc;
	E->mounts[st->obj] = NULL;
	for (int i = 0; i < prog->nfiles; i++)
		if (prog->files[i].mount == st->obj)
			E->files[i] = NULL;
	return 0;
}

static int range_op(struct eng *E, const struct step *st)
{
	const struct emap *em = &E->maps[st->map];
	hr_proc *p = E->procs[st->proc];

	if (!p || !em->live)
		return -ENOMEM;	/* what mprotect and madvise say of a hole */
	if (st->kind == ST_PROTECT)
		return hr_mprotect(p, em->addr + st->a, st->b - st->a, st->prot);
	return hr_madvise(p, em->addr + st->a, st->b - st->a, st->advice);
}

static int eng_exec(struct backend *be, const struct step *st, struct result *out,
		    char *err, size_t errlen)
{
	struct eng *E = be->priv;
	const struct program *prog = be->prog;
	hr_file *f;
	int rc = 0;

	out->kind = RES_NONE;
	out->err = 0;
	switch (st->kind) {
	case ST_CGROUP:
	case ST_CGROUP_SET:
	case ST_CGROUP_RM:
	case ST_CGROUP_MOVE:
	case ST_MEMFD:
	case ST_CLOSE:
		snprintf(err, errlen, "line %d: not supported by the engine yet", st->line);
		return -1;	/* refused by open() */
	case ST_MACHINE:
		return 0;	/* applied by open() */
	case ST_SYSCTL:
		rc = hr_sysctl_write(E->m, st->key, st->value);
		break;
	case ST_NODE:
		rc = hr_node_write(E->m, st->node, st->key, st->value);
		break;
	case ST_MEMPOLICY:
		rc = E->procs[st->proc] ?
		     hr_set_mempolicy(E->procs[st->proc], st->nodemask) : -ESRCH;
		break;
	case ST_SYSCTL_AS:
		rc = E->procs[st->proc] ?
		     hr_proc_sysctl_write(E->procs[st->proc], st->key,
					  st->value) : -ESRCH;
		break;
	case ST_MOUNT: {
		const struct prog_mount *pm = &prog->mounts[st->obj];

		rc = hr_mount_new(E->m, pm->pagesize, pm->size, pm->min_size,
				  &E->mounts[st->obj]);
		break;
	}
	case ST_UMOUNT:
		rc = do_umount(E, prog, st);
		break;
	case ST_FILE: {
		hr_mount *mnt = E->mounts[prog->files[st->obj].mount];

		rc = mnt ? hr_file_create(mnt, &E->files[st->obj]) : -ENOENT;
		break;
	}
	case ST_TRUNCATE:
		f = E->files[st->obj];
		rc = f ? hr_file_truncate(f, st->a) : -EBADF;
		break;
	case ST_FALLOCATE:
		f = E->files[st->obj];
		rc = f ? hr_file_fallocate(f, (st->flags & SF_PUNCH) ?
					   HR_FALLOC_PUNCH_HOLE | HR_FALLOC_KEEP_SIZE : 0,
					   st->a, st->b - st->a) : -EBADF;
		break;
	case ST_UNLINK:
		/* The name is gone: the parser lets no later step use it. */
		f = E->files[st->obj];
		rc = f ? hr_file_unlink(f) : -ENOENT;
		E->files[st->obj] = NULL;
		break;
	case ST_SHM: {
		const struct prog_shm *ps = &prog->shms[st->obj];

		rc = hr_shm_get(E->m, ps->size, ps->pagesize,
				ps->noreserve ? HR_SHM_NORESERVE : 0, &E->shms[st->obj]);
		break;
	}
	case ST_SHM_RM:
		f = E->shms[st->obj];
		rc = f ? hr_shm_rm(f) : -EINVAL;
		E->shms[st->obj] = NULL;
		break;
	case ST_PROC:
		rc = hr_proc_new(E->m, &E->procs[st->obj]);
		break;
	case ST_MAP:
		rc = do_map(E, prog, st);
		break;
	case ST_TOUCH:
		rc = do_touch(E, st);
		break;
	case ST_UNMAP:
		rc = do_unmap(E, st);
		break;
	case ST_PROTECT:
	case ST_ADVISE:
		rc = range_op(E, st);
		break;
	case ST_REMAP:
		rc = do_remap(E, st);
		break;
	case ST_FORK:
		rc = do_fork(E, prog, st);
		break;
	case ST_EXIT:
		do_exit(E, prog, st);
		return 0;
	case ST_INJECT:
		rc = hr_inject_fail(E->m, st->key, (long)st->a, st->times);
		if (rc) {
			snprintf(err, errlen, "inject: %s", strerror(-rc));
			return -1;
		}
		out->kind = RES_NONE;
		return 0;
	case ST_BIND:
		rc = map_live(E, st) ? hr_mbind(E->procs[st->proc],
						E->maps[st->map].addr + st->a,
						st->b - st->a, st->nodemask)
				     : -EFAULT;
		break;
	case ST_MIGRATE:
		/* move_pages(2) passes over an address nothing maps */
		rc = map_live(E, st) ? hr_migrate(E->procs[st->proc],
						  E->maps[st->map].addr + st->a,
						  st->b - st->a, st->node)
				     : st->node >= (prog->nodes ? prog->nodes : 1) ?
				       -ENODEV : 0;
		if (rc > 0)
			rc = 0;		/* pages moved */
		break;
	case ST_THP:
		rc = hr_thp_write(E->m, st->key, st->value);
		break;
	case ST_KHUGEPAGED:
		rc = hr_khugepaged(E->m, (int)st->a);
		out->kind = RES_NONE;
		if (rc) {
			snprintf(err, errlen, "khugepaged: %s", strerror(-rc));
			return -1;
		}
		return 0;
	case ST_RECLAIM:
		hr_reclaim(E->m, (st->flags & SF_ALL) ? UINT64_MAX : st->a);
		out->kind = RES_NONE;
		return 0;
	case ST_EXPECT:
	case ST_SHOW:
	case ST__COUNT:
		snprintf(err, errlen, "step '%s' is not for a back end", st->text);
		return -1;
	}
	set_result(out, rc);
	return 0;
}

/* smaps fields that are per-VMA constants, not amounts: never summed. */
static int summable(const char *key)
{
	return strcmp(key, "KernelPageSize") && strcmp(key, "MMUPageSize");
}

/* Read an engine file into E->buf; -ENOENT for files it does not model. */
static int read_file(struct eng *E, hr_proc *p, const char *path)
{
	for (;;) {
		ssize_t n = hr_procfs_read(E->m, p, path, E->buf, E->buflen);
		char *q;

		if (n < 0)
			return (int)n;
		if ((size_t)n < E->buflen)
			return 0;
		q = realloc(E->buf, (size_t)n + 1);
		if (!q)
			return -ENOMEM;
		E->buf = q;
		E->buflen = (size_t)n + 1;
	}
}

static int read_sysfs(struct eng *E, struct snapshot *s, const char *rel)
{
	char path[256], key[sizeof(s->v[0].key)], *end;
	unsigned long long v;
	int rc;

	snprintf(path, sizeof(path), "/sys/kernel/mm/%s", rel);
	snprintf(key, sizeof(key), "sysfs:%s", rel);
	if (snapshot_get(s, key, NULL))
		return 0;
	rc = read_file(E, NULL, path);
	if (rc == -ENOENT)
		return 0;
	if (rc)
		return rc;
	/* unsigned: a wrapped counter must keep its bits, not saturate */
	v = strtoull(E->buf, &end, 10);
	if (end == E->buf)
		return 0;	/* not a number: not a counter */
	return snapshot_set(s, key, (int64_t)v);
}

static int eng_get(struct backend *be, const char *key, int64_t *val);

static int eng_snapshot(struct backend *be, struct snapshot *s)
{
	static const char *const sizes[] = { "2048kB", "1048576kB" };
	static const char *const files[] = {
		"nr_hugepages", "free_hugepages", "resv_hugepages",
		"surplus_hugepages", "nr_overcommit_hugepages",
	};
	static const struct {
		const char *path, *prefix;
	} texts[] = {
		{ "/proc/meminfo", "meminfo:" },
		{ "/proc/vmstat", "vmstat:" },
	};
	struct eng *E = be->priv;
	const struct program *prog = be->prog;
	char rel[128], prefix[PROG_NAME_MAX + 16];
	int rc;

	snapshot_clear(s);
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		rc = read_file(E, NULL, texts[i].path);
		if (rc == -ENOENT)
			continue;
		if (rc || snapshot_parse_keyvals(s, texts[i].prefix, E->buf, NULL))
			return -1;
	}
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		for (size_t j = 0; j < sizeof(files) / sizeof(files[0]); j++) {
			snprintf(rel, sizeof(rel), "hugepages/hugepages-%s/%s", sizes[i], files[j]);
			if (read_sysfs(E, s, rel))
				return -1;
		}
	/* every node's pool files (node_snapshot_keys(): as the kernel's) */
	for (int nid = 0; nid < (prog->nodes ? prog->nodes : 1); nid++)
		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
			for (size_t j = 0; j < 3; j++) {
				static const char *const nf[] = {
					"nr_hugepages", "free_hugepages",
					"surplus_hugepages",
				};
				char src[16], key[sizeof(s->v[0].key)];
				int64_t v;

				snprintf(src, sizeof(src), "node%d", nid);
				snprintf(rel, sizeof(rel), "hugepages-%s/%s",
					 sizes[i], nf[j]);
				if (hr_counter(E->m, NULL, src, rel, &v))
					continue;
				snprintf(key, sizeof(key), "%s:%s", src, rel);
				if (snapshot_set(s, key, v))
					return -1;
			}
	/* khugepaged's counters, which diff compares */
	if (read_sysfs(E, s, "transparent_hugepage/khugepaged/pages_collapsed") ||
	    read_sysfs(E, s, "transparent_hugepage/khugepaged/full_scans"))
		return -1;
	/* Any other sysfs file the program checks. */
	for (int i = 0; i < prog->nsteps; i++) {
		const struct step *st = &prog->steps[i];

		if (st->kind != ST_EXPECT || st->ex_source != EX_SYSFS)
			continue;
		for (int j = 0; j < st->nitems; j++)
			if (read_sysfs(E, s, st->items[j].key))
				return -1;
	}
	/* The knobs the program reads back (expect sysctl, expect thp). */
	for (int i = 0; i < prog->nsteps; i++) {
		const struct step *st = &prog->steps[i];
		static const char *const pfx[] = {
			[EX_SYSCTL] = "sysctl", [EX_THP] = "thp",
		};
		char key[sizeof(s->v[0].key)];
		int64_t v;

		if (st->kind != ST_EXPECT ||
		    (st->ex_source != EX_SYSCTL && st->ex_source != EX_THP))
			continue;
		for (int j = 0; j < st->nitems; j++) {
			snprintf(key, sizeof(key), "%s:%s", pfx[st->ex_source],
				 st->items[j].key);
			if (eng_get(be, key, &v) && snapshot_set(s, key, v))
				return -1;
		}
	}
	/* Every mapping in the engine is the scenario's own: sum them all. */
	for (int i = 0; i < prog->nprocs; i++) {
		if (!E->procs[i])
			continue;
		rc = read_file(E, E->procs[i], "/proc/self/smaps");
		if (rc == -ENOENT)
			continue;
		snprintf(prefix, sizeof(prefix), "smaps:%s:", prog->procs[i].name);
		if (rc || snapshot_parse_keyvals(s, prefix, E->buf, summable))
			return -1;
	}
	return 0;
}

static int eng_check(struct backend *be, char *msg, size_t len)
{
	struct eng *E = be->priv;

	return hr_machine_check(E->m, msg, len) ? -1 : 0;
}

static int eng_get(struct backend *be, const char *key, int64_t *val)
{
	struct eng *E = be->priv;
	const struct program *prog = be->prog;
	const char *colon = strchr(key, ':');
	char src[16];
	size_t n;

	if (!colon || (n = (size_t)(colon - key)) >= sizeof(src))
		return 0;
	memcpy(src, key, n);
	src[n] = 0;
	key = colon + 1;
	/* Not kernel counters: the engine's own, for the fuzzer. */
	if (!strcmp(src, "engine") && !strcmp(key, "taint")) {
		*val = hr_machine_taint(E->m, NULL, 0);
		return 1;
	}
	if (!strcmp(src, "engine") && !strcmp(key, "restoring")) {
		*val = (int64_t)hr_machine_restoring(E->m);
		return 1;
	}
	if (!strcmp(src, "sysctl") || !strcmp(src, "thp")) {
		char text[64];

		return hr_knob_read(E->m, key, text, sizeof(text)) >= 0 &&
		       knob_text_value(key, text, val) == 0;
	}
	if (!strcmp(src, "smaps")) {
		const char *c2 = strchr(key, ':');
		int i;

		if (!c2)
			return 0;
		for (i = 0; i < prog->nprocs; i++) {
			if (strlen(prog->procs[i].name) == (size_t)(c2 - key) &&
			    !strncmp(prog->procs[i].name, key, (size_t)(c2 - key)))
				break;
		}
		if (i == prog->nprocs)
			return 0;
		if (!E->procs[i]) {
			*val = 0;	/* an exited process maps nothing */
			return 1;
		}
		return hr_counter(E->m, E->procs[i], "smaps", c2 + 1, val) == 0;
	}
	return hr_counter(E->m, NULL, src, key, val) == 0;
}

static void eng_close(struct backend *be)
{
	eng_free(be->priv);
	be->priv = NULL;
}

const struct backend_ops engine_backend_ops = {
	.name = "engine",
	.open = eng_open,
	.exec = eng_exec,
	.snapshot = eng_snapshot,
	.get = eng_get,
	.check = eng_check,
	.close = eng_close,
};
