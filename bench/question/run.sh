#!/usr/bin/env bash
# question-service benchmark, one command: bench/question/run.sh
# Starts its own PostgreSQL + Kafka (the launcher) and question-service on separate ports (a running
# ./rehearse up is left alone), waits for the ML-infrastructure pack, seeds scored history over
# Kafka, then sends open-loop load: a baseline (/health/liveness), search, practice-set creation,
# each at BENCH_RATE requests/s for BENCH_SECONDS, and prints p50/p95/p99 and ratios to the baseline.
# Stops what it started. Environment: BENCH_RATE (200), BENCH_SECONDS (60), BENCH_WARMUP (15),
# BENCH_BUILD=always to rebuild the jars, BENCH_JAVA_OPTS for the service JVM (default: JVM defaults).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/question"
WORK="$HERE/target"
VERSION=0.1.0-SNAPSHOT
PG_PORT=${BENCH_PG_PORT:-35432}
KAFKA_PORT=${BENCH_KAFKA_PORT:-39092}
QUESTION_PORT=${BENCH_QUESTION_PORT:-38081}
RATE=${BENCH_RATE:-200}
SECONDS_PER_PHASE=${BENCH_SECONDS:-60}
WARMUP=${BENCH_WARMUP:-15}
# the secret the service checks gateway tokens with (its development default unless set)
SECRET=${REHEARSE_AUTH_JWT_SECRET:-rehearse-development-secret-change-me-0123456789}
LAUNCHER="$ROOT/launcher/target/launcher-$VERSION-all.jar"
SERVICE="$ROOT/question-service/target/question-service-$VERSION-all.jar"

mkdir -p "$WORK/logs"
STARTED=()
cleanup() {
  local pid
  for pid in "${STARTED[@]+"${STARTED[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]+"${STARTED[@]}"}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

if [[ ! -f $LAUNCHER || ! -f $SERVICE || ${BENCH_BUILD:-} == always ]]; then
  echo "building the jars (mvn -B -q -DskipTests -pl launcher,question-service -am install)"
  (cd "$ROOT" && mvn -B -q -DskipTests -pl launcher,question-service -am install)
fi

for port in "$PG_PORT" "$KAFKA_PORT" "$QUESTION_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use; set BENCH_*_PORT" >&2; exit 1; fi
done

wait_for() { # what, seconds, command...
  local what=$1 limit=$2
  shift 2
  for _ in $(seq 1 $((limit * 5))); do "$@" && return 0; sleep 0.2; done
  echo "$what not ready after ${limit}s; see $WORK/logs" >&2
  exit 1
}
answers() { curl -sf -m 2 "$1" | grep -q "$2"; }

rm -rf "$WORK/infra"
echo "starting PostgreSQL :$PG_PORT and Kafka :$KAFKA_PORT"
java -cp "$LAUNCHER" dev.rehearse.launcher.DevInfrastructure "$WORK/infra" "$PG_PORT" "$KAFKA_PORT" >"$WORK/logs/infra.log" 2>&1 &
STARTED+=($!)
wait_for infrastructure 120 test -f "$WORK/infra/infra.ready"

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
