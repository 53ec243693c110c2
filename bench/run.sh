#!/bin/sh
# make bench: the scenario corpus on the engine and on the running kernel
# (root and hugetlbfs needed for the kernel side; elsewhere the engine
# alone is timed).  Report the ratio, not the times.
set -eu
cd "$(dirname "$0")/.."
files=$(find scenarios -name '*.scn' | sort)
if [ "$(id -u)" -eq 0 ] && grep -qw hugetlbfs /proc/filesystems; then
	./build/hugeresv bench --repeat "${REPEAT:-200}" $files
else
	echo "bench: SKIP kernel side (needs root and hugetlbfs); engine only"
	./build/hugeresv bench --engine-only --repeat "${REPEAT:-200}" $files
fi

# The fuzzer's throughput: random scenarios with every validator and the
# fuzzer's invariants after every step, on one core (issue 5 aims at
# 100,000 steps/s or more).  The seed is fixed, so the work is the same
# on every run; the figure is a rate, and the ratio to the aim is printed.
out=$(mktemp -d)
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
$pin ./build/hugeresv fuzz --seed 1 --steps "${FUZZ_STEPS:-3000000}" -q \
	--out "$out" | awk '/ steps in .*steps\/s/ {
	match($0, /\(([0-9]+) steps\/s\)/);
	rate = substr($0, RSTART + 1, RLENGTH - 9) + 0;
	printf "fuzz: %d steps/s with all validators, one core: %.1fx the 100k aim\n",
	       rate, rate / 100000 }'
rm -rf "$out"
