#!/usr/bin/env bash
# Gateway overhead benchmark, one command: bench/gateway/run.sh
# Starts its own PostgreSQL + Kafka (the launcher), question-service and the gateway on separate
# ports (so a running ./rehearse up is left alone), signs a user up through the gateway, then times
# question queries straight to question-service and through the gateway, interleaved, in one run.
# Stops what it started. Environment: BENCH_REQUESTS (per path and target, default 2000),
# BENCH_THREADS (default 1), BENCH_BUILD=always to rebuild the jars first, BENCH_FLOOR=1 to also time,
# in a second run, a bare Netty pass-through (BareProxy.java) in place of the gateway: the floor of any hop.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
WORK="$HERE/target"
PG_PORT=${BENCH_PG_PORT:-25432}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29092}
QUESTION_PORT=${BENCH_QUESTION_PORT:-28081}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-28080}
FLOOR_PORT=${BENCH_FLOOR_PORT:-28090}
REQUESTS=${BENCH_REQUESTS:-2000}
THREADS=${BENCH_THREADS:-1}
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
JARS=("$LAUNCHER" "$ROOT/question-service/target/question-service-$VERSION-all.jar"
  "$ROOT/gateway/target/gateway-$VERSION-all.jar")

bench_build launcher,question-service,gateway "${JARS[@]}"

# run from copies: a build elsewhere in the tree must not replace a jar under a running JVM
mkdir -p "$WORK/jars"
for i in "${!JARS[@]}"; do
  cp "${JARS[$i]}" "$WORK/jars/"
  JARS[$i]="$WORK/jars/$(basename "${JARS[$i]}")"
  unzip -tq "${JARS[$i]}" >/dev/null || { echo "${JARS[$i]} is damaged (being rebuilt?); run again" >&2; exit 1; }
done
LAUNCHER="${JARS[0]}"

bench_ports_free "$PG_PORT" "$KAFKA_PORT" "$QUESTION_PORT" "$GATEWAY_PORT" "$FLOOR_PORT"
bench_start_infrastructure "$PG_PORT" "$KAFKA_PORT"

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

bench_sign_up "$GATEWAY_PORT"
TOKEN="$BENCH_TOKEN"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
STATUS=0
java "$HERE/GatewayLatency.java" "http://localhost:$QUESTION_PORT" "http://localhost:$GATEWAY_PORT" "$TOKEN" "$REQUESTS" "$THREADS" |
  tee "$WORK/result.txt" || STATUS=$?

if [[ ${BENCH_FLOOR:-} == 1 ]]; then
  # same client, same question-service, the gateway replaced by a bare Netty pass-through
  java -cp "${JARS[2]}" "$HERE/BareProxy.java" "$FLOOR_PORT" "http://localhost:$QUESTION_PORT" >"$WORK/logs/bare-proxy.log" 2>&1 &
  STARTED+=($!)
  bare_up() { curl -sf -m 2 -o /dev/null "http://localhost:$FLOOR_PORT/health"; }
  wait_for "the bare proxy" 60 bare_up
  echo "floor: a bare Netty pass-through in place of the gateway"
  java "$HERE/GatewayLatency.java" "http://localhost:$QUESTION_PORT" "http://localhost:$FLOOR_PORT" "$TOKEN" "$REQUESTS" "$THREADS" |
    sed 's/ gateway / bare    /; s/^RESULT.*/(floor run: no target)/' | tee "$WORK/floor.txt" || true
fi
exit $STATUS
