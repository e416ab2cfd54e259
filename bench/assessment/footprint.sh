#!/usr/bin/env bash
# assessment-service footprint, one command: bench/assessment/footprint.sh
# Start-up time (launch to /health UP, the sentence model loaded) and resident memory (when healthy,
# and once the ML-infrastructure catalog from question-service has been taken in and its vectors
# computed) of this tree's assessment-service, against the same service built from an earlier commit
# in the same run: BENCH_BASELINE_REV (default d185546, the last commit before scoring by meaning),
# built in a git worktree under target/ that is removed once its jar is kept as
# target/baseline-REV.jar (a few minutes the first time), or a jar named by
# BENCH_BASELINE_JAR. BENCH_STARTS rounds (3; 1 in smoke mode), each on new PostgreSQL and Kafka data
# (so each service reads the whole catalog topic), starting the baseline and then this tree; the
# medians are printed. Ports: 5xxxx (bench/lib.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/assessment"
WORK="$HERE/target/footprint"
BENCH_RANGE=50000
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
STARTS=${BENCH_STARTS:-$(full_or_smoke 3 1)}
REV=${BENCH_BASELINE_REV:-d185546}

baseline_jar() {
  if [[ -n ${BENCH_BASELINE_JAR:-} ]]; then
    echo "$BENCH_BASELINE_JAR"
    return
  fi
  # only the jar is kept: the old source tree would linger as a second, outdated copy of the project
  local jar="$HERE/target/baseline-$REV.jar"
  if [[ ! -f $jar ]]; then
    local src="$HERE/target/baseline-$REV"
    echo "building assessment-service at $REV in $src" >&2
    rm -rf "$src"
    git -C "$ROOT" worktree prune
    git -C "$ROOT" worktree add --detach "$src" "$REV" >&2
    (cd "$src" && mvn -B -q -DskipTests -pl assessment-service -am package >&2)
    cp "$src/assessment-service/target/assessment-service-$VERSION-all.jar" "$jar"
    git -C "$ROOT" worktree remove --force "$src" >&2
  fi
  echo "$jar"
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

# resident memory once it has stopped growing: the catalog taken in (1% over 10 s, at most 180 s)
settled_rss_kb() {
  local pid=$1 last=0 now stable=0
  for _ in $(seq 1 180); do
    now=$(rss_kb "$pid")
    if ((now - last < last / 100)); then stable=$((stable + 1)); else stable=0; fi
    ((stable >= 10)) && break
    last=$now
    sleep 1
  done
  echo "$now"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

# one start of one build: launch to healthy (ms), RSS healthy and with the catalog (kB), on a new schema
start_once() { # jar, schema
  local t0 pid
  SCHEMA[assessment-service]=$2
  JAR[assessment-service]=$1
  t0=$(date +%s%N)
  bench_start_service assessment-service
  pid=$LAST_PID
  wait_for "assessment-service" 240 healthy "${PORT[assessment-service]}"
  echo "$((($(date +%s%N) - t0) / 1000000)) $(rss_kb "$pid") $(settled_rss_kb "$pid")"
  bench_stop "$pid"
}

report() { # label, file of "ms rss rss" lines
  printf '%-10s start-up %6d ms   RSS healthy %5d MB   RSS with the catalog %5d MB   (median of %d)\n' "$1" \
    "$(cut -d' ' -f1 "$2" | median)" "$(($(cut -d' ' -f2 "$2" | median) / 1024))" \
    "$(($(cut -d' ' -f3 "$2" | median) / 1024))" "$(wc -l <"$2")"
}

BASELINE="$(baseline_jar)"
bench_jars launcher question-service assessment-service
THIS_TREE=${JAR[assessment-service]}
bench_ports_free postgres kafka question-service assessment-service
machine "$STARTS rounds"
: >"$WORK/baseline.txt"
: >"$WORK/this-tree.txt"
for round in $(seq 1 "$STARTS"); do
  echo "round $round of $STARTS"
  bench_start_infrastructure
  INFRA_PID=${STARTED[-1]}
  bench_start_service question-service
  QUESTION_PID=$LAST_PID
  wait_for question-service 180 healthy "${PORT[question-service]}"
  start_once "$BASELINE" assessment_base | tail -n 1 >>"$WORK/baseline.txt"
  start_once "$THIS_TREE" assessment_now | tail -n 1 >>"$WORK/this-tree.txt"
  bench_stop "$QUESTION_PID"
  bench_stop "$INFRA_PID"
done
{
  report baseline "$WORK/baseline.txt"
  report "this tree" "$WORK/this-tree.txt"
} | tee "$HERE/target/footprint.txt"
if [[ $(wc -l <"$WORK/this-tree.txt") == "$STARTS" ]]; then
  echo "RESULT: PASS (figures above; no target)"
else
  echo "RESULT: FAIL (missing figures)"
  exit 1
fi
