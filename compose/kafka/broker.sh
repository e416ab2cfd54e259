#!/usr/bin/env bash
# docker compose's Kafka broker (the official image) with SASL: writes the broker's JAAS file from
# REHEARSE_KAFKA_ADMIN_PASSWORD, then runs the image's own start script. Services sign in with
# SCRAM-SHA-256 (their credentials are set by kafka-init.sh); the broker's admin, the only super
# user, signs in with PLAIN (the controller listener cannot check SCRAM, and a new data directory has
# no SCRAM credential yet). The password never reaches a command line.
set -euo pipefail
: "${REHEARSE_KAFKA_ADMIN_PASSWORD:?set REHEARSE_KAFKA_ADMIN_PASSWORD}"
config=/opt/kafka/config
escaped="${REHEARSE_KAFKA_ADMIN_PASSWORD//\\/\\\\}"
escaped="${escaped//\"/\\\"}"
admin="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"$escaped\""
umask 077
cat >"$config/rehearse-jaas.conf" <<JAAS
client.KafkaServer {
  org.apache.kafka.common.security.scram.ScramLoginModule required;
  $admin user_admin="$escaped";
};
controller.KafkaServer {
  $admin user_admin="$escaped";
};
JAAS
# for the healthcheck and kafka-init
cat >"$config/rehearse-admin.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=$admin;
PROPERTIES
unset REHEARSE_KAFKA_ADMIN_PASSWORD escaped admin
export KAFKA_OPTS="${KAFKA_OPTS:+$KAFKA_OPTS }-Djava.security.auth.login.config=$config/rehearse-jaas.conf"
exec /etc/kafka/docker/run
