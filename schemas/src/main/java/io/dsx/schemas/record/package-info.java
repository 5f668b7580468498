/**
 * Dataset records. Owns {@link io.dsx.schemas.record.RecordCodec} (a record to and from the Avro
 * binary of its dataset schema, strictly), {@link io.dsx.schemas.record.RecordConverter} (CSV
 * cells and NDJSON lines to records, with errors that name the field and the expected type but
 * never echo the value) and {@link io.dsx.schemas.record.RecordFraming} (the envelope plaintext:
 * {@code salt[16] || LEB128 length || record bytes}, repeated).
 */
package io.dsx.schemas.record;
