package io.dsx.policy.builtins.jwt;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * JOSE carries ECDSA signatures as {@code r || s} (fixed width); the JDK verifier wants DER. OPA splits
 * the raw signature in two halves whatever its length, so this does too.
 */
final class EcdsaSignatures {

    private EcdsaSignatures() {}

    static byte[] rawToDer(byte[] raw) {
        int n = raw.length / 2;
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, n)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, n, raw.length)).toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeTlv(body, 0x02, r);
        writeTlv(body, 0x02, s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTlv(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] v) {
        out.write(tag);
        if (v.length < 0x80) {
            out.write(v.length);
        } else if (v.length < 0x100) {
            out.write(0x81);
            out.write(v.length);
        } else {
            out.write(0x82);
            out.write(v.length >> 8);
            out.write(v.length);
        }
        out.writeBytes(v);
    }
}
