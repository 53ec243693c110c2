/* SPDX-License-Identifier: MIT */
/*
 * vm_agent.c - `hugeresv vm ...`: fetch a kernel, build the image, boot
 * a guest once (its boot time), and the agent the guest's /init runs on
 * its second serial port.
 *
 * The agent serves the protocol of vm_int.h with the ordinary kernel
 * back end (kernel_backend_ops) on the guest's own kernel: it parses the
 * scenario text it is sent with the same parser as the host, so step N
 * is the same step on both sides, and answers each request with what
 * the back end returned.  It is the only program of the guest; when the
 * channel ends it powers the guest off.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <termios.h>
#include <unistd.h>

#include "hugeresv.h"
#include "backend/backend.h"
#include "commands.h"
#include "scenario/program.h"
#include "vm/vm.h"
#include "vm/vm_int.h"

/* A message on one line of the protocol. */
static void one_line(char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r')
			*s = ' ';
}

/* The serial port as a plain byte pipe: no echo, no line editing. */
static int open_port(const char *dev)
{
	struct termios t;
	int fd = open(dev, O_RDWR | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (tcgetattr(fd, &t) == 0) {
		cfmakeraw(&t);
		cfsetispeed(&t, B115200);
		cfsetospeed(&t, B115200);
		tcsetattr(fd, TCSANOW, &t);
	}
	return fd;
}

struct agent {
	struct vm_chan *c;
	struct program *prog;
	struct backend be;
	struct snapshot prev, cur;
};

/*
 * P LEN PATH, or U LEN PATH: the same for a program the engine predicts
 * would damage this kernel until reboot (kernel_predict_damage()).  The
 * kernel back end refuses such a program unless HUGERESV_KERNEL_UNSAFE=1,
 * so for a U request, and only while opening that one program, the agent
 * sets it: the host asked for it explicitly and reboots this guest after
 * the file (vm_remote.c), so the damage dies with the guest.
 */
static void do_open(struct agent *A, const char *line)
{
	char path[512], err[1024], *text;
	int unsafe = line[0] == 'U';
	size_t n;
	int off = 0, rc;

	if (sscanf(line + 1, " %zu %n", &n, &off) != 1 || !off ||
	    n > (64u << 20)) {
		vm_chan_printf(A->c, "O 2 bad request\n");
		return;
	}
	snprintf(path, sizeof(path), "%s", line + 1 + off);
	text = malloc(n + 1);
	if (!text || vm_chan_read(A->c, text, n, 60000)) {
		free(text);
		vm_chan_printf(A->c, "O 1 cannot read the scenario\n");
		return;
	}
	text[n] = '\0';
	if (A->prog) {		/* a host that did not close: close now */
		A->be.ops->close(&A->be);
		program_free(A->prog);
		A->prog = NULL;
	}
	err[0] = '\0';
	if (program_parse(path, text, &A->prog, err, sizeof(err))) {
		free(text);
		one_line(err);
		vm_chan_printf(A->c, "O %d %s\n", EXIT_USAGE, err);
		return;
	}
	free(text);
	A->be.ops = &kernel_backend_ops;
	A->be.prog = A->prog;
	A->be.priv = NULL;
	if (unsafe)
		setenv("HUGERESV_KERNEL_UNSAFE", "1", 1);
	rc = A->be.ops->open(&A->be, A->prog, err, sizeof(err));
	if (unsafe)
		unsetenv("HUGERESV_KERNEL_UNSAFE");
	if (rc) {
		program_free(A->prog);
		A->prog = NULL;
		one_line(err);
		vm_chan_printf(A->c, "O %d %s\n", rc, err[0] ? err : "refused");
		return;
	}
	snapshot_clear(&A->prev);
	vm_chan_printf(A->c, "O 0 ok\n");
}

/*
 * Did `sysctl hugepages-1048576kB.nr_hugepages=N` leave fewer than N
 * pages?  (Then the host may replay the file on a fresh guest:
 * vm_remote.c.)
 */
static int gigantic_short(const struct step *st)
{
	static const char key[] = "hugepages-1048576kB.nr_hugepages";
	char buf[32] = "";
	long want, have;
	FILE *f;

	if (st->kind != ST_SYSCTL || strcmp(st->key, key))
		return 0;
	want = strtol(st->value, NULL, 10);
	f = fopen("/sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages",
		  "r");
	if (!f)
		return 0;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	have = strtol(buf, NULL, 10);
	return have < want;
}

static void do_exec(struct agent *A, const char *line)
{
	struct result r = { RES_NONE, 0 };
	char err[1024];
	int i;

	if (!A->prog || sscanf(line, "X %d", &i) != 1 || i < 0 ||
	    i >= A->prog->nsteps) {
		vm_chan_printf(A->c, "E no such step\n");
		return;
	}
	err[0] = '\0';
	if (A->be.ops->exec(&A->be, &A->prog->steps[i], &r, err, sizeof(err))) {
		one_line(err);
		vm_chan_printf(A->c, "E %s\n", err[0] ? err : "the step failed");
		return;
	}
	vm_chan_printf(A->c, "R %d %d%s\n", (int)r.kind, r.err,
		       gigantic_short(&A->prog->steps[i]) ? " short" : "");
}

/* The counters that changed since the last snapshot, and those gone. */
static void do_snapshot(struct agent *A)
{
	struct snapshot t;
	int i;

	if (!A->prog || A->be.ops->snapshot(&A->be, &A->cur)) {
		vm_chan_printf(A->c, "E cannot read the counters\n.\n");
		return;
	}
	for (i = 0; i < A->cur.n; i++) {
		int64_t v;

		if (!snapshot_get(&A->prev, A->cur.v[i].key, &v) ||
		    v != A->cur.v[i].val)
			vm_chan_printf(A->c, "K %lld %s\n",
				       (long long)A->cur.v[i].val,
				       A->cur.v[i].key);
	}
	for (i = 0; i < A->prev.n; i++) {
		int64_t v;

		if (!snapshot_get(&A->cur, A->prev.v[i].key, &v))
			vm_chan_printf(A->c, "D %s\n", A->prev.v[i].key);
	}
	vm_chan_printf(A->c, ".\n");
	t = A->prev;
	A->prev = A->cur;
	A->cur = t;
}

static void do_close(struct agent *A)
{
	if (A->prog) {
		A->be.ops->close(&A->be);
		program_free(A->prog);
		A->prog = NULL;
	}
	/* the back end keeps its state file when it could not restore */
	vm_chan_printf(A->c, "Q %d\n", access("/run/hugeresv/state", F_OK) == 0);
}

/*
 * The engine profile of this guest's kernel, clamped as run/'s
 * kernel_side_version() clamps the host's: the kernel back end predicts
 * damage with the engine (kernel_predict_damage()), and it must predict
 * what the host predicted for this kernel, which chose P or U by it.
 */
static int guest_profile(const char *release)
{
	int k = kernel_parse(release, NULL);

	if (!k || k > HR_KERNEL_LATEST)
		return HR_KERNEL_LATEST;
	return k < HR_KERNEL_OLDEST ? HR_KERNEL_OLDEST : k;
}

int vm_agent(const char *dev)
{
	static struct vm_chan chan;
	struct agent A;
	struct utsname u;
	char line[VM_LINE];

	memset(&A, 0, sizeof(A));
	chan.fd = open_port(dev);
	if (chan.fd < 0) {
		fprintf(stderr, "hugeresv vm agent: %s: %s\n", dev, strerror(errno));
		return EXIT_FAIL;
	}
	A.c = &chan;
	snapshot_init(&A.prev);
	snapshot_init(&A.cur);
	uname(&u);
	engine_set_kernel(guest_profile(u.release));
	vm_chan_printf(&chan, "\nH hugeresv-vm %d %s\n", VM_PROTO, u.release);
	while (vm_chan_getline(&chan, line, sizeof(line), -1) >= 0) {
		switch (line[0]) {
		case 'P':
		case 'U':
			do_open(&A, line);
			break;
		case 'X':
			do_exec(&A, line);
			break;
		case 'S':
			do_snapshot(&A);
			break;
		case 'Q':
			do_close(&A);
			break;
		case 'B':
			goto off;
		case '\0':
			break;
		default:
			vm_chan_printf(&chan, "E unknown request\n");
		}
	}
off:
	if (A.prog) {
		A.be.ops->close(&A.be);
		program_free(A.prog);
	}
	sync();
	if (getpid() == 1)	/* else /init powers off when we return */
		reboot(RB_POWER_OFF);
	return EXIT_OK;
}

static const char vm_usage[] =
	"usage: hugeresv vm fetch KERNEL...\n"
	"       hugeresv vm image\n"
	"       hugeresv vm boot --vm KERNEL [--vm-mem MIB] [--vm-cpus N] [--vm-1g N]\n"
	"\n"
	"Guests for the kernel side of run --kernel, diff and fuzz --kernel\n"
	"(docs/kernel-backend.md).  fetch: the Debian cloud kernel for each\n"
	"KERNEL (6.1, 6.12, a full version), fetched into the cache if it is\n"
	"not there; prints VERSION PATH.  image: build the initramfs; prints\n"
	"its path.  boot: boot a guest, print its release and boot time, and\n"
	"power it off.  (`vm agent DEVICE` is what the guest runs.)\n";

/**
 * vm_main() - `hugeresv vm fetch|image|boot|agent` (usage above).
 * Return: EXIT_OK, EXIT_FAIL, EXIT_USAGE.
 */
int vm_main(int argc, char **argv)
{
	char path[512], ver[200], err[1024];
	int i, rc = EXIT_OK;

	if (argc < 2 || is_help_option(argv[1])) {
		fputs(vm_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (!strcmp(argv[1], "agent")) {
		if (argc != 3)
			return usage_error("vm", "%s", "agent needs a DEVICE");
		return vm_agent(argv[2]);
	}
	if (!strcmp(argv[1], "fetch")) {
		if (argc < 3)
			return usage_error("vm", "%s", "fetch needs a KERNEL");
		for (i = 2; i < argc; i++) {
			if (vm_kernel_path(argv[i], path, sizeof(path), ver,
					   sizeof(ver), err, sizeof(err))) {
				fprintf(stderr, "hugeresv vm: %s\n", err);
				rc = EXIT_FAIL;
				continue;
			}
			printf("%s %s\n", ver, path);
		}
		return rc;
	}
	if (!strcmp(argv[1], "image")) {
		if (vm_initramfs(path, sizeof(path), err, sizeof(err))) {
			fprintf(stderr, "hugeresv vm: %s\n", err);
			return EXIT_FAIL;
		}
		printf("%s\n", path);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "boot")) {
		double secs;

		for (i = 2; i < argc; i++)
			if (!vm_option("vm", argc, argv, &i, &rc))
				return usage_error("vm", "unknown option '%s'",
						   argv[i]);
		if (rc)
			return rc;
		if (!vm_selected())
			return usage_error("vm", "%s", "boot needs --vm KERNEL");
		if (vm_boot_once(&secs, ver, sizeof(ver), err, sizeof(err))) {
			fprintf(stderr, "hugeresv vm: %s\n", err);
			return EXIT_FAIL;
		}
		printf("Linux %s booted in %.2f s\n", ver, secs);
		return EXIT_OK;
	}
	return usage_error("vm", "unknown subcommand '%s'", argv[1]);
}
