/* SPDX-License-Identifier: MIT */
/*
 * vm_int.h - what the files of cli/vm/ share: the kernel cache
 * (vm_fetch.c), the initramfs (vm_image.c), the guest and its channel
 * (vm_qemu.c).
 *
 * The channel is the guest's second serial port (ttyS1; ttyS0 is the
 * console, written to a log file): built into every Debian kernel, where
 * virtio-console is a module in 6.1.  It carries a line protocol, one
 * request and one reply at a time (vm_remote.c, vm_agent.c):
 *
 *   guest -> host at boot   H hugeresv-vm 2 RELEASE
 *   P LEN PATH\n + LEN bytes  parse the scenario and open the kernel
 *                           back end:  O RC MESSAGE
 *   U LEN PATH\n + LEN bytes  the same for a program the engine predicts
 *                           would damage the kernel until reboot: the
 *                           agent opens it with HUGERESV_KERNEL_UNSAFE=1
 *                           (for that open only); the host reboots the
 *                           guest after the file
 *   X STEP                  run prog->steps[STEP]:  R KIND ERR [short] | E MESSAGE
 *                           (short: a 1 GiB pool smaller than the step asked)
 *   S                       the snapshot, as changes since the previous
 *                           one of this program: K VALUE KEY ... D KEY ...
 *                           then "."  (or E MESSAGE)
 *   G KEY                   one counter:  V RC VALUE
 *   Q                       close the back end:  Q 0 (clean) | Q 1 (the
 *                           guest kernel could not be put back: reboot)
 *   B                       power off (no reply)
 */
#ifndef HR_VM_INT_H
#define HR_VM_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The protocol's version, in the guest's hello line. */
#define VM_PROTO 2
/* The most NUMA nodes a guest is booted with (HR_MAX_NODES). */
#define VM_MAX_NODES 8
/* A line of the protocol (a snapshot key and value fit many times over). */
#define VM_LINE 1024

/* A byte stream with a read buffer: a unix socket (host), ttyS1 (guest). */
struct vm_chan {
	int fd;
	char buf[65536];
	size_t off, len;
};

/**
 * vm_chan_getline() - the next line without its newline.
 * @timeout_ms: for the whole line; -1 waits for ever
 * Return: its length, -1 at end of file or error, -2 on timeout.
 */
int vm_chan_getline(struct vm_chan *c, char *line, size_t max, int timeout_ms);
/** vm_chan_read() - exactly @n bytes. Return: 0, -1 (EOF), -2 (timeout). */
int vm_chan_read(struct vm_chan *c, char *buf, size_t n, int timeout_ms);
/** vm_chan_write() - all of @buf. Return: 0 or -1. */
int vm_chan_write(struct vm_chan *c, const char *buf, size_t n);
int vm_chan_printf(struct vm_chan *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The guest configuration the --vm options give. */
struct vm_config {
	const char *kernel;	/* --vm: a version ("6.1") or a path */
	unsigned mem_mib;	/* --vm-mem, default 4096 */
	unsigned cpus;		/* --vm-cpus, default 2 */
	unsigned pages_1g;	/* --vm-1g: hugepagesz=1G hugepages=N */
	unsigned nodes;		/* NUMA nodes (qemu -numa); --vm-nodes, or
				 * 0: each file's machine nodes= */
};

/**
 * vm_kernel_path() - the bzImage for @spec: @spec itself if it names a
 * file, else the Debian cloud kernel whose version starts with @spec
 * (the newest one apt knows, "6.1" -> 6.1.0-57), from the cache or
 * fetched into it (apt-get download, dpkg-deb -x).
 * @version: the package's version ("6.1.0-57-cloud-amd64"), or @spec
 * Return: 0, or -1 with a message in @err.
 */
int vm_kernel_path(const char *spec, char *path, size_t len, char *version,
		   size_t vlen, char *err, size_t errlen);

/**
 * vm_cache_dir() - $XDG_CACHE_HOME/hugeresv or ~/.cache/hugeresv, with
 * @sub appended, created.  Return: 0 or -1 with @err.
 */
int vm_cache_dir(const char *sub, char *path, size_t len, char *err,
		 size_t errlen);

/**
 * vm_initramfs() - the guest's initramfs (busybox, a static hugeresv,
 * /init), built once and cached by content.  Return: 0 or -1 with @err.
 */
int vm_initramfs(char *path, size_t len, char *err, size_t errlen);

/**
 * vm_spawn_wait() - run @argv (argv[0] looked up in PATH), its stdout to
 * @out_fd if >= 0 and its stderr to @err_fd if >= 0 (else /dev/null).
 * Return: its exit status, or -1 if it could not run or was killed.
 */
int vm_spawn_wait(char *const argv[], int out_fd, int err_fd);

/* A running guest. */
struct vm_guest {
	pid_t qemu;
	struct vm_chan chan;
	char dir[256];		/* the run's temporary directory */
	char console[300];	/* the guest's console log */
	char release[128];	/* uname -r in the guest */
	int boots;		/* guests booted so far in this process */
	unsigned nodes;		/* the running guest's NUMA nodes */
	double boot_secs;	/* how long the last boot took */
};

/**
 * vm_boot() - start qemu with @kernel and @initrd and wait for the
 * agent's hello (at most $HUGERESV_VM_BOOT_TIMEOUT s, default 120).
 * Return: 0, or -1 with @err (and no qemu left).
 */
int vm_boot(struct vm_guest *g, const struct vm_config *cfg,
	    const char *kernel, const char *initrd, char *err, size_t errlen);
/** vm_kill() - kill qemu (if running) and reap it. */
void vm_kill(struct vm_guest *g);

/** vm_timeout_ms() - a step's reply timeout, $HUGERESV_VM_TIMEOUT s (120). */
int vm_timeout_ms(void);

/**
 * vm_boot_once() - boot the guest the --vm options describe, as the
 * remote back end would, and power it off: `hugeresv vm boot`.
 * Return: 0 with the boot time and the guest's release, or -1 with @err.
 */
int vm_boot_once(double *secs, char *release, size_t rlen, char *err,
		 size_t errlen);

/** vm_agent() - the guest's side of the channel on @dev (vm_agent.c). */
int vm_agent(const char *dev);

#endif /* HR_VM_INT_H */
