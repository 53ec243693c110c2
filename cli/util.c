/* SPDX-License-Identifier: MIT */
/*
 * util.c - the helpers every part of the command shares: reading whole
 * files, sizes on the command line and in the scenario language, JSON
 * strings, and the usage-error message.  The bottom of cli/: it calls
 * nothing else of the command (cli/README.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/**
 * read_whole_file() - all of a file, /proc ones included (their size is
 * not known in advance), NUL-terminated; *@len without the NUL.
 * Return: the text to free(), or NULL with errno set.
 */
char *read_whole_file(const char *path, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	int fd;

	if (!buf)
		return NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(buf);
		return NULL;
	}
	for (;;) {
		ssize_t got;

		if (cap - n < 4096) {
			char *nb = realloc(buf, cap * 2);

			if (!nb) {
				errno = ENOMEM;
				goto fail;
			}
			buf = nb;
			cap *= 2;
		}
		got = read(fd, buf + n, cap - n - 1);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	{
		int saved = errno;

		close(fd);
		free(buf);
		errno = saved;
		return NULL;
	}
}

/**
 * parse_bytes() - a size in bytes on the command line: a number with an
 * optional K, M, G or T suffix, not 0.  Return: 0, or -1.
 */
int parse_bytes(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	unsigned shift = 0;

	if (end == s)
		return -1;
	switch (*end) {
	case 'T': case 't': shift = 40; end++; break;
	case 'G': case 'g': shift = 30; end++; break;
	case 'M': case 'm': shift = 20; end++; break;
	case 'K': case 'k': shift = 10; end++; break;
	default: break;
	}
	if (*end || !v || v > (UINT64_MAX >> shift))
		return -1;
	*out = (uint64_t)v << shift;
	return 0;
}

/** format_size() - bytes in the scenario language's units. */
char *format_size(uint64_t bytes, char *buf, size_t len)
{
	static const char units[] = "TGMK";

	if (!bytes) {
		snprintf(buf, len, "0");
		return buf;
	}
	for (int i = 0; i < 4; i++) {
		uint64_t u = 1ULL << (10 * (4 - i));

		if (bytes % u == 0) {
			snprintf(buf, len, "%" PRIu64 "%c", bytes / u, units[i]);
			return buf;
		}
	}
	snprintf(buf, len, "%" PRIu64 "B", bytes);
	return buf;
}

/** json_string() - @s as a JSON string literal . */
void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

/**
 * usage_error() - the message for a bad command line, and its status.
 * @cmd: the subcommand ("lab", "capture"), or NULL for hugeresv itself
 * @fmt: printf format with at most one %s
 * @arg: what goes in the %s
 *
 * Prints "hugeresv CMD: MESSAGE" and where to look for help on stderr.
 * Return: EXIT_USAGE.
 */
int usage_error(const char *cmd, const char *fmt, const char *arg)
{
	if (cmd)
		fprintf(stderr, "hugeresv %s: ", cmd);
	else
		fputs("hugeresv: ", stderr);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'hugeresv %s%s--help'.\n", cmd ? cmd : "",
		cmd ? " " : "");
	return EXIT_USAGE;
}

/** is_help_option() - -h or --help. */
int is_help_option(const char *arg)
{
	return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}
