#!/bin/sh
# Starts one compose Kafka node (combined broker and controller), locked down: SASL on every listener,
# the standard KRaft authorizer, no access where no ACL matches, the broker's own principal the only
# super user. CLIENT (9092, SCRAM-SHA-512) serves the gateways; BROKER (9094) and CONTROLLER (9093)
# carry the nodes' own traffic, authenticated as dsx-broker with PLAIN (KRaft cannot use SCRAM for
# the controller: its credentials live in the metadata the controller serves). Passwords are read from
# the secrets volume into an owner-only config file, never onto a command line.
# Environment: NODE_ID, VOTERS (1@kafka-1:9093,...), REPLICATION (3), MIN_ISR (2).
set -eu
umask 077
s=/run/dsx/kafka
data=/var/lib/kafka/data
conf="$data/server.properties"
pw="$(cat "$s/broker-password")"
plain="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"dsx-broker\" password=\"$pw\" user_dsx-broker=\"$pw\";"
host="$(hostname)"
cat > "$conf" <<PROPS
process.roles=broker,controller
node.id=$NODE_ID
controller.quorum.voters=$VOTERS
listeners=CLIENT://:9092,CONTROLLER://:9093,BROKER://:9094
advertised.listeners=CLIENT://$host:9092,BROKER://$host:9094
controller.listener.names=CONTROLLER
inter.broker.listener.name=BROKER
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.broker.sasl.enabled.mechanisms=PLAIN
listener.name.broker.plain.sasl.jaas.config=$plain
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=$plain
sasl.mechanism.inter.broker.protocol=PLAIN
sasl.mechanism.controller.protocol=PLAIN
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:dsx-broker
log.dirs=$data/logs
auto.create.topics.enable=false
default.replication.factor=$REPLICATION
min.insync.replicas=$MIN_ISR
offsets.topic.replication.factor=$REPLICATION
transaction.state.log.replication.factor=$REPLICATION
transaction.state.log.min.isr=$MIN_ISR
PROPS
chmod 600 "$conf"
if [ ! -f "$data/logs/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format -t "$(cat "$s/cluster-id")" -c "$conf"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$conf"
