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
PG_PORT=${BENCH_PG_PORT:-45432}
KAFKA_PORT=${BENCH_KAFKA_PORT:-49092}
SPEECH_PORT=${BENCH_SPEECH_PORT:-48083}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-48080}
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
SPEECH="$ROOT/speech-service/target/speech-service-$VERSION-all.jar"
GATEWAY="$ROOT/gateway/target/gateway-$VERSION-all.jar"
MODEL="$ROOT/speech-service/target/vosk-model/model-en-us"
AUDIO="$ROOT/speech-service/src/test/resources/audio"

[[ -d $MODEL ]] || BENCH_BUILD=always
bench_build launcher,speech-service,gateway "$LAUNCHER" "$SPEECH" "$GATEWAY"

# private copies under names of their own: other builds may replace the jars in target/, and
# other scripts may stop processes by jar name, while the benchmark runs
rm -rf "$WORK/jars" && mkdir -p "$WORK/jars"
cp "$LAUNCHER" "$WORK/jars/speech-bench-infra.jar"
cp "$SPEECH" "$WORK/jars/speech-bench-service.jar"
cp "$GATEWAY" "$WORK/jars/speech-bench-gateway.jar"
LAUNCHER="$WORK/jars/speech-bench-infra.jar"
SPEECH="$WORK/jars/speech-bench-service.jar"
GATEWAY="$WORK/jars/speech-bench-gateway.jar"

bench_ports_free "$PG_PORT" "$KAFKA_PORT" "$SPEECH_PORT" "$GATEWAY_PORT"
bench_start_infrastructure "$PG_PORT" "$KAFKA_PORT"

echo "starting speech-service :$SPEECH_PORT and the gateway :$GATEWAY_PORT"
MICRONAUT_SERVER_PORT=$SPEECH_PORT KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PG_PORT/postgres?currentSchema=speech" \
  REHEARSE_SPEECH_MODEL_PATH="$MODEL" \
  java -jar "$SPEECH" >"$WORK/logs/speech-service.log" 2>&1 &
STARTED+=($!)
# a high audio limit: one client sends many clips
MICRONAUT_SERVER_PORT=$GATEWAY_PORT KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PG_PORT/postgres?currentSchema=gateway" \
  REHEARSE_SERVICES_SPEECH_URL="http://localhost:$SPEECH_PORT" \
  REHEARSE_GATEWAY_LIMITS_AUDIO_PER_MINUTE=1000000 \
  java -jar "$GATEWAY" >"$WORK/logs/gateway.log" 2>&1 &
STARTED+=($!)
wait_for speech-service 180 healthy "$SPEECH_PORT"
wait_for gateway 180 healthy "$GATEWAY_PORT"

# both targets get the same token and identity headers (the gateway replaces the headers with the token's own)
bench_sign_up "$GATEWAY_PORT"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -Dbench.token="$BENCH_TOKEN" -Dbench.user="$BENCH_USER_ID" -cp "$SPEECH" "$HERE/SpeechBench.java" "http://localhost:$SPEECH_PORT" "http://localhost:$GATEWAY_PORT" \
  "localhost:$KAFKA_PORT" "$MODEL" "$AUDIO" "${BENCH_DRILLS:-200}" "${BENCH_ROUNDS:-3}" | tee "$WORK/result.txt"
