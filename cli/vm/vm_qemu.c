/* SPDX-License-Identifier: MIT */
/*
 * vm_qemu.c - the guest: qemu started with the kernel and the initramfs,
 * its console in a log file, its second serial port on a unix socket
 * that this process listens on; and the line channel both ends use.
 *
 * Acceleration: KVM when /dev/kvm can be opened and the KVM_GET_API_VERSION
 * ioctl answers, else TCG with `-cpu max` (which has pdpe1gb, so the guest
 * has 1 GiB pages).  A KVM that answers may still not run a guest (nested
 * virtualisation that cannot emulate an instruction: qemu reports "KVM
 * internal error" and the guest spins), so a KVM boot gets
 * KVM_BOOT_SECS to say hello; when it does not, the boot is done again
 * with TCG and the host's boot id is written to the cache's kvm-broken,
 * so that later commands go straight to TCG until the host reboots.
 * HUGERESV_VM_ACCEL=tcg|kvm forces one.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vm/vm_int.h"

static double now_secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Fill the buffer with what is there; wait at most @ms (-1: for ever). */
static int chan_fill(struct vm_chan *c, int ms)
{
	struct pollfd p = { c->fd, POLLIN, 0 };
	ssize_t n;
	int r;

	if (c->off == c->len)
		c->off = c->len = 0;
	if (c->off > 0 && c->len == sizeof(c->buf)) {
		memmove(c->buf, c->buf + c->off, c->len - c->off);
		c->len -= c->off;
		c->off = 0;
	}
	do
		r = poll(&p, 1, ms);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return -2;
	if (r < 0)
		return -1;
	do
		n = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -1;
	c->len += (size_t)n;
	return 0;
}

/* Milliseconds left until @deadline (-1: none). */
static int left_ms(double deadline)
{
	double d;

	if (deadline < 0)
		return -1;
	d = (deadline - now_secs()) * 1000.0;
	return d < 0 ? 0 : (int)d + 1;
}

int vm_chan_getline(struct vm_chan *c, char *line, size_t max, int timeout_ms)
{
	double deadline = timeout_ms < 0 ? -1 : now_secs() + timeout_ms / 1000.0;

	for (;;) {
		char *nl = memchr(c->buf + c->off, '\n', c->len - c->off);
		int r;

		if (nl) {
			size_t n = (size_t)(nl - (c->buf + c->off));
			size_t k = n < max - 1 ? n : max - 1;

			memcpy(line, c->buf + c->off, k);
			line[k] = '\0';
			if (k && line[k - 1] == '\r')
				line[--k] = '\0';
			c->off += n + 1;
			return (int)k;
		}
		if (c->off == 0 && c->len == sizeof(c->buf))
			c->off = c->len = 0;	/* an overlong line: drop it */
		r = chan_fill(c, left_ms(deadline));
		if (r)
			return r;
	}
}

int vm_chan_read(struct vm_chan *c, char *buf, size_t n, int timeout_ms)
{
	double deadline = timeout_ms < 0 ? -1 : now_secs() + timeout_ms / 1000.0;

	while (n) {
		size_t k = c->len - c->off;
		int r;

		if (k) {
			if (k > n)
				k = n;
			memcpy(buf, c->buf + c->off, k);
			c->off += k;
			buf += k;
			n -= k;
			continue;
		}
		r = chan_fill(c, left_ms(deadline));
		if (r)
			return r;
	}
	return 0;
}

int vm_chan_write(struct vm_chan *c, const char *buf, size_t n)
{
	while (n) {
		/*
		 * The host's end is a socket: MSG_NOSIGNAL, so that a guest
		 * that died is an error here and not a SIGPIPE that kills
		 * the command.  The guest's end is a tty (ENOTSOCK): write().
		 */
		ssize_t w = send(c->fd, buf, n, MSG_NOSIGNAL);

		if (w < 0 && errno == ENOTSOCK)
			w = write(c->fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

int vm_chan_printf(struct vm_chan *c, const char *fmt, ...)
{
	char line[VM_LINE + 256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	return vm_chan_write(c, line, (size_t)n);
}

int vm_spawn_wait(char *const argv[], int out_fd, int err_fd)
{
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, 0);
		dup2(out_fd >= 0 ? out_fd : null, 1);
		dup2(err_fd >= 0 ? err_fd : null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

int vm_timeout_ms(void)
{
	const char *s = getenv("HUGERESV_VM_TIMEOUT");
	long v = s ? strtol(s, NULL, 10) : 0;

	return (v > 0 ? (int)v : 120) * 1000;
}

#define KVM_BOOT_SECS 20

/* The host's boot id, "" if unknown. */
static void boot_id(char *buf, size_t len)
{
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");

	buf[0] = '\0';
	if (f) {
		if (!fgets(buf, (int)len, f))
			buf[0] = '\0';
		fclose(f);
	}
	buf[strcspn(buf, "\n")] = '\0';
}

/* The cache's record that KVM failed on this boot of the host. */
static int kvm_marker(char *path, size_t len)
{
	char dir[512], err[256];

	if (vm_cache_dir("", dir, sizeof(dir), err, sizeof(err)))
		return -1;
	return snprintf(path, len, "%s/kvm-broken", dir) < (int)len ? 0 : -1;
}

static void kvm_mark_broken(void)
{
	char path[600], id[64];
	FILE *f;

	boot_id(id, sizeof(id));
	if (kvm_marker(path, sizeof(path)) || !(f = fopen(path, "w")))
		return;
	fprintf(f, "%s\n", id);
	fclose(f);
}

static int kvm_known_broken(void)
{
	char path[600], id[64], rec[64] = "";
	FILE *f;

	if (kvm_marker(path, sizeof(path)) || !(f = fopen(path, "r")))
		return 0;
	if (!fgets(rec, sizeof(rec), f))
		rec[0] = '\0';
	fclose(f);
	rec[strcspn(rec, "\n")] = '\0';
	boot_id(id, sizeof(id));
	return id[0] && !strcmp(id, rec);
}

/* Can this process use KVM?  Opening /dev/kvm is not enough on a host
 * whose KVM is broken, so ask it for its API version too. */
static int kvm_works(void)
{
	const char *force = getenv("HUGERESV_VM_ACCEL");
	int fd, v;

	if (force && *force)
		return !strcmp(force, "kvm");
	if (kvm_known_broken())
		return 0;
	fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return 0;
	v = ioctl(fd, 0xAE00 /* KVM_GET_API_VERSION */, 0);
	close(fd);
	return v == 12;
}

void vm_kill(struct vm_guest *g)
{
	if (g->chan.fd >= 0)
		close(g->chan.fd);
	g->chan.fd = -1;
	g->chan.off = g->chan.len = 0;
	if (g->qemu > 0) {
		kill(g->qemu, SIGKILL);
		while (waitpid(g->qemu, NULL, 0) < 0 && errno == EINTR)
			;
	}
	g->qemu = 0;
}

/* The last line of the console log, for a message about a failed boot. */
static void console_tail(const char *path, char *buf, size_t len)
{
	char line[256];
	FILE *f = fopen(path, "r");

	buf[0] = '\0';
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0])
			snprintf(buf, len, "%.150s", line);
	}
	fclose(f);
}

/* One boot.  Return: 0, -1 (no hello in time, or no qemu), -2 (died). */
static int boot_with(struct vm_guest *g, const struct vm_config *cfg,
		     const char *kernel, const char *initrd, int kvm,
		     int timeout, char *err, size_t errlen)
{
	char sock[300], chardev[400], serial0[320], mem[32], cpus[32];
	char append[256], line[VM_LINE], tail[200];
	int lfd, cfd, r;
	struct sockaddr_un sa;
	struct pollfd p;
	double t0 = now_secs();
	char numa_mem[VM_MAX_NODES][64], numa_node[VM_MAX_NODES][160];
	char *argv[40 + 4 * VM_MAX_NODES];
	int ac = 0;

	if (!g->dir[0]) {
		snprintf(g->dir, sizeof(g->dir), "/tmp/hugeresv-vm.XXXXXX");
		if (!mkdtemp(g->dir)) {
			snprintf(err, errlen, "mkdtemp: %s", strerror(errno));
			g->dir[0] = '\0';
			return -1;
		}
	}
	g->boots++;
	snprintf(sock, sizeof(sock), "%s/chan", g->dir);
	snprintf(g->console, sizeof(g->console), "%s/console-%d.log", g->dir,
		 g->boots);
	unlink(sock);
	lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	if (strlen(sock) >= sizeof(sa.sun_path)) {
		snprintf(err, errlen, "%s: too long for a socket", sock);
		if (lfd >= 0)
			close(lfd);
		return -1;
	}
	memcpy(sa.sun_path, sock, strlen(sock) + 1);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    listen(lfd, 1)) {
		snprintf(err, errlen, "the channel socket %s: %s", sock,
			 strerror(errno));
		if (lfd >= 0)
			close(lfd);
		return -1;
	}
	snprintf(chardev, sizeof(chardev), "socket,id=hrchan,path=%s", sock);
	snprintf(serial0, sizeof(serial0), "file:%s", g->console);
	snprintf(mem, sizeof(mem), "%u", cfg->mem_mib);
	snprintf(cpus, sizeof(cpus), "%u", cfg->cpus);
	/*
	 * quiet: the console is a log nobody reads unless a boot fails, and
	 * an 8250 under TCG prints slowly.  panic=-1 with -no-reboot: a guest
	 * that panics ends qemu at once, so a dead guest is an EOF on the
	 * channel and not a timeout.
	 */
	if (cfg->pages_1g)
		snprintf(append, sizeof(append),
			 "console=ttyS0 quiet panic=-1 init_on_alloc=0 hugepagesz=1G hugepages=%u",
			 cfg->pages_1g);
	else
		snprintf(append, sizeof(append), "console=ttyS0 quiet panic=-1 init_on_alloc=0");
	argv[ac++] = "qemu-system-x86_64";
	argv[ac++] = "-accel";
	argv[ac++] = kvm ? "kvm" : "tcg";
	argv[ac++] = "-cpu";
	argv[ac++] = kvm ? "host" : "max";
	argv[ac++] = "-m";
	argv[ac++] = mem;
	argv[ac++] = "-smp";
	argv[ac++] = cpus;
	/*
	 * NUMA: one memory backend a node, the memory split evenly (the
	 * last node takes the rest), CPU c on node c mod N; a node beyond
	 * the CPUs is memory-only, as on a machine with CXL memory.  The
	 * kernel sees them through ACPI SRAT (CONFIG_ACPI_NUMA, on in
	 * Debian's cloud kernels).
	 */
	if (cfg->nodes > 1) {
		unsigned per = cfg->mem_mib / cfg->nodes, nd, c;

		for (nd = 0; nd < cfg->nodes && nd < VM_MAX_NODES; nd++) {
			unsigned sz = nd + 1 == cfg->nodes ?
				      cfg->mem_mib - per * nd : per;
			int o;

			snprintf(numa_mem[nd], sizeof(numa_mem[nd]),
				 "memory-backend-ram,id=m%u,size=%uM", nd, sz);
			o = snprintf(numa_node[nd], sizeof(numa_node[nd]),
				     "node,nodeid=%u,memdev=m%u", nd, nd);
			for (c = nd; c < cfg->cpus && o > 0 &&
				     (size_t)o < sizeof(numa_node[nd]);
			     c += cfg->nodes)
				o += snprintf(numa_node[nd] + o,
					      sizeof(numa_node[nd]) - (size_t)o,
					      ",cpus=%u", c);
			argv[ac++] = "-object";
			argv[ac++] = numa_mem[nd];
			argv[ac++] = "-numa";
			argv[ac++] = numa_node[nd];
		}
	}
	argv[ac++] = "-nodefaults";
	argv[ac++] = "-no-reboot";
	argv[ac++] = "-display";
	argv[ac++] = "none";
	argv[ac++] = "-serial";
	argv[ac++] = serial0;
	argv[ac++] = "-chardev";
	argv[ac++] = chardev;
	argv[ac++] = "-serial";
	argv[ac++] = "chardev:hrchan";
	argv[ac++] = "-kernel";
	argv[ac++] = (char *)kernel;
	argv[ac++] = "-initrd";
	argv[ac++] = (char *)initrd;
	argv[ac++] = "-append";
	argv[ac++] = append;
	argv[ac] = NULL;

	fflush(NULL);
	g->qemu = fork();
	if (g->qemu < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		g->qemu = 0;
		close(lfd);
		return -1;
	}
	if (g->qemu == 0) {
		char qerr[320];
		int fd, null = open("/dev/null", O_RDWR);

		/* qemu must not outlive the command however it ends */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		snprintf(qerr, sizeof(qerr), "%s/qemu.err", g->dir);
		fd = open(qerr, O_WRONLY | O_CREAT | O_APPEND, 0600);
		dup2(null, 0);
		dup2(null, 1);
		dup2(fd >= 0 ? fd : null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	/* qemu connects as it starts; then the agent says hello. */
	p.fd = lfd;
	p.events = POLLIN;
	do
		r = poll(&p, 1, timeout);
	while (r < 0 && errno == EINTR);
	cfd = r > 0 ? accept4(lfd, NULL, NULL, SOCK_CLOEXEC) : -1;
	close(lfd);
	unlink(sock);
	if (cfd < 0) {
		vm_kill(g);
		snprintf(err, errlen, "qemu did not start (see %s/qemu.err)",
			 g->dir);
		return -1;
	}
	g->chan.fd = cfd;
	g->chan.off = g->chan.len = 0;
	for (;;) {
		int left = timeout - (int)((now_secs() - t0) * 1000);
		int n = vm_chan_getline(&g->chan, line, sizeof(line),
					left > 0 ? left : 0);

		if (n < 0) {
			vm_kill(g);
			console_tail(g->console, tail, sizeof(tail));
			snprintf(err, errlen, "the guest %s (console %s: %s)",
				 n == -2 ? "did not come up in time" : "died booting",
				 g->console, tail[0] ? tail : "empty");
			return n == -2 ? -1 : -2;
		}
		if (!strncmp(line, "H hugeresv-vm ", 14)) {
			if (atoi(line + 14) != VM_PROTO) {
				vm_kill(g);
				snprintf(err, errlen, "the guest's agent speaks "
					 "protocol %d, not %d", atoi(line + 14),
					 VM_PROTO);
				return -1;
			}
			{
				const char *rel = strchr(line + 14, ' ');

				snprintf(g->release, sizeof(g->release), "%s",
					 rel ? rel + 1 : "?");
			}
			break;
		}
		/* anything before the hello (line noise at boot) is ignored */
	}
	g->boot_secs = now_secs() - t0;
	return 0;
}

int vm_boot(struct vm_guest *g, const struct vm_config *cfg,
	    const char *kernel, const char *initrd, char *err, size_t errlen)
{
	const char *bt = getenv("HUGERESV_VM_BOOT_TIMEOUT");
	int timeout = (bt && atoi(bt) > 0 ? atoi(bt) : 120) * 1000;
	const char *force = getenv("HUGERESV_VM_ACCEL");

	if (kvm_works()) {
		if (!boot_with(g, cfg, kernel, initrd, 1,
			       timeout < KVM_BOOT_SECS * 1000 ? timeout :
			       KVM_BOOT_SECS * 1000, err, errlen))
			return 0;
		if (force && !strcmp(force, "kvm"))
			return -1;
		fprintf(stderr, "hugeresv: a KVM guest did not boot (%s); "
			"using TCG\n", err);
		kvm_mark_broken();
	}
	/*
	 * A TCG guest with several CPUs now and then dies early in boot
	 * (seen: 6.12, "Oops: int3" in code being patched with int3 while
	 * another vCPU runs it): boot again, twice at most.
	 */
	for (int attempt = 0;; attempt++) {
		int r = boot_with(g, cfg, kernel, initrd, 0, timeout, err,
				  errlen);

		if (r != -2 || attempt == 2)
			return r ? -1 : 0;
		fprintf(stderr, "hugeresv: %s; booting again\n", err);
	}
}
