package io.dsx.policy.builtins.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Go's {@code net/url} query escaping: {@code QueryEscape}, {@code QueryUnescape}, {@code Values.Encode}, {@code ParseQuery}. */
public final class UrlQuery {

    private UrlQuery() {}

    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    public static String unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()
                        || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    String bad = s.substring(i, Math.min(s.length(), i + 3));
                    throw new IllegalArgumentException("invalid URL escape \"" + bad + "\"");
                }
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code url.Values.Encode}: keys sorted, values in order. */
    public static String encode(Map<String, List<String>> values) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(values).forEach((k, vs) -> {
            for (String v : vs) {
                out.append(out.length() > 0 ? "&" : "")
                        .append(escape(k))
                        .append('=')
                        .append(escape(v));
            }
        });
        return out.toString();
    }

    /** {@code url.ParseQuery}: '&'-separated pairs; a ';' is an error as in Go 1.17+. */
    public static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String part : query.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.contains(";")) {
                throw new IllegalArgumentException("invalid semicolon separator in query");
            }
            int eq = part.indexOf('=');
            String key = unescape(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : unescape(part.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
