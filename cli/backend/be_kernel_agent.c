/* SPDX-License-Identifier: MIT */
/*
 * be_kernel_agent.c - the kernel back end's agents: one process per scenario
 * process, serving the conductor's commands with real system calls, and
 * the khugepaged anchor (be_kernel.c has the shape of the whole).
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

/* ------------------------------------------------------------------ */
/* The agent                                                           */

static sigjmp_buf ag_touch_env;
static volatile sig_atomic_t ag_touch_active;
static volatile sig_atomic_t ag_touch_sig;

static void ag_on_fault(int sig)
{
	if (!ag_touch_active) {
		/* A real bug in the agent: die of it. */
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	ag_touch_sig = sig;
	siglongjmp(ag_touch_env, 1);
}

/* The touch in progress; static so that nothing lives across sigsetjmp. */
static struct {
	uint64_t addr, len, stride;
	int write;
} ag_req;

/*
 * The accesses themselves, one per stride over the request, in order.
 * Not instrumented: AddressSanitizer must not look at (or fault in
 * shadow memory for) the scenario's memory.
 */
KB_NO_ASAN static void ag_touch_loop(void)
{
	uint64_t off;

	for (off = 0; off < ag_req.len; off += ag_req.stride) {
		volatile unsigned char *p =
			(volatile unsigned char *)(uintptr_t)(ag_req.addr + off);

		if (ag_req.write)
			*p = 0x5a;	/* not zero: the page is really used */
		else
			(void)*p;
	}
}

/* Touch the range, stopping at the first SIGBUS/SIGSEGV: the outcome. */
static int ag_touch(void)
{
	ag_touch_sig = 0;
	if (sigsetjmp(ag_touch_env, 1)) {
		ag_touch_active = 0;
		return ag_touch_sig == SIGBUS ? RES_SIGBUS : RES_SIGSEGV;
	}
	ag_touch_active = 1;
	ag_touch_loop();
	ag_touch_active = 0;
	return RES_OK;
}

/*
 * Keep the agent's own memory out of THP.  Every mapping it has when it
 * starts (code, libraries, stack, heap and, under AddressSanitizer, the
 * shadow and allocator regions, all inherited from the conductor) gets
 * MADV_NOHUGEPAGE, so that no fault of the agent's own and no khugepaged
 * pass ever makes a huge page there: the global THP event counters
 * (thp_fault_alloc, thp_collapse_alloc, khugepaged/pages_collapsed)
 * count the scenario's mappings only.  Then the PR_SET_THP_DISABLE the
 * conductor runs with (inherited through fork) is lifted, for the
 * scenario's mappings to come.  Errors are ignored: [vsyscall] is not a
 * mapping of the process, [vvar] may refuse.
 */
static void ag_no_thp_for_self(void)
{
	char buf[4096], line[512];
	unsigned long long lo, hi;
	size_t ll = 0;
	ssize_t n, i;
	int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		for (;;) {
			n = read(fd, buf, sizeof(buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			for (i = 0; i < n; i++) {
				if (buf[i] != '\n') {
					if (ll + 1 < sizeof(line))
						line[ll++] = buf[i];
					continue;
				}
				line[ll] = '\0';
				ll = 0;
				if (sscanf(line, "%llx-%llx", &lo, &hi) == 2 &&
				    hi > lo)
					madvise((void *)(uintptr_t)lo, hi - lo,
						MADV_NOHUGEPAGE);
			}
		}
		close(fd);
	}
	prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0);
}

static void set_errno_reply(struct kreply *r, int e)
{
	r->kind = RES_ERRNO;
	r->err = e;
}

/*
 * mbind(MPOL_BIND) of the range to @c->nodemask, MPOL_DEFAULT for none:
 * the raw system call, as libc has no wrapper without libnuma.  maxnode
 * counts one bit more than the mask holds (the kernel reads maxnode - 1).
 */
#define AG_MPOL_DEFAULT	0
#define AG_MPOL_BIND	2
#define AG_MPOL_MF_MOVE_ALL	(1 << 2)

static void ag_mbind(const struct kcmd *c, struct kreply *r)
{
	unsigned long mask = c->nodemask;
	long rc;

	rc = syscall(SYS_mbind, (void *)(uintptr_t)c->addr, c->len,
		     mask ? AG_MPOL_BIND : AG_MPOL_DEFAULT,
		     mask ? &mask : NULL, mask ? 8 * sizeof(mask) + 1 : 0, 0);
	if (rc < 0)
		set_errno_reply(r, errno);
}

/*
 * The engine's `migrate`: every page mapped in the range to @c->node,
 * through move_pages(2) with MPOL_MF_MOVE_ALL (root: pages mapped by
 * other processes too, as the engine moves them).  A page not mapped
 * (-ENOENT, -EFAULT in its status) is not one to move; any other
 * negative status is the outcome, the last one as the engine reports it,
 * and a page not migrated is EBUSY.
 */
static void ag_migrate(const struct kcmd *c, struct kreply *r)
{
	uint64_t n = c->stride ? c->len / c->stride : 0, i;
	void **pages;
	int *nodes, *status;
	long rc;

	if (!n)
		return;
	pages = calloc(n, sizeof(*pages));
	nodes = calloc(n, sizeof(*nodes));
	status = calloc(n, sizeof(*status));
	if (!pages || !nodes || !status) {
		set_errno_reply(r, ENOMEM);
		goto out;
	}
	for (i = 0; i < n; i++) {
		pages[i] = (void *)(uintptr_t)(c->addr + i * c->stride);
		nodes[i] = c->node;
	}
	rc = syscall(SYS_move_pages, 0, (unsigned long)n, pages, nodes, status,
		     AG_MPOL_MF_MOVE_ALL);
	if (rc < 0) {
		set_errno_reply(r, errno);
		goto out;
	}
	/*
	 * A positive return is the pages not migrated (their status stays
	 * the target node): a hugetlb migration fails so, past the target's
	 * allocation (ENOMEM, returned as such), only as -EBUSY (a private
	 * page charged to a subpool, a page in use), which is the outcome.
	 */
	if (rc > 0) {
		set_errno_reply(r, EBUSY);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (status[i] < 0 && status[i] != -ENOENT &&
		    status[i] != -EFAULT)
			set_errno_reply(r, -status[i]);
out:
	free(pages);
	free(nodes);
	free(status);
}

/* A setting written by the agent itself: its memory policy applies. */
static void ag_write(const struct kcmd *c, struct kreply *r)
{
	int fd = open(c->path, O_WRONLY | O_CLOEXEC);
	size_t n = strlen(c->value);

	if (fd < 0) {
		set_errno_reply(r, errno);
		return;
	}
	if (write(fd, c->value, n) != (ssize_t)n)
		set_errno_reply(r, errno ? errno : EIO);
	close(fd);
}

void ag_setup(int chan)
{
	struct sigaction sa;

	prctl(PR_SET_NAME, KSTATE_AGENT_COMM, 0, 0, 0);
	if (chan != KB_AGENT_FD) {
		dup2(chan, KB_AGENT_FD);
		close(chan);
	}
	/* Only the channel stays open: no copy of another agent's channel,
	 * of the lock or of the state file lives on in an agent. */
	if (syscall(SYS_close_range, KB_AGENT_FD + 1, ~0U, 0) < 0) {
		int fd;

		for (fd = KB_AGENT_FD + 1; fd < 4096; fd++)
			close(fd);
	}
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);	/* the conductor handles ^C */
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);	/* fork children reap themselves */
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = ag_on_fault;
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	ag_no_thp_for_self();
}

/* Receive one command (and a passed descriptor). Return: bytes or <= 0. */
static ssize_t recv_cmd(int chan, struct kcmd *c, int *fd)
{
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { c, sizeof(*c) };
	struct msghdr mh;
	struct cmsghdr *cm;
	ssize_t n;

	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = u.buf;
	mh.msg_controllen = sizeof(u.buf);
	*fd = -1;
	do {
		n = recvmsg(chan, &mh, 0);
	} while (n < 0 && errno == EINTR);
	if (n <= 0)
		return n;
	for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm))
		if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS)
			memcpy(fd, CMSG_DATA(cm), sizeof(int));
	return n;
}

/* Serve commands on KB_AGENT_FD until told to exit or the channel ends. */
_Noreturn void ag_loop(void)
{
	for (;;) {
		struct kcmd c;
		struct kreply r;
		ssize_t n;
		void *p;
		int fd;

		n = recv_cmd(KB_AGENT_FD, &c, &fd);
		if (n <= 0 || (size_t)n != sizeof(c))
			_exit(0);	/* the conductor is gone */
		memset(&r, 0, sizeof(r));
		r.kind = RES_OK;
		if (fd >= 0 && c.op != KOP_FORK) {
			close(fd);	/* not expected with this command */
			fd = -1;
		}
		switch (c.op) {
		case KOP_MAP:
			fd = -1;
			if (c.path[0]) {
				fd = open(c.path, O_RDWR | O_CLOEXEC);
				if (fd < 0) {
					set_errno_reply(&r, errno);
					break;
				}
			}
			p = mmap((void *)(uintptr_t)c.addr, c.len, c.prot,
				 c.flags, fd, (off_t)c.offset);
			if (p == MAP_FAILED)
				set_errno_reply(&r, errno);
			else
				r.addr = (uint64_t)(uintptr_t)p;
			if (fd >= 0)
				close(fd);
			break;
		case KOP_SHMAT:
			p = shmat(c.shmid, (void *)(uintptr_t)c.addr, c.flags);
			if (p == (void *)-1)
				set_errno_reply(&r, errno);
			else
				r.addr = (uint64_t)(uintptr_t)p;
			break;
		case KOP_TOUCH:
			ag_req.addr = c.addr;
			ag_req.len = c.len;
			ag_req.stride = c.stride ? c.stride : HR_PAGE_SIZE;
			ag_req.write = c.flags;
			r.kind = ag_touch();
			break;
		case KOP_UNMAP:
			if (munmap((void *)(uintptr_t)c.addr, c.len) < 0)
				set_errno_reply(&r, errno);
			break;
		case KOP_PROTECT:
			if (mprotect((void *)(uintptr_t)c.addr, c.len,
				     c.prot) < 0)
				set_errno_reply(&r, errno);
			break;
		case KOP_REMAP:
			p = mremap((void *)(uintptr_t)c.addr, c.len, c.new_len,
				   c.flags);
			if (p == MAP_FAILED)
				set_errno_reply(&r, errno);
			else
				r.addr = (uint64_t)(uintptr_t)p;
			break;
		case KOP_ADVISE:
			if (madvise((void *)(uintptr_t)c.addr, c.len,
				    c.advice) < 0)
				set_errno_reply(&r, errno);
			break;
		case KOP_MBIND:
			ag_mbind(&c, &r);
			break;
		case KOP_MIGRATE:
			ag_migrate(&c, &r);
			break;
		case KOP_MEMPOLICY: {
			unsigned long mask = c.nodemask;

			if (syscall(SYS_set_mempolicy,
				    mask ? AG_MPOL_BIND : AG_MPOL_DEFAULT,
				    mask ? &mask : NULL,
				    mask ? 8 * sizeof(mask) + 1 : 0) < 0)
				set_errno_reply(&r, errno);
			break;
		}
		case KOP_WRITE:
			ag_write(&c, &r);
			break;
		case KOP_FORK: {
			pid_t pid;

			if (fd < 0) {
				set_errno_reply(&r, EBADF);
				break;
			}
			pid = fork();
			if (pid < 0) {
				set_errno_reply(&r, errno);
				close(fd);
			} else if (pid == 0) {
				/* The child: serve the new channel. */
				dup2(fd, KB_AGENT_FD);
				close(fd);
				continue;
			} else {
				close(fd);
				r.pid = (int)pid;
			}
			break;
		}
		case KOP_EXIT:
			_exit(0);
		default:
			set_errno_reply(&r, ENOSYS);
			break;
		}
		if (send(KB_AGENT_FD, &r, sizeof(r), MSG_NOSIGNAL) !=
		    (ssize_t)sizeof(r))
			_exit(0);
	}
}

/*
 * The anchor: a process of the back end's own that stays registered with
 * khugepaged for the whole run.  While a registered process lives,
 * khugepaged always has work, so it sleeps scan_sleep_millisecs between
 * passes whatever other process registers, instead of scanning at once
 * when the first one does (which it does when it had nothing to scan):
 * what khugepaged does during a run then no longer depends on what else
 * runs on the machine.
 *
 * Linux 6.18 registers an anonymous mapping with khugepaged only once it
 * has an anon_vma (after its first fault): MADV_HUGEPAGE on untouched
 * memory registers nothing, and neither does a base-page fault.  A huge
 * page fault does.  So the anchor maps one aligned 2 MiB range,
 * MADV_HUGEPAGE, and writes every page of it: one THP (thp_fault_alloc,
 * before the run's counters are read), fully used, so never split as
 * underused.  Khugepaged finds it PMD-mapped on every pass and does
 * nothing there, and no vmstat event counts it.  (A range of base pages
 * would not do: since 6.18 khugepaged also collapses read-only ones.)
 */
_Noreturn void ag_anchor(void)
{
	struct kreply r;
	uint64_t off;
	uintptr_t a = 0;
	char c;
	ssize_t n;
	char *p;

	memset(&r, 0, sizeof(r));
	r.kind = RES_OK;
	p = mmap(NULL, 2 * KB_PMD_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		set_errno_reply(&r, errno);
	} else {
		a = ALIGN_UP((uintptr_t)p, KB_PMD_SIZE);
		if (a > (uintptr_t)p)
			munmap(p, a - (uintptr_t)p);
		if ((uintptr_t)p + 2 * KB_PMD_SIZE > a + KB_PMD_SIZE)
			munmap((void *)(a + KB_PMD_SIZE),
			       (uintptr_t)p + 2 * KB_PMD_SIZE - a - KB_PMD_SIZE);
		if (madvise((void *)a, KB_PMD_SIZE, MADV_HUGEPAGE) < 0)
			set_errno_reply(&r, errno);
		for (off = 0; off < KB_PMD_SIZE; off += HR_PAGE_SIZE)
			((volatile char *)a)[off] = 1;
		r.addr = a;
	}
	if (send(KB_AGENT_FD, &r, sizeof(r), MSG_NOSIGNAL) != (ssize_t)sizeof(r))
		_exit(0);
	for (;;) {
		n = recv(KB_AGENT_FD, &c, 1, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(0);
	}
}

