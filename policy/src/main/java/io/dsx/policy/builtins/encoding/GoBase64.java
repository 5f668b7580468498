package io.dsx.policy.builtins.encoding;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.io.ByteArrayOutputStream;

/**
 * The engine's one base64 decoder, as Go's {@code encoding/base64} (OPA's conformance cases quote
 * its errors): CR and LF are skipped, anything else invalid fails with a {@link BuiltinFailure}
 * {@code illegal base64 data at input byte N}, counted in UTF-8 bytes as Go counts it.
 */
public final class GoBase64 {

    private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private GoBase64() {}

    /** Go's {@code base64.StdEncoding.DecodeString}. */
    public static byte[] decodeStd(String s) {
        return decode(s, STD, true);
    }

    /** Go's {@code base64.URLEncoding.DecodeString}. */
    public static byte[] decodeUrl(String s) {
        return decode(s, URL, true);
    }

    /** Go's {@code base64.RawURLEncoding.DecodeString} (no padding allowed). */
    public static byte[] decodeRawUrl(String s) {
        return decode(s, URL, false);
    }

    /**
     * OPA's {@code base64url.decode} and JWT segments: adds missing padding (RFC 7515 appendix C),
     * then decodes padded URL-safe base64.
     */
    public static byte[] decodeUrlLenient(String s) {
        String padded = s;
        if (!s.endsWith("=")) {
            switch (s.length() % 4) {
                case 0 -> {}
                case 2 -> padded = s + "==";
                case 3 -> padded = s + "=";
                default -> throw new BuiltinFailure("illegal base64url string: " + s);
            }
        }
        return decode(padded, URL, true);
    }

    private static byte[] decode(String s, String alphabet, boolean padded) {
        byte[] src = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        while (true) {
            int[] quantum = new int[4];
            int j = 0;
            int padding = 0;
            while (j < 4) {
                if (si == src.length) {
                    if (j == 0 && padding == 0) {
                        return out.toByteArray();
                    }
                    if (!padded && j > 1) {
                        return flushPartial(quantum, j, out);
                    }
                    throw corrupt(si - j);
                }
                int c = src[si++] & 0xff;
                if (c == '\n' || c == '\r') {
                    continue;
                }
                if (c == '=' && padded) {
                    padding = padEnd(src, si, j);
                    si = padding;
                    break;
                }
                int v = c < 128 ? alphabet.indexOf(c) : -1;
                if (v < 0) {
                    throw corrupt(si - 1);
                }
                quantum[j++] = v;
            }
            int value = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
            out.write(value >> 16);
            if (j > 2) {
                out.write(value >> 8 & 0xff);
            }
            if (j > 3) {
                out.write(value & 0xff);
            }
            if (padding > 0) {
                return out.toByteArray();
            }
        }
    }

    /** The bytes of a final quantum of j (2 or 3) characters without padding. */
    private static byte[] flushPartial(int[] quantum, int j, ByteArrayOutputStream out) {
        int value = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6;
        out.write(value >> 16);
        if (j > 2) {
            out.write(value >> 8 & 0xff);
        }
        return out.toByteArray();
    }

    /** Validates '=' padding that starts at si-1 with j data characters read; returns the end position. */
    private static int padEnd(byte[] src, int si, int j) {
        if (j < 2) {
            throw corrupt(si - 1);
        }
        int pos = si;
        if (j == 2) {
            while (pos < src.length && (src[pos] == '\n' || src[pos] == '\r')) {
                pos++;
            }
            if (pos == src.length) {
                throw corrupt(src.length);
            }
            if (src[pos] != '=') {
                throw corrupt(pos - 1);
            }
            pos++;
        }
        while (pos < src.length && (src[pos] == '\n' || src[pos] == '\r')) {
            pos++;
        }
        if (pos < src.length) {
            throw corrupt(pos);
        }
        return pos;
    }

    private static BuiltinFailure corrupt(int at) {
        return new BuiltinFailure("illegal base64 data at input byte " + at);
    }
}
