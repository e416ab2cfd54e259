#!/usr/bin/env bash
# Gateway overhead benchmark, one command: bench/gateway/run.sh
# Starts its own PostgreSQL + Kafka (the launcher), question-service and the gateway on separate
# ports (so a running ./rehearse up is left alone), signs a user up through the gateway, then times
# question queries straight to question-service and through the gateway, interleaved, in one run.
# Stops what it started. Environment: BENCH_REQUESTS (per path and target, default 2000),
# BENCH_THREADS (default 1), BENCH_BUILD=always to rebuild the jars first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
WORK="$HERE/target"
VERSION=0.1.0-SNAPSHOT
PG_PORT=${BENCH_PG_PORT:-25432}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29092}
QUESTION_PORT=${BENCH_QUESTION_PORT:-28081}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-28080}
REQUESTS=${BENCH_REQUESTS:-2000}
THREADS=${BENCH_THREADS:-1}
JARS=("$ROOT/launcher/target/launcher-$VERSION-all.jar" "$ROOT/question-service/target/question-service-$VERSION-all.jar"
  "$ROOT/gateway/target/gateway-$VERSION-all.jar")

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

missing=0
for jar in "${JARS[@]}"; do [[ -f $jar ]] || missing=1; done
if [[ $missing == 1 || ${BENCH_BUILD:-} == always ]]; then
  echo "building the jars (mvn -B -q -DskipTests -pl launcher,question-service,gateway -am install)"
  (cd "$ROOT" && mvn -B -q -DskipTests -pl launcher,question-service,gateway -am install)
fi

# run from copies: a build elsewhere in the tree must not replace a jar under a running JVM
mkdir -p "$WORK/jars"
for i in "${!JARS[@]}"; do
  cp "${JARS[$i]}" "$WORK/jars/"
  JARS[$i]="$WORK/jars/$(basename "${JARS[$i]}")"
  unzip -tq "${JARS[$i]}" >/dev/null || { echo "${JARS[$i]} is damaged (being rebuilt?); run again" >&2; exit 1; }
done

for port in "$PG_PORT" "$KAFKA_PORT" "$QUESTION_PORT" "$GATEWAY_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use; set BENCH_*_PORT" >&2; exit 1; fi
done

wait_for() { # what, seconds, command...
  local what=$1 limit=$2 pid
  shift 2
  for _ in $(seq 1 $((limit * 5))); do
    "$@" && return 0
    for pid in "${STARTED[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "a process exited while waiting for $what; see $WORK/logs" >&2; exit 1; }
    done
    sleep 0.2
  done
  echo "$what not ready after ${limit}s; see $WORK/logs" >&2
  exit 1
}
healthy() { curl -sf -m 2 "http://localhost:$1/health" | grep -q '"status":"UP"'; }

rm -rf "$WORK/infra"
echo "starting PostgreSQL :$PG_PORT and Kafka :$KAFKA_PORT"
java -cp "${JARS[0]}" dev.rehearse.launcher.DevInfrastructure "$WORK/infra" "$PG_PORT" "$KAFKA_PORT" >"$WORK/logs/infra.log" 2>&1 &
STARTED+=($!)
wait_for infrastructure 120 test -f "$WORK/infra/infra.ready"

echo "starting question-service :$QUESTION_PORT and the gateway :$GATEWAY_PORT"
MICRONAUT_SERVER_PORT=$QUESTION_PORT KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PG_PORT/postgres?currentSchema=question" \
  java -jar "${JARS[1]}" >"$WORK/logs/question-service.log" 2>&1 &
STARTED+=($!)
MICRONAUT_SERVER_PORT=$GATEWAY_PORT KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PG_PORT/postgres?currentSchema=gateway" \
  REHEARSE_SERVICES_QUESTION_URL="http://localhost:$QUESTION_PORT" \
  java -jar "${JARS[2]}" >"$WORK/logs/gateway.log" 2>&1 &
STARTED+=($!)
wait_for question-service 180 healthy "$QUESTION_PORT"
wait_for gateway 180 healthy "$GATEWAY_PORT"
has_questions() { curl -sf -m 2 "http://localhost:$QUESTION_PORT/api/questions?size=1" | grep -q '"id"'; }
wait_for "the question bank" 120 has_questions

TOKEN="$(curl -sf -H 'Content-Type: application/json' "http://localhost:$GATEWAY_PORT/api/auth/register" \
  -d "{\"email\":\"bench-$(date +%s%N)@rehearse.test\",\"password\":\"benchmark password\",\"displayName\":\"Bench\"}" |
  sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
[[ -n $TOKEN ]] || { echo "could not sign up through the gateway" >&2; exit 1; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java "$HERE/GatewayLatency.java" "http://localhost:$QUESTION_PORT" "http://localhost:$GATEWAY_PORT" "$TOKEN" "$REQUESTS" "$THREADS" |
  tee "$WORK/result.txt"
