package io.dsx.policy.builtins.uri;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's {@code net/url} {@code shouldEscape}, {@code escape} and {@code unescape} for the modes uri.parse uses. */
final class Escaping {

    enum Mode {
        PATH,
        HOST,
        ZONE,
        USER_PASSWORD,
        FRAGMENT
    }

    private Escaping() {}

    static boolean shouldEscape(int c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            return switch (mode) {
                case PATH -> c == '?';
                case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
                case FRAGMENT -> false;
                default -> true;
            };
        }
        return !(mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0);
    }

    static String unescape(String s, Mode mode) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= b.length || hex(b[i + 1]) < 0 || hex(b[i + 2]) < 0) {
                    String bad = new String(b, i, Math.min(3, b.length - i), StandardCharsets.UTF_8);
                    throw escapeError(bad);
                }
                int v = hex(b[i + 1]) << 4 | hex(b[i + 2]);
                String triple = new String(b, i, 3, StandardCharsets.UTF_8);
                if (mode == Mode.HOST && hex(b[i + 1]) < 8 && !triple.equals("%25")) {
                    throw escapeError(triple);
                }
                if (mode == Mode.ZONE && !triple.equals("%25") && v != ' ' && shouldEscape(v, Mode.HOST)) {
                    throw escapeError(triple);
                }
                out.write(v);
                i += 2;
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new IllegalArgumentException(
                            "invalid character " + goQuote(String.valueOf((char) c)) + " in host name");
                }
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String escape(String s, Mode mode) {
        StringBuilder out = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && !shouldEscape(c, mode)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static int hex(byte b) {
        return Character.digit(b & 0xff, 16) >= 0 && (b & 0xff) < 0x80 ? Character.digit(b & 0xff, 16) : -1;
    }

    private static IllegalArgumentException escapeError(String s) {
        return new IllegalArgumentException("invalid URL escape " + goQuote(s));
    }

    /** Go's %q for text that needs no escapes beyond quotes and backslashes. */
    static String goQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
