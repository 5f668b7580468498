#!/bin/sh
# One-shot, first start of compose: generates the Kafka secrets that nothing else may know, into two
# volumes, owner-only. Never overwrites: a restart keeps them. Runs as root only to hand each file to
# its reader (the Kafka image's appuser 1000, the gateway image's dsx 10001).
set -eu
umask 077
k=/run/dsx/kafka
g=/run/dsx/gateway-kafka
gen() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
[ -s "$k/broker-password" ] || gen > "$k/broker-password"
[ -s "$k/gateway-password" ] || gen > "$k/gateway-password"
[ -s "$k/cluster-id" ] || /opt/kafka/bin/kafka-storage.sh random-uuid | tr -d '\n' > "$k/cluster-id"
# the gateway reads these as Spring Boot settings (a config tree: file name = setting, content = value)
printf 'SASL_PLAINTEXT' > "$g/spring.kafka.security.protocol"
printf 'SCRAM-SHA-512' > "$g/spring.kafka.properties.sasl.mechanism"
printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="dsx-gateway" password="%s";' \
  "$(cat "$k/gateway-password")" > "$g/spring.kafka.properties.sasl.jaas.config"
chown -R 1000:1000 "$k" && chmod 700 "$k" && chmod 400 "$k"/*
chown -R 10001:10001 "$g" && chmod 700 "$g" && chmod 400 "$g"/*
echo "dsx secrets: ready"
