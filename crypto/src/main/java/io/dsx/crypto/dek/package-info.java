/**
 * Per-dataset data-encryption keys (DEKs) and the stored-record value of DESIGN §3.2.
 * {@link io.dsx.crypto.dek.DekManager} encrypts records under the dataset's current DEK, rotates it by
 * record count and by age (time from an injected {@link java.time.Clock}), hands every new DEK back only
 * in wrapped form ({@link io.dsx.crypto.dek.WrappedDek}, for the compacted topic {@code dsx.keys}), and
 * loads wrapped DEKs back at start. {@link io.dsx.crypto.dek.StoredRecordValue} owns the byte layout.
 */
package io.dsx.crypto.dek;
