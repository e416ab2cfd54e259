#!/usr/bin/env bash
# assessment scoring benchmark, one command: bench/assessment/run.sh
# Builds assessment-service (no tests) and this JMH module, then measures in one run: scoring a
# 250-word typed answer against a 6-concept rubric with the service's RubricScorer (Lucene analysis,
# paraphrase pass, red-flag rules), the same for a spoken transcript (sound-alike pass), and the plain
# regex matcher the service used before as the baseline. Prints p50/p95/p99 (JMH sample mode),
# throughput and the ratios to the baseline; exits 1 if the typed p95 is 10 ms or more.
# Environment: BENCH_QUICK=1 for a short smoke run (fewer iterations; figures less stable).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/assessment"
cd "$ROOT"
echo "building assessment-service and the benchmark"
mvn -B -q -o -pl contracts,platform,assessment-service -am install -DskipTests
mvn -B -q -o -f "$HERE/pom.xml" package
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" dev.rehearse.bench.assessment.ScoringBenchmark \
  "${BENCH_QUICK:-0}" | tee "$HERE/target/result.txt"
