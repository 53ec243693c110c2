/* SPDX-License-Identifier: MIT */
/*
 * vm.h - kernels in virtual machines: the kernel back end run inside a
 * qemu guest booted from a Debian kernel package (or any bzImage), for
 * `run --kernel --vm KERNEL`, `diff --vm KERNEL`, `fuzz --kernel --vm`.
 *
 * The room sits with the back ends: run/ and diff/ choose the kernel side
 * through vm_kernel_ops(), which is the ordinary kernel back end unless a
 * --vm option was given, and then the remote back end (vm_remote.c) that
 * forwards every step to a hugeresv agent inside the guest
 * (vm_agent.c).  See docs/kernel-backend.md, "Kernels in virtual
 * machines".
 */
#ifndef HR_VM_H
#define HR_VM_H

#include "backend/backend.h"

/**
 * vm_option() - consume a --vm option at @argv[*i] (--vm KERNEL,
 * --vm-mem MIB, --vm-cpus N, --vm-1g N, --vm-nodes N, and the
 * --opt=VALUE spellings).
 * @cmd: the command, for usage errors
 * @rc:  set to EXIT_USAGE (with a message printed) on a bad value
 *
 * Return: 1 if @argv[*i] was a --vm option (*i moved past its value),
 * 0 if it is not one.
 */
int vm_option(const char *cmd, int argc, char **argv, int *i, int *rc);

/* The help lines of the --vm options, for a command's usage text. */
#define VM_OPTIONS_HELP \
	"  --vm KERNEL      the kernel side in a qemu guest: a Debian cloud\n" \
	"                   kernel (6.1, 6.12, 6.1.0-57: fetched with apt and\n" \
	"                   cached) or a bzImage path (docs/kernel-backend.md)\n" \
	"  --vm-mem MIB     guest memory (default 8192)\n" \
	"  --vm-cpus N      guest CPUs (default 2)\n" \
	"  --vm-1g N        boot the guest with hugepagesz=1G hugepages=N\n" \
	"                   (default 3: what the corpus asks for at most)\n" \
	"  --vm-nodes N     every guest with N NUMA nodes (default: as many\n" \
	"                   as the file's machine nodes=, rebooting between)\n"

/** vm_selected() - was a --vm option given? */
int vm_selected(void);

/** vm_nodes() - the N of --vm-nodes, or 0 (each file's own count). */
unsigned vm_nodes(void);

/** vm_kernel_spec() - the KERNEL of --vm as given ("6.1", a path), or NULL. */
const char *vm_kernel_spec(void);

/**
 * vm_kernel_ops() - the kernel side of run --kernel, diff and fuzz
 * --kernel: &kernel_backend_ops (the running kernel), or with --vm the
 * remote back end over a guest.
 */
const struct backend_ops *vm_kernel_ops(void);

/**
 * vm_refusal_is_per_file() - did the last EXIT_REFUSED of the remote back
 * end's open() concern that program only?  A freshly booted guest is
 * root, clean and unlocked, so what it refuses is the file (a knob or
 * page size that kernel lacks), not the machine: diff skips that file and
 * goes on, where a refusal of the host's kernel ends the whole run.
 */
int vm_refusal_is_per_file(void);

/**
 * vm_unsafe_files() - how many programs the remote back end opened as
 * unsafe (predicted to damage the kernel until reboot: each ran in a
 * guest powered off after it), for diff's summary.
 */
int vm_unsafe_files(void);

/**
 * vm_prepare() - find the --vm kernel (apt, the cache) and build the
 * guest's initramfs now, without booting anything.  `fuzz --jobs` calls
 * it once before it forks its workers, which then only boot guests: two
 * processes building the same cached image at once would write the same
 * temporary file.  The first boot calls it otherwise.
 * @err: why not (@errlen bytes)
 *
 * Return: 0, or -1 with a message in @err.
 */
int vm_prepare(char *err, size_t errlen);

/**
 * vm_abort() - for a signal handler that then calls _exit(): kill this
 * process's guest, wait for qemu, and remove the guest's temporary
 * directory (unless a message named its console log).  Async-signal-safe
 * (kill, waitpid, unlink, rmdir); it reads the guest's state as the
 * interrupted code left it, so a signal in the middle of a boot may leave
 * the directory behind, never qemu (which also dies with this process,
 * PR_SET_PDEATHSIG).
 */
void vm_abort(void);

#endif /* HR_VM_H */
