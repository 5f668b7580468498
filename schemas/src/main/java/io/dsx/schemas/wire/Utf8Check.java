package io.dsx.schemas.wire;

/**
 * Well-formed UTF-8 (RFC 3629, Unicode Table 3-7): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequence. Checks bytes in place, so validating a record allocates nothing;
 * accepts exactly what the JDK's reporting UTF-8 decoder accepts.
 */
final class Utf8Check {
    private Utf8Check() {}

    static boolean isValid(byte[] b, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + need >= end) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
