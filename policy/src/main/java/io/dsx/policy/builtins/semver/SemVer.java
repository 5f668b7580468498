package io.dsx.policy.builtins.semver;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Semantic Versioning 2.0.0 version; precedence ignores build metadata. */
public record SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease)
        implements Comparable<SemVer> {

    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String IDENT = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern SYNTAX = Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER + "(?:-(" + IDENT
            + "(?:\\." + IDENT + ")*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    /**
     * The version, or null when {@code s} is not valid SemVer. One leading {@code v} is allowed,
     * as OPA's semver package allows it ({@code semver.is_valid("v1.1.12-rc1+foo")} is true).
     */
    public static SemVer parse(String s) {
        Matcher m = SYNTAX.matcher(s.startsWith("v") ? s.substring(1) : s);
        if (!m.matches()) {
            return null;
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return new SemVer(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)), pre);
    }

    @Override
    public int compareTo(SemVer o) {
        int c = major.compareTo(o.major);
        c = c != 0 ? c : minor.compareTo(o.minor);
        c = c != 0 ? c : patch.compareTo(o.patch);
        if (c != 0) {
            return Integer.signum(c);
        }
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            c = compareIdentifier(preRelease.get(i), o.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean an = a.chars().allMatch(Character::isDigit);
        boolean bn = b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (an || bn) {
            return an ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
