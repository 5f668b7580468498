/**
 * The gateway's audit log: {@link io.dsx.gateway.audit.AuditLog} (one partition of {@code dsx.audit}, one
 * writer, group-committed transactions, signed checkpoints) and the event builder. The format is owned by
 * {@code io.dsx.schemas.audit}; the decision record is docs/decisions/2026-12-08-audit-log-one-writer-per-partition.md.
 */
package io.dsx.gateway.audit;
