#!/usr/bin/env bash
# speech-service benchmark, one command: bench/speech/run.sh
# Starts its own PostgreSQL + Kafka (the launcher), speech-service and the gateway on separate ports
# (a running ./rehearse up is left alone), publishes the test items on the catalog topic, then measures
# in one run (SpeechBench.java): real-time factor of the service's transcription against raw Vosk on
# the same files; drill latency for a 2 s clip (direct and through the gateway, p50/p95) and throughput
# with 2 concurrent clients; drill accuracy over the committed recordings. Stops what it started.
# Environment: BENCH_DRILLS (latency samples per target, default 200), BENCH_ROUNDS (transcription
# rounds, default 3), BENCH_BUILD=always to rebuild the jars first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/speech"
WORK="$HERE/target"
VERSION=0.1.0-SNAPSHOT
PG_PORT=${BENCH_PG_PORT:-45432}
KAFKA_PORT=${BENCH_KAFKA_PORT:-49092}
SPEECH_PORT=${BENCH_SPEECH_PORT:-48083}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-48080}
LAUNCHER="$ROOT/launcher/target/launcher-$VERSION-all.jar"
SPEECH="$ROOT/speech-service/target/speech-service-$VERSION-all.jar"
GATEWAY="$ROOT/gateway/target/gateway-$VERSION-all.jar"
MODEL="$ROOT/speech-service/target/vosk-model/model-en-us"
AUDIO="$ROOT/speech-service/src/test/resources/audio"

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

if [[ ! -f $LAUNCHER || ! -f $SPEECH || ! -f $GATEWAY || ! -d $MODEL || ${BENCH_BUILD:-} == always ]]; then
  echo "building the jars (mvn -B -q -DskipTests -pl launcher,speech-service,gateway -am install)"
  (cd "$ROOT" && mvn -B -q -DskipTests -pl launcher,speech-service,gateway -am install)
fi

# private copies under names of their own: other builds may replace the jars in target/, and
# other scripts may stop processes by jar name, while the benchmark runs
rm -rf "$WORK/jars" && mkdir -p "$WORK/jars"
cp "$LAUNCHER" "$WORK/jars/speech-bench-infra.jar"
cp "$SPEECH" "$WORK/jars/speech-bench-service.jar"
cp "$GATEWAY" "$WORK/jars/speech-bench-gateway.jar"
LAUNCHER="$WORK/jars/speech-bench-infra.jar"
SPEECH="$WORK/jars/speech-bench-service.jar"
GATEWAY="$WORK/jars/speech-bench-gateway.jar"

for port in "$PG_PORT" "$KAFKA_PORT" "$SPEECH_PORT" "$GATEWAY_PORT"; do
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
java -cp "$LAUNCHER" dev.rehearse.launcher.DevInfrastructure "$WORK/infra" "$PG_PORT" "$KAFKA_PORT" >"$WORK/logs/infra.log" 2>&1 &
STARTED+=($!)
wait_for infrastructure 120 test -f "$WORK/infra/infra.ready"

echo "starting speech-service :$SPEECH_PORT and the gateway :$GATEWAY_PORT"
MICRONAUT_SERVER_PORT=$SPEECH_PORT KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PG_PORT/postgres?currentSchema=speech" \
  REHEARSE_SPEECH_MODEL_PATH="$MODEL" REHEARSE_AUTH_REQUIRED=false \
  java -jar "$SPEECH" >"$WORK/logs/speech-service.log" 2>&1 &
STARTED+=($!)
# header identity (no tokens: REHEARSE_*AUTH_REQUIRED=false) and a high audio limit: one client sends many clips
MICRONAUT_SERVER_PORT=$GATEWAY_PORT KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PG_PORT/postgres?currentSchema=gateway" \
  REHEARSE_SERVICES_SPEECH_URL="http://localhost:$SPEECH_PORT" REHEARSE_GATEWAY_AUTH_REQUIRED=false \
  REHEARSE_GATEWAY_LIMITS_AUDIO_PER_MINUTE=1000000 \
  java -jar "$GATEWAY" >"$WORK/logs/gateway.log" 2>&1 &
STARTED+=($!)
wait_for speech-service 180 healthy "$SPEECH_PORT"
wait_for gateway 180 healthy "$GATEWAY_PORT"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -cp "$SPEECH" "$HERE/SpeechBench.java" "http://localhost:$SPEECH_PORT" "http://localhost:$GATEWAY_PORT" \
  "localhost:$KAFKA_PORT" "$MODEL" "$AUDIO" "${BENCH_DRILLS:-200}" "${BENCH_ROUNDS:-3}" | tee "$WORK/result.txt"
