package io.dsx.crypto.hpke;

/** The one HPKE suite dsx uses (RFC 9180 §7 identifiers). */
public final class HpkeSuite {

    /** RFC 9180 §5: mode_base, no PSK, no sender authentication. */
    public static final int MODE_BASE = 0x00;
    /** DHKEM(X25519, HKDF-SHA256). */
    public static final int KEM_ID = 0x0020;
    /** HKDF-SHA256. */
    public static final int KDF_ID = 0x0001;
    /** AES-256-GCM. */
    public static final int AEAD_ID = 0x0002;
    /** Nenc: length of the encapsulated key (an X25519 public key). */
    public static final int ENC_LENGTH = 32;
    /** Npk: length of a serialized recipient public key. */
    public static final int PUBLIC_KEY_LENGTH = 32;
    /** Nt: AES-GCM tag length appended to every ciphertext. */
    public static final int TAG_LENGTH = 16;
    /** Human-readable suite name, as written in the design. */
    public static final String NAME = "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM";

    private HpkeSuite() {}
}
