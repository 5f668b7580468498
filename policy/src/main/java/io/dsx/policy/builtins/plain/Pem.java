package io.dsx.policy.builtins.plain;

import io.dsx.policy.builtins.encoding.GoBase64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PEM blocks as Go's {@code encoding/pem.Decode} finds them: the first well-formed block, plus
 * whatever text follows its END line.
 */
public record Pem(String type, byte[] bytes, String rest) {

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    /** The first block in {@code text}, or empty when there is none (Go returns a nil block). */
    public static Optional<Pem> decode(String text) {
        int from = 0;
        while (true) {
            int b = text.indexOf(BEGIN, from);
            if (b < 0) {
                return Optional.empty();
            }
            from = b + BEGIN.length();
            if (b > 0 && text.charAt(b - 1) != '\n') {
                continue;
            }
            Optional<Pem> block = blockAt(text, b);
            if (block.isPresent()) {
                return block;
            }
        }
    }

    /** Every block in order, as Go's loop over {@code pem.Decode} would collect them. */
    public static List<Pem> decodeAll(String text) {
        List<Pem> out = new ArrayList<>();
        String rest = text;
        Optional<Pem> block;
        while ((block = decode(rest)).isPresent()) {
            out.add(block.get());
            rest = block.get().rest();
        }
        return out;
    }

    private static Optional<Pem> blockAt(String text, int b) {
        int typeStart = b + BEGIN.length();
        int lineEnd = text.indexOf('\n', typeStart);
        if (lineEnd < 0) {
            return Optional.empty();
        }
        String firstLine = text.substring(typeStart, lineEnd).stripTrailing();
        if (!firstLine.endsWith(DASHES)) {
            return Optional.empty();
        }
        String type = firstLine.substring(0, firstLine.length() - DASHES.length());
        String endMarker = "\n-----END " + type + DASHES;
        int end = text.indexOf(endMarker, lineEnd);
        String body;
        int afterEnd;
        if (text.startsWith(endMarker.substring(1), lineEnd + 1)) {
            body = "";
            afterEnd = lineEnd + endMarker.length();
        } else if (end >= 0) {
            body = text.substring(lineEnd + 1, end);
            afterEnd = end + endMarker.length();
        } else {
            return Optional.empty();
        }
        if (body.contains(":")) {
            body = skipHeaders(body);
        }
        byte[] bytes;
        try {
            bytes = GoBase64.decodeStd(body.replaceAll("[ \\t\\r\\n]", ""));
        } catch (BuiltinFailure e) {
            return Optional.empty();
        }
        String rest = restAfter(text, afterEnd);
        return Optional.of(new Pem(type, bytes, rest));
    }

    private static String skipHeaders(String body) {
        int blank = body.indexOf("\n\n");
        return blank < 0 ? body : body.substring(blank + 2);
    }

    private static String restAfter(String text, int afterEnd) {
        int i = afterEnd;
        // Go's getLine consumes trailing spaces/tabs and one line ending after the END line.
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return text.substring(i);
    }

    @Override
    public String toString() {
        return "Pem[type=" + type + ", bytes=***]";
    }
}
