/* SPDX-License-Identifier: MIT */
/*
 * text.h - a scenario as a list of statement lines, for programs that
 * write scenarios (fuzz/, lab/).  Kept as lines, not as a struct
 * program: the shrinker deletes and edits lines, and every candidate
 * goes back through the real parser, so what comes out is always a file
 * `hugeresv run` and `hugeresv diff` accept as it is.
 */
#ifndef HR_SCENARIO_TEXT_H
#define HR_SCENARIO_TEXT_H

/*
 * struct scn_text - the lines (no newlines inside, no comments).
 * line[0..n) are malloc'd; cap is the array's size.  Zeroed is empty.
 */
struct scn_text {
	char **line;
	int n, cap;
};

/** scn_text_add() - append a copy of @line. Return: 0 or -ENOMEM. */
int scn_text_add(struct scn_text *p, const char *line);

/** scn_text_text() - the lines joined with '\n' (malloc'd), or NULL. */
char *scn_text_text(const struct scn_text *p);

/** scn_text_copy() - @dst (empty) becomes a copy of @src. */
int scn_text_copy(struct scn_text *dst, const struct scn_text *src);

void scn_text_free(struct scn_text *p);

#endif /* HR_SCENARIO_TEXT_H */
