/**
 * The auditor's side of the audit log (DESIGN §3.5, docs/auditing.md): the export directory
 * ({@link io.dsx.connectors.audit.AuditExport}, written by {@link io.dsx.connectors.audit.AuditExporter} from
 * the gateway's auditor API), and what runs over it: verification of every log against its signed
 * checkpoints and a checkpoint the auditor saved ({@link io.dsx.connectors.audit.ExportVerification}),
 * replay of every recorded decision under its recorded policy revision or a what-if bundle
 * ({@link io.dsx.connectors.audit.AuditReplay}), the access query ({@link io.dsx.connectors.audit.AccessQuery}),
 * the accounting of disclosures for one data subject ({@link io.dsx.connectors.audit.Disclosures}) and the
 * regulator's HTML report ({@link io.dsx.connectors.audit.AuditReport}).
 *
 * <p>Everything read from an export or a gateway is bounded ({@link io.dsx.connectors.audit.ExportLimits}):
 * a hostile export cannot exhaust the tools. The event format and its checks belong to
 * {@code io.dsx.schemas.audit}; this package never re-implements them. A subject identifier given to
 * {@link io.dsx.connectors.audit.Disclosures} goes only to the gateway's subject-hash endpoint.
 * Plain Java: no Spring, no Kafka.
 */
package io.dsx.connectors.audit;
