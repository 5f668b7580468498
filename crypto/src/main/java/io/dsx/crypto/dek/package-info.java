/**
 * Per-dataset data-encryption keys (DEKs). {@link io.dsx.crypto.dek.DekManager} leases the dataset's
 * current DEK to a writer for a number of records, rotates it by record count and by age (time from an
 * injected {@link java.time.Clock}), hands every new DEK back only in wrapped form
 * ({@link io.dsx.crypto.dek.WrappedDek}, for the compacted topic {@code dsx.keys}), and loads wrapped
 * DEKs back at start. The stored layout sealed under these keys is owned by dsx-schemas'
 * {@code io.dsx.schemas.stored.StoredSegment}.
 */
package io.dsx.crypto.dek;
