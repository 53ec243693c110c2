/* SPDX-License-Identifier: MIT */
/*
 * vm_image.c - the guest's initramfs: a statically linked busybox for
 * the shell and mount, a statically linked hugeresv (the agent), and
 * /init, which mounts what the kernel back end needs and runs the agent
 * on the second serial port.  Built with cpio (newc) and cached as
 *
 *     $XDG_CACHE_HOME/hugeresv/initramfs/HASH.cpio
 *
 * where HASH is a hash of all three, so a new build of hugeresv gets a
 * new image and an unchanged one is never rebuilt.
 *
 * The agent binary: $HUGERESV_VM_AGENT, else this very program if it is
 * statically linked, else build-vm/hugeresv next to its build directory
 * (`make build-vm/hugeresv`, the static build).
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/vm_int.h"

/*
 * /init.  /dev/console is not in the archive (a device node needs root
 * to make), so the script mounts devtmpfs first and then takes its
 * standard streams from the console.
 */
static const char init_script[] =
	"#!/bin/busybox sh\n"
	"# hugeresv guest (cli/vm/vm_image.c)\n"
	"/bin/busybox mount -t devtmpfs dev /dev\n"
	"exec </dev/console >/dev/console 2>&1\n"
	"/bin/busybox --install -s /bin\n"
	"export PATH=/bin\n"
	"mount -t proc proc /proc\n"
	"mount -t sysfs sysfs /sys\n"
	"mount -t tmpfs -o mode=1777 tmpfs /tmp\n"
	"mount -t tmpfs -o mode=755 tmpfs /run\n"
	"mkdir -p /run/lock /dev/hugepages /dev/shm\n"
	"mount -t hugetlbfs hugetlbfs /dev/hugepages\n"
	"mount -t tmpfs -o mode=1777 tmpfs /dev/shm\n"
	"hugeresv vm agent /dev/ttyS1\n"
	"echo \"hugeresv-vm: the agent exited ($?)\"\n"
	"poweroff -f\n";

/* Is the ELF file @path statically linked (no PT_INTERP)?  1, 0, -1. */
static int is_static(const char *path)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	int fd = open(path, O_RDONLY | O_CLOEXEC), ret = 1;

	if (fd < 0)
		return -1;
	if (pread(fd, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64) {
		close(fd);
		return -1;
	}
	for (int i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof(ph), (off_t)(eh.e_phoff +
			  (uint64_t)i * eh.e_phentsize)) != (ssize_t)sizeof(ph))
			break;
		if (ph.p_type == PT_INTERP)
			ret = 0;
	}
	close(fd);
	return ret;
}

static int find_agent(char *path, size_t len, char *err, size_t errlen)
{
	const char *env = getenv("HUGERESV_VM_AGENT");
	char exe[512], dir[512];
	ssize_t n;

	if (env && *env) {
		if (is_static(env) != 1) {
			snprintf(err, errlen, "HUGERESV_VM_AGENT=%s is not a "
				 "statically linked program", env);
			return -1;
		}
		snprintf(path, len, "%s", env);
		return 0;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0) {
		snprintf(err, errlen, "readlink /proc/self/exe: %s",
			 strerror(errno));
		return -1;
	}
	exe[n] = '\0';
	if (is_static(exe) == 1) {
		snprintf(path, len, "%s", exe);
		return 0;
	}
	snprintf(dir, sizeof(dir), "%s", exe);
	snprintf(path, len, "%s/../build-vm/hugeresv", dirname(dir));
	if (is_static(path) == 1)
		return 0;
	snprintf(err, errlen, "the guest needs a statically linked hugeresv: "
		 "run `make build-vm/hugeresv` (expected at %s) or set "
		 "HUGERESV_VM_AGENT", path);
	return -1;
}

/* FNV-1a, 64 bits, over @n bytes. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--) {
		h ^= *b++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int hash_file(const char *path, uint64_t *h)
{
	char buf[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		*h = fnv(*h, buf, (size_t)n);
	close(fd);
	return n < 0 ? -1 : 0;
}

static int copy_file(const char *from, const char *to, mode_t mode)
{
	char *cp[] = { "cp", (char *)from, (char *)to, NULL };

	return vm_spawn_wait(cp, -1, 2) == 0 ? chmod(to, mode) : -1;
}

int vm_initramfs(char *path, size_t len, char *err, size_t errlen)
{
	const char *bb = getenv("HUGERESV_VM_BUSYBOX");
	char agent[512], cache[512], stage[600], p[700], out[800];
	uint64_t h = 0xcbf29ce484222325ULL;
	static const char *const dirs[] = { "bin", "dev", "proc", "sys",
					    "tmp", "run" };
	char *pack[] = { "sh", "-c", "cd \"$1\" && find . | "
			 "cpio -o -H newc --quiet > \"$2\"", "sh", stage, out,
			 NULL };
	char *rm[] = { "rm", "-rf", stage, NULL };
	FILE *f;
	int rc = 0;

	if (!bb || !*bb)
		bb = "/bin/busybox";
	if (is_static(bb) != 1) {
		snprintf(err, errlen, "%s: not a statically linked busybox "
			 "(apt-get install busybox-static)", bb);
		return -1;
	}
	if (find_agent(agent, sizeof(agent), err, errlen))
		return -1;
	h = fnv(h, init_script, sizeof(init_script));
	if (hash_file(agent, &h) || hash_file(bb, &h)) {
		snprintf(err, errlen, "cannot read %s or %s", agent, bb);
		return -1;
	}
	if (vm_cache_dir("initramfs", cache, sizeof(cache), err, errlen))
		return -1;
	snprintf(path, len, "%s/%016" PRIx64 ".cpio", cache, h);
	if (access(path, R_OK) == 0)
		return 0;

	snprintf(stage, sizeof(stage), "%s/.build-XXXXXX", cache);
	if (!mkdtemp(stage)) {
		snprintf(err, errlen, "mkdtemp in %s: %s", cache, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", stage, dirs[i]);
		rc |= mkdir(p, 0755);
	}
	snprintf(p, sizeof(p), "%s/bin/busybox", stage);
	rc |= copy_file(bb, p, 0755);
	snprintf(p, sizeof(p), "%s/bin/hugeresv", stage);
	rc |= copy_file(agent, p, 0755);
	snprintf(p, sizeof(p), "%s/init", stage);
	f = fopen(p, "w");
	if (!f || fputs(init_script, f) < 0)
		rc = -1;
	if (f && fclose(f))
		rc = -1;
	rc |= chmod(p, 0755);
	snprintf(out, sizeof(out), "%s.tmp", path);
	if (!rc)
		rc = vm_spawn_wait(pack, -1, 2) == 0 ? rename(out, path) : -1;
	vm_spawn_wait(rm, -1, -1);
	if (rc) {
		unlink(out);
		snprintf(err, errlen, "cannot build the initramfs %s (cpio "
			 "installed?)", path);
		return -1;
	}
	return 0;
}
