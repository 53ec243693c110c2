/* SPDX-License-Identifier: MIT */
/*
 * backend.h - the one interface between the runner and the machines it
 * drives.
 *
 * A back end carries out the steps of a struct program one at a time and
 * reads back the counters.  Two implement it: the engine (be_engine.c,
 * libhugeresv) and the running Linux kernel (be_kernel.c, real system
 * calls in real processes).  run, diff and fuzz only talk to this table.
 *
 * Counters travel as a snapshot: a flat list of key -> value pairs read
 * from the same text files on both back ends, with keys spelled
 *
 *     meminfo:<Key>            /proc/meminfo       (kB fields in bytes)
 *     vmstat:<key>             /proc/vmstat
 *     sysfs:<path>             /sys/kernel/mm/<path>
 *     smaps:<proc>:<Key>       /proc/PID/smaps of process <proc> (the
 *                              name in the scenario), summed over the
 *                              scenario's own mappings (kB in bytes)
 *     nodeN:<file>             /sys/devices/system/node/nodeN/hugepages/
 *     cgroup:<CG>:<file>       a hugetlb controller file of cgroup <CG>
 *                              (the scenario's name; "top" is the run's
 *                              own): hugetlb.2MB.current etc. in bytes,
 *                              events.max and events.local.max the
 *                              "max" line of hugetlb.2MB.events(.local),
 *                              numa_stat.total and numa_stat.N0 its
 *                              fields; a limit of "max" is CG_MAX_VALUE.
 *                              Present for every live cgroup of a
 *                              program that uses cgroups.
 *
 * Lifecycle: open -> exec* -> close.  snapshot may be called between any
 * two execs.  close must leave the machine as open found it (the kernel
 * back end restores every setting it changed).
 */
#ifndef HR_BACKEND_H
#define HR_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#include "scenario/program.h"
#include "util.h"

struct kv {
	char key[160];
	int64_t val;
};

/*
 * A snapshot: keys in insertion order in v[0..n), and an open-addressing
 * index (slot[] holds v indices, -1 empty; nslot a power of two, at least
 * twice cap) so that lookups stay O(1) when an expect line checks many
 * keys against a few hundred.
 */
struct snapshot {
	struct kv *v;
	int n, cap;
	int *slot;
	int nslot;
};

void snapshot_init(struct snapshot *s);
void snapshot_free(struct snapshot *s);
void snapshot_clear(struct snapshot *s);
/** snapshot_set() - add or replace @key. Return: 0, -ENOMEM. */
int snapshot_set(struct snapshot *s, const char *key, int64_t val);
/** snapshot_get() - Return: 1 and *val if @key is present, else 0. */
int snapshot_get(const struct snapshot *s, const char *key, int64_t *val);

/**
 * snapshot_parse_keyvals() - parse "Key:   value [kB]" lines (meminfo,
 * smaps bodies) or "key value" lines (vmstat) and add them under
 * @prefix, converting kB values to bytes and adding to a key that is
 * already present (so several smaps entries sum).
 * @filter: if non-NULL, only lines whose key it accepts.
 */
int snapshot_parse_keyvals(struct snapshot *s, const char *prefix,
			   const char *text, int (*filter)(const char *key));

struct backend;

struct backend_ops {
	const char *name;	/* "engine", "kernel" */
	/*
	 * Prepare to run @prog.  Return 0, or an EXIT_* status with a message
	 * in @err (EXIT_REFUSED when the back end cannot run this program).
	 */
	int (*open)(struct backend *be, const struct program *prog,
		    char *err, size_t errlen);
	/*
	 * Carry out one step (never ST_EXPECT or ST_SHOW).  Fills @out with
	 * the outcome (RES_NONE for statements without one).  Return 0, or
	 * -1 with a message in @err when the back end itself broke (not when
	 * the step failed as a system call may).
	 */
	int (*exec)(struct backend *be, const struct step *st,
		    struct result *out, char *err, size_t errlen);
	/* Read every counter into @snap (cleared first). Return 0 or -1. */
	int (*snapshot)(struct backend *be, struct snapshot *snap);
	/*
	 * Optional: read one counter, @key spelled as in a snapshot.  Return
	 * 1 with *@val, 0 if the back end has no such counter (for smaps of
	 * a process with no mappings: 1 and 0), -1 on error.  The runner
	 * checks `expect` lines through it when present, so that a back end
	 * that can answer directly need not produce whole snapshots.
	 */
	int (*get)(struct backend *be, const char *key, int64_t *val);
	/*
	 * Run the back end's own validators (may be NULL).  Return 0, or -1
	 * with the first violation in @msg.
	 */
	int (*check)(struct backend *be, char *msg, size_t len);
	/* Tear down and restore. */
	void (*close)(struct backend *be);
};

struct backend {
	const struct backend_ops *ops;
	const struct program *prog;
	void *priv;
};

extern const struct backend_ops engine_backend_ops;
extern const struct backend_ops kernel_backend_ops;

/**
 * engine_set_kernel() - in backend/be_engine.c: the kernel profile every
 * later engine open() uses, HR_KERNEL(); 0 (the default): the program's
 * `machine kernel=`, or the engine's default.  diff sets it to the
 * kernel it compares with, so that the engine follows that kernel.
 */
void engine_set_kernel(int kernel);

/**
 * engine_kernel() - the profile engine open() gives @prog (see
 * engine_set_kernel()): HR_KERNEL().
 */
int engine_kernel(const struct program *prog);

/**
 * program_uses_gigantic() - in backend/be_kernel.c: does @prog use 1 GiB
 * pages (a pool knob, a mapping, a mount, a segment or a node's pool of
 * that size)?
 */
int program_uses_gigantic(const struct program *prog);

/**
 * kernel_nr_nodes() - in backend/be_kernel.c: the running kernel's
 * online NUMA nodes (/sys/devices/system/node/online; 1 without
 * CONFIG_NUMA).  The kernel back end runs a program only where this is
 * its machine's node count (machine nodes=, default 1).
 */
int kernel_nr_nodes(void);

/**
 * kernel_predict_damage() - in backend/be_kernel.c: would running @prog on
 * the kernel leave the machine broken until reboot (a Linux bug the
 * engine models, docs/kernel-differences.md 2.13)?  The kernel back end
 * refuses such a program unless HUGERESV_KERNEL_UNSAFE=1.
 * Return: 0, or EXIT_REFUSED with a message in @err.
 */
int kernel_predict_damage(const struct program *prog, char *err,
			  size_t errlen);
/**
 * kernel_damage_predicted() - the prediction of kernel_predict_damage()
 * alone, whatever HUGERESV_KERNEL_UNSAFE says: the remote back end
 * (vm/vm_remote.c) sends such a program to its guest as unsafe and
 * reboots the guest after it.
 * Return: 1 if the engine predicts damage, else 0.
 */
int kernel_damage_predicted(const struct program *prog);
/**
 * same_outcome() - do two back ends' outcomes of a step agree ("ok" and
 * "no outcome" are the same)?
 */
int same_outcome(const struct result *a, const struct result *b);

/**
 * format_value() - a counter's value as a scenario would write it:
 * a size (format_size()) for kB fields, a decimal integer otherwise.
 * @key: the snapshot key (see snapshot_key_is_kb()).
 * Return: @buf.
 */
char *format_value(const char *key, int64_t val, char *buf, size_t len);

/**
 * knob_key() - the knob a snapshot key names: "sysctl:vm.overcommit_ratio"
 * -> "vm.overcommit_ratio", "thp:enabled" -> "enabled"; NULL for any
 * other key.  Knob keys exist in a snapshot only for the knobs a
 * program's `expect sysctl` and `expect thp` lines read.
 */
const char *knob_key(const char *key);

/**
 * knob_text_value() - the value of knob @name as a snapshot holds it,
 * from @text as hr_knob_read() gives it ("madvise") or as its file on
 * Linux shows it ("always [madvise] never\n"): the number, or the
 * index of the word.
 * Return: 0, -ENOENT (no such knob), -EINVAL (not one of its values).
 */
int knob_text_value(const char *name, const char *text, int64_t *val);
/**
 * snapshot_print_changes() - one line per source listing the counters
 * whose value differs between @before and @after, as
 * "@indent meminfo: HugePages_Free 8 -> 7, HugePages_Rsvd 4 -> 3".
 * A key present in only one snapshot counts as 0 in the other.
 *
 * Return: the number of counters that changed.
 */
int snapshot_print_changes(FILE *f, const char *indent,
			   const struct snapshot *before,
			   const struct snapshot *after);

#endif /* HR_BACKEND_H */
