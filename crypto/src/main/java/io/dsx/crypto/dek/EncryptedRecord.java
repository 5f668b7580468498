package io.dsx.crypto.dek;

import java.util.Objects;
import java.util.Optional;

/**
 * The stored-record value for one record and the id of the DEK that sealed it. {@code newDek} is
 * present when this call started a new DEK: the caller writes it to {@code dsx.keys} in the same
 * transaction as the record, so no record is ever stored under a DEK that was not.
 */
public record EncryptedRecord(byte[] value, String keyId, Optional<WrappedDek> newDek) {

    public EncryptedRecord {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(newDek, "newDek");
    }

    @Override
    public String toString() {
        return "EncryptedRecord[keyId=" + keyId + ", " + value.length + " bytes, newDek=" + newDek.isPresent() + "]";
    }
}
