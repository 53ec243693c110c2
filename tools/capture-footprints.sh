#!/bin/bash
# SPDX-License-Identifier: MIT
#
# capture-footprints.sh - run real programs under real workloads and
# record their memory footprints with `hugeresv capture` into
# footprints/NAME.fp (docs/footprint.md, footprints/README.md).
#
#   tools/capture-footprints.sh [NAME...]      (root; default: all)
#
# NAMEs: redis postgres cc1plus python node sqlite.
#
# Each workload runs in a scratch directory under /tmp, on loopback or
# on unix sockets only, and is stopped when its capture is done; the
# scratch directory is removed at exit (also on error or ^C).  Nothing
# outside it is changed except the Debian packages installed below: no
# service is started (PostgreSQL runs a throw-away cluster made with
# initdb in the scratch directory, not the system cluster; redis-server
# runs in the foreground with no persistence), and THP settings are left
# as they are (the footprint's `thp` line records them).
#
# Capturing "at peak": most of these programs grow and shrink, so
# capture_peak polls the candidate processes' RssAnon every 0.2 s while
# the workload runs and captures again whenever it has grown by 5% since
# the last capture; the last capture kept is the one at the largest
# RssAnon seen.  Re-runnable: each run overwrites footprints/NAME.fp.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HR=${HUGERESV:-$ROOT/build/hugeresv}
OUT=$ROOT/footprints

if [ "$(id -u)" != 0 ]; then
	echo "capture-footprints: needs root (apt-get, /proc/kpageflags)" >&2
	exit 3
fi
[ -x "$HR" ] || make -C "$ROOT" -j2 >/dev/null
mkdir -p "$OUT"

WORK=$(mktemp -d /tmp/hugeresv-fp.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PGDATA=

cleanup() {
	set +e
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null
	done
	if [ -n "$PGDATA" ] && [ -f "$PGDATA/postmaster.pid" ]; then
		runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate \
			stop >/dev/null 2>&1
	fi
	wait 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "capture-footprints: line $LINENO failed: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT TERM

log() { echo "capture-footprints: $*" >&2; }

# logged LOG CMD...: run CMD with its output in LOG, shown if it fails
logged() {
	local out=$1
	shift
	"$@" >"$out" 2>&1 || { tail -n 30 "$out" >&2; return 1; }
}

need() {	# need PACKAGE...: install what is missing
	local missing=()
	for p in "$@"; do
		dpkg-query -W -f '${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} = 0 ] && return
	log "installing ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "${missing[@]}" >"$WORK/apt.log" 2>&1 ||
		{ cat "$WORK/apt.log" >&2; exit 1; }
}

pkgver() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo '?'; }

rss_anon() { awk '/^RssAnon:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }

# capture_peak NAME SOURCE WAITPID FINDER [MAXSECONDS]
#   While process WAITPID runs (and at most MAXSECONDS, default 600),
#   poll the pids that the shell function FINDER prints and capture the
#   one with the largest RssAnon each time it grows by 5%.  The result
#   goes to footprints/NAME.fp; fails if nothing was captured.
capture_peak() {
	local name=$1 source=$2 waitpid=$3 finder=$4 max=${5:-600}
	local best=0 end=$((SECONDS + max)) tmp="$WORK/$name.fp" pid rss
	rm -f "$tmp"
	while kill -0 "$waitpid" 2>/dev/null && [ $SECONDS -lt $end ]; do
		for pid in $($finder); do
			rss=$(rss_anon "$pid")
			[ -n "$rss" ] || continue
			[ "$rss" -gt $((best + best / 20)) ] || continue
			if "$HR" capture --name "$name" --source "$source" \
				-o "$tmp" "$pid" 2>"$WORK/capture.log"; then
				best=$rss
				sed 's/^/  /' "$WORK/capture.log" >&2
			fi
		done
		sleep 0.2
	done
	if [ ! -s "$tmp" ]; then
		log "$name: nothing captured"
		return 1
	fi
	mv "$tmp" "$OUT/$name.fp"
	log "$name: footprints/$name.fp (RssAnon at capture: $((best / 1024)) MiB)"
	"$HR" capture --check -v "$OUT/$name.fp" >&2
}

# --- redis ------------------------------------------------------------------
# redis-server (no persistence, unix socket and 127.0.0.1:6399 only) is
# filled by redis-benchmark with 2,500,000 SETs of 512-byte values over
# 2,000,000 random keys (about 1.73 million distinct keys, ~1.2 GiB of
# data), then captured while a second redis-benchmark runs a GET/SET/
# LPUSH/HSET mix (300,000 requests, 16 clients, -r 2000000 -d 512).
# Redis allocates with jemalloc (Debian builds it so).
run_redis() {
	need redis-server redis-tools
	local dir="$WORK/redis" srv bench
	mkdir -p "$dir"
	redis-server --port 6399 --bind 127.0.0.1 --save '' --appendonly no \
		--dir "$dir" --daemonize no --protected-mode yes \
		>"$dir/log" 2>&1 &
	srv=$!
	PIDS+=("$srv")
	for _ in $(seq 50); do
		redis-cli -p 6399 ping >/dev/null 2>&1 && break
		sleep 0.1
	done
	log "redis: loading"
	redis-benchmark -p 6399 -q -t set -n 2500000 -r 2000000 -d 512 -c 32 \
		-P 16 >"$dir/load.log"
	redis-benchmark -p 6399 -q -t get,set,lpush,hset -n 300000 \
		-r 2000000 -d 512 -c 16 >"$dir/mix.log" &
	bench=$!
	PIDS+=("$bench")
	sleep 2
	redis_pid() { echo "$srv"; }
	capture_peak redis "redis-server $(pkgver redis-server) (jemalloc): 2.5M SETs of 512 B over 2M random keys, captured during a GET/SET/LPUSH/HSET redis-benchmark mix" \
		"$bench" redis_pid 120
	kill "$bench" 2>/dev/null || true
	redis-cli -p 6399 shutdown nosave >/dev/null 2>&1 || kill "$srv"
	wait "$srv" 2>/dev/null || true
}

# --- postgres ---------------------------------------------------------------
# A throw-away PostgreSQL 15 cluster (initdb in the scratch directory,
# unix socket only, fsync off, shared_buffers=256MB), pgbench -i -s 30
# (3 million rows in pgbench_accounts), then pgbench with two clients
# for 60 s running a custom script that sorts the whole table in memory
# (work_mem=1GB, no parallel workers, ORDER BY md5(aid::text)): the
# backend's private anonymous memory is the sort's.  The backend with
# the largest RssAnon is captured at its peak.  shared_buffers is a
# shared mapping (kind shared).
PGBIN=/usr/lib/postgresql/15/bin
run_postgres() {
	need postgresql-15 postgresql-contrib
	local sock="$WORK/pgsock" bench
	PGDATA="$WORK/pg"
	mkdir -p "$sock" "$PGDATA"
	chown postgres: "$sock" "$PGDATA"
	chmod 700 "$PGDATA"
	logged "$WORK/initdb.log" runuser -u postgres -- "$PGBIN/initdb" \
		-D "$PGDATA" -A trust
	logged "$WORK/pg_ctl.log" runuser -u postgres -- "$PGBIN/pg_ctl" \
		-D "$PGDATA" -w \
		-l "$sock/pg.log" -o "-c listen_addresses='' -c port=5499 \
		-c unix_socket_directories=$sock -c shared_buffers=256MB \
		-c fsync=off -c synchronous_commit=off -c full_page_writes=off \
		-c max_wal_size=4GB -c max_parallel_workers_per_gather=0" \
		start || { cat "$sock/pg.log" >&2; return 1; }
	log "postgres: pgbench -i -s 30"
	logged "$WORK/pgbench-init.log" runuser -u postgres -- \
		"$PGBIN/pgbench" -h "$sock" -p 5499 -i -s 30 -q postgres
	cat >"$WORK/sort.sql" <<-'EOF'
	SET work_mem = '1GB';
	SELECT aid, abalance FROM pgbench_accounts ORDER BY md5(aid::text) OFFSET 2999990 LIMIT 5;
	EOF
	chmod 644 "$WORK/sort.sql"
	runuser -u postgres -- "$PGBIN/pgbench" -h "$sock" -p 5499 -n -c 2 \
		-T 60 -f "$WORK/sort.sql" postgres >"$WORK/pgbench.log" 2>&1 &
	bench=$!
	PIDS+=("$bench")
	pg_backends() {
		local pm
		pm=$(head -1 "$PGDATA/postmaster.pid")
		pgrep -P "$pm" -f 'postgres: .*postgres' || true
	}
	capture_peak postgres "PostgreSQL $(pkgver postgresql-15) backend: pgbench -s 30, 2 clients sorting pgbench_accounts by md5(aid) in memory (work_mem=1GB, shared_buffers=256MB)" \
		"$bench" pg_backends 90
	wait "$bench" || true
	runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop \
		>/dev/null
}

# --- cc1plus ----------------------------------------------------------------
# g++ -O2 -std=c++17 of a generated translation unit: <bits/stdc++.h>
# and 160 namespaces, each with its own struct type instantiating
# std::map, std::unordered_map, std::variant + std::visit, std::regex,
# std::sort over tuples and std::function (templates instantiated per
# type, so memory grows with the count).  The cc1plus child is captured
# at its peak RssAnon.
run_cc1plus() {
	need g++
	local src="$WORK/big.cc" gxx
	{
		echo '#include <bits/stdc++.h>'
		for i in $(seq 160); do
			cat <<-EOF
			namespace n$i {
			struct S { int a; std::string b; double c;
				bool operator<(const S &o) const
				{ return std::tie(a, b, c) < std::tie(o.a, o.b, o.c); }
				bool operator==(const S &o) const
				{ return a == o.a && b == o.b && c == o.c; } };
			struct H { size_t operator()(const S &s) const
				{ return std::hash<std::string>()(s.b) ^ (size_t)s.a * $i; } };
			using V = std::variant<int, std::string, S, std::vector<S>>;
			std::map<std::string, std::vector<std::tuple<S, int, std::string>>>
			f(std::vector<S> v, std::function<bool(const S &)> keep)
			{
				std::map<std::string, std::vector<std::tuple<S, int, std::string>>> m;
				std::unordered_map<S, int, H> u;
				std::sort(v.begin(), v.end());
				std::regex re("([a-z]+)_$i([0-9]*)");
				for (auto &s : v) {
					if (!keep(s) || !std::regex_match(s.b, re))
						continue;
					u[s] += s.a;
					m[s.b].emplace_back(s, u[s], s.b + "$i");
				}
				std::vector<V> vs{V(1), V(std::string("x")), V(v.front()), V(v)};
				size_t n = 0;
				for (auto &x : vs)
					n += std::visit([](auto &&y) { return sizeof(y); }, x);
				m["n"].emplace_back(S{int(n), "n", 0.0}, int(u.size()), "$i");
				return m;
			}
			}
			EOF
		done
		echo 'int main() { return 0; }'
	} >"$src"
	log "cc1plus: g++ -O2 of $(wc -l <"$src") lines"
	g++ -O2 -std=c++17 -c -o "$WORK/big.o" "$src" &
	gxx=$!
	PIDS+=("$gxx")
	cc1plus_pids() { pgrep -x cc1plus -P "$gxx" || true; }
	capture_peak cc1plus "cc1plus from g++ $(pkgver g++-12): g++ -O2 -std=c++17 -c of a generated $(wc -l <"$src")-line TU (<bits/stdc++.h>, 160 namespaces instantiating map/unordered_map/variant/regex/sort/function per type)" \
		"$gxx" cc1plus_pids 900
	wait "$gxx"
}

# --- python -----------------------------------------------------------------
# Debian's /usr/bin/python3: builds a list of 1,500,000 dicts (ints,
# strings, a small list each), serialises it with json.dumps (~200 MB
# string), parses it back with json.loads, and indexes it in a dict by
# a string key.  Captured at peak.
run_python() {
	need python3
	cat >"$WORK/work.py" <<-'EOF'
	import json, time
	rows = [{"id": i, "name": "user%07d" % i, "score": i * 0.5,
		 "tags": ["t%d" % (i % 97), "g%d" % (i % 13)]}
		for i in range(1500000)]
	doc = json.dumps(rows)
	back = json.loads(doc)
	index = {r["name"]: r for r in back}
	total = sum(r["score"] for r in index.values())
	time.sleep(3)
	print(len(doc), len(index), total)
	EOF
	/usr/bin/python3 "$WORK/work.py" >"$WORK/py.log" &
	local py=$!
	PIDS+=("$py")
	py_pid() { echo "$py"; }
	capture_peak python "Debian python3 $(pkgver python3): 1.5M dicts -> json.dumps -> json.loads -> dict index by name" \
		"$py" py_pid 300
	wait "$py"
}

# --- node -------------------------------------------------------------------
# node (the installed nodejs package): a Map of 2,000,000 string keys to
# small objects, JSON.stringify of an array of 1,000,000 of them, and
# JSON.parse of that string (--max-old-space-size=4096).  V8 reserves
# large PROT_NONE ranges (kept as anon vmas with nothing present).
# Captured at peak.
run_node() {
	need nodejs
	cat >"$WORK/work.js" <<-'EOF'
	const m = new Map();
	for (let i = 0; i < 2000000; i++)
		m.set('key' + i, { id: i, name: 'user' + i, v: [i, i * 2, i % 7] });
	const arr = [];
	for (let i = 0; i < 1000000; i++) arr.push(m.get('key' + i));
	const s = JSON.stringify(arr);
	const back = JSON.parse(s);
	let t = 0;
	for (const o of back) t += o.v[2];
	setTimeout(() => console.log(m.size, s.length, t), 3000);
	EOF
	node --max-old-space-size=4096 "$WORK/work.js" >"$WORK/node.log" &
	local nd=$!
	PIDS+=("$nd")
	node_pid() { echo "$nd"; }
	capture_peak node "node $(node --version) (nodejs $(pkgver nodejs)): Map of 2M string keys -> objects, JSON.stringify of 1M of them, JSON.parse back" \
		"$nd" node_pid 300
	wait "$nd"
}

# --- sqlite -----------------------------------------------------------------
# Debian's sqlite3 shell on an in-memory database with a 1 GiB page
# cache: inserts 3,000,000 rows (integer, 40-character hex text, real)
# with a recursive CTE, builds an index on the text column (an external
# sort in memory), then runs a GROUP BY over it.  Captured at peak.
run_sqlite() {
	need sqlite3
	cat >"$WORK/work.sql" <<-'EOF'
	PRAGMA cache_size = -1048576;
	PRAGMA temp_store = MEMORY;
	CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, v REAL);
	WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)
	INSERT INTO t SELECT x, hex(randomblob(20)), x * 0.25 FROM c;
	CREATE INDEX t_k ON t(k);
	SELECT substr(k, 1, 2) AS p, count(*), sum(v) FROM t GROUP BY p ORDER BY p LIMIT 3;
	SELECT count(*) FROM t a JOIN t b ON a.k = b.k;
	EOF
	sqlite3 :memory: <"$WORK/work.sql" >"$WORK/sqlite.log" &
	local sq=$!
	PIDS+=("$sq")
	sq_pid() { echo "$sq"; }
	capture_peak sqlite "Debian sqlite3 $(pkgver sqlite3): in-memory db, 1 GiB cache, 3M rows of (int, 40-hex text, real), CREATE INDEX on the text, GROUP BY and a self-join" \
		"$sq" sq_pid 300
	wait "$sq"
}

ALL=(redis postgres cc1plus python node sqlite)
for w in "${@:-${ALL[@]}}"; do
	case " ${ALL[*]} " in
	*" $w "*) ;;
	*) echo "capture-footprints: unknown workload '$w' (${ALL[*]})" >&2
	   exit 2 ;;
	esac
	log "=== $w"
	"run_$w"
done
