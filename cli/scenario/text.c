/* SPDX-License-Identifier: MIT */
/*
 * text.c - scenarios written by programs, as lines (text.h): the fuzzer's
 * generator and shrinker, and the lab's scaled kernel test, build their
 * scenarios here and hand the text to the real parser.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/text.h"

int scn_text_add(struct scn_text *p, const char *line)
{
	char *copy;

	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 64;
		char **nl = realloc(p->line, (size_t)cap * sizeof(*nl));

		if (!nl)
			return -ENOMEM;
		p->line = nl;
		p->cap = cap;
	}
	copy = strdup(line);
	if (!copy)
		return -ENOMEM;
	p->line[p->n++] = copy;
	return 0;
}

void scn_text_free(struct scn_text *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->line[i]);
	free(p->line);
	p->line = NULL;
	p->n = p->cap = 0;
}

int scn_text_copy(struct scn_text *dst, const struct scn_text *src)
{
	for (int i = 0; i < src->n; i++)
		if (scn_text_add(dst, src->line[i])) {
			scn_text_free(dst);
			return -ENOMEM;
		}
	return 0;
}

char *scn_text_text(const struct scn_text *p)
{
	size_t len = 1, at = 0;
	char *s;

	for (int i = 0; i < p->n; i++)
		len += strlen(p->line[i]) + 1;
	s = malloc(len);
	if (!s)
		return NULL;
	for (int i = 0; i < p->n; i++) {
		size_t l = strlen(p->line[i]);

		memcpy(s + at, p->line[i], l);
		at += l;
		s[at++] = '\n';
	}
	s[at] = '\0';
	return s;
}
