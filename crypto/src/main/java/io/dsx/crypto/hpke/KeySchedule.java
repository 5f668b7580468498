package io.dsx.crypto.hpke;

import io.dsx.crypto.aead.Gcm;
import io.dsx.crypto.hash.Hkdf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * RFC 9180 for the one suite dsx uses, single-shot base mode: DHKEM(X25519, HKDF-SHA256) (§4.1,
 * §7.1.3), the key schedule (§5.1) and the first AEAD message (sequence 0, so the nonce is the base
 * nonce). Written out here so the AEAD is the JDK's AES-GCM (hardware-accelerated) rather than a
 * pure-Java one: opening a 500 KB contribution is the gateway's hot path. Bouncy Castle still does
 * the X25519 scalar multiplication. Checked against RFC 9180's published vector.
 */
final class KeySchedule {

    private static final byte[] HPKE_V1 = ascii("HPKE-v1");
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] KEM_SUITE = {'K', 'E', 'M', 0x00, 0x20};
    private static final byte[] HPKE_SUITE = {'H', 'P', 'K', 'E', 0x00, 0x20, 0x00, 0x01, 0x00, 0x02};
    private static final int NSECRET = 32;
    private static final int NK = 32;
    private static final int NN = 12;

    record Context(byte[] key, byte[] baseNonce) {}

    private KeySchedule() {}

    /** DeriveKeyPair(ikm) for X25519 (§7.1.3). */
    static X25519PrivateKeyParameters deriveKeyPair(byte[] ikm) {
        byte[] prk = labeledExtract(KEM_SUITE, EMPTY, "dkp_prk", ikm);
        return new X25519PrivateKeyParameters(labeledExpand(KEM_SUITE, prk, "sk", EMPTY, 32), 0);
    }

    /** Encap with a given ephemeral key: returns the context and writes enc into {@code encOut}. */
    static Context sender(X25519PrivateKeyParameters ephemeral, byte[] pkR, byte[] info, byte[] encOut) {
        byte[] enc = ephemeral.generatePublicKey().getEncoded();
        System.arraycopy(enc, 0, encOut, 0, enc.length);
        byte[] dh = dh(ephemeral, pkR);
        return schedule(sharedSecret(dh, enc, pkR), info);
    }

    /** Decap (§4.1) then the key schedule. */
    static Context receiver(X25519PrivateKeyParameters skR, byte[] enc, byte[] info) {
        byte[] pkR = skR.generatePublicKey().getEncoded();
        return schedule(sharedSecret(dh(skR, enc), enc, pkR), info);
    }

    static byte[] seal(Context ctx, byte[] aad, byte[] plaintext) {
        try {
            byte[] out = new byte[plaintext.length + HpkeSuite.TAG_LENGTH];
            Gcm.encrypt(cipher(Cipher.ENCRYPT_MODE, ctx, aad), plaintext, 0, plaintext.length, out, 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused to seal", e);
        }
    }

    /** @throws AEADBadTagException if anything was altered */
    static byte[] open(Context ctx, byte[] aad, byte[] ciphertext) throws GeneralSecurityException {
        return Gcm.decrypt(ctx.key(), ctx.baseNonce(), aad, ciphertext, 0, ciphertext.length);
    }

    private static Cipher cipher(int mode, Context ctx, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(ctx.key(), "AES"), new GCMParameterSpec(128, ctx.baseNonce()));
        if (aad.length > 0) {
            c.updateAAD(aad);
        }
        return c;
    }

    private static byte[] dh(X25519PrivateKeyParameters sk, byte[] pk) {
        if (pk.length != X25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("X25519 public key must be 32 bytes");
        }
        byte[] out = new byte[32];
        sk.generateSecret(new X25519PublicKeyParameters(pk, 0), out, 0); // refuses an all-zero result (§7.1.4)
        return out;
    }

    private static byte[] sharedSecret(byte[] dh, byte[] enc, byte[] pkR) {
        byte[] eaePrk = labeledExtract(KEM_SUITE, EMPTY, "eae_prk", dh);
        return labeledExpand(KEM_SUITE, eaePrk, "shared_secret", concat(enc, pkR), NSECRET);
    }

    private static Context schedule(byte[] sharedSecret, byte[] info) {
        byte[] pskIdHash = labeledExtract(HPKE_SUITE, EMPTY, "psk_id_hash", EMPTY);
        byte[] infoHash = labeledExtract(HPKE_SUITE, EMPTY, "info_hash", info);
        byte[] context = concat(new byte[] {0x00}, pskIdHash, infoHash); // mode_base
        byte[] secret = labeledExtract(HPKE_SUITE, sharedSecret, "secret", EMPTY);
        return new Context(
                labeledExpand(HPKE_SUITE, secret, "key", context, NK),
                labeledExpand(HPKE_SUITE, secret, "base_nonce", context, NN));
    }

    private static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm) {
        return Hkdf.extract(salt, concat(HPKE_V1, suite, ascii(label), ikm));
    }

    private static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length) {
        byte[] l = {(byte) (length >>> 8), (byte) length};
        return Hkdf.expand(prk, concat(l, HPKE_V1, suite, ascii(label), info), length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
