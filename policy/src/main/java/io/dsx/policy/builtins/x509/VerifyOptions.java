package io.dsx.policy.builtins.x509;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@code parse_and_verify_certificates_with_options} (Go's {@code x509.VerifyOptions}
 * subset OPA exposes), parsed with OPA's error texts. {@code MaxConstraintComparisons} is
 * accepted and has no effect: name constraints are not evaluated here.
 */
record VerifyOptions(String dnsName, Long currentTimeNs, Set<String> keyUsageOids) {

    static final VerifyOptions DEFAULT = new VerifyOptions("", null, Set.of());

    private static final Map<String, String> KEY_USAGES = Map.ofEntries(
            Map.entry("KeyUsageAny", "2.5.29.37.0"),
            Map.entry("KeyUsageServerAuth", "1.3.6.1.5.5.7.3.1"),
            Map.entry("KeyUsageClientAuth", "1.3.6.1.5.5.7.3.2"),
            Map.entry("KeyUsageCodeSigning", "1.3.6.1.5.5.7.3.3"),
            Map.entry("KeyUsageEmailProtection", "1.3.6.1.5.5.7.3.4"),
            Map.entry("KeyUsageIPSECEndSystem", "1.3.6.1.5.5.7.3.5"),
            Map.entry("KeyUsageIPSECTunnel", "1.3.6.1.5.5.7.3.6"),
            Map.entry("KeyUsageIPSECUser", "1.3.6.1.5.5.7.3.7"),
            Map.entry("KeyUsageTimeStamping", "1.3.6.1.5.5.7.3.8"),
            Map.entry("KeyUsageOCSPSigning", "1.3.6.1.5.5.7.3.9"),
            Map.entry("KeyUsageMicrosoftServerGatedCrypto", "1.3.6.1.4.1.311.10.3.3"),
            Map.entry("KeyUsageNetscapeServerGatedCrypto", "2.16.840.1.113730.4.1"),
            Map.entry("KeyUsageMicrosoftCommercialCodeSigning", "1.3.6.1.4.1.311.2.1.22"),
            Map.entry("KeyUsageMicrosoftKernelCodeSigning", "1.3.6.1.4.1.311.61.1.1"));

    static VerifyOptions parse(ObjectValue options) {
        String dns = "";
        Long time = null;
        Set<String> usages = new LinkedHashSet<>();
        for (Map.Entry<Value, Value> e : options.entries().entrySet()) {
            if (!(e.getKey() instanceof StringValue key)) {
                continue;
            }
            Value v = e.getValue();
            switch (key.value()) {
                case "DNSName" -> {
                    require(v instanceof StringValue, "'DNSName' should be a string");
                    dns = ((StringValue) v).value().replace("\"", "");
                }
                case "CurrentTime" -> {
                    require(v instanceof NumberValue, "'CurrentTime' should be a number");
                    require(((NumberValue) v).isLong(), "'CurrentTime' should be a valid int64 number");
                    time = ((NumberValue) v).longValue();
                }
                case "MaxConstraintComparisons" -> {
                    require(v instanceof NumberValue, "'MaxConstraintComparisons' should be a number");
                    require(
                            ((NumberValue) v).intValueExact() != null,
                            "'MaxConstraintComparisons' should be a valid number");
                }
                case "KeyUsages" -> usages.addAll(keyUsages(v));
                default -> throw new BuiltinFailure("invalid key option");
            }
        }
        return new VerifyOptions(dns, time, usages);
    }

    private static List<String> keyUsages(Value v) {
        Iterable<Value> items;
        if (v instanceof ArrayValue a) {
            items = a.elements();
        } else if (v instanceof SetValue s) {
            items = s;
        } else {
            throw new BuiltinFailure("'KeyUsages' should be an Array or Set");
        }
        List<String> oids = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Value u : items) {
            if (u instanceof StringValue s) {
                String name = s.value().replace("\"", "");
                if (KEY_USAGES.containsKey(name)) {
                    oids.add(KEY_USAGES.get(name));
                } else {
                    invalid.add(name);
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw new BuiltinFailure("invalid entries for 'KeyUsages' found: [" + String.join(" ", invalid) + "]");
        }
        return oids;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BuiltinFailure(message);
        }
    }
}
