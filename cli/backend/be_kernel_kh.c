/* SPDX-License-Identifier: MIT */
/*
 * be_kernel_kh.c - the kernel back end and khugepaged: finding the thread,
 * waiting for it to sleep after a step, and the `khugepaged` statement
 * (docs/kernel-backend.md, "khugepaged on the kernel").
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
/* khugepaged                                                          */

static void kb_msleep(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		if (kstate_stop_requested())
			return;
}

/* A counter of /sys/kernel/mm/transparent_hugepage/khugepaged. */
static int kh_counter(const char *name, unsigned long long *v)
{
	char path[PATH_MAX], buf[64], *end;

	snprintf(path, sizeof(path), "%s/%s", KB_KH_DIR, name);
	if (kstate_read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	*v = strtoull(buf, &end, 10);
	return end == buf ? -1 : 0;
}

/*
 * kh_stat() - the scheduler state of task @pid ('S', 'R', 'D', ...) and
 * its parent, from /proc/PID/stat.  Return: 0, or -1 if there is none.
 */
static int kh_stat(pid_t pid, char *comm, size_t commlen, char *state,
		   pid_t *ppid)
{
	char path[64], buf[1024], *l, *r;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (kstate_read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	l = strchr(buf, '(');
	r = strrchr(buf, ')');
	if (!l || !r || r < l || r[1] != ' ')
		return -1;
	if (comm)
		snprintf(comm, commlen, "%.*s", (int)(r - l - 1), l + 1);
	*state = r[2];
	*ppid = (pid_t)strtol(r + 3, NULL, 10);
	return 0;
}

/* The khugepaged kernel thread (a child of kthreadd, pid 2), or -1. */
static pid_t kh_find(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	pid_t found = -1;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char comm[64], state;
		pid_t pid, ppid;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		pid = (pid_t)strtol(de->d_name, NULL, 10);
		if (kh_stat(pid, comm, sizeof(comm), &state, &ppid) == 0 &&
		    ppid == 2 && !strcmp(comm, "khugepaged") &&
		    state != 'Z' && state != 'X') {
			found = pid;
			break;
		}
	}
	closedir(d);
	return found;
}

/*
 * kh_pid() - khugepaged's pid, or -1 while it is not running.  Linux
 * stops the thread when PMD-sized THP is off everywhere (enabled=never,
 * hugepages-2048kB/enabled=never or inherit of never) and starts a new
 * one when it comes back on, so the pid is looked up again after every
 * `thp` statement (kh_rescan) and whenever the one known has gone.
 */
static pid_t kh_pid(struct kbe *k)
{
	char comm[64], state;
	pid_t ppid;

	if (k->kh_pid > 0 &&
	    (kh_stat(k->kh_pid, comm, sizeof(comm), &state, &ppid) < 0 ||
	     strcmp(comm, "khugepaged") || state == 'Z' || state == 'X'))
		k->kh_rescan = 1;
	if (k->kh_rescan) {
		k->kh_pid = kh_find();
		k->kh_rescan = 0;
	}
	return k->kh_pid;
}

/** kh_current() - khugepaged's pid now (kh_pid()), or -1. */
pid_t kh_current(struct kbe *k)
{
	return kh_pid(k);
}

/*
 * kh_idle() - 1 if khugepaged sleeps in its wait between passes
 * (interruptible sleep with wchan "khugepaged": the waits of
 * khugepaged_wait_work() are inlined there), 0 if it is busy (running,
 * or asleep somewhere in a pass), -1 if it has gone.  @nvcsw: its
 * voluntary context switches, to tell two looks at one sleep from two
 * sleeps.
 */
static int kh_idle(pid_t pid, unsigned long long *nvcsw)
{
	char path[64], buf[2048], state, *p;
	pid_t ppid;

	if (kh_stat(pid, NULL, 0, &state, &ppid) < 0 || state == 'Z' ||
	    state == 'X')
		return -1;
	if (state != 'S')
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/wchan", (int)pid);
	if (kstate_read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	if (strcmp(buf, "khugepaged") && strcmp(buf, "khugepaged\n"))
		return 0;
	*nvcsw = 0;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (kstate_read_file(path, buf, sizeof(buf)) > 0 &&
	    (p = strstr(buf, "voluntary_ctxt_switches:")))
		*nvcsw = strtoull(p + 24, NULL, 10);
	return 1;
}

/*
 * kh_settle() - wait until khugepaged is asleep between passes, so that
 * a pass a step set off (a `thp` write that started the thread, the
 * write that ends a `khugepaged` statement) is over before the step's
 * counters are read and the next step runs.  Khugepaged wakes up at
 * once (try_to_wake_up() marks it runnable before the waking system call
 * returns), so a thread seen asleep is taken as settled; one seen busy
 * must then be seen asleep twice, 1 ms apart, in the same sleep.  Gives
 * up after KB_SETTLE_MS, and at once if scan_sleep_millisecs is 0 (it
 * never rests then).
 */
void kh_settle(struct kbe *k)
{
	unsigned long long a, b, sleep_ms;
	pid_t pid = kh_pid(k);
	int waited = 0, r;

	if (pid <= 0 || kh_idle(pid, &a) != 0)
		return;
	if (kh_counter("scan_sleep_millisecs", &sleep_ms) < 0 || !sleep_ms)
		return;
	while (waited < KB_SETTLE_MS && !kstate_stop_requested()) {
		kb_msleep(1);
		waited++;
		r = kh_idle(pid, &a);
		if (r < 0)
			return;
		if (r == 0)
			continue;
		kb_msleep(1);
		waited++;
		r = kh_idle(pid, &b);
		if (r < 0 || (r == 1 && a == b))
			return;
	}
}

/*
 * do_khugepaged() - `khugepaged [passes=N]` on the kernel: let khugepaged
 * run flat out (scan_sleep_millisecs=0, alloc_sleep_millisecs=0, saved
 * and restored like every setting) until its full_scans counter has
 * advanced by N+1 from the start of the statement, so that at least N
 * complete passes over every registered process began after the
 * statement did; then put both sleeps back to what they were (the
 * write wakes khugepaged for a last pass, which kh_settle() waits out).
 * With the khugepaged thread stopped (PMD-sized THP off) nothing runs and
 * the statement does nothing, as in Linux.  More than KB_KH_TIMEOUT_MS is
 * a failure of the back end.
 */
static int kh_run(struct kbe *k, const struct step *st, uint32_t want,
		  int timeout_ms, int soft, char *err, size_t errlen);

int do_khugepaged(struct kbe *k, const struct step *st, char *err,
		  size_t errlen)
{
	return kh_run(k, st, (uint32_t)st->a + 1, KB_KH_TIMEOUT_MS, 0, err,
		      errlen);
}

/*
 * kh_run() - let khugepaged scan flat out until full_scans has grown by
 * @want, for at most @timeout_ms; then put its sleeps back.  Running out
 * of time is a failure unless @soft (then the pass is simply over).
 */
static int kh_run(struct kbe *k, const struct step *st, uint32_t want,
		  int timeout_ms, int soft, char *err, size_t errlen)
{
	char scan_path[PATH_MAX], alloc_path[PATH_MAX];
	char scan_was[64], alloc_was[64];
	unsigned long long start, now = 0;
	uint32_t done = 0;
	int waited = 0, rc = 0, e;

	if (kh_pid(k) <= 0)
		return 0;
	snprintf(scan_path, sizeof(scan_path), "%s/scan_sleep_millisecs",
		 KB_KH_DIR);
	snprintf(alloc_path, sizeof(alloc_path), "%s/alloc_sleep_millisecs",
		 KB_KH_DIR);
	if (kh_counter("full_scans", &start) < 0 ||
	    kstate_read_setting(scan_path, scan_was, sizeof(scan_was)) < 0 ||
	    kstate_read_setting(alloc_path, alloc_was, sizeof(alloc_was)) < 0) {
		kb_err(err, errlen, st, "cannot read %s", KB_KH_DIR);
		return -1;
	}
	if ((e = kstate_write_setting(k->ks, alloc_path, "0")) < 0 ||
	    (e = kstate_write_setting(k->ks, scan_path, "0")) < 0) {
		kb_err(err, errlen, st, "cannot set khugepaged's sleeps to 0: "
		       "%s", strerror(-e));
		rc = -1;
	}
	while (!rc) {
		if (kh_counter("full_scans", &now) < 0) {
			kb_err(err, errlen, st, "cannot read %s/full_scans",
			       KB_KH_DIR);
			rc = -1;
			break;
		}
		done = (uint32_t)(now - start);
		if (done >= want)
			break;
		if (kstate_stop_requested()) {
			kb_err(err, errlen, st, "interrupted by a signal");
			rc = -1;
		} else if (waited >= timeout_ms) {
			if (soft)
				break;
			kb_err(err, errlen, st, "khugepaged completed %u of the "
			       "%u full scans needed in %d s (is it stuck, or "
			       "is nothing registered with it?)", done, want,
			       timeout_ms / 1000);
			rc = -1;
		} else {
			kb_msleep(1);
			waited++;
		}
	}
	/* Quiet again: scan_sleep first, so that no pass starts at once
	 * on a zero alloc_sleep. */
	e = kstate_write_setting(k->ks, scan_path, scan_was);
	if (kstate_write_setting(k->ks, alloc_path, alloc_was) < 0 || e < 0) {
		if (!rc)
			kb_err(err, errlen, st, "cannot put khugepaged's sleeps "
			       "back");
		rc = -1;
	}
	return rc;
}


/* Does `thp` step @st write one of khugepaged's sleeps (which wakes it)? */
static int kh_wakes(const struct step *st)
{
	return st->kind == ST_THP &&
	       (!strcmp(st->key, "khugepaged.scan_sleep_millisecs") ||
		!strcmp(st->key, "khugepaged.alloc_sleep_millisecs"));
}

/**
 * kh_scans() - khugepaged's full_scans now, or 0 if it cannot be read
 * (kh_finish_pass() then has nothing to compare and does nothing).
 */
unsigned long long kh_scans(void)
{
	unsigned long long v = 0;

	return kh_counter("full_scans", &v) < 0 ? 0 : v;
}

/**
 * kh_finish_pass() - after `thp` step @st, which started khugepaged
 * (@was: its pid before the step, -1 if it was not running) or woke it:
 * on a quiet machine the pass that follows covers every registered
 * process (the run's own, and the anchor, fit in one pass of
 * pages_to_scan), and completes a full scan.  On a busy one the pass's
 * budget can go to other processes' memory first (a virtual machine's
 * guest RAM, advised MADV_HUGEPAGE, is seen here) and end before it
 * reaches the scenario's.  If the pass ended without completing a full
 * scan (@scans: full_scans before the step), let khugepaged run on until
 * it does, as a `khugepaged` statement would: a range of ours visited
 * twice is left as the first visit left it (an unchanged address space
 * gets the same verdict), so the result is the quiet machine's.  Only
 * when the run's registered memory fits in one pass (kb_own_fit(): with
 * a small pages_to_scan a quiet machine's pass would not cover it
 * either), and for KB_KH_FINISH_MS at most: a host whose khugepaged has
 * much to collapse elsewhere may take longer for a full scan, and then
 * the step's figures are what they are.
 * Return: 0, or -1 with a message in @err.
 */
int kh_finish_pass(struct kbe *k, const struct step *st, pid_t was,
		   unsigned long long scans, char *err, size_t errlen)
{
	pid_t now = kh_pid(k);

	if (now <= 0 || !scans || (now == was && !kh_wakes(st)))
		return 0;
	if (kh_scans() != scans || !kb_own_fit(k))
		return 0;
	if (kh_run(k, st, 1, KB_KH_FINISH_MS, 1, err, errlen) < 0)
		return -1;
	kh_settle(k);
	return 0;
}
