#!/bin/sh
# fuzz/valgrind.sh - `make valgrind`: every scenario, and both fuzz
# corpora, under valgrind's memcheck, on the plain (no sanitizer) build in
# BUILD_DIR.
#
#   fuzz/valgrind.sh BUILD_DIR
#
# Each scenario runs as `BUILD_DIR/hugeresv run --check FILE`.  A
# scenario's own status 1 (an expectation failed) or 3 (the engine
# refused it) is reported, not fatal; status 99 (valgrind found an error:
# invalid access, uninitialised value, or a definite/indirect leak), a
# signal, or any other status fails the run.  Then BUILD_DIR/replay-parse
# and BUILD_DIR/replay-engine replay fuzz/corpus/parse and
# fuzz/corpus/engine under valgrind the same way.  The valgrind output of
# any failure is printed; a summary line ends the run.
set -u
cd "$(dirname "$0")/.."
B=$1
VG="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect -q"
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM

n=0 ok=0 fail1=0 refused=0 bad=0
start=$(date +%s)
for f in $(find scenarios -name '*.scn' | sort); do
	n=$((n + 1))
	# shellcheck disable=SC2086
	$VG "$B/hugeresv" run --check "$f" >"$out" 2>&1
	rc=$?
	case $rc in
	0)	ok=$((ok + 1)) ;;
	1)	fail1=$((fail1 + 1))
		echo "valgrind: $f: status 1 (an expectation failed; not a valgrind error)"
		sed -n '1,5s/^/    /p' "$out" ;;
	3)	refused=$((refused + 1))
		echo "valgrind: $f: status 3 (refused: $(head -n 1 "$out"))" ;;
	*)	bad=$((bad + 1))
		if [ "$rc" -eq 99 ]; then
			echo "valgrind: $f: VALGRIND ERROR (status 99)"
		else
			echo "valgrind: $f: FAILED with status $rc"
		fi
		sed 's/^/    /' "$out" | head -n 60 ;;
	esac
	# valgrind output with a passing status (e.g. possibly-lost blocks)
	if [ "$rc" -ne 99 ] && grep -q '^==[0-9]*==' "$out"; then
		echo "valgrind: $f: valgrind output (not counted as an error):"
		grep '^==[0-9]*==' "$out" | head -n 20 | sed 's/^/    /'
	fi
done
mid=$(date +%s)
echo "valgrind: scenarios: $n run in $((mid - start))s: $ok ok, $fail1 status 1," \
	"$refused status 3 (refused), $bad valgrind errors or crashes"

rbad=0
for h in parse engine; do
	# shellcheck disable=SC2086
	$VG "$B/replay-$h" "fuzz/corpus/$h" >"$out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "valgrind: replay-$h fuzz/corpus/$h: ok ($(grep '^replay:' "$out"))"
	else
		rbad=$((rbad + 1))
		echo "valgrind: replay-$h fuzz/corpus/$h: FAILED with status $rc"
		sed 's/^/    /' "$out" | head -n 60
	fi
done
end=$(date +%s)
echo "valgrind: replays: 2 corpora in $((end - mid))s, $rbad failed"
if [ "$bad" -ne 0 ] || [ "$rbad" -ne 0 ]; then
	echo "valgrind: FAIL"
	exit 1
fi
echo "valgrind: PASS (no valgrind error in $n scenarios and 2 corpora)"
exit 0
