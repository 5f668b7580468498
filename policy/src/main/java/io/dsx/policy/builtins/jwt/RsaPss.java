package io.dsx.policy.builtins.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * RSASSA-PSS verification (RFC 8017 section 9.1.2) with the salt length detected from the
 * signature, as Go's {@code rsa.VerifyPSS} does with {@code PSSSaltLengthAuto}. The JDK's
 * {@code RSASSA-PSS} needs the salt length up front, which tokens do not carry.
 */
final class RsaPss {

    private RsaPss() {}

    static boolean verify(RSAPublicKey key, String digestName, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(digestName);
        byte[] mHash = md.digest(message);
        int hLen = mHash.length;
        int modBits = key.getModulus().bitLength();
        int emBits = modBits - 1;
        int emLen = (emBits + 7) / 8;
        int k = (modBits + 7) / 8;
        if (signature.length != k) {
            return false;
        }
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(key.getModulus()) >= 0) {
            return false;
        }
        byte[] em = toFixed(s.modPow(key.getPublicExponent(), key.getModulus()), emLen);
        if (em == null || emLen < hLen + 2 || (em[emLen - 1] & 0xff) != 0xbc) {
            return false;
        }
        int dbLen = emLen - hLen - 1;
        byte[] h = Arrays.copyOfRange(em, dbLen, dbLen + hLen);
        int topMask = 0xff >>> (8 * emLen - emBits);
        if ((em[0] & ~topMask & 0xff) != 0) {
            return false;
        }
        byte[] db = mgf1(md, h, dbLen);
        for (int i = 0; i < dbLen; i++) {
            db[i] ^= em[i];
        }
        db[0] &= (byte) topMask;
        int i = 0;
        while (i < dbLen && db[i] == 0) {
            i++;
        }
        if (i == dbLen || db[i] != 1) {
            return false;
        }
        byte[] salt = Arrays.copyOfRange(db, i + 1, dbLen);
        md.reset();
        md.update(new byte[8]);
        md.update(mHash);
        md.update(salt);
        return MessageDigest.isEqual(md.digest(), h);
    }

    private static byte[] toFixed(BigInteger m, int len) {
        byte[] raw = m.toByteArray();
        int start = 0;
        while (start < raw.length - 1 && raw[start] == 0) {
            start++;
        }
        int n = raw.length - start;
        if (n > len) {
            return null;
        }
        byte[] out = new byte[len];
        System.arraycopy(raw, start, out, len - n, n);
        return out;
    }

    private static byte[] mgf1(MessageDigest md, byte[] seed, int len) {
        byte[] out = new byte[len];
        int done = 0;
        for (int counter = 0; done < len; counter++) {
            md.reset();
            md.update(seed);
            md.update(
                    new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter
                    });
            byte[] block = md.digest();
            int n = Math.min(block.length, len - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }
}
