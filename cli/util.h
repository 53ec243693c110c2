/* SPDX-License-Identifier: MIT */
/*
 * util.h - what every part of the command shares (util.c): exit
 * statuses, whole-file reads, sizes, JSON strings, usage errors.  The
 * bottom of cli/: includes nothing of the command.
 */
#ifndef HR_UTIL_H
#define HR_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/** Exit statuses shared by every command. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* an expectation failed / a mismatch */
	EXIT_USAGE = 2,		/* bad input: the scenario or the command line */
	EXIT_REFUSED = 3,	/* the back end cannot run this (not root, ...) */
};

/**
 * read_whole_file() - all of a file (a /proc one too), NUL-terminated;
 * *@len without the NUL.
 * Return: the text to free(), or NULL with errno set.
 */
char *read_whole_file(const char *path, size_t *len);

/**
 * parse_bytes() - a command-line size ("16G", "512M", "4096"), not 0.
 * Return: 0, or -1.
 */
int parse_bytes(const char *s, uint64_t *out);

/**
 * format_size() - a byte count in the scenario language's units.
 *
 * The largest of T, G, M, K that divides @bytes exactly ("4M", "512K",
 * "1536K"); "0" for zero; a count not a multiple of 1 KiB ends in "B".
 * Return: @buf.
 */
char *format_size(uint64_t bytes, char *buf, size_t len);

/** json_string() - write @s as a JSON string literal, quotes included. */
void json_string(FILE *f, const char *s);

/**
 * usage_error() - print "hugeresv CMD: MESSAGE" and where the help is.
 * @cmd: the subcommand, or NULL for hugeresv itself
 * @fmt: a printf format with at most one %s, filled from @arg
 * Return: EXIT_USAGE.
 */
int usage_error(const char *cmd, const char *fmt, const char *arg);

/** is_help_option() - whether @arg is -h or --help (every command's). */
int is_help_option(const char *arg);

/**
 * struct scn_paths - the scenario files a command line names, in order
 * (scn_paths_expand()).
 * @path: @n paths, each to free() (scn_paths_free() does)
 * @n: how many
 */
struct scn_paths {
	char **path;
	int n;
};

/**
 * scn_paths_expand() - the files FILE arguments stand for: a directory
 * is every *.scn file under it, recursively, sorted by path (strcmp: the
 * order `ls` gives those paths in the C locale, and make's $(sort));
 * anything else, '-' and paths that do not exist included, is itself.
 * Arguments keep their order.
 * @cmd: the subcommand, for the message
 * @args: the arguments
 * @nargs: their count
 * @out: the paths (scn_paths_free() after)
 *
 * Return: EXIT_OK; EXIT_USAGE, with a message on stderr, for a directory
 * that holds no .scn file or cannot be read; EXIT_FAIL if out of memory.
 */
int scn_paths_expand(const char *cmd, char *const *args, int nargs,
		     struct scn_paths *out);

/** scn_paths_free() - free what scn_paths_expand() made (and zero it). */
void scn_paths_free(struct scn_paths *sp);

#endif /* HR_UTIL_H */
