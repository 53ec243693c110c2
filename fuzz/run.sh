#!/bin/sh
# fuzz/run.sh - `make fuzz`: run each libFuzzer harness for FUZZ_TIME
# seconds on a working copy of its seed corpus, one after the other (one
# core each; never two at once).
#
#   fuzz/run.sh BUILD_DIR TIME HARNESS...
#
# For HARNESS in parse, engine: BUILD_DIR/fuzz-HARNESS is run on
# BUILD_DIR/corpus/HARNESS (refreshed from fuzz/corpus/HARNESS; new
# inputs stay there for `make fuzz-merge`), crashes are written as
# BUILD_DIR/crashes/HARNESS-crash-<sha1> (also leak-, timeout-, oom-),
# and the full log goes to BUILD_DIR/logs/HARNESS.log.  A summary line per
# harness gives the executions, exec/s, coverage (cov: edges, ft:
# features) and corpus size libFuzzer reached.
#
# Extra libFuzzer flags: FUZZ_FLAGS (e.g. FUZZ_FLAGS=-jobs=1 or -seed=1).
# Exit status: 0 no crash, 1 a harness crashed (or failed to run).
set -u
cd "$(dirname "$0")/.."
B=$1
T=$2
shift 2
status=0
mkdir -p "$B/crashes" "$B/logs"
stamp=$B/logs/.start
touch "$stamp"
for h in "$@"; do
	bin=$B/fuzz-$h
	work=$B/corpus/$h
	log=$B/logs/$h.log
	mkdir -p "$work"
	cp -R "fuzz/corpus/$h/." "$work/"
	dict=
	[ -f "fuzz/$h.dict" ] && dict=-dict=fuzz/$h.dict
	echo "fuzz: $h for ${T}s on $work ($(ls "$work" | wc -l) inputs), log $log"
	start=$(date +%s)
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$T" -timeout=20 -print_final_stats=1 \
		-artifact_prefix="$B/crashes/$h-" $dict ${FUZZ_FLAGS:-} \
		"$work" >"$log" 2>&1
	rc=$?
	end=$(date +%s)
	# libFuzzer's last status line and its final stats
	last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	newu=$(sed -n 's/^stat::new_units_added: *//p' "$log")
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
	if [ -z "$execs" ]; then
		# -fork=N prints no final stats: take its last status line
		execs=$(echo "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
		speed=$(echo "$last" | sed -n 's/.* exec\/s \([0-9]*\) .*/\1/p')
	fi
	echo "fuzz: $h: $((end - start))s, ${execs:-?} execs, ${speed:-?} exec/s," \
		"${newu:-?} new units, peak rss ${rss:-?} MB"
	echo "fuzz: $h: last status: ${last:-none}"
	if [ "$rc" -eq 72 ] && ! grep -q 'Test unit written' "$log"; then
		status=1
		echo "fuzz: $h: interrupted (libFuzzer exit status 72), no crash"
		break
	elif [ "$rc" -ne 0 ]; then
		status=1
		echo "fuzz: $h: CRASH (libFuzzer exit status $rc); the report:"
		grep -E 'ERROR: |SUMMARY: |runtime error|invariant|fuzz_(engine|parse):|engine bug|Test unit written|Base64' "$log" \
			| head -n 20 | sed 's/^/    /'
		echo "fuzz: reproduce with: make fuzz-replay && build-fuzz/replay-$h <crash file>"
	fi
done
find "$B/crashes" -type f -newer "$stamp" | sort | sed -n '1,20s/^/fuzz: new crash file: /p'
exit $status
