#!/usr/bin/env bash
# question-service benchmark, one command: bench/question/run.sh
# Starts its own PostgreSQL + Kafka (the launcher) and question-service on separate ports (a running
# ./rehearse up is left alone), waits for the ML-infrastructure pack, seeds scored history over
# Kafka, then sends open-loop load: a baseline (/health/liveness), search, practice-set creation,
# taking turns in 5-s slices, each at BENCH_RATE requests/s for BENCH_SECONDS in all, and prints
# p50/p95/p99 and ratios to the baseline.
# Stops what it started. Environment: BENCH_RATE (200), BENCH_SECONDS (60), BENCH_WARMUP (15),
# BENCH_BUILD=always to rebuild the jars, BENCH_JAVA_OPTS for the service JVM (default: JVM defaults).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/question"
WORK="$HERE/target"
PG_PORT=${BENCH_PG_PORT:-35432}
KAFKA_PORT=${BENCH_KAFKA_PORT:-39092}
QUESTION_PORT=${BENCH_QUESTION_PORT:-38081}
RATE=${BENCH_RATE:-200}
SECONDS_PER_PHASE=${BENCH_SECONDS:-60}
WARMUP=${BENCH_WARMUP:-15}
# the secret the service checks gateway tokens with (its development default unless set)
SECRET=${REHEARSE_AUTH_JWT_SECRET:-rehearse-development-secret-change-me-0123456789}
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
SERVICE="$ROOT/question-service/target/question-service-$VERSION-all.jar"

bench_build launcher,question-service "$LAUNCHER" "$SERVICE"
bench_ports_free "$PG_PORT" "$KAFKA_PORT" "$QUESTION_PORT"
answers() { curl -sf -m 2 "$1" | grep -q "$2"; }
bench_start_infrastructure "$PG_PORT" "$KAFKA_PORT"

echo "starting question-service :$QUESTION_PORT"
# shellcheck disable=SC2086
MICRONAUT_SERVER_PORT=$QUESTION_PORT KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT REHEARSE_AUTH_JWT_SECRET="$SECRET" \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PG_PORT/postgres?currentSchema=question" \
  java ${BENCH_JAVA_OPTS:-} -jar "$SERVICE" >"$WORK/logs/question-service.log" 2>&1 &
STARTED+=($!)
wait_for question-service 180 answers "http://localhost:$QUESTION_PORT/health" '"status":"UP"'
wait_for "the ML-infrastructure pack" 60 answers "http://localhost:$QUESTION_PORT/api/roles" 'ml-platform-engineer'

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); service, database, broker and load generator share it"
java -cp "$SERVICE" "$HERE/QuestionLoad.java" "http://localhost:$QUESTION_PORT" "localhost:$KAFKA_PORT" \
  "$RATE" "$SECONDS_PER_PHASE" "$WARMUP" "$SECRET" | tee "$WORK/result.txt"
