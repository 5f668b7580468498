/** The read benchmark: the data plane end to end vs KafkaConsumers on plaintext Avro, in one run on one broker. */
package io.dsx.bench.read;
