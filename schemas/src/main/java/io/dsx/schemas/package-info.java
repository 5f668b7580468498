/**
 * dsx's Avro schemas and formats. This package owns the envelope and event schemas
 * ({@link io.dsx.schemas.DsxSchemas}: the {@code .avsc} files under {@code /avro} on the classpath
 * are the source of truth, every record and field carries a {@code doc}). Sub-packages:
 * {@code wire} (strict Avro binary and varints), {@code dataset} (dataset schemas, field tags,
 * compatibility), {@code record} (dataset records: codec, conversion, framing) and
 * {@code envelope} (the contribution envelope v1). Plain Java: no Spring, no Kafka.
 */
package io.dsx.schemas;
