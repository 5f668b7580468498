#!/bin/sh
# One-shot, after the nodes start: gives the gateway's principal (dsx-gateway) its SCRAM credential
# and its ACLs, the only grants besides the broker's own super user (the same list as
# io.dsx.compose.KafkaAcls, which the local stack and the tests use; KafkaAclsTest checks they agree):
# topics dsx.* read, write, create, describe, describe-configs (never delete or alter); consumer groups
# and transactional ids starting with dsx. Idempotent; retries until the cluster answers. The password
# reaches the admin tools through owner-only files on a tmpfs, never through a command line.
set -eu
umask 077
s=/run/dsx/kafka
bootstrap=kafka-1:9094,kafka-2:9094,kafka-3:9094
admin=/tmp/dsx-broker.properties
cat > "$admin" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="dsx-broker" password="$(cat "$s/broker-password")";
PROPS
# a java argument file keeps the SCRAM password off the command line (kafka-configs takes it as an argument)
args=/tmp/dsx-scram.args
cat > "$args" <<ARGS
-cp
/opt/kafka/libs/*
kafka.admin.ConfigCommand
--bootstrap-server
$bootstrap
--command-config
$admin
--alter
--entity-type
users
--entity-name
dsx-gateway
--add-config
SCRAM-SHA-512=[iterations=8192,password=$(cat "$s/gateway-password")]
ARGS
acl() { /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$admin" --add \
  --allow-principal User:dsx-gateway --resource-pattern-type prefixed "$@"; }
for attempt in $(seq 1 60); do
  if java @"$args" \
     && acl --topic dsx. --operation Read --operation Write --operation Create --operation Describe --operation DescribeConfigs \
     && acl --group dsx --operation Read --operation Describe \
     && acl --transactional-id dsx --operation Write --operation Describe; then
    rm -f "$args" "$admin"
    echo "dsx kafka setup: gateway principal and ACLs in place"
    exit 0
  fi
  echo "dsx kafka setup: cluster not ready (attempt $attempt), retrying in 5 s"
  sleep 5
done
rm -f "$args" "$admin"
echo "dsx kafka setup: failed" >&2
exit 1
