#!/bin/sh
# Deadline and anytime bench of `meiplan solve`: wall-clock time against --time-limit (JVM start included, also
# measured alone in the same run), request classes served against the greedy's, optionally with CPU-bound processes
# beside it.
#
#   bench/deadline.sh [-r RUNS] [-l LOAD] INSTANCE LIMIT...
#
# RUNS runs per limit (median reported, default 3); LOAD `yes > /dev/null` processes started for the bench and
# stopped after it (default 0). Prints one line per limit: limit, median wall, wall/limit, median JVM start
# (`meiplan --version`), served classes (median) and the greedy's (`--algorithm greedy`, same limit).
set -eu
runs=3
load=0
while getopts r:l: opt; do
  case $opt in
    r) runs=$OPTARG ;;
    l) load=$OPTARG ;;
    *) echo "usage: $0 [-r RUNS] [-l LOAD] INSTANCE LIMIT..." >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || { echo "usage: $0 [-r RUNS] [-l LOAD] INSTANCE LIMIT..." >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
meiplan="$here/meiplan"
instance=$1
shift
work=$(mktemp -d)
pids=""
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
i=0
while [ "$i" -lt "$load" ]; do
  yes > /dev/null &
  pids="$pids $!"
  i=$((i + 1))
done
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
served() { "$meiplan" evaluate --json "$instance" "$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(1 for r in d["requests"] if r.get("served")))'; }
printf '%-7s %9s %10s %9s %8s %8s\n' limit wall_s wall/limit jvm_s served greedy
for limit in "$@"; do
  : > "$work/wall"; : > "$work/jvm"; : > "$work/served"; : > "$work/greedy"
  r=0
  while [ "$r" -lt "$runs" ]; do
    t0=$(now); "$meiplan" --version > /dev/null; t1=$(now)
    echo "$t1 - $t0" | bc -l >> "$work/jvm"
    t0=$(now)
    "$meiplan" solve "$instance" --time-limit "$limit" -q -o "$work/plan.json" > /dev/null || true
    t1=$(now)
    echo "$t1 - $t0" | bc -l >> "$work/wall"
    served "$work/plan.json" >> "$work/served"
    "$meiplan" solve "$instance" --time-limit "$limit" --algorithm greedy -q -o "$work/greedy.json" > /dev/null || true
    served "$work/greedy.json" >> "$work/greedy"
    r=$((r + 1))
  done
  wall=$(median < "$work/wall")
  printf '%-7s %9.2f %10.3f %9.2f %8s %8s\n' "$limit" "$wall" "$(echo "$wall / $limit" | bc -l)" \
    "$(median < "$work/jvm")" "$(median < "$work/served")" "$(median < "$work/greedy")"
done
