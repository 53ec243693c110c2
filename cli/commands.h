/* SPDX-License-Identifier: MIT */
/*
 * commands.h - the subcommands main.c dispatches to, one entry point
 * each.  @argc, @argv are the arguments after the program name: argv[0]
 * is the subcommand's name.  Each returns an EXIT_* status (util.h).
 */
#ifndef HR_COMMANDS_H
#define HR_COMMANDS_H

int diff_main(int argc, char **argv);		/* diff/diff.c */
int fuzz_main(int argc, char **argv);		/* fuzz/fuzz.c */
int bench_main(int argc, char **argv);		/* bench/bench.c */
int lab_main(int argc, char **argv);		/* lab/lab.c */
int replay_main(int argc, char **argv);		/* lab/lab.c */
int capture_main(int argc, char **argv);	/* measure/capture.c */
int calibrate_main(int argc, char **argv);	/* measure/calibrate.c */
int vm_main(int argc, char **argv);		/* vm/vm_agent.c */

#endif /* HR_COMMANDS_H */
