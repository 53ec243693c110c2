/* SPDX-License-Identifier: MIT */
/*
 * util.c - the helpers every part of the command shares: reading whole
 * files, sizes on the command line and in the scenario language, JSON
 * strings, the usage-error message, and the scenario files a list of
 * FILE arguments names (directories expanded).  The bottom of cli/: it calls
 * nothing else of the command (cli/README.md).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* ------------------------------------------------------------------ */
/* Scenario files named on the command line                            */

/* Append a copy of @path to @sp.  Return: 0, or -1 (out of memory). */
static int scn_paths_add(struct scn_paths *sp, int *cap, const char *path)
{
	char *dup;

	if (sp->n == *cap) {
		int ncap = *cap ? *cap * 2 : 64;
		char **np = realloc(sp->path, (size_t)ncap * sizeof(*np));

		if (!np)
			return -1;
		sp->path = np;
		*cap = ncap;
	}
	dup = strdup(path);
	if (!dup)
		return -1;
	sp->path[sp->n++] = dup;
	return 0;
}

static int ends_with_scn(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcmp(name + n - 4, ".scn");
}

/*
 * Every *.scn under directory @dir, appended to @sp unsorted.  Like
 * find(1), which the Makefile's corpus list uses: entries whose names
 * begin with '.' are looked at too, and a symbolic link to a directory
 * is not followed (no loops); one to a file counts like the file.
 * Return: 0, or -errno (@bad: the path that failed), -ENOMEM.
 */
static int scn_walk(const char *dir, struct scn_paths *sp, int *cap,
		    char *bad, size_t badlen)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t dl = strlen(dir);
	int rc = 0;

	if (!d) {
		rc = -errno;
		snprintf(bad, badlen, "%s", dir);
		return rc;
	}
	while (!rc && (de = readdir(d))) {
		struct stat st;
		char *path;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		path = malloc(dl + strlen(de->d_name) + 2);
		if (!path) {
			rc = -ENOMEM;
			break;
		}
		/* "scenarios/" and "scenarios" give the same paths */
		sprintf(path, "%s%s%s", dir,
			dl && dir[dl - 1] == '/' ? "" : "/", de->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			rc = scn_walk(path, sp, cap, bad, badlen);
		else if (ends_with_scn(de->d_name) &&
			 !(stat(path, &st) == 0 && S_ISDIR(st.st_mode)) &&
			 scn_paths_add(sp, cap, path))
			rc = -ENOMEM;
		free(path);
	}
	closedir(d);
	return rc;
}

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int scn_paths_expand(const char *cmd, char *const *args, int nargs,
		     struct scn_paths *out)
{
	int cap = 0, i;

	out->path = NULL;
	out->n = 0;
	for (i = 0; i < nargs; i++) {
		struct stat st;
		char bad[4096];
		int first = out->n, rc;

		/* '-' is standard input, whatever a file of that name is */
		if (strcmp(args[i], "-") && stat(args[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			bad[0] = '\0';
			rc = scn_walk(args[i], out, &cap, bad, sizeof(bad));
			if (rc == -ENOMEM)
				goto oom;
			if (rc < 0) {
				fprintf(stderr, "hugeresv %s: %s: %s\n", cmd, bad,
					strerror(-rc));
				scn_paths_free(out);
				return EXIT_USAGE;
			}
			if (out->n == first) {
				fprintf(stderr, "hugeresv %s: %s: a directory "
					"with no .scn file in it or below\n",
					cmd, args[i]);
				scn_paths_free(out);
				return EXIT_USAGE;
			}
			qsort(out->path + first, (size_t)(out->n - first),
			      sizeof(*out->path), path_cmp);
			continue;
		}
		if (scn_paths_add(out, &cap, args[i]))
			goto oom;
	}
	return EXIT_OK;
oom:
	fprintf(stderr, "hugeresv %s: out of memory\n", cmd);
	scn_paths_free(out);
	return EXIT_FAIL;
}

void scn_paths_free(struct scn_paths *sp)
{
	int i;

	for (i = 0; i < sp->n; i++)
		free(sp->path[i]);
	free(sp->path);
	sp->path = NULL;
	sp->n = 0;
}
