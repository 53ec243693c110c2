/* SPDX-License-Identifier: MIT */
/*
 * vm_remote.c - the remote kernel back end: struct backend_ops carried
 * out by the ordinary kernel back end inside a qemu guest, one request a
 * step over the guest's second serial port (the protocol: vm_int.h).
 *
 * The guest parses the same scenario text (prog->source) with the same
 * parser, so a step is named by its index and both sides agree on every
 * field of it; nothing of struct step travels.  Snapshots travel as
 * changes since the previous one (a few keys a step instead of a few
 * hundred): the host keeps the whole snapshot and applies them.
 *
 * One guest serves every file of the command, booted at the first open.
 * It is rebooted before the next file
 *  - when the guest's kernel back end could not put the guest back (the
 *    state file is left: the same "pools in use until reboot" Linux
 *    states as on a host, docs/kernel-backend.md), reported at close;
 *  - when the guest died or did not answer a request within
 *    $HUGERESV_VM_TIMEOUT s (default 120; the step fails, the file ends
 *    as a back end failure, qemu is killed);
 *  - when open() is refused by a guest that has run files before (a
 *    leftover of those): rebooted and asked once more;
 *  - before a file that uses 1 GiB pages, unless no file ran since the
 *    boot of a guest booted for one: such a guest boots with its
 *    gigantic pages reserved (hugepagesz=1G hugepages=N, --vm-1g), the
 *    kernel back end frees them to start from empty pools, and only a
 *    guest that has done little else since reassembles them all (after a
 *    few files a guest of 8 GiB makes 1 or 2 of 3, and diff skips the
 *    file as "fragmented memory"), and when such a file's 1 GiB pool
 *    still comes up short, it is replayed up to there on a fresh guest
 *    (rm_exec());
 *  - before any other file, if the guest was booted for 1 GiB pages: its
 *    back end's close puts the boot's N pages back, which takes seconds
 *    of compaction under TCG and may fail (a dirty close, another reboot).
 *  - after a file the engine predicts would damage the kernel until
 *    reboot (kernel_damage_predicted(): docs/kernel-differences.md 2.13,
 *    4.3, 4.4): the host's kernel back end refuses such a file, but a
 *    guest's damage ends with the guest, so it is sent as unsafe (U, not
 *    P: the agent lets its back end run it) to the current guest, which
 *    a clean close leaves as good as a fresh one, and that guest is
 *    powered off at its close whatever the close says, so the next file
 *    gets a fresh one.
 * A refusal from a freshly booted guest is about the program (a knob or
 * page size that kernel lacks): vm_refusal_is_per_file().
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vm/vm.h"
#include "vm/vm_int.h"
#include "hugeresv.h"

static struct vm_config cfg = { NULL, 8192, 2, 3, 0 };
static struct vm_guest guest = { .chan = { .fd = -1 } };
static char kernel_path[512], kernel_version[200], initrd_path[512];
static int resolved, files_since_boot, per_file_refusal, keep_dir, booted_1g;
static int unsafe_files;	/* unsafe programs opened in guests */

/* "--name VALUE" or "--name=VALUE" at argv[*i]: the value, or NULL. */
static const char *opt_value(const char *name, int argc, char **argv, int *i,
			     int *is)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	*is = 0;
	if (strncmp(a, name, n) || (a[n] != '\0' && a[n] != '='))
		return NULL;
	*is = 1;
	if (a[n] == '=')
		return a + n + 1;
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static int parse_uint(const char *cmd, const char *opt, const char *v,
		      unsigned lo, unsigned hi, unsigned *out, int *rc)
{
	char *end;
	unsigned long x;

	errno = 0;
	x = v ? strtoul(v, &end, 10) : 0;
	if (!v || end == v || *end || errno || x < lo || x > hi) {
		char msg[120];

		snprintf(msg, sizeof(msg), "needs a number from %u to %u", lo, hi);
		fprintf(stderr, "hugeresv %s: %s %s\n", cmd, opt, msg);
		*rc = usage_error(cmd, "%s: bad value", opt);
		return 1;
	}
	*out = (unsigned)x;
	return 1;
}

int vm_option(const char *cmd, int argc, char **argv, int *i, int *rc)
{
	const char *v;
	int is;

	v = opt_value("--vm", argc, argv, i, &is);
	if (is) {
		if (!v || !*v)
			*rc = usage_error(cmd, "%s", "--vm needs a KERNEL");
		cfg.kernel = v;
		return 1;
	}
	v = opt_value("--vm-mem", argc, argv, i, &is);
	if (is)
		return parse_uint(cmd, "--vm-mem", v, 256, 1u << 20,
				  &cfg.mem_mib, rc);
	v = opt_value("--vm-cpus", argc, argv, i, &is);
	if (is)
		return parse_uint(cmd, "--vm-cpus", v, 1, 64, &cfg.cpus, rc);
	v = opt_value("--vm-1g", argc, argv, i, &is);
	if (is)
		return parse_uint(cmd, "--vm-1g", v, 0, 64, &cfg.pages_1g, rc);
	v = opt_value("--vm-nodes", argc, argv, i, &is);
	if (is)
		return parse_uint(cmd, "--vm-nodes", v, 1, HR_MAX_NODES,
				  &cfg.nodes, rc);
	return 0;
}

int vm_selected(void)
{
	return cfg.kernel != NULL;
}

unsigned vm_nodes(void)
{
	return cfg.nodes;
}

const char *vm_kernel_spec(void)
{
	return cfg.kernel;
}

int vm_refusal_is_per_file(void)
{
	return per_file_refusal;
}

int vm_unsafe_files(void)
{
	return unsafe_files;
}

/* At exit: power the guest off (it holds nothing worth a clean shutdown). */
static void vm_atexit(void)
{
	if (guest.qemu > 0 && guest.chan.fd >= 0)
		vm_chan_printf(&guest.chan, "B\n");
	vm_kill(&guest);
	if (guest.dir[0] && !keep_dir) {
		char *rm[] = { "rm", "-rf", guest.dir, NULL };

		vm_spawn_wait(rm, -1, -1);
	}
}

int vm_prepare(char *err, size_t errlen)
{
	if (resolved)
		return 0;
	if (vm_kernel_path(cfg.kernel, kernel_path, sizeof(kernel_path),
			   kernel_version, sizeof(kernel_version), err, errlen) ||
	    vm_initramfs(initrd_path, sizeof(initrd_path), err, errlen))
		return -1;
	resolved = 1;
	atexit(vm_atexit);
	return 0;
}

/* @a, then @b, then "-@n.log" if @n > 0, into @buf: no snprintf (AS-safe). */
static void as_path(char *buf, size_t len, const char *a, const char *b, int n)
{
	char num[16];
	size_t at = 0;
	int d = 0;

	for (; *a && at + 1 < len; a++)
		buf[at++] = *a;
	for (; *b && at + 1 < len; b++)
		buf[at++] = *b;
	if (n > 0) {
		for (; n && d < (int)sizeof(num); n /= 10)
			num[d++] = (char)('0' + n % 10);
		if (at + 1 < len)
			buf[at++] = '-';
		while (d && at + 1 < len)
			buf[at++] = num[--d];
		for (a = ".log"; *a && at + 1 < len; a++)
			buf[at++] = *a;
	}
	buf[at] = '\0';
}

void vm_abort(void)
{
	char path[sizeof(guest.dir) + 32];

	if (guest.qemu > 0) {
		kill(guest.qemu, SIGKILL);
		while (waitpid(guest.qemu, NULL, 0) < 0 && errno == EINTR)
			;
	}
	/* what boot_with() (vm_qemu.c) puts there, but a kept log */
	if (!guest.dir[0] || keep_dir)
		return;
	as_path(path, sizeof(path), guest.dir, "/chan", 0);
	unlink(path);
	as_path(path, sizeof(path), guest.dir, "/qemu.err", 0);
	unlink(path);
	for (int i = 1; i <= guest.boots; i++) {
		as_path(path, sizeof(path), guest.dir, "/console", i);
		unlink(path);
	}
	rmdir(guest.dir);
}

/*
 * Boot a guest if none runs; with @gigantic, one whose kernel command line
 * reserves the 1 GiB pages (--vm-1g).  Return: 0, or -1 with @err.
 */
static int guest_up(int gigantic, unsigned nodes, char *err, size_t errlen)
{
	struct vm_config c = cfg;

	if (guest.qemu > 0)
		return 0;
	if (!gigantic)
		c.pages_1g = 0;
	c.nodes = nodes;
	if (vm_prepare(err, errlen))
		return -1;
	if (vm_boot(&guest, &c, kernel_path, initrd_path, err, errlen)) {
		keep_dir = 1;
		return -1;
	}
	if (getenv("HUGERESV_VM_VERBOSE"))
		fprintf(stderr, "hugeresv: guest %d up: Linux %s in %.2f s\n",
			guest.boots, guest.release, guest.boot_secs);
	files_since_boot = 0;
	booted_1g = c.pages_1g > 0;
	guest.nodes = nodes;
	return 0;
}

/* The guest did not answer or died: say so, and kill it. */
static void guest_lost(int r, const char *what, char *err, size_t errlen)
{
	keep_dir = 1;
	if (r == -2)
		snprintf(err, errlen, "the guest (Linux %s) did not answer %s "
			 "within %d s (HUGERESV_VM_TIMEOUT; console: %s)",
			 guest.release, what, vm_timeout_ms() / 1000,
			 guest.console);
	else
		snprintf(err, errlen, "the guest (Linux %s) died during %s "
			 "(console: %s)", guest.release, what, guest.console);
	vm_kill(&guest);
}

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Reply line for a request; -1/-2 and the guest is gone.  With
 * HUGERESV_VM_TRACE set, each reply's line and how long it took go to
 * stderr (where the time of a guest goes: docs/kernel-backend.md).
 */
static int reply(char *line, size_t len, const char *what, char *err,
		 size_t errlen)
{
	static int trace = -1;
	double t0 = mono();
	int r = vm_chan_getline(&guest.chan, line, len, vm_timeout_ms());

	if (trace < 0)
		trace = getenv("HUGERESV_VM_TRACE") != NULL;
	if (trace && r >= 0 && line[0] != 'K' && line[0] != 'D')
		fprintf(stderr, "vm: %-10s %7.3f s  %.60s\n", what,
			mono() - t0, line);
	if (r < 0)
		guest_lost(r, what, err, errlen);
	return r;
}

/* Does @prog use 1 GiB pages (a pool, a mapping, a mount, a segment)? */
struct remote {
	struct snapshot mirror;	/* the guest's last snapshot */
	int replays;		/* fresh guests for its 1 GiB pages */
	int unsafe;		/* sent as U: the guest goes at close */
};

/* P (or U, @unsafe: see the top of this file) and the open's reply. */
static int send_program(const struct program *prog, int unsafe, char *err,
			size_t errlen)
{
	char line[VM_LINE];
	size_t n = strlen(prog->source);
	int rc;

	if (vm_chan_printf(&guest.chan, "%c %zu %s\n", unsafe ? 'U' : 'P', n,
			   prog->path) ||
	    vm_chan_write(&guest.chan, prog->source, n)) {
		guest_lost(-1, "open", err, errlen);
		return EXIT_FAIL;
	}
	if (reply(line, sizeof(line), "open", err, errlen) < 0)
		return EXIT_FAIL;
	if (line[0] != 'O' || sscanf(line, "O %d", &rc) != 1) {
		snprintf(err, errlen, "the guest's agent said '%s'", line);
		vm_kill(&guest);
		return EXIT_FAIL;
	}
	if (rc) {
		const char *m = strchr(line + 2, ' ');

		snprintf(err, errlen, "%s", m ? m + 1 : "refused");
	}
	return rc;
}

static int rm_open(struct backend *be, const struct program *prog, char *err,
		   size_t errlen)
{
	struct remote *r;
	int rc, attempt, gigantic, unsafe;
	unsigned nodes;

	per_file_refusal = 0;
	if (!prog->source) {
		snprintf(err, errlen, "the program has no source text to send "
			 "to the guest");
		return EXIT_FAIL;
	}
	gigantic = program_uses_gigantic(prog) && cfg.pages_1g;
	/* with the engine profile run/, diff/ and fuzz/ set: the guest's */
	unsafe = kernel_damage_predicted(prog);
	nodes = cfg.nodes ? cfg.nodes :
		(unsigned)(prog->nodes ? prog->nodes : 1);
	if (guest.qemu > 0 && (guest.nodes != nodes ||
			       (gigantic ? files_since_boot || !booted_1g :
					   booted_1g))) {
		vm_chan_printf(&guest.chan, "B\n");
		vm_kill(&guest);
	}
	for (attempt = 0;; attempt++) {
		if (guest_up(gigantic, nodes, err, errlen))
			return EXIT_REFUSED;
		rc = send_program(prog, unsafe, err, errlen);
		if (rc != EXIT_REFUSED || attempt || files_since_boot == 0)
			break;
		/* a leftover of an earlier file: a fresh guest, once */
		vm_chan_printf(&guest.chan, "B\n");
		vm_kill(&guest);
	}
	if (rc == EXIT_REFUSED)
		per_file_refusal = files_since_boot == 0;
	if (rc)
		return rc;
	files_since_boot++;
	r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, errlen, "out of memory");
		vm_chan_printf(&guest.chan, "Q\n");
		vm_chan_printf(&guest.chan, "B\n");
		vm_kill(&guest);
		return EXIT_FAIL;
	}
	snapshot_init(&r->mirror);
	r->unsafe = unsafe;
	unsafe_files += unsafe;
	be->prog = prog;
	be->priv = r;
	return 0;
}

/*
 * One step: X STEP, R KIND ERR [short].  Return: 0 with @out (and
 * *@short_1g: the agent found the 1 GiB pool smaller than the step
 * asked), -1 with @err.
 */
static int exec_one(int idx, struct result *out, int *short_1g, char *err,
		    size_t errlen)
{
	char line[VM_LINE];
	int kind, e, off = 0;

	*short_1g = 0;
	if (guest.qemu <= 0) {
		snprintf(err, errlen, "the guest is gone");
		return -1;
	}
	if (vm_chan_printf(&guest.chan, "X %d\n", idx)) {
		guest_lost(-1, "a step", err, errlen);
		return -1;
	}
	if (reply(line, sizeof(line), "a step", err, errlen) < 0)
		return -1;
	if (line[0] == 'R' && sscanf(line, "R %d %d%n", &kind, &e, &off) == 2) {
		out->kind = (enum result_kind)kind;
		out->err = e;
		*short_1g = !strcmp(line + off, " short");
		return 0;
	}
	snprintf(err, errlen, "%s", line[0] == 'E' && line[1] ? line + 2 : line);
	return -1;
}

/* How often a file is replayed on a fresh guest for its 1 GiB pages. */
#define GIGANTIC_RETRIES 2

static int rm_exec(struct backend *be, const struct step *st,
		   struct result *out, char *err, size_t errlen)
{
	struct remote *r = be->priv;
	int idx = (int)(st - be->prog->steps), short_1g, i;
	unsigned nodes;

	if (exec_one(idx, out, &short_1g, err, errlen))
		return -1;
	/*
	 * The 1 GiB pool came up short: whether a guest gets its boot's
	 * gigantic pages back varies from boot to boot, so replay the file
	 * up to here on a fresh guest (the steps before it are the same
	 * system calls on a guest in the same state; their outcomes were
	 * reported already and are not again), a few times, before letting
	 * diff call it fragmented memory.
	 */
	while (short_1g && booted_1g && r->replays < GIGANTIC_RETRIES) {
		r->replays++;
		if (getenv("HUGERESV_VM_VERBOSE"))
			fprintf(stderr, "hugeresv: %s:%d: the 1 GiB pool came up "
				"short: replaying on a fresh guest\n",
				be->prog->path, st->line);
		vm_chan_printf(&guest.chan, "B\n");
		nodes = guest.nodes;
		vm_kill(&guest);
		if (guest_up(1, nodes, err, errlen))
			return -1;
		if (send_program(be->prog, r->unsafe, err, errlen)) {
			vm_kill(&guest);
			return -1;
		}
		files_since_boot++;
		snapshot_clear(&r->mirror);
		for (i = 0; i <= idx; i++) {
			const struct step *s = &be->prog->steps[i];

			if (s->kind == ST_EXPECT || s->kind == ST_SHOW)
				continue;
			if (exec_one(i, out, &short_1g, err, errlen))
				return -1;
		}
	}
	return 0;
}

/* Drop the keys listed in @del (n of them) from @s, keeping the order. */
static int drop_keys(struct snapshot *s, char (*del)[160], int n)
{
	struct snapshot t;
	int i, j, rc = 0;

	snapshot_init(&t);
	for (i = 0; i < s->n && !rc; i++) {
		for (j = 0; j < n; j++)
			if (!strcmp(s->v[i].key, del[j]))
				break;
		if (j == n)
			rc = snapshot_set(&t, s->v[i].key, s->v[i].val);
	}
	snapshot_free(s);
	*s = t;
	return rc ? -1 : 0;
}

static int rm_snapshot(struct backend *be, struct snapshot *snap)
{
	struct remote *r = be->priv;
	char line[VM_LINE], err[512];
	char (*del)[160] = NULL;
	int ndel = 0, cap = 0, rc = 0, i;

	snapshot_clear(snap);
	if (guest.qemu <= 0 || vm_chan_printf(&guest.chan, "S\n"))
		return -1;
	for (;;) {
		long long v;
		int off = 0;

		if (reply(line, sizeof(line), "a snapshot", err, sizeof(err)) < 0) {
			fprintf(stderr, "hugeresv: %s\n", err);
			free(del);
			return -1;
		}
		if (!strcmp(line, "."))
			break;
		if (line[0] == 'K' && sscanf(line, "K %lld %n", &v, &off) == 1 &&
		    off) {
			rc |= snapshot_set(&r->mirror, line + off, (int64_t)v);
		} else if (line[0] == 'D' && line[1] == ' ') {
			if (ndel == cap) {
				void *p = realloc(del, (size_t)(cap = cap * 2 + 8) *
						  sizeof(*del));

				if (!p) {
					rc = -1;
					continue;
				}
				del = p;
			}
			snprintf(del[ndel++], sizeof(del[0]), "%.159s", line + 2);
		} else {
			/* E MESSAGE: the guest could not read its counters */
			rc = -1;
		}
	}
	if (!rc && ndel)
		rc = drop_keys(&r->mirror, del, ndel);
	free(del);
	for (i = 0; i < r->mirror.n && !rc; i++)
		rc = snapshot_set(snap, r->mirror.v[i].key, r->mirror.v[i].val);
	return rc ? -1 : 0;
}

static void rm_close(struct backend *be)
{
	struct remote *r = be->priv;
	char line[VM_LINE], err[512];
	int dirty = 1;

	if (guest.qemu > 0 && !vm_chan_printf(&guest.chan, "Q\n") &&
	    reply(line, sizeof(line), "close", err, sizeof(err)) >= 0 &&
	    sscanf(line, "Q %d", &dirty) == 1 && dirty) {
		/* the guest kernel keeps what its back end could not undo */
		if (getenv("HUGERESV_VM_VERBOSE"))
			fprintf(stderr, "hugeresv: %s left the guest unclean: "
				"rebooting it\n", be->prog->path);
	}
	if (r && r->unsafe && !dirty && getenv("HUGERESV_VM_VERBOSE"))
		fprintf(stderr, "hugeresv: %s was run as unsafe: rebooting the "
			"guest\n", be->prog->path);
	/* an unsafe file's damage outlives any close: this guest goes */
	if ((dirty || (r && r->unsafe)) && guest.qemu > 0) {
		vm_chan_printf(&guest.chan, "B\n");
		vm_kill(&guest);
	}
	if (r) {
		snapshot_free(&r->mirror);
		free(r);
	}
	be->priv = NULL;
}

/*
 * The same name as the kernel back end's: run's JSON and messages read
 * exactly as on a host, and the kernel side is still a kernel.
 */
static const struct backend_ops vm_remote_ops = {
	.name = "kernel",
	.open = rm_open,
	.exec = rm_exec,
	.snapshot = rm_snapshot,
	.get = NULL,
	.check = NULL,
	.close = rm_close,
};

const struct backend_ops *vm_kernel_ops(void)
{
	return cfg.kernel ? &vm_remote_ops : &kernel_backend_ops;
}

int vm_boot_once(double *secs, char *release, size_t rlen, char *err,
		 size_t errlen)
{
	if (guest_up(0, cfg.nodes ? cfg.nodes : 1, err, errlen))
		return -1;
	*secs = guest.boot_secs;
	snprintf(release, rlen, "%s", guest.release);
	vm_chan_printf(&guest.chan, "B\n");
	vm_kill(&guest);
	return 0;
}
