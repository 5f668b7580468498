/**
 * Source readers: stream CSV (RFC 4180) and NDJSON files into records of a dataset schema, one at
 * a time, and cut them into contributions of bounded size ({@link io.dsx.connectors.source.Batcher}).
 * Every failure is a {@link io.dsx.connectors.source.SourceException} naming file and line (and the
 * field), never the offending value: it may be personal data. Nothing here holds a whole file.
 */
package io.dsx.connectors.source;
