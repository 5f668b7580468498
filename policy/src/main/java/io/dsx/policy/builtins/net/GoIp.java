package io.dsx.policy.builtins.net;

import java.math.BigInteger;

/**
 * Go's {@code net.ParseIP}, {@code ParseCIDR} and {@code IP.String}. Addresses are 4 bytes (IPv4,
 * including IPv4-mapped IPv6 input) or 16 bytes.
 */
public final class GoIp {

    /** A network as Go's IPNet: an address (masked after ParseCIDR) and a prefix length. */
    public record Net(byte[] ip, int prefix) {
        public BigInteger first() {
            return toInt(ip).andNot(hostMask());
        }

        public BigInteger last() {
            return first().or(hostMask());
        }

        private BigInteger hostMask() {
            return BigInteger.ONE.shiftLeft(ip.length * 8 - prefix).subtract(BigInteger.ONE);
        }

        public boolean contains(byte[] addr) {
            return addr.length == ip.length
                    && toInt(addr).compareTo(first()) >= 0
                    && toInt(addr).compareTo(last()) <= 0;
        }

        @Override
        public String toString() {
            return GoIp.format(ip) + "/" + prefix;
        }
    }

    private GoIp() {}

    /** The address, or null when {@code s} is not an IP address (Go's ParseIP). */
    public static byte[] parseIp(String s) {
        if (s.indexOf(':') >= 0) {
            byte[] v6 = parseV6(s);
            return v6 != null && isMappedV4(v6) ? java.util.Arrays.copyOfRange(v6, 12, 16) : v6;
        }
        return parseV4(s);
    }

    /** Go's ParseCIDR: the masked network; IllegalArgumentException "invalid CIDR address: s". */
    public static Net parseCidr(String s) {
        int slash = s.indexOf('/');
        IllegalArgumentException error = new IllegalArgumentException("invalid CIDR address: " + s);
        if (slash < 0) {
            throw error;
        }
        String addr = s.substring(0, slash);
        String bits = s.substring(slash + 1);
        byte[] ip = addr.indexOf(':') >= 0 ? parseV6(addr) : parseV4(addr);
        if (ip == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error;
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > ip.length * 8) {
            throw error;
        }
        if (ip.length == 16 && isMappedV4(ip) && prefix >= 96) {
            ip = java.util.Arrays.copyOfRange(ip, 12, 16);
            prefix -= 96;
        }
        Net unmasked = new Net(ip, prefix);
        return new Net(toBytes(unmasked.first(), ip.length), prefix);
    }

    static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty()
                    || p.length() > 3
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || p.length() > 1 && p.charAt(0) == '0') {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    static byte[] parseV6(String s) {
        byte[] out = new byte[16];
        int ellipsis = -1;
        int i = 0;
        int pos = 0;
        if (s.startsWith("::")) {
            ellipsis = 0;
            pos = 2;
            if (pos == s.length()) {
                return out;
            }
        }
        while (i < 16) {
            int end = pos;
            while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0 && end - pos < 5) {
                end++;
            }
            if (end == pos || end - pos > 4) {
                return null;
            }
            if (end < s.length() && s.charAt(end) == '.') {
                if (ellipsis < 0 && i != 12 || i + 4 > 16) {
                    return null;
                }
                byte[] v4 = parseV4(s.substring(pos));
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, i, 4);
                i += 4;
                pos = s.length();
                break;
            }
            int group = Integer.parseInt(s.substring(pos, end), 16);
            out[i++] = (byte) (group >> 8);
            out[i++] = (byte) group;
            pos = end;
            if (pos == s.length()) {
                break;
            }
            if (s.charAt(pos) != ':' || pos + 1 == s.length()) {
                return null;
            }
            pos++;
            if (s.charAt(pos) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                pos++;
                if (pos == s.length()) {
                    break;
                }
            }
        }
        if (pos != s.length()) {
            return null;
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int n = 16 - i;
            System.arraycopy(out, ellipsis, out, ellipsis + n, i - ellipsis);
            java.util.Arrays.fill(out, ellipsis, ellipsis + n, (byte) 0);
        } else if (ellipsis >= 0) {
            return null;
        }
        return out;
    }

    private static boolean isMappedV4(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }

    /** Go's IP.String: dotted IPv4, RFC 5952 IPv6 with the longest zero run shortened. */
    public static String format(byte[] ip) {
        if (ip.length == 4) {
            return (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int g = 0; g < 8; g++) {
            int len = 0;
            while (g + len < 8 && ip[2 * (g + len)] == 0 && ip[2 * (g + len) + 1] == 0) {
                len++;
            }
            if (len >= 2 && len > bestLen) {
                bestStart = g;
                bestLen = len;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString((ip[2 * g] & 0xff) << 8 | ip[2 * g + 1] & 0xff));
        }
        return out.toString();
    }

    static BigInteger toInt(byte[] ip) {
        return new BigInteger(1, ip);
    }

    static byte[] toBytes(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
