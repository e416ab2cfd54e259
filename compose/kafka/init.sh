#!/usr/bin/env bash
# docker compose's one-shot kafka-init: signs in to the broker as its admin and gives every principal
# of kafka.acl its SCRAM-SHA-256 password (REHEARSE_KAFKA_<VAR>_PASSWORD, VAR from suite.parts) and
# the ACLs the table grants, the same ones the launcher of ./rehearse up sets (KafkaAccess):
#   writes: Write and Create on each topic, Create on its .dlq    reads: Read on each topic, Write on its .dlq
#   groups: Read on the prefix                                     and DescribeConfigs on the cluster
# Adding an ACL that exists is a no-op, so this runs at every `docker compose up`. (A grant removed
# from the table must also be removed with kafka-acls.sh --remove: this script only adds.)
set -euo pipefail
: "${REHEARSE_KAFKA_ADMIN_PASSWORD:?set REHEARSE_KAFKA_ADMIN_PASSWORD}"
bin=/opt/kafka/bin
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
escaped="${REHEARSE_KAFKA_ADMIN_PASSWORD//\\/\\\\}"
escaped="${escaped//\"/\\\"}"
umask 077
cat >"$work/admin.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$escaped";
PROPERTIES
connect=(--bootstrap-server "${KAFKA_BOOTSTRAP:-kafka:9092}" --command-config "$work/admin.properties")

declare -A VAR=()
while read -r part _ _ _ var; do
  [[ -z $part || $part == '#'* ]] || VAR[$part]=$var
done </rehearse/suite.parts

# "--topic a --topic b" for a comma-separated list, each name with an optional suffix
topics() {
  local topic
  IFS=, read -ra list <<<"$1"
  for topic in "${list[@]}"; do printf -- '--topic\n%s\n' "$topic$2"; done
}

acl() { "$bin/kafka-acls.sh" "${connect[@]}" --add --allow-principal "User:$principal" "$@" >/dev/null; }

while read -r principal writes reads groups; do
  [[ -z $principal || $principal == '#'* ]] && continue
  password_var="REHEARSE_KAFKA_${VAR[$principal]:?$principal is not in suite.parts}_PASSWORD"
  password="${!password_var:?set $password_var}"
  echo "kafka-init: $principal"
  "$bin/kafka-configs.sh" "${connect[@]}" --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-256=[password=$password]" >/dev/null
  mapfile -t owned <<<"$(topics "$writes" "")"
  mapfile -t owned_dlq <<<"$(topics "$writes" .dlq)"
  mapfile -t consumed <<<"$(topics "$reads" "")"
  mapfile -t consumed_dlq <<<"$(topics "$reads" .dlq)"
  acl --operation Write --operation Create "${owned[@]}"
  acl --operation Create "${owned_dlq[@]}"
  acl --operation Read "${consumed[@]}"
  acl --operation Write "${consumed_dlq[@]}"
  acl --operation Read --group "$groups" --resource-pattern-type prefixed
  acl --operation DescribeConfigs --cluster
done </rehearse/kafka.acl
echo "kafka-init: users and ACLs of kafka.acl are set"
