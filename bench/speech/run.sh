#!/usr/bin/env bash
# speech-service benchmark, one command: bench/speech/run.sh
# Starts its own PostgreSQL + Kafka (the launcher), speech-service and the gateway on ports of its own
# (a running ./rehearse up is left alone), publishes the test items on the catalog topic, then measures
# in one run (SpeechBench.java): real-time factor of the service's transcription against raw Vosk on
# the same files; drill latency for a 2 s clip (direct and through the gateway, p50/p95) and throughput
# with 2 concurrent clients; drill accuracy over the committed recordings. Then live answers
# (LiveBench.java, with assessment-service scoring them): stop to score for 20 s and 2 min answers against
# the upload path, a frame's partial latency against raw Vosk, and how many simultaneous live answers one
# speech-service instance sustains. Stops what it started.
# Environment: BENCH_DRILLS (latency samples per target, default 200), BENCH_ROUNDS (transcription
# rounds, default 3), BENCH_CLIENT_SECONDS (the 2-client throughput run, default 20), BENCH_EVERY (use
# every n-th answer and drill recording, default 1: all), BENCH_BUILD=always to rebuild the jars first;
# BENCH_LIVE_CLIENTS (live stop-to-score clients, default 2), BENCH_LIVE_SHORT_ROUNDS / _LONG_ROUNDS (default 5 / 2),
# BENCH_LIVE_ONLY=1 to measure live answers alone.
# BENCH_SMOKE=1: a smoke run (5 drills, 1 round, 2 s, every 7th file: both kinds of drill recording), see bench/lib.sh. Ports: 4xxxx.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/speech"
WORK="$HERE/target"
BENCH_RANGE=40000
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
MODEL="$ROOT/speech-service/target/vosk-model/model-en-us"
AUDIO="$ROOT/speech-service/src/test/resources/audio"

if [[ ! -d $MODEL ]]; then
  [[ ${BENCH_BUILD:-} != never ]] || { echo "the Vosk model is missing at $MODEL (BENCH_BUILD=never)" >&2; exit 1; }
  BENCH_BUILD=always # speech-service's build unpacks it
fi
bench_jars launcher speech-service assessment-service gateway
bench_ports_free postgres kafka speech-service assessment-service gateway
bench_start_infrastructure
# no cap on live answers: the capacity ladder finds where the CPU gives out, not the configured limit
bench_start_service speech-service REHEARSE_SPEECH_MODEL_PATH="$MODEL" REHEARSE_SPEECH_LIVE_MAX_OPEN=64
bench_start_service assessment-service # scores the live answers
# a high audio limit: one client sends many clips; the live run signs up an account per client
bench_start_service gateway "$(service_url speech-service)" "$(service_url assessment-service)" \
  REHEARSE_GATEWAY_LIMITS_AUDIO_PER_MINUTE=1000000 REHEARSE_GATEWAY_AUTH_SIGN_UPS_PER_HOUR_PER_ADDRESS=1000
wait_for speech-service 180 healthy "${PORT[speech-service]}"
wait_for assessment-service 180 healthy "${PORT[assessment-service]}"
wait_for gateway 180 healthy "${PORT[gateway]}"

# both targets get the same token; the service verifies it itself, behind the gateway or not
bench_sign_up "${PORT[gateway]}"

machine
STATUS=0
if [[ ${BENCH_LIVE_ONLY:-0} != 1 ]]; then
java -Dbench.token="$BENCH_TOKEN" -cp "${JAR[speech-service]}" "$HERE/SpeechBench.java" \
  "http://localhost:${PORT[speech-service]}" "http://localhost:${PORT[gateway]}" "localhost:${PORT[kafka]}" "$MODEL" "$AUDIO" \
  "${BENCH_DRILLS:-$(full_or_smoke 200 5)}" "${BENCH_ROUNDS:-$(full_or_smoke 3 1)}" \
  "${BENCH_CLIENT_SECONDS:-$(full_or_smoke 20 2)}" "${BENCH_EVERY:-$(full_or_smoke 1 7)}" | tee "$WORK/result.txt" ||
  STATUS=$?
fi
java -cp "${JAR[speech-service]}" "$HERE/LiveBench.java" "http://localhost:${PORT[gateway]}" \
  "http://localhost:${PORT[speech-service]}" "localhost:${PORT[kafka]}" "$MODEL" "$AUDIO" | tee -a "$WORK/result.txt" ||
  STATUS=$((STATUS > 0 ? STATUS : $?))
# one verdict for both parts (each printed its own above)
if [[ $STATUS != 0 ]]; then
  echo "RESULT: FAIL (a target above was missed or the run failed, exit status $STATUS)"
elif [[ $SMOKE == 1 ]]; then
  echo "RESULT: PASS (smoke run: no errors; the targets are not checked)"
else
  echo "RESULT: PASS (every target above met, no errors)"
fi
exit "$STATUS"
