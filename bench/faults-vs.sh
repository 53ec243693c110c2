#!/bin/sh
# bench/faults-vs.sh OLD NEW: the base-page write-fault rate of two builds
# of hugeresv measured side by side, alternating OLD and NEW runs on the
# same core so that a busy machine slows both alike; prints each median
# and NEW/OLD.  A ratio under 0.95 (5% slower) is a FAIL and exit 1.
# `make bench BASELINE=OLD` runs it against ./build/hugeresv.
set -eu
old=$1 new=$2
runs=${VS_RUNS:-5}
mem=${FAULT_MEMORY:-64G}
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
for b in "$old" "$new"; do
	[ -x "$b" ] || { echo "faults-vs: $b: not an executable" >&2; exit 2; }
done
rate() {
	$pin "$1" bench --faults --memory "$mem" --runs 1 |
		awk '/^write faults, base pages \(THP never\)/ { sub(/M.*/, "", $7); print $7 }'
}
o=$(mktemp) n=$(mktemp)
trap 'rm -f "$o" "$n"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
	rate "$old" >>"$o"
	rate "$new" >>"$n"
	i=$((i + 1))
done
med() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mo=$(med "$o") mn=$(med "$n")
awk -v o="$mo" -v n="$mn" -v r="$runs" 'BEGIN {
	ratio = n / o
	printf "faults-vs: base-page write faults, median of %d alternating runs: old %.2fM/s, new %.2fM/s, new/old %.3f %s\n",
	       r, o, n, ratio, (ratio >= 0.95 ? "PASS" : "FAIL (more than 5%% slower)")
	exit (ratio >= 0.95 ? 0 : 1) }'
