package io.dsx.gateway.dataplane;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mask of DESIGN §3.4: {@code hash | redact | year | month | truncate:N | bucket:N}. Anything else
 * is refused when the obligations are read (a read under an unknown mask fails closed).
 *
 * @param kind  which mask
 * @param n     N of truncate and bucket, else 0
 */
public record Mask(Kind kind, int n) {

    public enum Kind {
        HASH,
        REDACT,
        YEAR,
        MONTH,
        TRUNCATE,
        BUCKET
    }

    private static final Pattern WITH_N = Pattern.compile("(truncate|bucket):([1-9][0-9]{0,8})");

    /** Parses a mask, or returns null when it is not one dsx knows. */
    public static Mask parse(Object spec) {
        if (!(spec instanceof String s)) {
            return null;
        }
        switch (s) {
            case "hash":
                return new Mask(Kind.HASH, 0);
            case "redact":
                return new Mask(Kind.REDACT, 0);
            case "year":
                return new Mask(Kind.YEAR, 0);
            case "month":
                return new Mask(Kind.MONTH, 0);
            default:
                Matcher m = WITH_N.matcher(s);
                if (!m.matches()) {
                    return null;
                }
                return new Mask(
                        m.group(1).equals("truncate") ? Kind.TRUNCATE : Kind.BUCKET, Integer.parseInt(m.group(2)));
        }
    }

    @Override
    public String toString() {
        return kind == Kind.TRUNCATE || kind == Kind.BUCKET
                ? kind.name().toLowerCase() + ":" + n
                : kind.name().toLowerCase();
    }
}
