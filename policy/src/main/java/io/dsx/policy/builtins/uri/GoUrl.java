package io.dsx.policy.builtins.uri;

import java.util.Locale;

/**
 * Go's {@code url.Parse}, reduced to what {@code uri.parse} reports. Design note: the steps follow
 * Go's order (fragment, control characters, scheme, query, opaque part, authority, path) because
 * each step decides what the next one sees; escaping rules are in {@link Escaping}.
 */
public final class GoUrl {

    /** The parsed parts; empty strings mean absent. */
    public record Parsed(
            String scheme,
            String hostname,
            String port,
            String path,
            String rawPath,
            String rawQuery,
            String fragment) {}

    private GoUrl() {}

    public static Parsed parse(String raw) {
        try {
            return parseUnwrapped(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parse " + Escaping.goQuote(raw) + ": " + e.getMessage());
        }
    }

    private static Parsed parseUnwrapped(String raw) {
        String rest = raw;
        String fragment = "";
        int hash = raw.indexOf('#');
        if (hash >= 0) {
            fragment = Escaping.unescape(raw.substring(hash + 1), Escaping.Mode.FRAGMENT);
            rest = raw.substring(0, hash);
        }
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) < 0x20 || rest.charAt(i) == 0x7f) {
                throw new IllegalArgumentException("net/url: invalid control character in URL");
            }
        }
        if (rest.equals("*")) {
            return new Parsed("", "", "", "*", "*", "", fragment);
        }
        String scheme = "";
        int colon = schemeEnd(rest);
        if (colon == 0) {
            throw new IllegalArgumentException("missing protocol scheme");
        }
        if (colon > 0) {
            scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
            rest = rest.substring(colon + 1);
        }
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (rest.indexOf('?') >= 0) {
            rawQuery = rest.substring(rest.indexOf('?') + 1);
            rest = rest.substring(0, rest.indexOf('?'));
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new Parsed(scheme, "", "", "", "", rawQuery, fragment);
            }
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            if (segment.contains(":")) {
                throw new IllegalArgumentException("first path segment in URL cannot contain colon");
            }
        }
        String host = "";
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            rest = slash < 0 ? "" : rest.substring(slash);
            host = authority(authority);
        }
        String path = Escaping.unescape(rest, Escaping.Mode.PATH);
        String rawPath = rest.equals(Escaping.escape(path, Escaping.Mode.PATH)) ? "" : rest;
        String[] hostPort = splitHostPort(host);
        return new Parsed(
                scheme, hostPort[0], hostPort[1], path, rawPath.isEmpty() ? path : rawPath, rawQuery, fragment);
    }

    /** Index of the scheme's ':' (0 for a leading ':'), or -1 when the URL has no scheme. */
    private static int schemeEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            return c == ':' ? i : -1;
        }
        return -1;
    }

    private static String authority(String authority) {
        int at = authority.lastIndexOf('@');
        String host = host(at < 0 ? authority : authority.substring(at + 1));
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            if (!validUserinfo(userinfo)) {
                throw new IllegalArgumentException("net/url: invalid userinfo");
            }
            Escaping.unescape(userinfo.replace(":", ""), Escaping.Mode.USER_PASSWORD);
        }
        return host;
    }

    private static String host(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new IllegalArgumentException("invalid port " + Escaping.goQuote(colonPort) + " after host");
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return Escaping.unescape(host.substring(0, zone), Escaping.Mode.HOST)
                        + Escaping.unescape(host.substring(zone, close), Escaping.Mode.ZONE)
                        + Escaping.unescape(host.substring(close), Escaping.Mode.HOST);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                throw new IllegalArgumentException(
                        "invalid port " + Escaping.goQuote(host.substring(colon)) + " after host");
            }
        }
        return Escaping.unescape(host, Escaping.Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        return port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean validUserinfo(String s) {
        for (char c : s.toCharArray()) {
            boolean ok = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code splitHostPort} as used by {@code Hostname()} and {@code Port()}. */
    private static String[] splitHostPort(String hostPort) {
        String host = hostPort;
        String port = "";
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(hostPort.substring(colon))) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host, port};
    }
}
