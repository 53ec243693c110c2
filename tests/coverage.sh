#!/bin/sh
# make coverage: run every scenario on a gcov build of the engine and
# report how much of each error-path routine of hugetlbfs_reserv.txt
# ("Reservation Cleanup in Error Paths", region_del's failure, the
# reserve/alloc unwinding) the corpus drives.  Writes the full gcov
# output under build-cov/ and a summary on stdout.
set -eu
cd "$(dirname "$0")/.."
B=build-cov
n=0
for f in $(find scenarios -name '*.scn' | sort); do
	"$B/hugeresv" run --check "$f" >/dev/null 2>&1 || true
	n=$((n + 1))
done
echo "coverage: $n scenarios run on the gcov build"
# gcov runs where the sources were compiled; -n and -t write no files here
gcov -b -f -n -o "$B/src" src/*.c > "$B/gcov.txt" 2>/dev/null
for s in src/*.c; do
	gcov -t -o "$B/src" "$s" > "$B/$(basename "$s").gcov" 2>/dev/null
done
cd "$B"
# function summaries for the routines that implement the error paths
awk '
/^Function / { fn = $2; gsub(/\047/, "", fn); next }
/^Lines executed/ && fn != "" { lines[fn] = $0; next }
/^Branches executed/ && fn != "" { br[fn] = $0; next }
/^Taken at least once/ && fn != "" { taken[fn] = $0; fn = ""; next }
END {
	split("alloc_hugetlb_folio restore_reserve_on_error hugetlb_reserve_pages " \
	      "hugetlb_unreserve_pages hugetlb_fix_reserve_counts region_chg region_add " \
	      "region_abort region_del hugetlb_no_page hugetlb_wp hugetlb_unmap_range " \
	      "hugetlb_vm_op_close free_huge_folio gather_surplus_pages " \
	      "return_unused_surplus_pages hugetlb_fallocate_page", want, " ")
	for (i = 1; i in want; i++) {
		f = want[i]
		printf "  %-28s %s\n", f, lines[f]
	}
}' gcov.txt
echo "lines never run in src/hugetlb.c (annotated sources: $B/*.c.gcov):"
grep -E '^ +#####:' hugetlb.c.gcov | sed 's/^ *#####: *//' | head -40
