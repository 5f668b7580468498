package io.dsx.policy.builtins.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code net.cidr_merge}: sorts address ranges, merges overlapping or adjacent ones and turns each
 * merged range back into the fewest CIDR blocks (the netaddr algorithm OPA uses). Ranges keep the
 * byte length of their family, so IPv4 and IPv6 ranges never merge.
 */
final class CidrMerge {

    private record Range(BigInteger first, BigInteger last, int length, GoIp.Net original) {}

    private CidrMerge() {}

    static List<String> merge(List<GoIp.Net> networks) {
        List<Range> ranges = new ArrayList<>();
        for (GoIp.Net n : networks) {
            ranges.add(new Range(n.first(), n.last(), n.ip().length, n));
        }
        Comparator<Range> byBytes = (a, b) -> compareBytes(a.last(), a.length(), b.last(), b.length());
        ranges.sort(byBytes.thenComparing((a, b) -> compareBytes(a.first(), a.length(), b.first(), b.length())));
        for (int i = ranges.size() - 1; i > 0; i--) {
            Range cur = ranges.get(i);
            Range prev = ranges.get(i - 1);
            BigInteger previousIp =
                    cur.first().signum() == 0 ? cur.first() : cur.first().subtract(BigInteger.ONE);
            if (compareBytes(previousIp, cur.length(), prev.last(), prev.length()) <= 0) {
                BigInteger first = compareBytes(prev.first(), prev.length(), cur.first(), cur.length()) < 0
                        ? prev.first()
                        : cur.first();
                int length = compareBytes(prev.first(), prev.length(), cur.first(), cur.length()) < 0
                        ? prev.length()
                        : cur.length();
                ranges.set(i - 1, new Range(first, cur.last(), length, null));
                ranges.remove(i);
            }
        }
        List<String> out = new ArrayList<>();
        for (Range r : ranges) {
            if (r.original() != null) {
                out.add(r.original().toString());
            } else {
                out.addAll(toCidrs(r.first(), r.last(), r.length()));
            }
        }
        return out;
    }

    /** The fewest CIDR blocks that exactly cover [first, last]. */
    static List<String> toCidrs(BigInteger first, BigInteger last, int length) {
        List<String> out = new ArrayList<>();
        int bits = length * 8;
        BigInteger cur = first;
        while (cur.compareTo(last) <= 0) {
            int host = cur.signum() == 0 ? bits : cur.getLowestSetBit();
            while (host > 0
                    && cur.add(BigInteger.ONE.shiftLeft(host))
                                    .subtract(BigInteger.ONE)
                                    .compareTo(last)
                            > 0) {
                host--;
            }
            out.add(new GoIp.Net(GoIp.toBytes(cur, length), bits - host).toString());
            cur = cur.add(BigInteger.ONE.shiftLeft(host));
        }
        return out;
    }

    /** Go's bytes.Compare on the big-endian forms of two addresses of possibly different lengths. */
    private static int compareBytes(BigInteger a, int la, BigInteger b, int lb) {
        return java.util.Arrays.compareUnsigned(GoIp.toBytes(a, la), GoIp.toBytes(b, lb));
    }
}
