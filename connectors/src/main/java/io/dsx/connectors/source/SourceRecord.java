package io.dsx.connectors.source;

import org.apache.avro.generic.GenericRecord;

/** One record converted to the dataset schema, and the line its source row starts on. */
public record SourceRecord(GenericRecord record, long line) {}
