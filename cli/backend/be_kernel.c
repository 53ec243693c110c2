/* SPDX-License-Identifier: MIT */
/*
 * be_kernel.c - the kernel back end: run a scenario on the running Linux
 * kernel with real system calls in real processes.
 *
 * Shape:
 *
 *     conductor (this process)
 *       │  one SOCK_SEQPACKET channel per agent: command -> reply
 *       ├── agent A   (forked by the conductor for `proc A`)
 *       │     └── agent B   (forked by A for `A: fork B`)
 *       └── agent C
 *
 * The conductor does everything that is not per process (sysctl and thp
 * writes, hugetlbfs mounts and files, shm segments) itself, and keeps
 * the address book: where each of the scenario's mappings lives in its
 * agent (struct kmap).  Agents are dumb: they receive a system call with
 * absolute addresses, make it, and reply with the outcome.  `touch`
 * catches SIGBUS/SIGSEGV with sigsetjmp()/siglongjmp() and reports the
 * signal as the outcome.
 *
 * Every change to the machine goes through kstate.c first (state file,
 * saved settings, teardown); see docs/kernel-backend.md.
 *
 * Agents never outlive the conductor: agents the conductor forks have
 * PR_SET_PDEATHSIG(SIGKILL); every agent _exit()s as soon as its channel
 * reports end of file, which happens when the conductor dies however it
 * dies (the conductor's end of a channel is held by nobody else); the
 * next run kills any left over (kstate.c).
 *
 * Outcomes (struct result): a statement that may carry `-> RESULT`
 * (sysctl, mount, umount, truncate, fallocate, shm, map, touch, unmap,
 * protect, remap, advise, fork) reports RES_OK when its system call
 * succeeds;
 * the others (thp, file, unlink, shm-rm, proc, exit, machine) report
 * RES_NONE.  A failing system call reports RES_ERRNO with its errno, a
 * touch that faults RES_SIGBUS or RES_SIGSEGV.  exec() returns -1 only
 * when the back end itself broke (an agent died, a signal asked us to
 * stop).
 *
 * Placement: every mapping gets its own 1 GiB-aligned slot from
 * KB_MAP_BASE up (plus misalign=), mapped with MAP_FIXED_NOREPLACE; a
 * slot taken by something of the agent's own is skipped.  Mappings made
 * by fork, or moved by remap, are where the kernel put them.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <stdarg.h>

#include "backend/backend.h"
#include "hugeresv.h"
#include "backend/be_kernel.h"

static struct kbe *kb_open_one;	/* for the atexit() safety net */

static int kiv_set(struct kmap *m, uint64_t lo, uint64_t hi)
{
	if (m->cap < 1) {
		struct kiv *p = realloc(m->iv, 4 * sizeof(*p));

		if (!p)
			return -ENOMEM;
		m->iv = p;
		m->cap = 4;
	}
	m->iv[0].lo = lo;
	m->iv[0].hi = hi;
	m->niv = 1;
	return 0;
}

static int kiv_copy(struct kmap *dst, const struct kmap *src)
{
	if (dst->cap < src->niv) {
		struct kiv *p = realloc(dst->iv, (size_t)src->niv * sizeof(*p));

		if (!p)
			return -ENOMEM;
		dst->iv = p;
		dst->cap = src->niv;
	}
	if (src->niv)
		memcpy(dst->iv, src->iv, (size_t)src->niv * sizeof(*src->iv));
	dst->niv = src->niv;
	dst->base = src->base;
	dst->size = src->size;
	return 0;
}

/* Remove [lo, hi) from the mapped parts. */
static int kiv_cut(struct kmap *m, uint64_t lo, uint64_t hi)
{
	int i, n = 0;
	struct kiv *out;

	out = malloc((size_t)(2 * m->niv + 1) * sizeof(*out));
	if (!out)
		return -ENOMEM;
	for (i = 0; i < m->niv; i++) {
		struct kiv v = m->iv[i];

		if (hi <= v.lo || lo >= v.hi) {
			out[n++] = v;
			continue;
		}
		if (v.lo < lo)
			out[n++] = (struct kiv){ v.lo, lo };
		if (hi < v.hi)
			out[n++] = (struct kiv){ hi, v.hi };
	}
	free(m->iv);
	m->cap = 2 * m->niv + 1;
	m->iv = out;
	m->niv = n;
	return 0;
}

/* The runner prefixes FILE:LINE; @st is only there to name the step. */
void kb_err(char *err, size_t errlen, const struct step *st,
	    const char *fmt, ...)
{
	va_list ap;

	(void)st;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------------ */
/* Setting names                                                       */

static int valid_knob_name(const char *s)
{
	if (!*s || *s == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '.' || *s == '-'))
			return 0;
	return 1;
}

/* The default huge page size, in kB (Hugepagesize: in /proc/meminfo). */
static long default_hpage_kb(void)
{
	char buf[8192], *p;

	if (kstate_read_file("/proc/meminfo", buf, sizeof(buf)) < 0)
		return 2048;
	p = strstr(buf, "Hugepagesize:");
	return p ? strtol(p + 13, NULL, 10) : 2048;
}

/*
 * knob_path() - the file behind a `sysctl` or `thp` key of @group, from
 * the engine's knob registry (hr_knob_info()).  vm.nr_hugepages and
 * vm.nr_overcommit_hugepages are the default size's sysfs files (the
 * same setting, and one name for it in the state file).
 * Return: 0, or -ENOENT for a key Linux does not have.
 */
static int knob_path(enum hr_knob_group group, const char *key, char *path,
		     size_t len)
{
	struct hr_knob_info ki;
	struct stat sb;

	/*
	 * The API-only nr_hugepages_mempolicy knobs are in the language as
	 * a process's writes (NAME: sysctl) only; the parser sees to that.
	 */
	if (!valid_knob_name(key) || hr_knob_info(hr_knob_find(key), &ki) ||
	    ki.group != group || (ki.flags & HR_KNOB_ENGINE_ONLY) ||
	    ((ki.flags & HR_KNOB_API_ONLY) &&
	     !strstr(key, "nr_hugepages_mempolicy")))
		return -ENOENT;
	if (ki.flags & HR_KNOB_DEFAULT_HSTATE)
		snprintf(path, len, "%s/hugepages-%ldkB/%s", KSTATE_SYSFS_HP,
			 default_hpage_kb(), strrchr(ki.path, '/') + 1);
	else
		snprintf(path, len, "%s", ki.path);
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) ? 0 : -ENOENT;
}

static int sysctl_path(const char *key, char *path, size_t len)
{
	return knob_path(HR_KNOB_SYSCTL, key, path, len);
}

static int thp_path(const char *key, char *path, size_t len)
{
	return knob_path(HR_KNOB_THP, key, path, len);
}

static int have_hstate(uint64_t pagesize)
{
	char path[PATH_MAX];
	struct stat sb;

	if (pagesize == 0 || pagesize == HR_PAGE_SIZE)
		return 1;
	snprintf(path, sizeof(path), "%s/hugepages-%llukB", KSTATE_SYSFS_HP,
		 (unsigned long long)(pagesize >> 10));
	return stat(path, &sb) == 0;
}

/*
 * A sysfs list file ("0", "0-1", "0,2-3"; /sys/devices/system/node/
 * online, nodeN/cpulist) as a set.  Return: how many it names, or -1 if
 * it cannot be read.
 */
static int read_sysfs_list(const char *path, cpu_set_t *set)
{
	char buf[512], *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	CPU_ZERO(set);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	for (p = buf; *p && *p != '\n';) {
		char *end;
		long a = strtol(p, &end, 10), b = a;

		if (end == p)
			break;
		if (*end == '-')
			b = strtol(end + 1, &end, 10);
		for (; a <= b && a < CPU_SETSIZE; a++)
			CPU_SET((int)a, set);
		p = *end == ',' ? end + 1 : end;
	}
	return CPU_COUNT(set);
}

int kernel_nr_nodes(void)
{
	cpu_set_t set;
	int nodes = read_sysfs_list("/sys/devices/system/node/online", &set);

	return nodes > 0 ? nodes : 1;
}

/*
 * Run the conductor, and so every agent it forks, on node 0's CPUs: the
 * engine's tasks run on node 0 (a fault's first node, a surplus page's
 * node), and a guest's scheduler would otherwise put an agent on any
 * node's CPU from one run to the next.  Nothing to do on one node.
 */
static void pin_to_node0(struct kbe *k)
{
	cpu_set_t set;

	if (k->nr_nodes < 2)
		return;
	/* node 0 without CPUs (a memory-only node): leave the task be */
	if (read_sysfs_list("/sys/devices/system/node/node0/cpulist",
			    &set) <= 0 ||
	    sched_getaffinity(0, sizeof(k->cpus_was), &k->cpus_was))
		return;
	if (sched_setaffinity(0, sizeof(set), &set) == 0)
		k->pinned = 1;
}

int program_uses_gigantic(const struct program *prog)
{
	int i;

	for (i = 0; i < prog->nsteps; i++)
		if ((prog->steps[i].kind == ST_SYSCTL ||
		     prog->steps[i].kind == ST_SYSCTL_AS ||
		     prog->steps[i].kind == ST_NODE) &&
		    strstr(prog->steps[i].key, "1048576kB"))
			return 1;
	for (i = 0; i < prog->nmaps; i++)
		if (prog->maps[i].pagesize == HR_SZ_1G)
			return 1;
	for (i = 0; i < prog->nmounts; i++)
		if (prog->mounts[i].pagesize == HR_SZ_1G)
			return 1;
	for (i = 0; i < prog->nshms; i++)
		if (prog->shms[i].pagesize == HR_SZ_1G)
			return 1;
	return 0;
}

/*
 * Put the 2 MiB pool's node cursors (next_nid_to_alloc, next_nid_to_free)
 * back on node 0, where a booted kernel has them and the engine starts:
 * they are kernel state that outlives a run, and on two nodes an earlier
 * file's pool changes leave them anywhere, so that the next file's first
 * page lands on node 1.  Growing node 0's pool by one page and shrinking
 * it back allocates and frees with node 0 the only node allowed, which
 * leaves both cursors there (the node after 0 among {0} is 0), and
 * leaves the pool as it was.  The 1 GiB pool's only for a file that uses
 * 1 GiB pages: a gigantic page is slow to assemble under TCG.
 */
static int reset_node_cursors(struct kbe *k, char *err, size_t errlen)
{
	static const char *const sizes[] = { "2048kB", "1048576kB" };
	char path[PATH_MAX], cur[64], more[64];
	size_t i;
	long n;
	int e;

	if (k->nr_nodes < 2)
		return 0;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		/* a gigantic page only for a file that uses them (slow) */
		if (i == 1 && !program_uses_gigantic(k->prog))
			continue;
		snprintf(path, sizeof(path), "/sys/devices/system/node/node0/"
			 "hugepages/hugepages-%s/nr_hugepages", sizes[i]);
		if (kstate_read_setting(path, cur, sizeof(cur)) < 0)
			continue;	/* no such pool: nothing to put back */
		n = strtol(cur, NULL, 10);
		snprintf(more, sizeof(more), "%ld", n + 1);
		/*
		 * The cursor moves to node 0 whether or not the page could
		 * be had; a page that could not leaves the free cursor, which
		 * the engine and a fresh kernel also start on node 0, as it
		 * was (not seen to matter so far).
		 */
		e = kstate_write_setting(k->ks, path, more);
		if (e == 0)
			e = kstate_write_setting(k->ks, path, cur);
		if (e < 0) {
			snprintf(err, errlen, "kernel back end: %s: %s", path,
				 strerror(-e));
			return -1;
		}
	}
	return 0;
}

/*
 * kb_validate() - can the running kernel run @prog at all?  Nothing is
 * touched; a refusal here costs nothing.
 */
static int kb_validate(const struct program *prog, char *err, size_t errlen)
{
	char path[PATH_MAX];
	int i, marked;

	/*
	 * The contract lists `khugepaged` with the engine-only events (a step
	 * may be marked so); this back end runs it for real (an extension),
	 * so only the other engine-only steps refuse a program (below).  A
	 * program marked engine-only with no step to show for it is refused
	 * as a whole.
	 */
	/*
	 * The node count is the machine's shape: per-node pools, a bound
	 * mapping's nodes and a fault's node all follow from it, so a file
	 * runs only where the kernel has exactly as many (a --vm guest is
	 * booted so: cli/vm/vm_remote.c).
	 */
	if ((prog->nodes ? prog->nodes : 1) != kernel_nr_nodes()) {
		snprintf(err, errlen, "kernel back end: %s needs %d NUMA "
			 "node%s and the running kernel has %d (a guest with "
			 "as many: --vm KERNEL)", prog->path,
			 prog->nodes ? prog->nodes : 1,
			 prog->nodes > 1 ? "s" : "", kernel_nr_nodes());
		return EXIT_REFUSED;
	}
	if (prog->uses_cgroups || prog->uses_memfd) {
		snprintf(err, errlen, "kernel back end: %s uses %s, which "
			 "this back end does not run yet", prog->path,
			 prog->uses_cgroups ? "cgroups" : "memfd");
		return EXIT_REFUSED;
	}
	marked = 0;
	for (i = 0; i < prog->nsteps; i++)
		marked |= prog->steps[i].engine_only;
	if (prog->engine_only && !marked) {
		snprintf(err, errlen, "kernel back end: %s is engine-only (%s); "
			 "it cannot run on the kernel", prog->path,
			 prog->engine_only_why[0] ? prog->engine_only_why :
			 "uses something Linux does not have");
		return EXIT_REFUSED;
	}
	for (i = 0; i < prog->nsteps; i++) {
		const struct step *st = &prog->steps[i];

		if ((st->engine_only && st->kind != ST_KHUGEPAGED) ||
		    st->kind == ST_RECLAIM) {
			snprintf(err, errlen, "kernel back end: %s:%d: `%s` is "
				 "engine-only; it cannot run on the kernel",
				 prog->path, st->line, st->text ? st->text : "");
			return EXIT_REFUSED;
		}
		if (st->kind == ST_SYSCTL &&
		    sysctl_path(st->key, path, sizeof(path)) < 0) {
			snprintf(err, errlen, "kernel back end: %s:%d: sysctl "
				 "%s: the running kernel has no such setting",
				 prog->path, st->line, st->key);
			return EXIT_REFUSED;
		}
		if (st->kind == ST_THP &&
		    thp_path(st->key, path, sizeof(path)) < 0) {
			snprintf(err, errlen, "kernel back end: %s:%d: thp %s: "
				 "the running kernel has no such knob (%s/%s)",
				 prog->path, st->line, st->key,
				 KSTATE_SYSFS_THP, st->key);
			return EXIT_REFUSED;
		}
	}
	for (i = 0; i < prog->nmounts; i++)
		if (!have_hstate(prog->mounts[i].pagesize))
			goto no_hstate;
	for (i = 0; i < prog->nshms; i++)
		if (!have_hstate(prog->shms[i].pagesize))
			goto no_hstate;
	for (i = 0; i < prog->nmaps; i++)
		if ((prog->maps[i].flags & MF_HUGETLB) &&
		    !have_hstate(prog->maps[i].pagesize))
			goto no_hstate;
	return 0;
no_hstate:
	snprintf(err, errlen, "kernel back end: %s uses a huge page size the "
		 "running kernel does not have", prog->path);
	return EXIT_REFUSED;
}

/* ------------------------------------------------------------------ */
/* Talking to agents                                                   */

static int send_cmd(int chan, const struct kcmd *c, int passfd)
{
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { (void *)c, sizeof(*c) };
	struct msghdr mh;
	ssize_t n;

	memset(&mh, 0, sizeof(mh));
	memset(&u, 0, sizeof(u));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	if (passfd >= 0) {
		struct cmsghdr *cm;

		mh.msg_control = u.buf;
		mh.msg_controllen = sizeof(u.buf);
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &passfd, sizeof(int));
	}
	do {
		n = sendmsg(chan, &mh, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	return n == (ssize_t)sizeof(*c) ? 0 : -1;
}

/*
 * agent_call() - send one command to the agent of process @proc and wait
 * for its reply.  The wait has no time limit (a touch of a large range
 * takes what it takes) but ends on a SIGINT/SIGTERM to the conductor.
 * Return: 0, or -1 with @err set (the agent died, or the run was
 * interrupted).
 */
static int agent_call(struct kbe *k, const struct step *st, int proc,
		      const struct kcmd *c, int passfd, struct kreply *r,
		      char *err, size_t errlen)
{
	struct kagent *ag = &k->agents[proc];
	const char *name = k->prog->procs[proc].name;
	struct pollfd pfd;
	ssize_t n;

	if (!ag->live) {
		kb_err(err, errlen, st, "process %s has no agent", name);
		return -1;
	}
	if (send_cmd(ag->chan, c, passfd) < 0) {
		kb_err(err, errlen, st, "agent of %s (pid %d) is gone: %s",
		       name, (int)ag->pid, strerror(errno));
		return -1;
	}
	pfd.fd = ag->chan;
	pfd.events = POLLIN;
	for (;;) {
		if (kstate_stop_requested()) {
			kb_err(err, errlen, st, "interrupted by a signal");
			return -1;
		}
		pfd.revents = 0;
		if (poll(&pfd, 1, 200) < 0 && errno != EINTR) {
			kb_err(err, errlen, st, "poll: %s", strerror(errno));
			return -1;
		}
		if (pfd.revents)
			break;
	}
	do {
		n = recv(ag->chan, r, sizeof(*r), 0);
	} while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof(*r)) {
		kb_err(err, errlen, st, "agent of %s (pid %d) died", name,
		       (int)ag->pid);
		return -1;
	}
	return 0;
}

/*
 * Fork a child of the conductor that runs @body on one end of a new
 * channel (the other end in *@chan): an agent, or the anchor.  Return
 * its pid, or -errno with nothing left open.
 */
static pid_t agent_fork(void (*body)(void), int *chan)
{
	pid_t me = getpid(), pid;
	int sv[2], e;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return -errno;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		e = errno;
		close(sv[0]);
		close(sv[1]);
		return -e;
	}
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
		if (getppid() != me)
			_exit(1);	/* the conductor died already */
		ag_setup(sv[1]);
		body();
		_exit(1);	/* the bodies never return */
	}
	close(sv[1]);
	*chan = sv[0];
	return pid;
}

/* Fork a new agent for process @proc from the conductor. */
static int agent_spawn(struct kbe *k, const struct step *st, int proc,
		       char *err, size_t errlen)
{
	int chan;
	pid_t pid = agent_fork(ag_loop, &chan);

	if (pid < 0) {
		kb_err(err, errlen, st, "cannot start an agent: %s",
		       strerror((int)-pid));
		return -1;
	}
	k->agents[proc].pid = pid;
	k->agents[proc].chan = chan;
	k->agents[proc].live = 1;
	if (kstate_note_agent(k->ks, pid, -1) < 0) {
		kb_err(err, errlen, st, "cannot record agent %d in %s",
		       (int)pid, KSTATE_FILE);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Steps                                                               */

static void res_errno(struct result *out, int e)
{
	out->kind = RES_ERRNO;
	out->err = e;
}

static int file_path(struct kbe *k, int file, char *path, size_t len)
{
	const struct prog_file *f = &k->prog->files[file];
	const char *dir = k->mountdir[f->mount];

	if (!dir[0])
		return -ENOENT;	/* its mount failed */
	snprintf(path, len, "%s/%s", dir, f->name);
	return 0;
}

static uint64_t place(struct kbe *k, uint64_t len)
{
	uint64_t a = k->next_addr;

	k->next_addr = ALIGN_UP(a + len, KB_ALIGN) + KB_SLOT_GAP;
	return a;
}

static int hr_to_prot(int hp)
{
	return ((hp & HR_PROT_READ) ? PROT_READ : 0) |
	       ((hp & HR_PROT_WRITE) ? PROT_WRITE : 0);
}

static int hr_to_madv(int a)
{
	switch (a) {
	case HR_MADV_DONTNEED:
		return MADV_DONTNEED;
	case HR_MADV_REMOVE:
		return MADV_REMOVE;
	case HR_MADV_HUGEPAGE:
		return MADV_HUGEPAGE;
	case HR_MADV_NOHUGEPAGE:
		return MADV_NOHUGEPAGE;
	case HR_MADV_PAGEOUT:
		return MADV_PAGEOUT;
	case HR_MADV_COLLAPSE:
		return MADV_COLLAPSE;
	default:
		return a;
	}
}

static uint64_t map_pagesize(const struct prog_map *m)
{
	return m->pagesize ? m->pagesize : HR_PAGE_SIZE;
}

static int do_map(struct kbe *k, const struct step *st, struct result *out,
		  char *err, size_t errlen)
{
	const struct prog_map *m = &k->prog->maps[st->map];
	struct kmap *km = &k->maps[st->map];
	struct kcmd *c = &k->cmd;
	struct kreply r;
	uint64_t len = m->size, extent;
	int tries;

	memset(c, 0, sizeof(*c));
	c->prot = (m->flags & MF_RO) ? PROT_READ : PROT_READ | PROT_WRITE;
	if (m->source == SRC_SHM) {
		int id = k->shmid[m->obj];

		c->op = KOP_SHMAT;
		c->shmid = id;
		c->flags = (m->flags & MF_RO) ? SHM_RDONLY : 0;
		/* shmat maps the whole segment, whatever the scenario says. */
		len = k->prog->shms[m->obj].size;
	} else {
		c->op = KOP_MAP;
		c->flags = (m->flags & MF_SHARED) ? MAP_SHARED : MAP_PRIVATE;
		c->flags |= MAP_FIXED_NOREPLACE;
		if (m->flags & MF_NORESERVE)
			c->flags |= MAP_NORESERVE;
		if (m->flags & MF_POPULATE)
			c->flags |= MAP_POPULATE;
		if (m->source == SRC_ANON) {
			c->flags |= MAP_ANONYMOUS;
			if (m->flags & MF_HUGETLB)
				c->flags |= MAP_HUGETLB |
					(m->pagesize == HR_SZ_1G ?
					 MAP_HUGE_1GB : MAP_HUGE_2MB);
		} else if (file_path(k, m->obj, c->path, sizeof(c->path)) < 0) {
			res_errno(out, ENOENT);
			km->base = place(k, len) + m->misalign;
			km->size = len;
			return 0;
		}
		c->offset = m->offset;
	}
	c->len = len;
	extent = ALIGN_UP(len, map_pagesize(m));
	for (tries = 0; tries < KB_PLACE_TRIES; tries++) {
		c->addr = place(k, extent + m->misalign) + m->misalign;
		if (agent_call(k, st, m->proc, c, -1, &r, err, errlen) < 0)
			return -1;
		/* Something of the agent's own is there: try the next slot. */
		if (r.kind == RES_ERRNO && r.err == EEXIST &&
		    c->op == KOP_MAP)
			continue;
		break;
	}
	km->base = c->addr;
	km->size = extent;
	km->niv = 0;
	if (r.kind == RES_ERRNO) {
		res_errno(out, r.err);
		return 0;
	}
	if (r.addr != c->addr) {
		/* Never with MAP_FIXED_NOREPLACE; follow the kernel anyway. */
		km->base = r.addr;
	}
	if (kiv_set(km, km->base, km->base + extent) < 0) {
		kb_err(err, errlen, st, "out of memory");
		return -1;
	}
	out->kind = RES_OK;
	return 0;
}

static int simple_call(struct kbe *k, const struct step *st, int op,
		       uint64_t addr, uint64_t len, struct result *out,
		       struct kreply *r, char *err, size_t errlen)
{
	struct kcmd *c = &k->cmd;
	unsigned long nodemask = c->nodemask;

	memset(c, 0, sizeof(*c));
	c->op = op;
	c->addr = addr;
	c->len = len;
	switch (op) {
	case KOP_MBIND:
	case KOP_MEMPOLICY:
		c->nodemask = nodemask;
		break;
	case KOP_MIGRATE:
		c->node = st->node;
		c->stride = map_pagesize(&k->prog->maps[st->map]);
		break;
	case KOP_TOUCH:
		c->flags = (st->flags & SF_WRITE) ? 1 : 0;
		c->stride = st->stride ? st->stride :
			map_pagesize(&k->prog->maps[st->map]);
		break;
	case KOP_PROTECT:
		c->prot = hr_to_prot(st->prot);
		break;
	case KOP_ADVISE:
		c->advice = hr_to_madv(st->advice);
		break;
	case KOP_REMAP:
		c->new_len = st->a;
		c->flags = (st->flags & SF_MAYMOVE) ? MREMAP_MAYMOVE : 0;
		break;
	default:
		break;
	}
	if (agent_call(k, st, st->proc, c, -1, r, err, errlen) < 0)
		return -1;
	out->kind = r->kind;
	out->err = r->err;
	return 0;
}

static int do_fork(struct kbe *k, const struct step *st, struct result *out,
		   char *err, size_t errlen)
{
	const struct program *prog = k->prog;
	int child = st->obj, idx = (int)(st - prog->steps), i, sv[2];
	struct kcmd *c = &k->cmd;
	struct kreply r;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		kb_err(err, errlen, st, "socketpair: %s", strerror(errno));
		return -1;
	}
	memset(c, 0, sizeof(*c));
	c->op = KOP_FORK;
	if (agent_call(k, st, st->proc, c, sv[1], &r, err, errlen) < 0) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	close(sv[1]);
	if (r.kind != RES_OK) {
		close(sv[0]);
		out->kind = r.kind;
		out->err = r.err;
		return 0;
	}
	k->agents[child].pid = r.pid;
	k->agents[child].chan = sv[0];
	k->agents[child].live = 1;
	if (kstate_note_agent(k->ks, r.pid, -1) < 0) {
		kb_err(err, errlen, st, "cannot record agent %d in %s", r.pid,
		       KSTATE_FILE);
		return -1;
	}
	/* The child's mappings are where its parent's are. */
	for (i = 0; i < prog->nmaps; i++) {
		const struct prog_map *m = &prog->maps[i];

		if (m->created_by != idx || m->inherit_from < 0)
			continue;
		if (kiv_copy(&k->maps[i], &k->maps[m->inherit_from]) < 0) {
			kb_err(err, errlen, st, "out of memory");
			return -1;
		}
	}
	out->kind = RES_OK;
	return 0;
}

static void forget_maps_of(struct kbe *k, int proc)
{
	int i;

	for (i = 0; i < k->prog->nmaps; i++)
		if (k->prog->maps[i].proc == proc)
			k->maps[i].niv = 0;
}

static int do_exit(struct kbe *k, const struct step *st, char *err,
		   size_t errlen)
{
	struct kagent *ag = &k->agents[st->proc];
	struct kcmd *c = &k->cmd;

	if (!ag->live) {
		kb_err(err, errlen, st, "process %s has no agent",
		       k->prog->procs[st->proc].name);
		return -1;
	}
	memset(c, 0, sizeof(*c));
	c->op = KOP_EXIT;
	send_cmd(ag->chan, c, -1);
	/* Its memory is gone once it is a zombie or reaped. */
	if (kstate_agent_wait(k->ks, ag->pid, KB_EXIT_WAIT_MS) < 0) {
		kb_err(err, errlen, st, "agent of %s (pid %d) did not exit",
		       k->prog->procs[st->proc].name, (int)ag->pid);
		return -1;
	}
	close(ag->chan);
	ag->chan = -1;
	ag->live = 0;
	forget_maps_of(k, st->proc);
	return 0;
}

static int do_mount(struct kbe *k, const struct step *st, struct result *out,
		    char *err, size_t errlen)
{
	const struct prog_mount *mt = &k->prog->mounts[st->obj];
	char dir[PATH_MAX], opts[256];
	int n;

	n = snprintf(dir, sizeof(dir), "%s/%s", kstate_tmpdir(k->ks),
		     mt->name);
	if (n < 0 || (size_t)n >= sizeof(dir)) {
		kb_err(err, errlen, st, "mount point name too long");
		return -1;
	}
	/*
	 * The directory is still there when an earlier mount of the same
	 * name is: its `umount` was assumed to succeed but failed at run
	 * time (EBUSY).  Mount on top of it, as a shell would; the teardown
	 * unmounts stacked mounts too.
	 */
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		kb_err(err, errlen, st, "mkdir %s: %s", dir, strerror(errno));
		return -1;
	}
	if (kstate_note_mount(k->ks, dir) < 0) {
		kb_err(err, errlen, st, "cannot record %s in %s", dir,
		       KSTATE_FILE);
		rmdir(dir);
		return -1;
	}
	n = snprintf(opts, sizeof(opts), "pagesize=%llu",
		     (unsigned long long)(mt->pagesize ? mt->pagesize :
					  HR_SZ_2M));
	if (mt->size >= 0)
		n += snprintf(opts + n, sizeof(opts) - (size_t)n, ",size=%lld",
			      (long long)mt->size);
	if (mt->min_size >= 0)
		snprintf(opts + n, sizeof(opts) - (size_t)n, ",min_size=%lld",
			 (long long)mt->min_size);
	if (mount("hugeresv", dir, "hugetlbfs", MS_NOSUID | MS_NODEV, opts) < 0) {
		res_errno(out, errno);
		rmdir(dir);
		return 0;
	}
	snprintf(k->mountdir[st->obj], PATH_MAX, "%s", dir);
	out->kind = RES_OK;	/* mount may carry `-> RESULT` */
	return 0;
}

/*
 * umount: umount2(dir, 0), so that Linux alone decides whether the mount
 * is busy.  Nothing of the back end's own holds it: the conductor opens
 * a file only for the length of one call, agents close the descriptor
 * right after mmap, and no process has its working directory there.  On
 * success the mount point goes too, and the state file says so (a later
 * recovery has nothing to undo there); a later `mount` of the same name
 * makes the directory again.
 */
static int do_umount(struct kbe *k, const struct step *st, struct result *out,
		     char *err, size_t errlen)
{
	char *dir = k->mountdir[st->obj];

	if (!dir[0]) {
		res_errno(out, ENOENT);	/* its mount failed: no mount point */
		return 0;
	}
	if (umount2(dir, 0) < 0) {
		res_errno(out, errno);
		return 0;
	}
	if (kstate_note_umount(k->ks, dir) < 0) {
		kb_err(err, errlen, st, "cannot record the umount of %s in %s",
		       dir, KSTATE_FILE);
		return -1;
	}
	/* EBUSY: an older mount of the same name is still below (see
	 * do_mount()); the directory goes with the teardown. */
	if (rmdir(dir) < 0 && errno != EBUSY) {
		kb_err(err, errlen, st, "rmdir %s: %s", dir, strerror(errno));
		return -1;
	}
	dir[0] = '\0';
	out->kind = RES_OK;
	return 0;
}

static int do_file_op(struct kbe *k, const struct step *st,
		      struct result *out)
{
	char path[PATH_MAX];
	int fd, e = 0;

	if (file_path(k, st->obj, path, sizeof(path)) < 0) {
		res_errno(out, ENOENT);
		return 0;
	}
	switch (st->kind) {
	case ST_FILE:
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0)
			e = errno;
		else
			close(fd);
		break;
	case ST_TRUNCATE:
		if (truncate(path, (off_t)st->a) < 0)
			e = errno;
		break;
	case ST_FALLOCATE:
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0) {
			e = errno;
			break;
		}
		if (fallocate(fd, (st->flags & SF_PUNCH) ?
			      FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE : 0,
			      (off_t)st->a, (off_t)(st->b - st->a)) < 0)
			e = errno;
		close(fd);
		break;
	case ST_UNLINK:
		if (unlink(path) < 0)
			e = errno;
		break;
	default:
		e = EINVAL;
		break;
	}
	if (e)
		res_errno(out, e);
	else
		out->kind = (st->kind == ST_FILE || st->kind == ST_UNLINK) ?
			    RES_NONE : RES_OK;
	return 0;
}

static int do_shm(struct kbe *k, const struct step *st, struct result *out,
		  char *err, size_t errlen)
{
	const struct prog_shm *sh = &k->prog->shms[st->obj];
	int flags = IPC_CREAT | SHM_HUGETLB | 0600, id;

	flags |= sh->pagesize == HR_SZ_1G ? SHM_HUGE_1GB : SHM_HUGE_2MB;
	if (sh->noreserve)
		flags |= SHM_NORESERVE;
	id = shmget(IPC_PRIVATE, sh->size, flags);
	if (id < 0) {
		res_errno(out, errno);
		return 0;
	}
	k->shmid[st->obj] = id;
	if (kstate_note_shm(k->ks, id) < 0) {
		kb_err(err, errlen, st, "cannot record shm %d in %s", id,
		       KSTATE_FILE);
		return -1;
	}
	out->kind = RES_OK;
	return 0;
}

static int do_setting(struct kbe *k, const struct step *st,
		      struct result *out, char *err, size_t errlen)
{
	char path[PATH_MAX];
	int e;

	e = st->kind == ST_SYSCTL ? sysctl_path(st->key, path, sizeof(path)) :
				    thp_path(st->key, path, sizeof(path));
	if (e < 0) {
		kb_err(err, errlen, st, "%s: no such setting", st->key);
		return -1;
	}
	e = kstate_write_setting(k->ks, path, st->value);
	if (e < 0)
		res_errno(out, -e);
	else	/* sysctl may carry `-> RESULT` (an extension); thp not */
		out->kind = st->kind == ST_SYSCTL ? RES_OK : RES_NONE;
	return 0;
}

/*
 * NAME: sysctl KEY=VALUE: the agent writes the file, so that its memory
 * policy applies (nr_hugepages_mempolicy); the safety layer saves the
 * old value first, as for the conductor's own writes.
 */
static int do_setting_as(struct kbe *k, const struct step *st,
			 struct result *out, char *err, size_t errlen)
{
	struct kcmd *c = &k->cmd;
	struct kreply r;
	int e;

	memset(c, 0, sizeof(*c));
	if (sysctl_path(st->key, c->path, sizeof(c->path)) < 0) {
		kb_err(err, errlen, st, "%s: no such setting", st->key);
		return -1;
	}
	e = kstate_save_setting(k->ks, c->path);
	if (e < 0) {
		kb_err(err, errlen, st, "%s: cannot save it: %s", c->path,
		       strerror(-e));
		return -1;
	}
	c->op = KOP_WRITE;
	snprintf(c->value, sizeof(c->value), "%s", st->value);
	if (agent_call(k, st, st->proc, c, -1, &r, err, errlen) < 0)
		return -1;
	out->kind = r.kind == RES_NONE ? RES_OK : r.kind;
	out->err = r.err;
	return 0;
}

/* node N hugepages-SIZEkB/nr_hugepages=COUNT, through the safety layer */
static int do_node_setting(struct kbe *k, const struct step *st,
			   struct result *out)
{
	char path[PATH_MAX];
	int e;

	snprintf(path, sizeof(path),
		 "/sys/devices/system/node/node%d/hugepages/%s", st->node,
		 st->key);
	e = kstate_write_setting(k->ks, path, st->value);
	if (e < 0)
		res_errno(out, -e);
	else
		out->kind = RES_OK;
	return 0;
}

static int kb_exec_step(struct backend *be, const struct step *st,
			struct result *out, char *err, size_t errlen);

/*
 * kb_exec() - one step, then wait for khugepaged to be asleep again (see
 * kh_settle()).  Around it, the readings that tell the run's own share
 * of the machine-wide THP events from the host's (kb_own_before(),
 * kb_own_after()).
 */
static int kb_exec(struct backend *be, const struct step *st,
		   struct result *out, char *err, size_t errlen)
{
	struct kbe *k = be->priv;
	unsigned long long scans = 0;
	pid_t kh_was = -1;
	int rc;

	if (st->kind == ST_THP) {
		kh_was = kh_current(k);
		scans = kh_scans();
	}
	kb_own_before(k, st);
	rc = kb_exec_step(be, st, out, err, errlen);
	if (st->kind == ST_THP)
		k->kh_rescan = 1;
	if (rc == 0) {
		kh_settle(k);
		if (st->kind == ST_THP)
			rc = kh_finish_pass(k, st, kh_was, scans, err, errlen);
	}
	if (rc == 0)
		rc = kb_own_after(k, st, err, errlen);
	return rc;
}

static int kb_exec_step(struct backend *be, const struct step *st,
			struct result *out, char *err, size_t errlen)
{
	struct kbe *k = be->priv;
	struct kmap *km = st->map >= 0 ? &k->maps[st->map] : NULL;
	struct kreply r;
	uint64_t a;
	int rc;

	out->kind = RES_NONE;
	out->err = 0;
	if (kstate_stop_requested()) {
		kb_err(err, errlen, st, "interrupted by a signal");
		return -1;
	}
	switch (st->kind) {
	case ST_MACHINE:
	case ST_EXPECT:
	case ST_SHOW:
		return 0;
	case ST_SYSCTL:
	case ST_THP:
		return do_setting(k, st, out, err, errlen);
	case ST_MOUNT:
		return do_mount(k, st, out, err, errlen);
	case ST_UMOUNT:
		return do_umount(k, st, out, err, errlen);
	case ST_FILE:
	case ST_TRUNCATE:
	case ST_FALLOCATE:
	case ST_UNLINK:
		return do_file_op(k, st, out);
	case ST_SHM:
		return do_shm(k, st, out, err, errlen);
	case ST_SHM_RM:
		if (k->shmid[st->obj] < 0) {
			res_errno(out, EINVAL);
			return 0;
		}
		if (shmctl(k->shmid[st->obj], IPC_RMID, NULL) < 0) {
			res_errno(out, errno);
			return 0;
		}
		kstate_note_shm_rm(k->ks, k->shmid[st->obj]);
		return 0;
	case ST_PROC:
		return agent_spawn(k, st, st->proc, err, errlen);
	case ST_MAP:
		return do_map(k, st, out, err, errlen);
	case ST_TOUCH:
		return simple_call(k, st, KOP_TOUCH, km->base + st->a,
				   st->b - st->a, out, &r, err, errlen);
	case ST_UNMAP: {
		uint64_t lo = km->base + st->a, len = st->b - st->a;

		if (st->flags & SF_ALL) {
			lo = km->base;
			len = km->size;
		}
		rc = simple_call(k, st, KOP_UNMAP, lo, len, out, &r, err,
				 errlen);
		if (rc == 0 && out->kind == RES_OK &&
		    kiv_cut(km, lo, lo + len) < 0) {
			kb_err(err, errlen, st, "out of memory");
			return -1;
		}
		return rc;
	}
	case ST_PROTECT:
		return simple_call(k, st, KOP_PROTECT, km->base + st->a,
				   st->b - st->a, out, &r, err, errlen);
	case ST_ADVISE:
		return simple_call(k, st, KOP_ADVISE, km->base + st->a,
				   st->b - st->a, out, &r, err, errlen);
	case ST_REMAP:
		rc = simple_call(k, st, KOP_REMAP, km->base, km->size, out, &r,
				 err, errlen);
		if (rc == 0 && out->kind == RES_OK) {
			a = ALIGN_UP(st->a, map_pagesize(&k->prog->maps[st->map]));
			km->base = r.addr;
			km->size = a;
			if (kiv_set(km, r.addr, r.addr + a) < 0) {
				kb_err(err, errlen, st, "out of memory");
				return -1;
			}
		}
		return rc;
	case ST_FORK:
		return do_fork(k, st, out, err, errlen);
	case ST_EXIT:
		return do_exit(k, st, err, errlen);
	case ST_KHUGEPAGED:
		return do_khugepaged(k, st, err, errlen);
	case ST_BIND:
		k->cmd.nodemask = st->nodemask;
		return simple_call(k, st, KOP_MBIND, km->base + st->a,
				   st->b - st->a, out, &r, err, errlen);
	case ST_MIGRATE:
		return simple_call(k, st, KOP_MIGRATE, km->base + st->a,
				   st->b - st->a, out, &r, err, errlen);
	case ST_NODE:
		return do_node_setting(k, st, out);
	case ST_MEMPOLICY:
		k->cmd.nodemask = st->nodemask;
		return simple_call(k, st, KOP_MEMPOLICY, 0, 0, out, &r, err,
				   errlen);
	case ST_SYSCTL_AS:
		return do_setting_as(k, st, out, err, errlen);
	case ST_RECLAIM:
	case ST_INJECT:
	default:
		kb_err(err, errlen, st, "`%s` cannot run on the kernel",
		       st->text ? st->text : "?");
		return -1;
	}
}

/* ------------------------------------------------------------------ */
/* Open and close                                                      */

static void kb_free(struct kbe *k)
{
	int i;

	if (!k)
		return;
	if (k->maps)
		for (i = 0; i < k->prog->nmaps; i++)
			free(k->maps[i].iv);
	free(k->maps);
	free(k->agents);
	free(k->mountdir);
	free(k->shmid);
	free(k->buf);
	free(k->own.thp_pre.v);
	free(k->own.thp_post.v);
	free(k->own.pmd_pre.v);
	free(k->own.pmd_post.v);
	snapshot_free(&k->base);
	free(k);
}

static void kb_teardown(struct kbe *k)
{
	int i;

	/* Closing a channel makes its agent exit; kstate_end() kills
	 * whatever is left and waits for it before anything else. */
	for (i = 0; i < k->prog->nprocs; i++)
		if (k->agents[i].chan >= 0)
			close(k->agents[i].chan);
	if (k->anchor_chan >= 0)
		close(k->anchor_chan);
	k->anchor_chan = -1;
	kstate_end(k->ks);
	k->ks = NULL;
	prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
	if (k->thp_disable_was == 0)
		prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0);
	if (k->pinned)
		sched_setaffinity(0, sizeof(k->cpus_was), &k->cpus_was);
	k->pinned = 0;
}

static void kb_atexit(void)
{
	struct kbe *k = kb_open_one;

	/* The runner exited without closing: put the machine back anyway. */
	if (k && k->ks) {
		kb_open_one = NULL;
		kb_teardown(k);
	}
}

/*
 * Would running @prog leave the machine broken for good?  Two Linux 6.18
 * bugs in unmounting a subpool (docs/kernel-differences.md 2.13) leave
 * HugePages_Rsvd wrong until the next reboot, and no restore can undo
 * that; the close of this back end unmounts every mount the program
 * left, so a program can trigger them without a `umount` of its own.
 * The engine models both: run the program on it, then what close does
 * (every process exits, every segment and file goes, every mount is
 * unmounted), and refuse if the engine says it followed Linux into one
 * (hr_machine_taint()).  The engine's profile is the one set
 * (engine_set_kernel()): the kernel the program would run on.
 * Return: 1 if it predicts damage, 0 if not or it cannot tell.
 */
int kernel_damage_predicted(const struct program *prog)
{
	struct backend eng = { &engine_backend_ops, prog, NULL };
	struct step end = { 0 };
	struct result r;
	char msg[256];
	int64_t taint = 0;

	if (eng.ops->open(&eng, prog, msg, sizeof(msg)))
		return 0;	/* the engine cannot tell; nothing to go on */
	for (int i = 0; i < prog->nsteps; i++)
		if (prog->steps[i].kind != ST_EXPECT &&
		    prog->steps[i].kind != ST_SHOW)
			eng.ops->exec(&eng, &prog->steps[i], &r, msg, sizeof(msg));
	end.text = (char *)"(the kernel back end's clean-up)";
	end.map = end.proc = end.obj = -1;
	end.kind = ST_EXIT;
	for (end.proc = 0; end.proc < prog->nprocs; end.proc++)
		eng.ops->exec(&eng, &end, &r, msg, sizeof(msg));
	end.proc = -1;
	end.kind = ST_SHM_RM;
	for (end.obj = 0; end.obj < prog->nshms; end.obj++)
		eng.ops->exec(&eng, &end, &r, msg, sizeof(msg));
	end.kind = ST_UNLINK;
	for (end.obj = 0; end.obj < prog->nfiles; end.obj++)
		eng.ops->exec(&eng, &end, &r, msg, sizeof(msg));
	end.kind = ST_UMOUNT;
	for (end.obj = 0; end.obj < prog->nmounts; end.obj++)
		eng.ops->exec(&eng, &end, &r, msg, sizeof(msg));
	eng.ops->get(&eng, "engine:taint", &taint);
	eng.ops->close(&eng);
	return taint != 0;
}

/*
 * The refusal of kernel_damage_predicted()'s programs, unless
 * HUGERESV_KERNEL_UNSAFE=1: on a host that is the user's explicit say;
 * in a guest the agent sets it for the one file the host sent as unsafe
 * (vm_agent.c), a guest rebooted after it.
 */
int kernel_predict_damage(const struct program *prog, char *err,
			  size_t errlen)
{
	const char *unsafe = getenv("HUGERESV_KERNEL_UNSAFE");

	if (unsafe && !strcmp(unsafe, "1"))
		return 0;
	if (!kernel_damage_predicted(prog))
		return 0;
	snprintf(err, errlen, "kernel back end: refusing %s: the engine predicts "
		 "it would leave this machine's HugePages_Rsvd wrong until the "
		 "next reboot (a Linux subpool bug: docs/kernel-differences.md "
		 "2.13, and 4.3 and 4.4 for older kernels); "
		 "HUGERESV_KERNEL_UNSAFE=1 runs it anyway", prog->path);
	return EXIT_REFUSED;
}

/*
 * kb_anchor_spawn() - start the anchor process (ag_anchor()) and wait
 * until it is registered with khugepaged.  Not having one (no THP in this
 * kernel, a refused madvise) is not an error: only determinism suffers.
 */
static int kb_anchor_spawn(struct kbe *k, char *err, size_t errlen)
{
	struct pollfd pfd;
	struct kreply r;
	int chan;
	pid_t pid;

	if (access(KB_KH_DIR, F_OK) < 0)
		return 0;
	pid = agent_fork(ag_anchor, &chan);
	if (pid < 0) {
		snprintf(err, errlen, "kernel back end: cannot start the "
			 "khugepaged anchor: %s", strerror((int)-pid));
		return -1;
	}
	k->anchor_pid = pid;
	k->anchor_chan = chan;
	if (kstate_note_agent(k->ks, pid, -1) < 0) {
		snprintf(err, errlen, "kernel back end: cannot record agent %d "
			 "in %s", (int)pid, KSTATE_FILE);
		return -1;
	}
	pfd.fd = chan;
	pfd.events = POLLIN;
	pfd.revents = 0;
	while (poll(&pfd, 1, KB_EXIT_WAIT_MS) < 0 && errno == EINTR)
		;
	if (!pfd.revents || recv(chan, &r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
		snprintf(err, errlen, "kernel back end: the khugepaged anchor "
			 "(pid %d) did not start", (int)pid);
		return -1;
	}
	return 0;
}

/*
 * kb_khugepaged_begin() - make khugepaged's behaviour during the run
 * depend on the run alone: an anchor process keeps it with work, the
 * scan_sleep_millisecs it has (the baseline's 10000) is written again,
 * which wakes it for one pass now and starts a full sleep (so no pass
 * falls due during the run unless a step sets one off), and once that
 * pass is over the event counters are read as the run's base.
 */
static int kb_khugepaged_begin(struct kbe *k, char *err, size_t errlen)
{
	char path[PATH_MAX], cur[64];

	k->kh_rescan = 1;
	if (kb_anchor_spawn(k, err, errlen) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/scan_sleep_millisecs", KB_KH_DIR);
	if (kstate_read_setting(path, cur, sizeof(cur)) == 0 &&
	    kstate_write_setting(k->ks, path, cur) < 0) {
		snprintf(err, errlen, "kernel back end: cannot write %s", path);
		return -1;
	}
	kh_settle(k);
	if (kb_take_base(k) < 0) {
		snprintf(err, errlen, "kernel back end: cannot read the event "
			 "counters");
		return -1;
	}
	return 0;
}

static int kb_open(struct backend *be, const struct program *prog,
		   char *err, size_t errlen)
{
	static int atexit_done;
	struct kbe *k;
	int i, rc;

	be->priv = NULL;
	be->prog = prog;
	if ((rc = kb_validate(prog, err, errlen)))
		return rc;
	if ((rc = kernel_predict_damage(prog, err, errlen)))
		return rc;
	if (kb_open_one) {
		snprintf(err, errlen, "kernel back end: already open in this "
			 "process");
		return EXIT_REFUSED;
	}
	k = calloc(1, sizeof(*k));
	if (!k)
		goto nomem;
	k->prog = prog;
	k->nr_nodes = kernel_nr_nodes();
	k->next_addr = KB_MAP_BASE;
	k->anchor_chan = -1;
	k->kh_pid = -1;
	snapshot_init(&k->base);
	k->agents = calloc((size_t)prog->nprocs + 1, sizeof(*k->agents));
	k->maps = calloc((size_t)prog->nmaps + 1, sizeof(*k->maps));
	k->mountdir = calloc((size_t)prog->nmounts + 1, sizeof(*k->mountdir));
	k->shmid = calloc((size_t)prog->nshms + 1, sizeof(*k->shmid));
	if (!k->agents || !k->maps || !k->mountdir || !k->shmid)
		goto nomem;
	for (i = 0; i < prog->nprocs; i++)
		k->agents[i].chan = -1;
	for (i = 0; i < prog->nshms; i++)
		k->shmid[i] = -1;
	/* The conductor's own memory stays out of THP (agents lift this
	 * for themselves: ag_no_thp_for_self()). */
	k->thp_disable_was = prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0);
	prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
	rc = kstate_begin(&k->ks, err, errlen);
	if (rc) {
		if (k->thp_disable_was == 0)
			prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0);
		kb_free(k);
		return rc;
	}
	/* Orphaned agents (a fork child whose parent exited) become our
	 * children, so that we can wait for them and reap them. */
	prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	if (!atexit_done) {
		atexit(kb_atexit);
		atexit_done = 1;
	}
	kb_open_one = k;
	be->priv = k;
	pin_to_node0(k);
	if (reset_node_cursors(k, err, errlen) < 0 ||
	    kb_khugepaged_begin(k, err, errlen) < 0 ||
	    kb_own_init(k, err, errlen) < 0) {
		kb_open_one = NULL;
		kb_teardown(k);
		kb_free(k);
		be->priv = NULL;
		return EXIT_FAIL;
	}
	return 0;
nomem:
	kb_free(k);
	snprintf(err, errlen, "kernel back end: out of memory");
	return EXIT_FAIL;
}

static void kb_close(struct backend *be)
{
	struct kbe *k = be->priv;

	if (!k)
		return;
	kb_open_one = NULL;
	kb_teardown(k);
	kb_free(k);
	be->priv = NULL;
}

const struct backend_ops kernel_backend_ops = {
	.name = "kernel",
	.open = kb_open,
	.exec = kb_exec,
	.snapshot = kb_snapshot,
	.check = NULL,
	.close = kb_close,
};
