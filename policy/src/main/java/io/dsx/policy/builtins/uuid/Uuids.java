package io.dsx.policy.builtins.uuid;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Generates random version-4 UUIDs and decodes UUID text the way google/uuid and OPA do. */
public final class Uuids {

    /** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
    private static final long GREGORIAN_OFFSET = 122_192_928_000_000_000L;

    private Uuids() {}

    public static String random(Random random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[8] = (byte) (b[8] & 0x3f | 0x80);
        b[6] = (byte) (b[6] & 0x0f | 0x40);
        String h = hex(b, 0, 16, "");
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** The decoded fields, or null when the text is not a UUID (OPA's uuid.parse is then undefined). */
    public static Map<String, Object> parse(String s) {
        byte[] b = bytes(s);
        if (b == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        int version = (b[6] & 0xff) >> 4;
        out.put("version", version);
        out.put("variant", variant(b[8] & 0xff));
        if (version == 1 || version == 2) {
            long time = u32(b, 0) | (long) u16(b, 4) << 32 | (long) (u16(b, 6) & 0xfff) << 48;
            long since = time - GREGORIAN_OFFSET;
            out.put("time", since / 10_000_000 * 1_000_000_000L + since % 10_000_000 * 100);
            out.put("nodeid", hex(b, 10, 16, "-"));
            out.put("macvariables", macVariables(b[10] & 0xff));
            out.put("clocksequence", u16(b, 8) & 0x3fff);
            if (version == 2) {
                out.put("id", u32(b, 0));
                int domain = b[9] & 0xff;
                out.put(
                        "domain",
                        domain == 0 ? "Person" : domain == 1 ? "Group" : domain == 2 ? "Org" : "Domain" + domain);
            }
        }
        return out;
    }

    private static byte[] bytes(String in) {
        String s = in;
        if (s.length() == 45 && s.substring(0, 9).equalsIgnoreCase("urn:uuid:")) {
            s = s.substring(9);
        } else if (s.length() == 38) {
            s = s.substring(1, 37);
        } else if (s.length() == 32) {
            s = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20)
                    + "-" + s.substring(20);
        }
        if (s.length() != 36
                || s.charAt(8) != '-'
                || s.charAt(13) != '-'
                || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return null;
        }
        String h = s.replace("-", "");
        if (h.length() != 32 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            return null;
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static String variant(int b8) {
        if ((b8 & 0xc0) == 0x80) {
            return "RFC4122";
        }
        if ((b8 & 0xe0) == 0xc0) {
            return "Microsoft";
        }
        return (b8 & 0xe0) == 0xe0 ? "Future" : "Reserved";
    }

    private static String macVariables(int first) {
        if ((first & 3) == 3) {
            return "local:multicast";
        }
        if ((first & 1) == 1) {
            return "global:multicast";
        }
        return (first & 2) == 2 ? "local:unicast" : "global:unicast";
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    private static String hex(byte[] b, int from, int to, String sep) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(i > from ? sep : "").append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
        }
        return out.toString();
    }
}
