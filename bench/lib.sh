#!/usr/bin/env bash
# Shared by the bench/*/run.sh scripts: the suite's parts on private ports, start, wait, stop.
# Source it after setting ROOT, WORK and BENCH_RANGE. Each script keeps only what it measures.
#
# Ports: a part's port under ./rehearse up (suite.parts) moved into the benchmark's own ten-thousands
# range, so benchmarks and a running suite never meet: with BENCH_RANGE=20000, PostgreSQL 15432 ->
# 25432 and the gateway 8080 -> 28080. BENCH_<VAR>_PORT (VAR as in suite.parts) overrides one.
#
# Smoke mode (BENCH_SMOKE=1): the same run on few requests, measuring for seconds, to show the harness
# works; its figures mean nothing and timing targets are not checked, but any error response fails it.
VERSION=0.1.0-SNAPSHOT
SMOKE=${BENCH_SMOKE:-0}
mkdir -p "$WORK/logs"
STARTED=()

declare -A PORT=() SCHEMA=() VAR=()
bench_read_parts() {
  local part kind port schema var override
  while read -r part kind port schema var; do
    [[ -z $part || $part == '#'* ]] && continue
    override="BENCH_${var}_PORT"
    PORT[$part]="${!override:-$((port % 10000 + BENCH_RANGE))}"
    SCHEMA[$part]=$schema
    VAR[$part]=$var
  done <"$ROOT/suite.parts"
}
bench_read_parts

# the full-run value, or the smoke-run one under BENCH_SMOKE=1
full_or_smoke() { if [[ $SMOKE == 1 ]]; then echo "$2"; else echo "$1"; fi; }

# JVM options of the infrastructure and the services (BENCH_JAVA_OPTS): the JVM's defaults, but a
# smoke run favours start-up time as ./rehearse does (C1 only, the serial collector)
JAVA_OPTS=${BENCH_JAVA_OPTS:-$(full_or_smoke "" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")}

# services first, PostgreSQL and Kafka last: a service whose broker has gone spends 30 s closing its
# Kafka clients
bench_cleanup() {
  local pid
  for pid in "${STARTED[@]+"${STARTED[@]}"}"; do [[ $pid == "${INFRA_PID:-}" ]] || kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]+"${STARTED[@]}"}"; do [[ $pid == "${INFRA_PID:-}" ]] || bench_await_exit "$pid"; done
  if [[ -n ${INFRA_PID:-} ]]; then
    kill "$INFRA_PID" 2>/dev/null || true
    bench_await_exit "$INFRA_PID"
  fi
}
trap bench_cleanup EXIT

bench_await_exit() { # pid: waits up to 30 s, then kills it
  for _ in $(seq 1 150); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$1" 2>/dev/null || true
}

bench_stop() { # pid: stops one process this script started before the others
  local pid still=()
  for pid in "${STARTED[@]}"; do [[ $pid == "$1" ]] || still+=("$pid"); done
  STARTED=("${still[@]}")
  kill "$1" 2>/dev/null || true
  bench_await_exit "$1"
}

jar_of() { if [[ $1 == launcher ]]; then echo "$ROOT/launcher/target/launcher-$VERSION-all.jar"; else echo "$ROOT/$1/target/$1-$VERSION-all.jar"; fi; }

# JAR[module]: a private copy of each module's runnable jar, built first when one is missing (or
# BENCH_BUILD=always; BENCH_BUILD=never fails instead). Copies under names of their own: a build
# elsewhere in the tree must not replace a jar under a running JVM, and other scripts may stop
# processes by jar name.
declare -A JAR=()
bench_jars() { # modules...
  local module missing=() copy
  for module in "$@"; do [[ -f $(jar_of "$module") ]] || missing+=("$module"); done
  if [[ ${#missing[@]} -gt 0 && ${BENCH_BUILD:-} == never ]]; then
    echo "missing jars of ${missing[*]} (BENCH_BUILD=never); build with: mvn -B -DskipTests install" >&2
    exit 1
  fi
  if [[ ${#missing[@]} -gt 0 || ${BENCH_BUILD:-} == always ]]; then
    local modules
    modules="$(IFS=,; echo "$*")"
    echo "building the jars (mvn -B -q -DskipTests -pl $modules -am install)"
    (cd "$ROOT" && mvn -B -q -DskipTests -pl "$modules" -am install)
  fi
  rm -rf "$WORK/jars" && mkdir -p "$WORK/jars"
  for module in "$@"; do
    copy="$WORK/jars/$(basename "$(dirname "$WORK")")-bench-$module.jar"
    cp "$(jar_of "$module")" "$copy"
    # a jar caught half written has no central directory yet
    jar tf "$copy" >/dev/null || { echo "$(jar_of "$module") is damaged (being rebuilt?); run again" >&2; exit 1; }
    JAR[$module]=$copy
  done
}

bench_ports_free() { # parts or port numbers...
  local port
  for port in "$@"; do
    [[ $port =~ ^[0-9]+$ ]] || port=${PORT[$port]}
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

# one random PostgreSQL password per run for the superuser and for each service's own role (the
# launcher makes the roles; there is no default)
declare -A DB_PASSWORD=()
bench_db_passwords() {
  local part
  for part in admin "${!SCHEMA[@]}"; do
    [[ ${SCHEMA[$part]:-} == - ]] || DB_PASSWORD[$part]="$(head -c 30 /dev/urandom | base64 | tr -d '\n/+=')"
  done
}
bench_db_passwords

bench_start_infrastructure() {
  rm -rf "$WORK/infra"
  echo "starting PostgreSQL :${PORT[postgres]} and Kafka :${PORT[kafka]}"
  # the passwords go in the launcher's environment, never on a command line
  local part
  local -x REHEARSE_DB_ADMIN_PASSWORD="${DB_PASSWORD[admin]}"
  for part in "${!SCHEMA[@]}"; do
    [[ ${SCHEMA[$part]} == - ]] || local -x "REHEARSE_DB_${VAR[$part]}_PASSWORD=${DB_PASSWORD[$part]}"
  done
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "${JAR[launcher]}" dev.rehearse.launcher.DevInfrastructure "$WORK/infra" "${PORT[postgres]}" "${PORT[kafka]}" \
    "$ROOT/suite.parts" >"$WORK/logs/infra.log" 2>&1 &
  INFRA_PID=$!
  STARTED+=("$INFRA_PID")
  wait_for infrastructure 120 test -f "$WORK/infra/infra.ready"
}

# token keys, as ./rehearse does: the gateway signs with a key file made for this run by its key tool
# (there is no default key), every other service verifies with the gateway's published public keys
bench_token_keys() { # part; prints the VAR=value to start it with
  if [[ $1 == gateway ]]; then
    local file="$WORK/signing-keys.json"
    rm -f "$file"
    java -cp "${JAR[gateway]}" dev.rehearse.gateway.keys.SigningKeysTool init "$file" >/dev/null
    echo "REHEARSE_AUTH_SIGNING_KEYS_FILE=$file"
  else
    echo "REHEARSE_AUTH_JWKS_URL=http://localhost:${PORT[gateway]}/.well-known/jwks.json"
  fi
}

# starts a service on its port and schema, as ./rehearse does; sets LAST_PID
bench_start_service() { # part, extra VAR=value environment...
  bench_start_instance "$1" 1 "${@:2}"
}

# instance n of a service: its port is the part's + (n-1)*10, as under ./rehearse up --scale
bench_start_instance() { # part, n, extra VAR=value environment...
  local part=$1 port=$((PORT[$1] + ($2 - 1) * 10)) log=$1
  (($2 == 1)) || log="$1-$2"
  shift 2
  echo "starting $log :$port"
  # shellcheck disable=SC2086
  DATASOURCES_DEFAULT_USERNAME="${part//-/_}" DATASOURCES_DEFAULT_PASSWORD="${DB_PASSWORD[$part]}" \
    env MICRONAUT_SERVER_PORT="$port" KAFKA_BOOTSTRAP_SERVERS="localhost:${PORT[kafka]}" \
    "$(bench_token_keys "$part")" \
    DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:${PORT[postgres]}/postgres?currentSchema=${SCHEMA[$part]}" \
    "$@" java $JAVA_OPTS -jar "${JAR[$part]}" >"$WORK/logs/$log.log" 2>&1 &
  LAST_PID=$!
  STARTED+=("$LAST_PID")
}

service_url() { echo "REHEARSE_SERVICES_${VAR[$1]}_URL=http://localhost:${PORT[$1]}"; } # for the gateway

bench_sign_up() { # gateway port; sets BENCH_TOKEN and BENCH_USER_ID (a new candidate account)
  local answer
  answer="$(curl -sf -H 'Content-Type: application/json' "http://localhost:$1/api/auth/register" \
    -d "{\"email\":\"bench-$(date +%s%N)@rehearse.test\",\"password\":\"benchmark password\",\"displayName\":\"Bench\"}")" ||
    { echo "could not sign up through the gateway" >&2; exit 1; }
  BENCH_TOKEN="$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$answer")"
  BENCH_USER_ID="$(sed -n 's/.*"user":{"id":"\([^"]*\)".*/\1/p' <<<"$answer")"
  [[ -n $BENCH_TOKEN && -n $BENCH_USER_ID ]] || { echo "unexpected sign-up answer: $answer" >&2; exit 1; }
}

machine() { echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)${1:+; $1}"; }
