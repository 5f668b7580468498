package io.dsx.crypto.hash;

import java.util.HexFormat;

/** Lowercase hexadecimal, the form key ids and test vectors use. */
public final class Hex {

    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Decodes hex of either case; throws {@link IllegalArgumentException} on odd length or a non-hex digit. */
    public static byte[] decode(String hex) {
        return FORMAT.parseHex(hex);
    }
}
