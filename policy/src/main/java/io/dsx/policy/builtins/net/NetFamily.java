package io.dsx.policy.builtins.net;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.adapters.Guarded;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Registers the {@code net.*} builtins on {@link GoIp}, {@link CidrMerge} and a {@link HostResolver}. */
public final class NetFamily implements BuiltinFamily {

    /**
     * dsx deviates from OPA here: OPA expands any network until the query is cancelled; a /0 would
     * exhaust the gateway's memory first, so larger expansions fail (a deny) instead.
     */
    static final BigInteger MAX_EXPANSION = BigInteger.ONE.shiftLeft(20);

    private final HostResolver resolver;

    /** The ServiceLoader form: DNS disabled (fail closed). */
    public NetFamily() {
        this(HostResolver.DISABLED);
    }

    public NetFamily(HostResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("net.cidr_contains", Guarded.of(c -> BoolValue.of(contains(c.string(0), c.string(1)))));
        r.add("net.cidr_overlap", Guarded.of(c -> BoolValue.of(contains(c.string(0), c.string(1)))));
        r.add("net.cidr_intersects", Guarded.of(c -> {
            GoIp.Net a = GoIp.parseCidr(c.string(0));
            GoIp.Net b = GoIp.parseCidr(c.string(1));
            return BoolValue.of(a.contains(b.ip()) || b.contains(a.ip()));
        }));
        r.add(
                "net.cidr_is_valid",
                c -> BoolValue.of(
                        c.arg(0) instanceof StringValue s && Guarded.succeeds(() -> GoIp.parseCidr(s.value()))));
        r.add("net.cidr_expand", Guarded.of(NetFamily::expand));
        r.add("net.cidr_contains_matches", Guarded.of(NetFamily::containsMatches));
        r.add("net.cidr_merge", Guarded.of(NetFamily::merge));
        r.add("net.lookup_ip_addr", Guarded.of(c -> lookup(c.string(0))));
    }

    static boolean contains(String cidr, String other) {
        GoIp.Net a = GoIp.parseCidr(cidr);
        byte[] ip = GoIp.parseIp(other);
        if (ip != null) {
            return a.contains(ip);
        }
        GoIp.Net b;
        try {
            b = GoIp.parseCidr(other);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid textual representation of an IP address or CIDR: " + other);
        }
        return a.contains(b.ip()) && a.contains(GoIp.toBytes(b.last(), b.ip().length));
    }

    private static Value expand(BuiltinCall c) {
        GoIp.Net net = GoIp.parseCidr(c.string(0));
        if (net.last().subtract(net.first()).compareTo(MAX_EXPANSION) >= 0) {
            throw c.error("refusing to expand more than " + MAX_EXPANSION + " addresses (dsx limit)");
        }
        SetValue.Builder out = SetValue.builder();
        for (BigInteger ip = net.first(); ip.compareTo(net.last()) <= 0; ip = ip.add(BigInteger.ONE)) {
            c.context().checkCancelled();
            out.add(StringValue.of(GoIp.format(GoIp.toBytes(ip, net.ip().length))));
        }
        return out.build();
    }

    private static Value containsMatches(BuiltinCall c) {
        SetValue.Builder out = SetValue.builder();
        each(
                c.arg(0),
                1,
                (cidr1, key1) -> each(c.arg(1), 2, (cidr2, key2) -> {
                    if (contains(cidr1, cidr2)) {
                        out.add(ArrayValue.of(key1, key2));
                    }
                }));
        return out.build();
    }

    /** Visits (cidr, key) pairs of a string, array, set or object operand, as OPA's contains_matches does. */
    private static void each(Value v, int operand, BiConsumer<String, Value> visit) {
        if (v instanceof StringValue s) {
            visit.accept(s.value(), s);
        } else if (v instanceof ArrayValue a) {
            for (int i = 0; i < a.size(); i++) {
                visit.accept(cidrOf(a.get(i), operand), NumberValue.of(i));
            }
        } else if (v instanceof SetValue s) {
            for (Value e : s) {
                visit.accept(cidrOf(e, operand), e);
            }
        } else if (v instanceof ObjectValue o) {
            for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
                visit.accept(cidrOf(e.getValue(), operand), e.getKey());
            }
        }
    }

    private static String cidrOf(Value v, int operand) {
        Value first = v instanceof ArrayValue a && a.size() > 0 ? a.get(0) : v;
        if (first instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof ArrayValue a && a.size() > 0) {
            throw new IllegalArgumentException(
                    "operand 1 must be string but got " + a.get(0).typeName());
        }
        throw new IllegalArgumentException("operand " + operand + ": element must be string or non-empty array");
    }

    private static Value merge(BuiltinCall c) {
        List<Value> elements = new ArrayList<>();
        if (c.arg(0) instanceof ArrayValue a) {
            elements.addAll(a.elements());
        } else if (c.arg(0) instanceof SetValue s) {
            s.forEach(elements::add);
        } else {
            throw c.error("operand must be an array");
        }
        List<GoIp.Net> networks = new ArrayList<>();
        for (Value e : elements) {
            if (!(e instanceof StringValue s)) {
                throw c.error("element must be string");
            }
            byte[] ip = GoIp.parseIp(s.value());
            if (ip == null) {
                networks.add(GoIp.parseCidr(s.value()));
            } else if (ip.length == 4) {
                networks.add(new GoIp.Net(ip, defaultPrefix(ip)));
            } else {
                throw c.error("IPv6 invalid: needs prefix length");
            }
        }
        SetValue.Builder out = SetValue.builder();
        CidrMerge.merge(networks).forEach(n -> out.add(StringValue.of(n)));
        return out.build();
    }

    /** Go's classful IP.DefaultMask. */
    private static int defaultPrefix(byte[] ip) {
        int first = ip[0] & 0xff;
        return first < 0x80 ? 8 : first < 0xc0 ? 16 : 24;
    }

    private Value lookup(String name) {
        byte[] literal = GoIp.parseIp(name);
        Set<String> addresses;
        if (literal != null) {
            addresses = Set.of(GoIp.format(literal));
        } else if (name.equalsIgnoreCase("localhost")
                || name.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
            addresses = Set.of("127.0.0.1", "::1"); // RFC 6761 §6.3: answered locally, never sent to DNS
        } else {
            addresses = resolver.lookup(name);
        }
        SetValue.Builder out = SetValue.builder();
        addresses.forEach(a -> out.add(StringValue.of(a)));
        return out.build();
    }
}
