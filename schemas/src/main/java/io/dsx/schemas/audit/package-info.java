/**
 * The audit log's format, with one owner (DESIGN §3.5): the event ({@link io.dsx.schemas.audit.AuditEvent},
 * a superset of OPA's decision-log event, with {@link io.dsx.schemas.audit.AuditDetail}), its one canonical
 * encoding ({@link io.dsx.schemas.audit.AuditCodec}, {@link io.dsx.schemas.audit.CanonicalJson}), the hash
 * chain ({@link io.dsx.schemas.audit.AuditChain}), the RFC 6962 tree over events
 * ({@link io.dsx.schemas.audit.AuditTree}), the binding to C2SP signed checkpoints and their proofs
 * ({@link io.dsx.schemas.audit.AuditCheckpoints}), and the verifier that recomputes all of it and names the
 * first bad position ({@link io.dsx.schemas.audit.AuditVerifier}, {@link io.dsx.schemas.audit.Verdict}).
 *
 * <p>A log is one {@code dsx.audit} partition, written by one writer at a time; its origin is
 * {@code <audit key name>/<partition>}. Events never hold a record value or a subject identifier in
 * clear: subjects served appear only as keyed hashes. Plain Java: no Spring, no Kafka.
 */
package io.dsx.schemas.audit;
