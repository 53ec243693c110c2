/* SPDX-License-Identifier: MIT */
/*
 * kstate.c - the kernel back end's safety layer (see kstate.h and
 * docs/kernel-backend.md).
 *
 * The rule everything here follows: a change to the machine is written
 * to the state file *before* it is made, so that at any instant a
 * SIGKILL leaves enough on disk for the next run to undo it.  The
 * teardown (ks_teardown()) is the same code for the normal end of a run
 * and for the recovery of a dead one; it only ever removes things that
 * the record (or the names only this program uses, under the lock)
 * proves to be ours.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ipc.h>
#include <sys/mount.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "backend/backend.h"
#include "hugeresv.h"
#include "backend/kstate.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

#define KS_TMP_PREFIX "/tmp/hugeresv."
#define KS_AGENT_WAIT_MS 10000

/*
 * One saved setting: @path held @value before the run touched it.  Only
 * the first value seen is kept, so a setting written many times is
 * restored to what it was before the run.
 */
struct ks_set {
	char path[256];
	char value[128];
};

/*
 * One agent process.  @start is its start time (field 22 of
 * /proc/PID/stat) so that a recycled pid is never killed; @pidfd pins
 * the process for race-free signalling and waiting (-1 until opened);
 * @gone once it is known to have terminated.
 */
struct ks_agent {
	pid_t pid;
	unsigned long long start;
	int pidfd;
	int gone;
};

/* One shm segment we created; @removed once shmctl(IPC_RMID) was done. */
struct ks_shm {
	int id;
	int removed;
};

/*
 * The state of one run, or the record of a dead one read back from the
 * state file.
 *
 * Invariants: every record in memory is also in the state file (@fd)
 * when @fd >= 0; @lockfd holds the exclusive lock for as long as the
 * struct lives (kstate_begin() to kstate_end()).
 */
struct kstate {
	int lockfd;		/* flock()ed KSTATE_LOCK, or -1 */
	int fd;			/* the state file, O_APPEND; -1 when replaying */
	char boot[64];		/* boot id of the run */
	pid_t conductor;	/* the run's process */
	unsigned long long cstart;
	char tmpdir[PATH_MAX];	/* "" until made */

	struct ks_set *sets;
	int nsets, capsets;
	char (*mounts)[PATH_MAX];
	int nmounts, capmounts;
	struct ks_shm *shms;
	int nshms, capshms;
	struct ks_agent *agents;
	int nagents, capagents;
};

/* ------------------------------------------------------------------ */
/* Signals: set a flag, let the run stop at the next step boundary.     */

static volatile sig_atomic_t ks_stop_sig;
static struct sigaction ks_old_int, ks_old_term, ks_old_hup;
static int ks_handlers_on;

static void ks_on_signal(int sig)
{
	ks_stop_sig = sig;
}

static void ks_handlers_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = ks_on_signal;
	sigemptyset(&sa.sa_mask);
	ks_stop_sig = 0;
	sigaction(SIGINT, &sa, &ks_old_int);
	sigaction(SIGTERM, &sa, &ks_old_term);
	sigaction(SIGHUP, &sa, &ks_old_hup);
	ks_handlers_on = 1;
}

static void ks_handlers_restore(void)
{
	int sig = ks_stop_sig;

	if (!ks_handlers_on)
		return;
	sigaction(SIGINT, &ks_old_int, NULL);
	sigaction(SIGTERM, &ks_old_term, NULL);
	sigaction(SIGHUP, &ks_old_hup, NULL);
	ks_handlers_on = 0;
	ks_stop_sig = 0;
	if (sig) {
		fprintf(stderr, "hugeresv: kernel back end: machine restored "
			"after signal %d (%s)\n", sig, strsignal(sig));
		raise(sig);
	}
}

/**
 * kstate_stop_requested() - see kstate.h.
 */
int kstate_stop_requested(void)
{
	return ks_stop_sig != 0;
}

/* ------------------------------------------------------------------ */
/* Small file helpers                                                  */

/**
 * kstate_read_fd() - see kstate.h.
 */
ssize_t kstate_read_fd(int fd, char *buf, size_t len)
{
	size_t have = 0;
	ssize_t n;

	if (len == 0)
		return -EINVAL;
	while (have + 1 < len) {
		n = read(fd, buf + have, len - 1 - have);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		have += (size_t)n;
	}
	buf[have] = '\0';
	return (ssize_t)have;
}

/*
 * kstate_read_file() - see kstate.h.
 */
ssize_t kstate_read_file(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd;

	if (len == 0)
		return -EINVAL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = kstate_read_fd(fd, buf, len);
	close(fd);
	return n;
}

static void trim(char *s)
{
	size_t n = strlen(s);
	char *p = s;

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)*p))
		p++;
	if (p != s)
		memmove(s, p, strlen(p) + 1);
}

/**
 * kstate_read_setting() - see kstate.h.
 */
int kstate_read_setting(const char *path, char *buf, size_t len)
{
	char tmp[512];
	ssize_t n = kstate_read_file(path, tmp, sizeof(tmp));
	char *l, *r;

	if (n < 0)
		return (int)n;
	l = strchr(tmp, '[');
	r = l ? strchr(l, ']') : NULL;
	if (l && r) {
		*r = '\0';
		snprintf(buf, len, "%s", l + 1);
	} else {
		trim(tmp);
		snprintf(buf, len, "%s", tmp);
	}
	return 0;
}

static int write_file(const char *path, const char *value)
{
	size_t len = strlen(value);
	ssize_t n;
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	n = write(fd, value, len);
	if (n < 0) {
		int e = errno;

		close(fd);
		return -e;
	}
	if (close(fd) < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

static long read_long(const char *path)
{
	char buf[64];

	if (kstate_read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	return strtol(buf, NULL, 10);
}

/*
 * proc_stat() - a process's start time and command name from
 * /proc/PID/stat.  Return: 0, or -1 if there is no such process.
 */
static int proc_stat(pid_t pid, unsigned long long *start, char *comm,
		     size_t commlen)
{
	char path[64], buf[1024];
	char *l, *r, *tok, *save;
	int field = 2;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (kstate_read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	l = strchr(buf, '(');
	r = strrchr(buf, ')');
	if (!l || !r || r < l)
		return -1;
	if (comm)
		snprintf(comm, commlen, "%.*s", (int)(r - l - 1), l + 1);
	*start = 0;
	for (tok = strtok_r(r + 1, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		if (++field == 22) {
			*start = strtoull(tok, NULL, 10);
			break;
		}
	}
	return 0;
}

static int pidfd_open_(pid_t pid)
{
	return (int)syscall(SYS_pidfd_open, pid, 0);
}

static int pidfd_kill(int pidfd, int sig)
{
	return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0);
}

static void msleep(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* ------------------------------------------------------------------ */
/* Records                                                             */

#define GROW(arr, n, cap)						\
	do {								\
		if ((n) == (cap)) {					\
			int c_ = (cap) ? 2 * (cap) : 8;			\
			void *p_ = realloc((arr), (size_t)c_ * sizeof(*(arr))); \
			if (!p_)					\
				return -ENOMEM;				\
			(arr) = p_;					\
			(cap) = c_;					\
		}							\
	} while (0)

static int ks_append(struct kstate *ks, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Write one record to the state file (a no-op when replaying). */
static int ks_append(struct kstate *ks, const char *fmt, ...)
{
	char line[PATH_MAX + 512];
	va_list ap;
	int n;

	if (ks->fd < 0)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(line))
		return -ENAMETOOLONG;
	if (write(ks->fd, line, (size_t)n) != n)
		return errno ? -errno : -EIO;
	return 0;
}

static int ks_add_set(struct kstate *ks, const char *path, const char *val)
{
	int i;

	for (i = 0; i < ks->nsets; i++)
		if (!strcmp(ks->sets[i].path, path))
			return 0;
	GROW(ks->sets, ks->nsets, ks->capsets);
	snprintf(ks->sets[ks->nsets].path, sizeof(ks->sets[0].path), "%s", path);
	snprintf(ks->sets[ks->nsets].value, sizeof(ks->sets[0].value), "%s", val);
	ks->nsets++;
	return 1;
}

static int ks_add_mount(struct kstate *ks, const char *path)
{
	GROW(ks->mounts, ks->nmounts, ks->capmounts);
	snprintf(ks->mounts[ks->nmounts++], PATH_MAX, "%s", path);
	return 0;
}

/* The scenario unmounted @path itself: forget it (the last record wins). */
static void ks_del_mount(struct kstate *ks, const char *path)
{
	int i;

	for (i = ks->nmounts - 1; i >= 0; i--)
		if (!strcmp(ks->mounts[i], path)) {
			memmove(ks->mounts[i], ks->mounts[i + 1],
				(size_t)(ks->nmounts - i - 1) *
				sizeof(ks->mounts[0]));
			ks->nmounts--;
			return;
		}
}

static int ks_add_shm(struct kstate *ks, int id)
{
	GROW(ks->shms, ks->nshms, ks->capshms);
	ks->shms[ks->nshms].id = id;
	ks->shms[ks->nshms].removed = 0;
	ks->nshms++;
	return 0;
}

static int ks_add_agent(struct kstate *ks, pid_t pid, unsigned long long st,
			int pidfd)
{
	GROW(ks->agents, ks->nagents, ks->capagents);
	ks->agents[ks->nagents].pid = pid;
	ks->agents[ks->nagents].start = st;
	ks->agents[ks->nagents].pidfd = pidfd;
	ks->agents[ks->nagents].gone = 0;
	ks->nagents++;
	return 0;
}

static struct kstate *ks_alloc(void)
{
	struct kstate *ks = calloc(1, sizeof(*ks));

	if (ks) {
		ks->lockfd = -1;
		ks->fd = -1;
	}
	return ks;
}

static void ks_free(struct kstate *ks)
{
	int i;

	if (!ks)
		return;
	for (i = 0; i < ks->nagents; i++)
		if (ks->agents[i].pidfd >= 0)
			close(ks->agents[i].pidfd);
	if (ks->fd >= 0)
		close(ks->fd);
	if (ks->lockfd >= 0)
		close(ks->lockfd);	/* releases the flock */
	free(ks->sets);
	free(ks->mounts);
	free(ks->shms);
	free(ks->agents);
	free(ks);
}

/*
 * ks_parse() - read a state file back into a record (fd = -1).
 * Unknown lines are ignored (a newer version may add records).
 */
static struct kstate *ks_parse(const char *text)
{
	struct kstate *ks = ks_alloc();
	const char *p = text;

	if (!ks)
		return NULL;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char line[PATH_MAX + 512], a[PATH_MAX], b[256];
		unsigned long long st;
		int pid, id;

		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		p = e ? e + 1 : p + n;

		if (sscanf(line, "boot %63s", ks->boot) == 1)
			continue;
		if (sscanf(line, "conductor %d %llu", &pid, &st) == 2) {
			ks->conductor = pid;
			ks->cstart = st;
		} else if (!strncmp(line, "set ", 4) &&
			   sscanf(line, "set %4095s %255[^\n]", a, b) == 2) {
			ks_add_set(ks, a, b);
		} else if (sscanf(line, "dir %4095s", a) == 1) {
			snprintf(ks->tmpdir, sizeof(ks->tmpdir), "%s", a);
		} else if (sscanf(line, "mount %4095s", a) == 1) {
			ks_add_mount(ks, a);
		} else if (sscanf(line, "umount %4095s", a) == 1) {
			ks_del_mount(ks, a);
		} else if (sscanf(line, "shm-rm %d", &id) == 1) {
			int i;

			for (i = 0; i < ks->nshms; i++)
				if (ks->shms[i].id == id)
					ks->shms[i].removed = 1;
		} else if (sscanf(line, "shm %d", &id) == 1) {
			ks_add_shm(ks, id);
		} else if (sscanf(line, "agent %d %llu", &pid, &st) == 2) {
			ks_add_agent(ks, pid, st, -1);
		}
	}
	return ks;
}

/* ------------------------------------------------------------------ */
/* Teardown                                                            */

/* Kill one agent (if it is still the process we started) and wait. */
static int ks_kill_agent(struct ks_agent *ag, int timeout_ms)
{
	unsigned long long st;
	char comm[64];
	struct pollfd pfd;
	int rc = 0;

	if (ag->gone)
		return 0;
	if (ag->pidfd < 0) {
		if (proc_stat(ag->pid, &st, comm, sizeof(comm)) < 0 ||
		    st != ag->start) {
			ag->gone = 1;	/* gone, or the pid was reused */
			return 0;
		}
		ag->pidfd = pidfd_open_(ag->pid);
		if (ag->pidfd < 0) {
			ag->gone = 1;
			return 0;
		}
		/* Re-check now that the pidfd pins the process. */
		if (proc_stat(ag->pid, &st, comm, sizeof(comm)) < 0 ||
		    st != ag->start) {
			ag->gone = 1;
			return 0;
		}
	}
	pidfd_kill(ag->pidfd, SIGKILL);
	pfd.fd = ag->pidfd;
	pfd.events = POLLIN;
	while (poll(&pfd, 1, timeout_ms) < 0 && errno == EINTR)
		;
	if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR))) {
		fprintf(stderr, "hugeresv: warning: agent %d did not die\n",
			(int)ag->pid);
		rc = -1;
	} else {
		ag->gone = 1;
	}
	/* Reap it if it is our child (direct agent, or adopted orphan). */
	while (waitpid(ag->pid, NULL, WNOHANG) < 0 && errno == EINTR)
		;
	return rc;
}

/*
 * Any process named KSTATE_AGENT_COMM that is not in the record is an
 * agent whose pid never reached the state file (a fork child, when the
 * conductor died between fork and record).  Under the lock no other run
 * is alive, so it is ours.
 */
static int ks_kill_stray_agents(struct kstate *ks)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	int rc = 0;

	if (!d)
		return 0;
	while ((de = readdir(d))) {
		struct ks_agent ag;
		char comm[64];
		int i, known = 0;
		long pid;
		char *end;

		pid = strtol(de->d_name, &end, 10);
		if (*end || pid <= 0 || pid == getpid())
			continue;
		memset(&ag, 0, sizeof(ag));
		ag.pid = (pid_t)pid;
		ag.pidfd = -1;
		if (proc_stat(ag.pid, &ag.start, comm, sizeof(comm)) < 0 ||
		    strcmp(comm, KSTATE_AGENT_COMM))
			continue;
		for (i = 0; i < ks->nagents; i++)
			if (ks->agents[i].pid == ag.pid && !ks->agents[i].gone)
				known = 1;
		if (known)
			continue;
		/* A zombie has no memory left; only live ones matter. */
		{
			char path[64], buf[1024], *r;

			snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
			if (kstate_read_file(path, buf, sizeof(buf)) < 0)
				continue;
			r = strrchr(buf, ')');
			if (r && r[1] == ' ' && r[2] == 'Z')
				continue;
		}
		fprintf(stderr, "hugeresv: killing stray agent %ld\n", pid);
		if (ks_kill_agent(&ag, KS_AGENT_WAIT_MS) < 0)
			rc = -1;
		if (ag.pidfd >= 0)
			close(ag.pidfd);
	}
	closedir(d);
	return rc;
}

static int ks_shm_ours(const struct kstate *ks, int id, long key, int cpid,
		       int perms)
{
	int i;

	if (ks->conductor <= 0 || cpid != ks->conductor)
		return 0;
	for (i = 0; i < ks->nshms; i++)
		if (ks->shms[i].id == id)
			return 1;
	/* Made by our conductor but not recorded yet (died in between). */
	return key == 0 && (perms & 0777) == 0600;
}

/* Remove every shm segment the run created that still exists. */
static int ks_teardown_shm(struct kstate *ks)
{
	char *buf;
	const size_t cap = 1 << 20;
	ssize_t n;
	char *line, *save;
	int rc = 0, first = 1;

	buf = malloc(cap);
	if (!buf)
		return -1;
	n = kstate_read_file("/proc/sysvipc/shm", buf, cap);
	if (n < 0) {
		free(buf);
		return 0;
	}
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		long key;
		int id, perms, cpid;
		unsigned long long size;

		if (first) {	/* the header */
			first = 0;
			continue;
		}
		if (sscanf(line, "%ld %d %o %llu %d", &key, &id, &perms, &size,
			   &cpid) != 5)
			continue;
		if (!ks_shm_ours(ks, id, key, cpid, perms))
			continue;
		if (shmctl(id, IPC_RMID, NULL) < 0 && errno != EINVAL &&
		    errno != EIDRM) {
			fprintf(stderr, "hugeresv: warning: cannot remove shm "
				"segment %d: %s\n", id, strerror(errno));
			rc = -1;
		}
	}
	free(buf);
	return rc;
}

static int under_dir(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return n && !strncmp(path, dir, n) && path[n] == '/';
}

/* Unmount every hugetlbfs below the run's directory; remove the dirs. */
static int ks_teardown_mounts(struct kstate *ks, int recovering)
{
	char *buf;
	const size_t cap = 1 << 20;
	char *line, *save;
	int rc = 0, pass;

	buf = malloc(cap);
	if (!buf)
		return -1;
	/* Two passes: a second one catches anything stacked. */
	for (pass = 0; pass < 2; pass++) {
		if (kstate_read_file("/proc/self/mounts", buf, cap) < 0)
			break;
		for (line = strtok_r(buf, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			char dev[256], mp[PATH_MAX], type[64];
			int ours;

			if (sscanf(line, "%255s %4095s %63s", dev, mp, type) != 3)
				continue;
			if (strcmp(type, "hugetlbfs"))
				continue;
			ours = under_dir(mp, ks->tmpdir);
			/* A run that died before recording its directory. */
			if (recovering && !strncmp(mp, KS_TMP_PREFIX,
						   strlen(KS_TMP_PREFIX)))
				ours = 1;
			if (!ours)
				continue;
			if (umount2(mp, 0) < 0) {
				fprintf(stderr, "hugeresv: warning: umount %s: "
					"%s; detaching it\n", mp,
					strerror(errno));
				if (umount2(mp, MNT_DETACH) < 0)
					rc = -1;
			}
		}
	}
	free(buf);

	if (ks->tmpdir[0]) {
		DIR *d = opendir(ks->tmpdir);
		struct dirent *de;

		if (d) {
			while ((de = readdir(d))) {
				char p[PATH_MAX + 300];

				if (!strcmp(de->d_name, ".") ||
				    !strcmp(de->d_name, ".."))
					continue;
				snprintf(p, sizeof(p), "%s/%s", ks->tmpdir,
					 de->d_name);
				if (rmdir(p) < 0) {
					fprintf(stderr, "hugeresv: warning: "
						"rmdir %s: %s\n", p,
						strerror(errno));
					rc = -1;
				}
			}
			closedir(d);
		}
		if (rmdir(ks->tmpdir) < 0 && errno != ENOENT) {
			fprintf(stderr, "hugeresv: warning: rmdir %s: %s\n",
				ks->tmpdir, strerror(errno));
			rc = -1;
		}
	}
	return rc;
}

/*
 * Restore order: pool sizes last, overcommit of a size before its size
 * (so that shrinking never creates surplus), other knobs first.
 */
static int set_rank(const char *path)
{
	if (strstr(path, "nr_overcommit_hugepages"))
		return 1;
	if (strstr(path, "nr_hugepages"))
		return 2;
	return 0;
}

static int ks_restore_settings(struct kstate *ks)
{
	int rank, i, rc = 0;

	for (rank = 0; rank <= 2; rank++) {
		for (i = ks->nsets - 1; i >= 0; i--) {
			struct ks_set *s = &ks->sets[i];
			char now[128];
			int e;

			if (set_rank(s->path) != rank)
				continue;
			if (kstate_read_setting(s->path, now, sizeof(now)) == 0 &&
			    !strcmp(now, s->value))
				continue;
			e = write_file(s->path, s->value);
			if (e < 0 || kstate_read_setting(s->path, now,
							 sizeof(now)) < 0 ||
			    strcmp(now, s->value)) {
				fprintf(stderr, "hugeresv: warning: cannot "
					"restore %s to %s (%s; now %s)\n",
					s->path, s->value,
					e < 0 ? strerror(-e) : "read back",
					now);
				rc = -1;
			}
		}
	}
	return rc;
}

/* Names of the huge page sizes: "hugepages-2048kB", ... */
static int list_hstates(char names[][64], int max)
{
	DIR *d = opendir(KSTATE_SYSFS_HP);
	struct dirent *de;
	int n = 0;

	if (!d)
		return 0;
	while ((de = readdir(d)) && n < max)
		if (!strncmp(de->d_name, "hugepages-", 10))
			snprintf(names[n++], 64, "%.63s", de->d_name);
	closedir(d);
	return n;
}

static long hp_read(const char *hs, const char *file)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s/%s", KSTATE_SYSFS_HP, hs, file);
	return read_long(path);
}

/*
 * pools_clean() - every pool: nothing reserved, nothing in use, no
 * surplus.  Return: 1 if clean, else 0 with the first culprit in @why.
 */
static int pools_clean(char *why, size_t len)
{
	char hs[8][64];
	int i, n = list_hstates(hs, 8);

	for (i = 0; i < n; i++) {
		long nr = hp_read(hs[i], "nr_hugepages");
		long fr = hp_read(hs[i], "free_hugepages");
		long rs = hp_read(hs[i], "resv_hugepages");
		long sp = hp_read(hs[i], "surplus_hugepages");

		if (nr < 0 || fr < 0 || rs < 0 || sp < 0) {
			snprintf(why, len, "%.63s: cannot read its counters", hs[i]);
			return 0;
		}
		if (rs != 0 || fr != nr || sp != 0) {
			snprintf(why, len, "%.63s is in use (nr_hugepages=%ld "
				 "free_hugepages=%ld resv_hugepages=%ld "
				 "surplus_hugepages=%ld)", hs[i], nr, fr, rs, sp);
			return 0;
		}
	}
	return 1;
}

static int ks_teardown(struct kstate *ks, int recovering)
{
	char why[256];
	int i, rc = 0;

	for (i = 0; i < ks->nagents; i++)
		if (ks_kill_agent(&ks->agents[i], KS_AGENT_WAIT_MS) < 0)
			rc = -1;
	if (ks_kill_stray_agents(ks) < 0)
		rc = -1;
	if (ks_teardown_shm(ks) < 0)
		rc = -1;
	if (ks_teardown_mounts(ks, recovering) < 0)
		rc = -1;
	if (ks_restore_settings(ks) < 0)
		rc = -1;
	if (!pools_clean(why, sizeof(why))) {
		fprintf(stderr, "hugeresv: warning: after the run, %s\n", why);
		rc = -1;
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Begin / end                                                         */

static int refuse(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int refuse(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(err, errlen, "kernel back end: ");
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < errlen)
		vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return EXIT_REFUSED;
}

static int have_hugetlbfs(void)
{
	char buf[8192];
	const char *p;

	if (kstate_read_file("/proc/filesystems", buf, sizeof(buf)) < 0)
		return 0;
	for (p = buf; (p = strstr(p, "hugetlbfs")); p += 9)
		if ((p == buf || isspace((unsigned char)p[-1])) &&
		    (p[9] == '\n' || p[9] == '\0'))
			return 1;
	return 0;
}

static int take_lock(int *out, char *err, size_t errlen)
{
	const char *env = getenv("HUGERESV_LOCK_TIMEOUT");
	long timeout_ms = 120000, waited = 0;
	int fd, said = 0;

	if (env && *env)
		timeout_ms = strtol(env, NULL, 10) * 1000;
	fd = open(KSTATE_LOCK, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return refuse(err, errlen, "cannot open %s: %s", KSTATE_LOCK,
			      strerror(errno));
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			int e = errno;

			close(fd);
			return refuse(err, errlen, "cannot lock %s: %s",
				      KSTATE_LOCK, strerror(e));
		}
		if (waited >= timeout_ms) {
			close(fd);
			return refuse(err, errlen, "%s is held by another "
				      "hugeresv run or probe (waited %ld s; "
				      "set HUGERESV_LOCK_TIMEOUT to wait "
				      "longer)", KSTATE_LOCK,
				      timeout_ms / 1000);
		}
		if (!said && waited >= 1000) {
			fprintf(stderr, "hugeresv: waiting for %s\n",
				KSTATE_LOCK);
			said = 1;
		}
		msleep(100);
		waited += 100;
	}
	*out = fd;
	return 0;
}

static void read_boot_id(char *buf, size_t len)
{
	if (kstate_read_setting("/proc/sys/kernel/random/boot_id", buf,
				len) < 0)
		snprintf(buf, len, "unknown");
}

/* A previous run left its state file: undo what it recorded. */
static int recover(char *err, size_t errlen)
{
	const size_t cap = 1 << 20;
	char *text = malloc(cap);
	char boot[64];
	struct kstate *old;
	ssize_t n;
	int rc;

	if (!text)
		return refuse(err, errlen, "out of memory");
	n = kstate_read_file(KSTATE_FILE, text, cap);
	if (n == -ENOENT) {
		free(text);
		return 0;
	}
	if (n < 0) {
		free(text);
		return refuse(err, errlen, "cannot read %s: %s", KSTATE_FILE,
			      strerror((int)-n));
	}
	old = ks_parse(text);
	free(text);
	if (!old)
		return refuse(err, errlen, "out of memory");
	read_boot_id(boot, sizeof(boot));
	if (old->boot[0] && strcmp(old->boot, boot)) {
		fprintf(stderr, "hugeresv: %s is from before the last boot; "
			"nothing of that run survives, discarding it\n",
			KSTATE_FILE);
		rc = 0;
	} else {
		fprintf(stderr, "hugeresv: a previous kernel run (pid %d) did "
			"not finish; restoring the machine from %s\n",
			(int)old->conductor, KSTATE_FILE);
		rc = ks_teardown(old, 1);
		fprintf(stderr, "hugeresv: %s\n", rc == 0 ?
			"machine restored (agents killed, shm segments "
			"removed, mounts undone, settings put back)" :
			"could not restore everything (see the warnings)");
	}
	ks_free(old);
	if (rc < 0)
		return refuse(err, errlen, "the previous run's state could not "
			      "be fully undone; %s is kept, fix the machine "
			      "and remove it", KSTATE_FILE);
	if (unlink(KSTATE_FILE) < 0 && errno != ENOENT)
		return refuse(err, errlen, "cannot remove %s: %s", KSTATE_FILE,
			      strerror(errno));
	return 0;
}

/* Set @path to @value if it is not already (some files refuse any write:
 * gigantic pages have no overcommit). */
static int save_and_write(struct kstate *ks, const char *path,
			  const char *value, char *err, size_t errlen)
{
	char cur[128];
	int e;

	if (kstate_read_setting(path, cur, sizeof(cur)) == 0 &&
	    !strcmp(cur, value))
		return 0;
	e = kstate_write_setting(ks, path, value);

	if (e < 0) {
		snprintf(err, errlen, "kernel back end: cannot set %s to %s: "
			 "%s", path, value, strerror(-e));
		return EXIT_FAIL;
	}
	return 0;
}

/*
 * The baseline's settings are the engine's knob registry (hr_knob_info()):
 * every knob Linux has, at its default, which is what the engine starts
 * with.  ks_baseline_knob() says whether knob @i is one of @group's
 * global ones (not a pool file of one size, not the default size's pool
 * under a vm.* name, not the engine's own); *@ki is filled either way.
 */
static int ks_baseline_knob(int i, enum hr_knob_group group,
			    struct hr_knob_info *ki)
{
	return hr_knob_info(i, ki) == 0 && ki->group == group && ki->def &&
	       !(ki->flags & (HR_KNOB_ENGINE_ONLY | HR_KNOB_API_ONLY |
			      HR_KNOB_PER_HSTATE | HR_KNOB_DEFAULT_HSTATE));
}

/*
 * set_thp_baseline() - the global THP knobs at their defaults (Linux's
 * with CONFIG_TRANSPARENT_HUGEPAGE_MADVISE; a file the kernel lacks, such
 * as shrink_underused before 6.12, is skipped), then every mTHP size
 * (transparent_hugepage/hugepages-<size>kB/enabled): "never", except the
 * PMD size (hpage_pmd_size, 2 MiB on x86-64), which follows the global
 * `enabled` ("inherit").  Sizes without an enabled file (only shmem
 * knobs) are skipped.  Every change is saved first and restored at the
 * end, as for the pools.
 */
static int set_thp_baseline(struct kstate *ks, char *err, size_t errlen)
{
	char path[PATH_MAX], pmd[64];
	struct stat sb;
	struct dirent *de;
	DIR *d;
	int i;
	long pmd_kb = 2048;
	int rc = 0;

	if (stat(KSTATE_SYSFS_THP, &sb) < 0)
		return 0;	/* no THP in this kernel: nothing to set */
	for (i = 0; i < hr_knob_count(); i++) {
		struct hr_knob_info ki;

		if (!ks_baseline_knob(i, HR_KNOB_THP, &ki) ||
		    stat(ki.path, &sb) < 0)
			continue;
		if ((rc = save_and_write(ks, ki.path, ki.def, err, errlen)))
			return rc;
	}
	snprintf(path, sizeof(path), "%s/hpage_pmd_size", KSTATE_SYSFS_THP);
	if (kstate_read_setting(path, pmd, sizeof(pmd)) == 0 &&
	    strtol(pmd, NULL, 10) > 0)
		pmd_kb = strtol(pmd, NULL, 10) >> 10;
	snprintf(pmd, sizeof(pmd), "hugepages-%ldkB", pmd_kb);
	d = opendir(KSTATE_SYSFS_THP);
	if (!d)
		return 0;
	while (!rc && (de = readdir(d))) {
		if (strncmp(de->d_name, "hugepages-", 10))
			continue;
		snprintf(path, sizeof(path), "%s/%.200s/enabled",
			 KSTATE_SYSFS_THP, de->d_name);
		if (stat(path, &sb) < 0)
			continue;
		rc = save_and_write(ks, path, strcmp(de->d_name, pmd) ?
				    "never" : "inherit", err, errlen);
	}
	closedir(d);
	return rc;
}

/*
 * The pool files of one size at their defaults (empty, no overcommit),
 * named by the registry's rows for the first size; every size the kernel
 * has gets them.  Overcommit goes first, so that emptying the pool
 * leaves no surplus.
 */
static int set_pool_baseline(struct kstate *ks, const char *hs, char *err,
			     size_t errlen)
{
	char path[PATH_MAX];
	int pass, i, rc;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < hr_knob_count(); i++) {
			struct hr_knob_info ki;
			const char *file;

			if (hr_knob_info(i, &ki) ||
			    !(ki.flags & HR_KNOB_PER_HSTATE) ||
			    (ki.flags & (HR_KNOB_API_ONLY | HR_KNOB_ENGINE_ONLY)) ||
			    ki.pagesize != HR_SZ_2M || !ki.def)
				continue;
			file = strrchr(ki.path, '/') + 1;
			/* pass 0: the overcommit files; pass 1: the rest */
			if ((strstr(file, "overcommit") != NULL) != (pass == 0))
				continue;
			snprintf(path, sizeof(path), "%s/%s/%s",
				 KSTATE_SYSFS_HP, hs, file);
			if ((rc = save_and_write(ks, path, ki.def, err, errlen)))
				return rc;
		}
	return 0;
}

/*
 * The baseline every kernel run starts from, the same machine the engine
 * starts with: empty pools of every size, no overcommitted huge pages,
 * the vm.* knobs at their defaults (overcommit_memory=0,
 * overcommit_ratio=50), and the THP baseline above.
 */
static int set_baseline(struct kstate *ks, char *err, size_t errlen)
{
	char hs[8][64];
	int i, n = list_hstates(hs, 8), rc;

	for (i = 0; i < n; i++)
		if ((rc = set_pool_baseline(ks, hs[i], err, errlen)))
			return rc;
	for (i = 0; i < hr_knob_count(); i++) {
		struct hr_knob_info ki;

		if (!ks_baseline_knob(i, HR_KNOB_SYSCTL, &ki))
			continue;
		if ((rc = save_and_write(ks, ki.path, ki.def, err, errlen)))
			return rc;
	}
	return set_thp_baseline(ks, err, errlen);
}

/**
 * kstate_begin() - see kstate.h.
 */
int kstate_begin(struct kstate **out, char *err, size_t errlen)
{
	struct kstate *ks;
	char why[256];
	int rc, e;

	*out = NULL;
	if (geteuid() != 0)
		return refuse(err, errlen, "needs root (it changes huge page "
			      "pools and mounts hugetlbfs); euid is %d",
			      (int)geteuid());
	if (!have_hugetlbfs())
		return refuse(err, errlen, "this kernel has no hugetlbfs "
			      "(not in /proc/filesystems)");
	ks = ks_alloc();
	if (!ks)
		return refuse(err, errlen, "out of memory");
	if ((rc = take_lock(&ks->lockfd, err, errlen))) {
		ks_free(ks);
		return rc;
	}
	ks_handlers_install();
	if ((rc = recover(err, errlen)))
		goto fail;
	if (!pools_clean(why, sizeof(why))) {
		rc = refuse(err, errlen, "huge page pools are not clean: %s; "
			    "refusing to run on a machine where something "
			    "uses or reserves huge pages", why);
		goto fail;
	}
	if (mkdir(KSTATE_DIR, 0700) < 0 && errno != EEXIST) {
		rc = refuse(err, errlen, "cannot create %s: %s", KSTATE_DIR,
			    strerror(errno));
		goto fail;
	}
	ks->fd = open(KSTATE_FILE, O_WRONLY | O_CREAT | O_EXCL | O_APPEND |
		      O_CLOEXEC, 0600);
	if (ks->fd < 0) {
		rc = refuse(err, errlen, "cannot create %s: %s", KSTATE_FILE,
			    strerror(errno));
		goto fail;
	}
	read_boot_id(ks->boot, sizeof(ks->boot));
	ks->conductor = getpid();
	proc_stat(ks->conductor, &ks->cstart, NULL, 0);
	e = ks_append(ks, "hugeresv-state 1\nboot %s\nconductor %d %llu\n",
		      ks->boot, (int)ks->conductor, ks->cstart);
	if (e < 0) {
		snprintf(err, errlen, "kernel back end: cannot write %s: %s",
			 KSTATE_FILE, strerror(-e));
		rc = EXIT_FAIL;
		goto fail_teardown;
	}
	if ((rc = set_baseline(ks, err, errlen)))
		goto fail_teardown;
	snprintf(ks->tmpdir, sizeof(ks->tmpdir), "%sXXXXXX", KS_TMP_PREFIX);
	if (!mkdtemp(ks->tmpdir)) {
		snprintf(err, errlen, "kernel back end: mkdtemp: %s",
			 strerror(errno));
		ks->tmpdir[0] = '\0';
		rc = EXIT_FAIL;
		goto fail_teardown;
	}
	e = ks_append(ks, "dir %s\n", ks->tmpdir);
	if (e < 0) {
		snprintf(err, errlen, "kernel back end: cannot write %s: %s",
			 KSTATE_FILE, strerror(-e));
		rc = EXIT_FAIL;
		goto fail_teardown;
	}
	*out = ks;
	return 0;

fail_teardown:
	ks_teardown(ks, 0);
	unlink(KSTATE_FILE);
fail:
	ks_free(ks);
	ks_handlers_restore();
	return rc;
}

/**
 * kstate_tmpdir() - see kstate.h.
 */
const char *kstate_tmpdir(const struct kstate *ks)
{
	return ks->tmpdir;
}

/*
 * ks_pool_fill() - after growing a huge page pool to @value pages, make
 * sure fragmentation is not what stopped it short.  The engine models a
 * machine whose free memory can always be assembled into huge pages (no
 * page cache, no unmovable scatter); a kernel that has run a while may
 * hold its free memory in pieces, and a 1 GiB pool then comes up short
 * for reasons no scenario is about.  So when the pool is short, compact
 * memory and write again; if it is still short, drop clean caches,
 * compact and write once more.  A pool that is short after that is short
 * for real (too little memory), and the caller's counters show it.
 * Nothing here changes a setting: caches and compaction only move or
 * drop clean pages.
 */
static void ks_pool_fill(const char *path, const char *value)
{
	static const char *const steps[][2] = {
		{ "/proc/sys/vm/compact_memory", "1" },
		{ "/proc/sys/vm/drop_caches", "3" },
	};
	size_t plen = strlen(path), i;
	long want = strtol(value, NULL, 10);

	if (plen < 13 || strcmp(path + plen - 13, "/nr_hugepages") ||
	    strncmp(path, KSTATE_SYSFS_HP, strlen(KSTATE_SYSFS_HP)))
		return;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (read_long(path) >= want)
			return;
		if (i > 0)
			sync();
		(void)write_file(steps[i][0], steps[i][1]);
		if (i > 0)
			(void)write_file(steps[0][0], steps[0][1]);
		(void)write_file(path, value);
	}
}

/**
 * kstate_save_setting() - see kstate.h.
 */
int kstate_save_setting(struct kstate *ks, const char *path)
{
	char cur[128];
	int e;

	e = kstate_read_setting(path, cur, sizeof(cur));
	if (e < 0)
		return e;
	e = ks_add_set(ks, path, cur);
	if (e < 0)
		return e;
	if (e == 1) {
		e = ks_append(ks, "set %s %s\n", path, cur);
		if (e < 0) {
			ks->nsets--;	/* not saved: do not change it */
			return e;
		}
	}
	return 0;
}

/**
 * kstate_write_setting() - see kstate.h.
 */
int kstate_write_setting(struct kstate *ks, const char *path,
			 const char *value)
{
	int e;

	e = kstate_save_setting(ks, path);
	if (e < 0)
		return e;
	e = write_file(path, value);
	if (e == 0)
		ks_pool_fill(path, value);
	return e;
}

/**
 * kstate_note_mount() - see kstate.h.
 */
int kstate_note_mount(struct kstate *ks, const char *path)
{
	int e = ks_add_mount(ks, path);

	return e < 0 ? e : ks_append(ks, "mount %s\n", path);
}

/**
 * kstate_note_umount() - see kstate.h.  Written after the umount, like
 * shm-rm: it records a fact, and until it is written the mount is still
 * on the record (and a recovery would find it already gone).
 */
int kstate_note_umount(struct kstate *ks, const char *path)
{
	ks_del_mount(ks, path);
	return ks_append(ks, "umount %s\n", path);
}

/**
 * kstate_note_shm() - see kstate.h.
 */
int kstate_note_shm(struct kstate *ks, int id)
{
	int e = ks_add_shm(ks, id);

	return e < 0 ? e : ks_append(ks, "shm %d\n", id);
}

/**
 * kstate_note_shm_rm() - see kstate.h.
 */
int kstate_note_shm_rm(struct kstate *ks, int id)
{
	int i;

	for (i = 0; i < ks->nshms; i++)
		if (ks->shms[i].id == id)
			ks->shms[i].removed = 1;
	return ks_append(ks, "shm-rm %d\n", id);
}

/**
 * kstate_note_agent() - see kstate.h.
 */
int kstate_note_agent(struct kstate *ks, pid_t pid, int pidfd)
{
	unsigned long long st = 0;
	int e;

	if (pidfd < 0)
		pidfd = pidfd_open_(pid);
	proc_stat(pid, &st, NULL, 0);
	e = ks_add_agent(ks, pid, st, pidfd);
	if (e < 0) {
		if (pidfd >= 0)
			close(pidfd);
		return e;
	}
	return ks_append(ks, "agent %d %llu\n", (int)pid, st);
}

/**
 * kstate_agent_wait() - see kstate.h.
 */
int kstate_agent_wait(struct kstate *ks, pid_t pid, int timeout_ms)
{
	struct ks_agent *ag = NULL;
	struct pollfd pfd;
	int i;

	for (i = 0; i < ks->nagents; i++)
		if (ks->agents[i].pid == pid && !ks->agents[i].gone)
			ag = &ks->agents[i];
	if (!ag)
		return 0;
	if (ag->pidfd >= 0) {
		pfd.fd = ag->pidfd;
		pfd.events = POLLIN;
		pfd.revents = 0;
		while (poll(&pfd, 1, timeout_ms) < 0 && errno == EINTR)
			;
		if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
			return -ETIMEDOUT;
	} else {
		/* No pidfd: poll /proc until the process is gone or a zombie. */
		int waited = 0;

		for (;;) {
			char path[64], buf[1024], *r;

			snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
			if (kstate_read_file(path, buf, sizeof(buf)) < 0)
				break;
			r = strrchr(buf, ')');
			if (r && r[1] == ' ' && r[2] == 'Z')
				break;
			if (waited >= timeout_ms)
				return -ETIMEDOUT;
			msleep(2);
			waited += 2;
		}
	}
	ag->gone = 1;
	while (waitpid(pid, NULL, WNOHANG) < 0 && errno == EINTR)
		;
	return 0;
}

/**
 * kstate_end() - see kstate.h.
 */
int kstate_end(struct kstate *ks)
{
	int rc;

	if (!ks)
		return 0;
	rc = ks_teardown(ks, 0);
	if (rc == 0) {
		if (unlink(KSTATE_FILE) < 0 && errno != ENOENT)
			rc = -1;
	} else {
		fprintf(stderr, "hugeresv: kernel back end: %s is kept so that "
			"the next run retries the restore\n", KSTATE_FILE);
	}
	ks_free(ks);
	ks_handlers_restore();
	return rc;
}
