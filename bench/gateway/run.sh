#!/usr/bin/env bash
# Gateway overhead benchmark, one command: bench/gateway/run.sh
# Starts its own PostgreSQL + Kafka (the launcher), question-service and the gateway on ports of its
# own (so a running ./rehearse up is left alone), signs a user up through the gateway, then times
# question queries straight to question-service and through the gateway, interleaved, in one run.
# Stops what it started. Environment: BENCH_REQUESTS (per path and target, default 2000),
# BENCH_WARMUP (warm-up requests per path and target, default 4000 or BENCH_REQUESTS if more),
# BENCH_THREADS (default 1), BENCH_BUILD=always to rebuild the jars first, BENCH_FLOOR=1 to also
# time, in a second run, a bare Netty pass-through (BareProxy.java) in place of the gateway: the
# floor of any hop.
# Then the sign-in throughput under the sign-in throttle (SignInLoad.java): owners signing in from their
# usual addresses, quiet and while guessers send wrong passwords; BENCH_SIGNIN=0 skips it,
# BENCH_SIGNIN_SECONDS (per phase, default 30), BENCH_SIGNIN_GUESSERS (default 4). The gateway trusts the
# load generator as a proxy (X-Forwarded-For gives each account its own address); bcrypt cost 12 as in
# production (4 in a smoke run).
# BENCH_SMOKE=1: a smoke run (50 requests, the floor run and a 2-second sign-in run included), see bench/lib.sh.
# Ports: 2xxxx (bench/lib.sh); BENCH_FLOOR_PORT for the bare pass-through (default the gateway's + 10).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
WORK="$HERE/target"
BENCH_RANGE=20000
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
REQUESTS=${BENCH_REQUESTS:-$(full_or_smoke 2000 50)}
WARMUP=${BENCH_WARMUP:-$(full_or_smoke $((REQUESTS > 4000 ? REQUESTS : 4000)) 50)}
THREADS=${BENCH_THREADS:-1}
FLOOR=${BENCH_FLOOR:-$(full_or_smoke 0 1)}
FLOOR_PORT=${BENCH_FLOOR_PORT:-$((PORT[gateway] + 10))}
SIGNIN=${BENCH_SIGNIN:-1}
SIGNIN_SECONDS=${BENCH_SIGNIN_SECONDS:-$(full_or_smoke 30 2)}
SIGNIN_GUESSERS=${BENCH_SIGNIN_GUESSERS:-4}

bench_jars launcher question-service gateway
bench_ports_free postgres kafka question-service gateway "$FLOOR_PORT"
bench_start_infrastructure
bench_start_service question-service
bench_start_service gateway "$(service_url question-service)" \
  REHEARSE_GATEWAY_TRUSTED_PROXIES=127.0.0.1,::1 REHEARSE_GATEWAY_AUTH_BCRYPT_COST="$(full_or_smoke 12 4)"
wait_for question-service 180 healthy "${PORT[question-service]}"
wait_for gateway 180 healthy "${PORT[gateway]}"
has_questions() { curl -sf -m 2 "http://localhost:${PORT[question-service]}/api/questions?size=1" | grep -q '"id"'; }
wait_for "the question bank" 120 has_questions

bench_sign_up "${PORT[gateway]}"
DIRECT="http://localhost:${PORT[question-service]}"

machine
STATUS=0
java "$HERE/GatewayLatency.java" "$DIRECT" "http://localhost:${PORT[gateway]}" "$BENCH_TOKEN" "$REQUESTS" "$THREADS" "$WARMUP" |
  tee "$WORK/result.txt" || STATUS=$?

if [[ $FLOOR == 1 ]]; then
  # same client, same question-service, the gateway replaced by a bare Netty pass-through
  java -cp "${JAR[gateway]}" "$HERE/BareProxy.java" "$FLOOR_PORT" "$DIRECT" >"$WORK/logs/bare-proxy.log" 2>&1 &
  STARTED+=($!)
  bare_up() { curl -sf -m 2 -o /dev/null "http://localhost:$FLOOR_PORT/health"; }
  wait_for "the bare proxy" 60 bare_up
  echo "floor: a bare Netty pass-through in place of the gateway"
  # the floor has no target (exit 2); an error answer still fails the run
  java "$HERE/GatewayLatency.java" "$DIRECT" "http://localhost:$FLOOR_PORT" "$BENCH_TOKEN" "$REQUESTS" "$THREADS" "$WARMUP" |
    sed 's/ gateway / bare    /; s/^RESULT.*/(floor run: no target)/' | tee "$WORK/floor.txt" || {
    FLOOR_STATUS=$?
    ((FLOOR_STATUS == 2)) || STATUS=$FLOOR_STATUS
  }
fi
if [[ $SIGNIN == 1 ]]; then
  # accounts, owner threads, guesser threads, seconds per phase, warm-up seconds
  java "$HERE/SignInLoad.java" "http://localhost:${PORT[gateway]}" "$(full_or_smoke 20 3)" 2 "$SIGNIN_GUESSERS" \
    "$SIGNIN_SECONDS" "$(full_or_smoke 10 1)" | tee "$WORK/signin.txt" || STATUS=$?
fi
exit $STATUS
