package io.dsx.crypto.aead;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM (NIST SP 800-38D, 96-bit nonces, 128-bit tags) over large inputs, computed in pieces of
 * {@link #PIECE} bytes. Same bytes as one {@code Cipher.doFinal}; the difference is speed in a young JVM.
 *
 * <p>Why: HotSpot runs the JDK's AES-GCM as plain Java until C2 compiles it with the AES-NI/CLMUL
 * intrinsics, and C2 compiles a method only after it has been <em>called</em> often enough. One
 * {@code doFinal} over a 500 KB contribution is one call that loops for a long time in the slow code;
 * measured on the build machine (JDK 17, AVX-512): 30–70 MB/s for the first 400 or so such calls, then
 * 2–3 GB/s. Called in 8 KiB pieces, the same work reaches the intrinsics within a few dozen messages
 * (1.1–1.9 GB/s from the third batch of 40). A CLI run of 100 contributions never got there before.
 *
 * <p>Encryption is {@code update} per piece. The JDK's GCM decryption buffers everything until
 * {@code doFinal} (it must not release unverified plaintext), so a large input is opened as AES-CTR in
 * pieces starting at the GCM counter {@code inc32(J0)}, then authenticated by computing the tag again —
 * GCM-encrypting the recovered plaintext in pieces reproduces the ciphertext exactly and so its tag — and
 * comparing tags in constant time. No plaintext leaves this class before the tags match; on a mismatch
 * the plaintext buffer is wiped. Small inputs use one plain {@code doFinal}.
 */
public final class Gcm {

    /** Bytes per {@code update} call. */
    public static final int PIECE = 8 * 1024;
    /** Ciphertexts at least this long are opened in pieces (CTR, then the tag recomputed). */
    static final int PIECEWISE_OPEN_FROM = 32 * 1024;

    private static final int TAG = 16;
    private static final int NONCE = 12;

    private Gcm() {}

    /**
     * Encrypts {@code in[off, off + len)} with {@code c} (initialised for GCM encryption, AAD already given)
     * into {@code out} at {@code outOff}: the ciphertext then the 16-byte tag. Returns the bytes written.
     */
    public static int encrypt(Cipher c, byte[] in, int off, int len, byte[] out, int outOff)
            throws GeneralSecurityException {
        Objects.checkFromIndexSize(off, len, in.length);
        int written = 0;
        while (len > PIECE) {
            written += c.update(in, off, PIECE, out, outOff + written);
            off += PIECE;
            len -= PIECE;
        }
        return written + c.doFinal(in, off, len, out, outOff + written);
    }

    /**
     * Decrypts {@code in[off, off + len)} = ciphertext || 16-byte tag under {@code key} (16, 24 or 32 bytes),
     * the 12-byte {@code nonce} and {@code aad} (may be empty).
     *
     * @throws AEADBadTagException if the tag does not verify (any altered byte, wrong key, nonce or aad)
     */
    public static byte[] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] in, int off, int len)
            throws GeneralSecurityException {
        Objects.checkFromIndexSize(off, len, in.length);
        if (nonce.length != NONCE) {
            throw new IllegalArgumentException("AES-GCM here takes 12-byte nonces");
        }
        if (len < TAG) {
            throw new AEADBadTagException("input shorter than the tag");
        }
        SecretKeySpec k = new SecretKeySpec(key, "AES");
        int ctLen = len - TAG;
        if (ctLen < PIECEWISE_OPEN_FROM) {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG * 8, nonce));
            if (aad.length > 0) {
                c.updateAAD(aad);
            }
            return c.doFinal(in, off, len);
        }
        // inc32(J0) for a 96-bit nonce: nonce || 00 00 00 02. The JDK's CTR increments all 128 bits; the
        // low 32 bits would carry only after 2^32 - 2 blocks (64 GiB), far past any input accepted here.
        byte[] counter = Arrays.copyOf(nonce, 16);
        counter[15] = 2;
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.DECRYPT_MODE, k, new IvParameterSpec(counter));
        byte[] plain = new byte[ctLen];
        int done = 0;
        while (ctLen - done > PIECE) {
            done += ctr.update(in, off + done, PIECE, plain, done);
        }
        ctr.doFinal(in, off + done, ctLen - done, plain, done);
        // a fresh instance: the JDK refuses to re-initialise one Cipher for encryption with the key and
        // nonce it last used, and the same message may well be opened twice in a row
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG * 8, nonce));
        if (aad.length > 0) {
            gcm.updateAAD(aad);
        }
        byte[] scratch = new byte[PIECE + 2 * TAG];
        int p = 0;
        while (ctLen - p > PIECE) {
            gcm.update(plain, p, PIECE, scratch, 0);
            p += PIECE;
        }
        int last = gcm.doFinal(plain, p, ctLen - p, scratch, 0);
        byte[] tag = Arrays.copyOfRange(scratch, last - TAG, last);
        byte[] given = Arrays.copyOfRange(in, off + ctLen, off + len);
        if (!MessageDigest.isEqual(tag, given)) {
            Arrays.fill(plain, (byte) 0);
            throw new AEADBadTagException("Tag mismatch");
        }
        return plain;
    }
}
