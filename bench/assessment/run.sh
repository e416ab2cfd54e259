#!/usr/bin/env bash
# assessment scoring benchmark, one command: bench/assessment/run.sh
# Builds assessment-service (no tests) and this JMH module, then measures in one run: scoring a
# 250-word typed answer against a 6-concept rubric with the service's RubricScorer (Lucene analysis,
# paraphrase pass, red-flag rules), the same for a spoken transcript (sound-alike pass), and the plain
# regex matcher the service used before as the baseline. Prints p50/p95/p99 (JMH sample mode),
# throughput and the ratios to the baseline, then the verdict: RESULT: PASS, or RESULT: FAIL
# (exit 2) if the typed p95 is 10 ms or more.
# Environment: BENCH_SMOKE=1 for a smoke run (ScoringBenchmark's quick setting: fewer, shorter
# iterations; the target is not checked), see bench/lib.sh; BENCH_QUICK=1 for a short full run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/assessment"
SMOKE=${BENCH_SMOKE:-0}
cd "$ROOT"
echo "building assessment-service and the benchmark"
mvn -B -q -pl contracts,platform,assessment-service -am install -DskipTests
mvn -B -q -f "$HERE/pom.xml" package
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
STATUS=0
java -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" dev.rehearse.bench.assessment.ScoringBenchmark \
  "${BENCH_QUICK:-$SMOKE}" | tee "$HERE/target/result.txt" || STATUS=$?

# ScoringBenchmark's last line, "typed p95 <ms> ms (target < 10 ms): PASS|FAIL", says it ran to the end
VERDICT="$(sed -n 's/^typed p95 .*: \(PASS\|FAIL\)$/\1/p' "$HERE/target/result.txt")"
if [[ -z $VERDICT ]]; then
  echo "RESULT: FAIL (the benchmark did not finish, exit status $STATUS)"
  exit 1
elif [[ $SMOKE == 1 ]]; then
  echo "RESULT: PASS (smoke run: it ran to the end; the typed p95 target is not checked)"
elif [[ $VERDICT == PASS && $STATUS == 0 ]]; then
  echo "RESULT: PASS (typed p95 under 10 ms)"
else
  echo "RESULT: FAIL (typed p95 10 ms or more)"
  exit 2
fi
