/**
 * Typed codecs for what the gateway writes about contributions and decisions: the ledger entry
 * ({@link io.dsx.schemas.events.LedgerEntry}, topic {@code dsx.ledger}), the signed receipt derived
 * from it ({@link io.dsx.schemas.events.Receipt}), the stored-record headers
 * ({@link io.dsx.schemas.events.StoredRecordHeaders}); the audit log's format is
 * {@code io.dsx.schemas.audit}. Catalog events and the other topics' values use
 * {@link io.dsx.schemas.DsxSchemas} with {@link io.dsx.schemas.wire.AvroBinary} directly.
 */
package io.dsx.schemas.events;
