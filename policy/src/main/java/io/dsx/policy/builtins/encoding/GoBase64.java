package io.dsx.policy.builtins.encoding;

import java.io.ByteArrayOutputStream;

/**
 * Go's {@code encoding/base64} padded decoders: CR and LF are skipped, anything else invalid fails
 * with {@code illegal base64 data at input byte N}, counted as Go counts it.
 */
public final class GoBase64 {

    private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private GoBase64() {}

    public static byte[] decodeStd(String s) {
        return decode(s, STD);
    }

    public static byte[] decodeUrl(String s) {
        return decode(s, URL);
    }

    private static byte[] decode(String s, String alphabet) {
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
                    throw corrupt(si - j);
                }
                int c = src[si++] & 0xff;
                if (c == '\n' || c == '\r') {
                    continue;
                }
                if (c == '=') {
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

    private static IllegalArgumentException corrupt(int at) {
        return new IllegalArgumentException("illegal base64 data at input byte " + at);
    }
}
