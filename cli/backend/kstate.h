/* SPDX-License-Identifier: MIT */
/*
 * kstate.h - the kernel back end's safety layer: the run lock, the state
 * file, saved settings, and the teardown that puts the machine back.
 *
 * Everything the kernel back end changes or creates on the running
 * machine goes through here first, so that it can be undone by the run
 * itself (kstate_end()) or, if that run died, by the next one
 * (kstate_begin() finds the state file and replays its teardown).
 *
 * The state file (KSTATE_FILE) is a text file of records, one a line,
 * appended before the change they describe is made:
 *
 *     hugeresv-state 1                 format version
 *     boot BOOT_ID                     /proc/sys/kernel/random/boot_id
 *     conductor PID STARTTIME          the run's own process
 *     set PATH VALUE                   PATH held VALUE before the run
 *     dir PATH                         private temporary directory
 *     mount PATH                       a hugetlbfs mount point (intent)
 *     umount PATH                      ... that the scenario unmounted
 *     shm ID                           a SysV shm segment we created
 *     shm-rm ID                        ... that we removed ourselves
 *     agent PID STARTTIME              an agent process
 *
 * See docs/kernel-backend.md for the rules.
 */
#ifndef HR_KSTATE_H
#define HR_KSTATE_H

#include <stddef.h>
#include <sys/types.h>

#define KSTATE_DIR	"/run/hugeresv"
#define KSTATE_FILE	KSTATE_DIR "/state"
#define KSTATE_LOCK	"/run/lock/hugeresv.lock"
#define KSTATE_AGENT_COMM "hr-agent"
#define KSTATE_SYSFS_HP	"/sys/kernel/mm/hugepages"
#define KSTATE_SYSFS_THP "/sys/kernel/mm/transparent_hugepage"

struct kstate;

/**
 * kstate_begin() - make the machine ready for a kernel run.
 * @out:    the new state (free with kstate_end())
 * @err:    message buffer, for a refusal
 * @errlen: its size
 *
 * Checks root and hugetlbfs, takes the run lock (waiting up to
 * $HUGERESV_LOCK_TIMEOUT seconds, 120 by default), restores the machine
 * from a state file a dead run left behind (saying so on stderr), checks
 * that every huge page pool is clean, creates the state file, saves the
 * baseline settings and sets them (empty pools, no overcommit of huge
 * pages, vm.overcommit_memory=0, vm.overcommit_ratio=50, and the THP
 * baseline of docs/kernel-backend.md: enabled=madvise, defrag=madvise,
 * use_zero_page=1, shrink_underused=1, khugepaged's defaults, every mTHP
 * size "never" but the PMD size "inherit"), and makes the private
 * temporary directory.
 *
 * Return: 0, or EXIT_REFUSED (nothing changed, lock released) or
 * EXIT_FAIL (an unexpected error) with @err set.
 */
int kstate_begin(struct kstate **out, char *err, size_t errlen);

/** kstate_tmpdir() - the run's private directory (for mount points). */
const char *kstate_tmpdir(const struct kstate *ks);

/**
 * kstate_save_setting() - save @path's current value in the state file
 * (the first time only), for a setting another process is about to
 * write (an agent's write of nr_hugepages_mempolicy, with its memory
 * policy).  Return: 0 or a negative errno (then do not write it).
 */
int kstate_save_setting(struct kstate *ks, const char *path);

/**
 * kstate_write_setting() - save @path's current value in the state file
 * (the first time only) and write @value to it.
 *
 * Return: 0 or a negative errno (of the write; the save happened).
 */
int kstate_write_setting(struct kstate *ks, const char *path,
			 const char *value);

/** kstate_note_mount() - record a mount point before mounting it. */
int kstate_note_mount(struct kstate *ks, const char *path);

/**
 * kstate_note_umount() - the scenario unmounted @path (and removes the
 * directory next): a recovery has nothing left to undo there.
 */
int kstate_note_umount(struct kstate *ks, const char *path);

/** kstate_note_shm() - record a shm segment just created. */
int kstate_note_shm(struct kstate *ks, int id);

/** kstate_note_shm_rm() - the segment was removed by the scenario. */
int kstate_note_shm_rm(struct kstate *ks, int id);

/**
 * kstate_note_agent() - record an agent process.
 * @pidfd: a pidfd for it, owned by kstate from now on (-1: open one)
 */
int kstate_note_agent(struct kstate *ks, pid_t pid, int pidfd);

/**
 * kstate_agent_wait() - wait until agent @pid has terminated (its memory
 * is gone), reaping it if it is our child.
 * @timeout_ms: how long to wait
 *
 * Return: 0, or -ETIMEDOUT.
 */
int kstate_agent_wait(struct kstate *ks, pid_t pid, int timeout_ms);

/**
 * kstate_end() - tear down everything the run made (agents, shm
 * segments, mounts, the temporary directory), restore every saved
 * setting, check that the pools are back, remove the state file and
 * release the lock.  Frees @ks.  If a SIGINT, SIGTERM or SIGHUP
 * arrived during the run, it is raised again once the machine is back,
 * with the process's original disposition.
 *
 * Return: 0, or -1 if something could not be put back (said on stderr).
 */
int kstate_end(struct kstate *ks);

/**
 * kstate_read_file() - read a small text file (procfs, sysfs) whole.
 *
 * Return: the length read (the buffer is NUL terminated), or a negative
 * errno.
 */
ssize_t kstate_read_file(const char *path, char *buf, size_t len);

/**
 * kstate_read_fd() - read @fd until end of file or until @buf holds
 * @len - 1 bytes, retrying on EINTR; the text is NUL terminated.
 * Return: the bytes read, or -errno.
 */
ssize_t kstate_read_fd(int fd, char *buf, size_t len);

/**
 * kstate_read_setting() - a setting's current value as it should be
 * written back: the bracketed word of "always [madvise] never" style
 * files, otherwise the trimmed text.
 *
 * Return: 0 or a negative errno.
 */
int kstate_read_setting(const char *path, char *buf, size_t len);

/**
 * kstate_stop_requested() - a SIGINT, SIGTERM or SIGHUP arrived since
 * kstate_begin() (the handlers only set this flag).
 */
int kstate_stop_requested(void);

#endif /* HR_KSTATE_H */
