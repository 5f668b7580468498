/** The ingest benchmark: gateway path vs a raw KafkaProducer, measured in one run on one broker. */
package io.dsx.bench.ingest;
