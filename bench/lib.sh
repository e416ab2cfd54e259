#!/usr/bin/env bash
# Shared by the bench/*/run.sh scripts: start processes on private ports, wait for them, stop them all.
# Source it after setting ROOT and WORK. Each script keeps only what it measures.
VERSION=0.1.0-SNAPSHOT
LAUNCHER="$ROOT/launcher/target/launcher-$VERSION-all.jar"
mkdir -p "$WORK/logs"
STARTED=()

bench_cleanup() {
  local pid
  for pid in "${STARTED[@]+"${STARTED[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]+"${STARTED[@]}"}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap bench_cleanup EXIT

# builds the named modules (and what they need) when a jar is missing or BENCH_BUILD=always
bench_build() { # modules (comma-separated), jars...
  local modules=$1 jar missing=0
  shift
  for jar in "$@"; do [[ -f $jar ]] || missing=1; done
  if [[ $missing == 1 || ${BENCH_BUILD:-} == always ]]; then
    echo "building the jars (mvn -B -q -DskipTests -pl $modules -am install)"
    (cd "$ROOT" && mvn -B -q -DskipTests -pl "$modules" -am install)
  fi
}

bench_ports_free() { # ports...
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use; set BENCH_*_PORT" >&2; exit 1; fi
  done
}

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

bench_start_infrastructure() { # postgres port, kafka port
  rm -rf "$WORK/infra"
  echo "starting PostgreSQL :$1 and Kafka :$2"
  java -cp "$LAUNCHER" dev.rehearse.launcher.DevInfrastructure "$WORK/infra" "$1" "$2" >"$WORK/logs/infra.log" 2>&1 &
  STARTED+=($!)
  wait_for infrastructure 120 test -f "$WORK/infra/infra.ready"
}

bench_sign_up() { # gateway port; sets BENCH_TOKEN and BENCH_USER_ID (a new candidate account)
  local answer
  answer="$(curl -sf -H 'Content-Type: application/json' "http://localhost:$1/api/auth/register" \
    -d "{\"email\":\"bench-$(date +%s%N)@rehearse.test\",\"password\":\"benchmark password\",\"displayName\":\"Bench\"}")" ||
    { echo "could not sign up through the gateway" >&2; exit 1; }
  BENCH_TOKEN="$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$answer")"
  BENCH_USER_ID="$(sed -n 's/.*"user":{"id":"\([^"]*\)".*/\1/p' <<<"$answer")"
  [[ -n $BENCH_TOKEN && -n $BENCH_USER_ID ]] || { echo "unexpected sign-up answer: $answer" >&2; exit 1; }
}
