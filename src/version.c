/* SPDX-License-Identifier: MIT */
/*
 * version.c - hr_version(): the library's own version, compiled in from
 * the header's numbers, so that a program linked against
 * libhugeresv.so.0 can tell which 0.x it runs on.  A file of its own so
 * that no subsystem carries it.
 */
#include "hugeresv.h"

const char *hr_version(void)
{
	return HR_VERSION;
}
