#!/usr/bin/env bash
# question-service benchmark, one command: bench/question/run.sh
# Starts its own PostgreSQL + Kafka (the launcher), question-service and the gateway on ports of its
# own (a running ./rehearse up is left alone), signs the candidates up through the gateway and stops
# it (their tokens go straight to question-service, as the gateway would forward them), waits for the
# ML-infrastructure pack, seeds scored history over Kafka, then sends open-loop load: a baseline
# (/health/liveness), search, practice-set creation, taking turns in 5-s slices, each at BENCH_RATE
# requests/s for BENCH_SECONDS in all, and prints p50/p95/p99 and ratios to the baseline.
# Stops what it started. Environment: BENCH_RATE (200), BENCH_SECONDS (60), BENCH_WARMUP (15: seconds per
# phase one request at a time, then as many at the rate),
# BENCH_CANDIDATES (300), BENCH_BUILD=always to rebuild the jars, BENCH_JAVA_OPTS for the service
# JVMs (see bench/lib.sh). BENCH_SMOKE=1: a smoke run (20 requests/s, one 5-s slice, 5 candidates),
# see bench/lib.sh. Ports: 3xxxx (bench/lib.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/question"
WORK="$HERE/target"
BENCH_RANGE=30000
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
RATE=${BENCH_RATE:-$(full_or_smoke 200 20)}
SECONDS_PER_PHASE=${BENCH_SECONDS:-$(full_or_smoke 60 5)}
WARMUP=${BENCH_WARMUP:-$(full_or_smoke 15 1)}
CANDIDATES=${BENCH_CANDIDATES:-$(full_or_smoke 300 5)}

bench_jars launcher question-service gateway
bench_ports_free postgres kafka question-service gateway
answers() { curl -sf -m 2 "$1" | grep -q "$2"; }
bench_start_infrastructure
bench_start_service question-service
# sign-ups are not measured: cheap password hashing, and no limit on sign-ups from one address
bench_start_service gateway REHEARSE_GATEWAY_AUTH_BCRYPT_COST=4 \
  REHEARSE_GATEWAY_AUTH_SIGN_UPS_PER_HOUR_PER_ADDRESS=1000000
wait_for gateway 180 healthy "${PORT[gateway]}"

echo "signing up $CANDIDATES candidates through the gateway"
ACCOUNTS="$WORK/accounts.txt"
: >"$ACCOUNTS"
for _ in $(seq 1 "$CANDIDATES"); do
  bench_sign_up "${PORT[gateway]}"
  echo "$BENCH_USER_ID $BENCH_TOKEN" >>"$ACCOUNTS"
done
# the load goes straight to question-service; the gateway stays up, idle, as the service fetches its
# public keys from it (/.well-known/jwks.json) to verify the candidates' tokens

URL="http://localhost:${PORT[question-service]}"
wait_for question-service 180 answers "$URL/health" '"status":"UP"'
wait_for "the ML-infrastructure pack" 60 answers "$URL/api/roles" 'ml-platform-engineer'

machine "service, database, broker and load generator share it"
java -cp "${JAR[question-service]}" "$HERE/QuestionLoad.java" "$URL" "localhost:${PORT[kafka]}" \
  "$RATE" "$SECONDS_PER_PHASE" "$WARMUP" "$ACCOUNTS" | tee "$WORK/result.txt"
