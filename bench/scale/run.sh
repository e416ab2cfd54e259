#!/usr/bin/env bash
# Several speech-service instances, one command: bench/scale/run.sh
# Starts its own PostgreSQL + Kafka (the launcher), assessment-service, one speech-service and a gateway
# that balances over two speech-service addresses (the second not started yet, as when an instance is
# added to a running suite). Phase 1 measures with one instance: closed-loop candidates upload 15 s spoken
# answers through the gateway and wait for each score on their event stream, while one more candidate
# drills a term every 0.5 s (ScaleBench.java). Then the second instance starts (port + 10, as under
# ./rehearse up --scale) and phase 2 measures the same load with two. Prints spoken answers scored per
# minute, the drill p50/p95/p99, how many answers were scored exactly once and the database's growth per
# answer for each, and the ratios of phase 2 to phase 1. Stops what it started.
# Environment: BENCH_SECONDS (load per phase, default 90), BENCH_CANDIDATES (answering at once, default 6),
# BENCH_BUILD=always to rebuild the jars first, BENCH_JAVA_OPTS (see bench/lib.sh).
# BENCH_SMOKE=1: a smoke run (5 s per phase, 2 candidates), see bench/lib.sh. Ports: 5xxxx.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/scale"
WORK="$HERE/target"
BENCH_RANGE=50000
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
MODEL="$ROOT/speech-service/target/vosk-model/model-en-us"
AUDIO="$ROOT/speech-service/src/test/resources/audio"
SECONDS_PER_PHASE=${BENCH_SECONDS:-$(full_or_smoke 90 5)}
CANDIDATES=${BENCH_CANDIDATES:-$(full_or_smoke 6 2)}

if [[ ! -d $MODEL ]]; then
  [[ ${BENCH_BUILD:-} != never ]] || { echo "the Vosk model is missing at $MODEL (BENCH_BUILD=never)" >&2; exit 1; }
  BENCH_BUILD=always # speech-service's build unpacks it
fi
bench_jars launcher speech-service assessment-service gateway
SPEECH_2=$((PORT[speech-service] + 10))
bench_ports_free postgres kafka speech-service assessment-service gateway "$SPEECH_2"
bench_start_infrastructure
bench_start_instance speech-service 1 REHEARSE_SPEECH_MODEL_PATH="$MODEL"
SPEECH_PIDS=("$LAST_PID")
bench_start_service assessment-service
# one upload limit per candidate is not what is measured here
bench_start_service gateway "$(service_url speech-service),http://localhost:$SPEECH_2" "$(service_url assessment-service)" \
  REHEARSE_GATEWAY_LIMITS_AUDIO_PER_MINUTE=1000000 REHEARSE_GATEWAY_AUTH_SIGN_UPS_PER_HOUR_PER_ADDRESS=1000
wait_for speech-service 180 healthy "${PORT[speech-service]}"
wait_for assessment-service 180 healthy "${PORT[assessment-service]}"
wait_for gateway 180 healthy "${PORT[gateway]}"

rm -rf "$WORK/classes" "$WORK/figures.txt"
javac -nowarn -d "$WORK/classes" -cp "${JAR[speech-service]}" \
  "$ROOT/bench/speech/LiveBench.java" "$ROOT/bench/speech/SpeechBench.java" "$HERE/ScaleBench.java"
phase() { # label, [baseline label]
  BENCH_DB_URL="jdbc:postgresql://localhost:${PORT[postgres]}/postgres" BENCH_DB_PASSWORD="${DB_PASSWORD[admin]}" java -cp "$WORK/classes:${JAR[speech-service]}" ScaleBench "$1" "http://localhost:${PORT[gateway]}" \
    "localhost:${PORT[kafka]}" "$AUDIO" "$SECONDS_PER_PHASE" "$CANDIDATES" "$WORK/figures.txt" "${2:-}"
}

machine
STATUS=0
phase "1-instance" | tee "$WORK/result.txt" || STATUS=$?
if [[ $STATUS == 0 ]]; then
  bench_start_instance speech-service 2 REHEARSE_SPEECH_MODEL_PATH="$MODEL"
  SPEECH_PIDS+=("$LAST_PID")
  wait_for "the second speech-service" 180 healthy "$SPEECH_2"
  phase "2-instances" "1-instance" | tee -a "$WORK/result.txt" || STATUS=$?
fi
for pid in "${SPEECH_PIDS[@]}"; do
  echo "speech-service memory after the run: $(($(ps -o rss= -p "$pid" || echo 0) / 1024)) MB resident"
done
if [[ $STATUS != 0 ]]; then
  echo "RESULT: FAIL (an answer was not scored exactly once, a request failed, or the run stopped; exit status $STATUS)"
elif [[ $SMOKE == 1 ]]; then
  echo "RESULT: PASS (smoke run: every answer scored once, no errors)"
else
  echo "RESULT: PASS (every answer scored exactly once, no errors)"
fi
exit "$STATUS"
