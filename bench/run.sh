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
