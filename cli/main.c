/* SPDX-License-Identifier: MIT */
/*
 * main.c - the hugeresv command: parses the command line, runs `run`
 * and `demo` itself and hands every other subcommand to its room's
 * entry point (commands.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugeresv.h"
#include "backend/backend.h"
#include "commands.h"
#include "run/run.h"
#include "scenario/program.h"
#include "vm/vm.h"

static const char usage_text[] =
	"usage: hugeresv COMMAND [ARGS]\n"
	"       hugeresv help [COMMAND]\n"
	"\n"
	"A userspace model of Linux's huge page reservations, driven by scenario\n"
	"files (docs/scenario-language.md).\n"
	"\n"
	"commands ('hugeresv help COMMAND' or 'hugeresv COMMAND --help' for its\n"
	"options):\n"
	"  run [OPTIONS] FILE...\n"
	"                   run scenario files on the engine (or, with --kernel, on\n"
	"                   the running kernel) and check their expectations\n"
	"  diff FILE...     run on the engine and on the kernel, compare step by step\n"
	"                   (run --kernel, diff, fuzz --kernel: --vm KERNEL for a\n"
	"                   Debian 6.1 or 6.12 kernel in a qemu guest)\n"
	"  vm fetch|image|boot\n"
	"                   the guests' kernels, initramfs and a test boot\n"
	"  bench [OPTIONS] FILE...\n"
	"  bench --faults|--resv-memory [OPTIONS]\n"
	"                   time the files on the engine and on the kernel and print\n"
	"                   the ratio; or the engine's fault rate, or its memory\n"
	"  fuzz [OPTIONS]   random scenarios against the engine's invariants (and,\n"
	"                   with --kernel, against the kernel); failures are shrunk\n"
	"                   to minimal .scn files\n"
	"  lab forkchunk [OPTIONS]\n"
	"                   the THP reservation RFC's test on a 256 GiB machine,\n"
	"                   every policy (docs/lab.md)\n"
	"  lab policies     the named THP and reservation policies\n"
	"  replay [OPTIONS] FOOTPRINT...\n"
	"                   every policy on the footprint of a real program\n"
	"  capture [OPTIONS] PID\n"
	"                   record a process's footprint (docs/footprint.md)\n"
	"  calibrate [OPTIONS]\n"
	"                   measure this machine's cost model (docs/cost-model.md)\n"
	"  demo [--print]   run a built-in scenario verbosely on the engine\n"
	"  help [COMMAND]   print this help, or COMMAND's\n"
	"\n"
	"options:\n"
	"  -h, --help       print this help\n"
	"  --version        print the version\n"
	"\n"
	"exit status: 0 every expectation held, 1 one failed, 2 bad input (a\n"
	"malformed scenario or command line), 3 the back end refused to run it.\n";

static const char run_usage[] =
	"usage: hugeresv run [--kernel [--vm KERNEL] | --engine-kernel VERSION] [-v]\n"
	"                    [--json] [--check] [--] FILE|DIR...\n"
	"\n"
	"Run scenario files (docs/scenario-language.md) on the engine, checking\n"
	"every step's '-> RESULT' and every 'expect' line; '-' reads standard\n"
	"input, a DIR stands for every *.scn file under it, recursively, sorted\n"
	"by path.  Every file is parsed before any of them runs.\n"
	"\n"
	"  --kernel         run on the running Linux kernel instead (root,\n"
	"                   hugetlbfs; docs/kernel-backend.md)\n"
	VM_OPTIONS_HELP
	"  --engine-kernel VERSION\n"
	"                   the engine follows that kernel (6.1 .. 6.18; default\n"
	"                   6.18, or the file's 'machine kernel='): its behaviour\n"
	"                   and its expect[RANGE] lines (docs/kernel-differences.md)\n"
	"  -v, --verbose    print each step and the counters it changed\n"
	"  --json           print the figures and a summary as JSON, a line a file\n"
	"  --check          run the back end's validators after every step\n"
	"  --               what follows is files, even if it starts with '-'\n"
	"  -h, --help       print this help\n"
	"\n"
	"exit status: 0 every expectation held, 1 one failed, 2 bad input (a\n"
	"malformed scenario or command line), 3 the back end refused to run it.\n"
	"With several files, the worst status wins: 2, then 1, then 3.  On the\n"
	"kernel, an expectation of a machine-wide counter the host moved during\n"
	"the run is reported as noisy and not checked (no failure).\n";

static const char demo_usage[] =
	"usage: hugeresv demo [--print]\n"
	"\n"
	"Run a built-in scenario on the engine, step by step with the counters\n"
	"each step changes (as 'hugeresv run -v'): a private mapping split in\n"
	"two keeps its reservation, shared mappings of a hugetlbfs file, a\n"
	"subpool.\n"
	"\n"
	"  --print          print the scenario instead of running it\n"
	"  -h, --help       print this help\n";

static const char help_usage[] =
	"usage: hugeresv help [COMMAND]\n"
	"\n"
	"Print COMMAND's usage and options, as 'hugeresv COMMAND --help' does;\n"
	"without COMMAND, the list of commands ('hugeresv --help').\n"
	"\n"
	"  -h, --help       print this help\n"
	"\n"
	"commands:";

/*
 * The demo: the contract's example (a private mapping split in two keeps
 * its reservation), then shared mappings of a hugetlbfs file, then a
 * subpool.  Every expectation is Linux's behaviour.
 */
static const char demo_text[] =
	"# hugeresv demo: how Linux reserves huge pages, step by step.\n"
	"\n"
	"# 1. A private mapping reserves all its pages at mmap time, and a\n"
	"#    split (unmapping a page in the middle) returns only that page's\n"
	"#    reservation ('hugetlb reservations: fix hugetlb MAP_PRIVATE\n"
	"#    reservations across vma splits').\n"
	"sysctl vm.nr_hugepages=8\n"
	"proc A\n"
	"A: map x 4h anon private hugetlb        -> ok\n"
	"expect meminfo HugePages_Free=8 HugePages_Rsvd=4\n"
	"A: touch x 0 write                      -> ok\n"
	"expect meminfo HugePages_Free=7 HugePages_Rsvd=3\n"
	"A: unmap x 1h..2h                       -> ok\n"
	"expect meminfo HugePages_Rsvd=2\n"
	"A: touch x 2h..4h write                 -> ok\n"
	"expect meminfo HugePages_Free=5 HugePages_Rsvd=0\n"
	"A: exit\n"
	"expect meminfo HugePages_Free=8 HugePages_Rsvd=0\n"
	"\n"
	"# 2. A shared mapping reserves the file's pages once, however many\n"
	"#    processes map them; the pages outlive the mappings, in the file.\n"
	"mount fs\n"
	"file f mount=fs\n"
	"proc B\n"
	"B: map s 2h file=f shared               -> ok\n"
	"expect meminfo HugePages_Free=8 HugePages_Rsvd=2\n"
	"B: fork C\n"
	"C: touch s all write                    -> ok\n"
	"expect meminfo HugePages_Free=6 HugePages_Rsvd=0\n"
	"show\n"
	"B: exit\n"
	"C: exit\n"
	"expect meminfo HugePages_Free=6 HugePages_Rsvd=0\n"
	"unlink f\n"
	"expect meminfo HugePages_Free=8 HugePages_Rsvd=0\n"
	"\n"
	"# 3. A subpool: min_size is reserved at mount time and lent to the\n"
	"#    files on it; size caps what they may use.\n"
	"mount small size=4h min_size=2h\n"
	"expect meminfo HugePages_Rsvd=2\n"
	"file g mount=small\n"
	"proc D\n"
	"D: map a 2h file=g shared               -> ok\n"
	"expect meminfo HugePages_Rsvd=2\n"
	"D: map b 2h file=g offset=2h shared     -> ok\n"
	"expect meminfo HugePages_Rsvd=4\n"
	"D: map c 1h file=g offset=4h shared     -> ENOMEM\n"
	"D: touch a all write                    -> ok\n"
	"expect meminfo HugePages_Free=6 HugePages_Rsvd=2\n"
	"D: exit\n"
	"expect meminfo HugePages_Free=6 HugePages_Rsvd=2\n"
	"unlink g\n"
	"expect meminfo HugePages_Free=8 HugePages_Rsvd=2\n";

/* Fold one file's status into the run's: 2 beats 1 beats 3 beats 0. */
static int worse(int a, int b)
{
	static const int rank[] = { [EXIT_OK] = 0, [EXIT_FAIL] = 2,
				    [EXIT_USAGE] = 3, [EXIT_REFUSED] = 1 };

	if (a < 0 || a > EXIT_REFUSED)
		return a;
	if (b < 0 || b > EXIT_REFUSED)
		return b;
	return rank[b] > rank[a] ? b : a;
}

static int cmd_run(int argc, char **argv)
{
	const struct backend_ops *ops = &engine_backend_ops;
	struct run_opts o = { 0, 0, 0 };
	struct scn_paths sp;
	struct program **progs;
	int nfiles = 0, status = EXIT_OK, dashdash = 0, kernel = 0;
	char err[1024];

	progs = calloc((size_t)argc + 1, sizeof(*progs));
	if (!progs)
		return EXIT_FAIL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!dashdash && a[0] == '-' && a[1]) {
			if (!strcmp(a, "--"))
				dashdash = 1;
			else if (is_help_option(a)) {
				free(progs);
				fputs(run_usage, stdout);
				return EXIT_OK;
			} else if (!strcmp(a, "--kernel"))
				kernel = 1;
			else if (!strcmp(a, "-v") || !strcmp(a, "--verbose"))
				o.verbose = 1;
			else if (!strcmp(a, "--json"))
				o.json = 1;
			else if (!strcmp(a, "--check"))
				o.check = 1;
			else if (!strcmp(a, "--engine-kernel")) {
				int k = i + 1 < argc ? kernel_parse(argv[i + 1], NULL) : 0;

				if (k < HR_KERNEL_OLDEST || k > HR_KERNEL_LATEST) {
					free(progs);
					return usage_error("run", "%s", "--engine-kernel takes a version from 6.1 to 6.18");
				}
				engine_set_kernel(k);
				i++;
			} else if (vm_option("run", argc, argv, &i, &status)) {
				if (status) {
					free(progs);
					return status;
				}
			} else {
				free(progs);
				return usage_error("run", "unknown option '%s'", a);
			}
			continue;
		}
		argv[1 + nfiles++] = argv[i];
	}
	if (!nfiles) {
		free(progs);
		return usage_error("run", "%s", "needs at least one FILE");
	}
	if (vm_selected() && !kernel) {
		free(progs);
		return usage_error("run", "%s", "--vm needs --kernel");
	}
	/* a directory is its *.scn files, recursively, sorted by path */
	status = scn_paths_expand("run", argv + 1, nfiles, &sp);
	if (status) {
		free(progs);
		return status;
	}
	nfiles = sp.n;
	if (nfiles > argc) {
		struct program **more = realloc(progs, (size_t)(nfiles + 1) *
						sizeof(*progs));

		if (!more) {
			scn_paths_free(&sp);
			free(progs);
			return EXIT_FAIL;
		}
		progs = more;
	}
	memset(progs, 0, (size_t)(nfiles + 1) * sizeof(*progs));
	if (kernel) {
		ops = vm_kernel_ops();
		/*
		 * The engine only predicts damage here (kernel_predict_damage()):
		 * with the profile of the kernel that would take it.
		 */
		engine_set_kernel(kernel_side_version());
	}
	/* Every file is parsed before anything runs. */
	for (int i = 0; i < nfiles; i++) {
		if (program_load(sp.path[i], &progs[i], err, sizeof(err)) == 0)
			continue;
		fprintf(stderr, "%s\n", err);
		if (o.json) {
			printf("{\"file\":");
			json_string(stdout, sp.path[i]);
			printf(",\"error\":");
			json_string(stdout, err);
			printf(",\"status\":%d}\n", EXIT_USAGE);
		}
		status = EXIT_USAGE;
	}
	for (int i = 0; i < nfiles && status != EXIT_USAGE; i++)
		status = worse(status, run_program(progs[i], ops, &o));
	for (int i = 0; i < nfiles; i++)
		program_free(progs[i]);
	free(progs);
	scn_paths_free(&sp);
	return status;
}

static int cmd_demo(int argc, char **argv)
{
	struct run_opts o = { 1, 0, 0 };
	struct program *prog;
	char err[1024];
	int rc;

	for (int i = 1; i < argc; i++)
		if (is_help_option(argv[i])) {
			fputs(demo_usage, stdout);
			return EXIT_OK;
		}
	if (argc > 1 && strcmp(argv[1], "--print"))
		return usage_error("demo", argv[1][0] == '-' ?
				   "unknown option '%s'" :
				   "unexpected argument '%s'", argv[1]);
	if (argc > 2)
		return usage_error("demo", "unexpected argument '%s'", argv[2]);
	if (argc == 2) {
		fputs(demo_text, stdout);
		return EXIT_OK;
	}
	if (program_parse("demo", demo_text, &prog, err, sizeof(err))) {
		fprintf(stderr, "hugeresv: the built-in demo is malformed: %s\n", err);
		return EXIT_FAIL;
	}
	rc = run_program(prog, &engine_backend_ops, &o);
	program_free(prog);
	return rc;
}

static int cmd_help(int argc, char **argv);

/* Every subcommand: `hugeresv NAME ...` and `hugeresv help NAME`. */
static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {
	{ "run", cmd_run },
	{ "diff", diff_main },
	{ "bench", bench_main },
	{ "fuzz", fuzz_main },
	{ "lab", lab_main },
	{ "replay", replay_main },
	{ "capture", capture_main },
	{ "calibrate", calibrate_main },
	{ "vm", vm_main },
	{ "demo", cmd_demo },
	{ "help", cmd_help },
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/*
 * `hugeresv help CMD` is `hugeresv CMD --help`: each command's usage
 * text lives with its option parser, in one place, and help only asks
 * for it.
 */
static int cmd_help(int argc, char **argv)
{
	const struct command *c;
	char opt[] = "--help";
	char *av[3];

	if (argc < 2) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (is_help_option(argv[1])) {
		fputs(help_usage, stdout);
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			printf(" %s", commands[i].name);
		printf("\n");
		return EXIT_OK;
	}
	if (argv[1][0] == '-')
		return usage_error("help", "unknown option '%s'", argv[1]);
	if (argc > 2)
		return usage_error("help", "unexpected argument '%s'", argv[2]);
	c = find_command(argv[1]);
	if (!c)
		return usage_error("help", "no command '%s'", argv[1]);
	av[0] = argv[1];
	av[1] = opt;
	av[2] = NULL;
	return c->fn(2, av);
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;
	const struct command *c;

	if (!cmd) {
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	if (is_help_option(cmd)) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "--version")) {
		printf("hugeresv %s\n", hr_version());
		return EXIT_OK;
	}
	c = find_command(cmd);
	if (c)
		return c->fn(argc - 1, argv + 1);
	if (cmd[0] == '-')
		return usage_error(NULL, "unknown option '%s'", cmd);
	return usage_error(NULL, "unknown command '%s'", cmd);
}
