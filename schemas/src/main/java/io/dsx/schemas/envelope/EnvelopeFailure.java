package io.dsx.schemas.envelope;

/**
 * Why an envelope was refused. The names are stable API (the gateway maps them to HTTP problem
 * types and clients match on them); the detail text may improve.
 */
public enum EnvelopeFailure {
    /** Not a valid v1 envelope: bad Avro, trailing bytes, bad field values, bad framing. */
    MALFORMED,
    /** Larger than the limits: body size or record count. */
    TOO_LARGE,
    /** A manifest version other than 1. */
    UNSUPPORTED_VERSION,
    /** A signature algorithm dsx does not know. */
    UNSUPPORTED_ALGORITHM,
    /** The signature does not verify with the signer's certificate (or does not fit its key). */
    BAD_SIGNATURE,
    /** The recipient key id is not one of the gateway's keys. */
    UNKNOWN_RECIPIENT_KEY,
    /** HPKE open failed: wrong key, altered ciphertext, or a manifest other than the sealed one. */
    DECRYPT_FAILED,
    /** The records' Merkle root differs from the manifest's. */
    MERKLE_MISMATCH,
    /** The number of records differs from the manifest's recordCount. */
    COUNT_MISMATCH,
    /** A record is not valid Avro binary of the dataset schema version named in the manifest. */
    BAD_RECORD
}
