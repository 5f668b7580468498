package io.dsx.crypto.kms;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.aead.AesGcmKey;

/**
 * Wraps data keys under named key-encryption keys. Implementations keep KEK material to
 * themselves, are safe for concurrent use, and report expected failures as {@link CryptoException}:
 * UNKNOWN_KEY for a KEK they do not hold, DECRYPTION_FAILED for a wrapped key that does not unwrap,
 * KEY_STORE when their backing store fails.
 */
public interface KeyManagementService {

    /** True when the KEK {@code kekName} exists. */
    boolean hasKek(String kekName) throws CryptoException;

    /** Creates the KEK {@code kekName} if it does not exist yet (idempotent). */
    void createKek(String kekName) throws CryptoException;

    /** A fresh AES-256 DEK and its form wrapped under {@code kekName}. */
    DekPair generateDek(String kekName) throws CryptoException;

    /** The DEK inside {@code wrapped}. */
    AesGcmKey unwrap(WrappedKey wrapped) throws CryptoException;
}
