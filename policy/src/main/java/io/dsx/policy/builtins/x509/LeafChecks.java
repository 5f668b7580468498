package io.dsx.policy.builtins.x509;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The leaf checks Go's {@code Certificate.Verify} adds to path validation: the host name against
 * the subject alternative names (RFC 6125, one leading wildcard label) and the extended key
 * usage (server authentication unless other usages are asked for; "any" accepts all).
 */
final class LeafChecks {

    private static final String ANY = "2.5.29.37.0";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private LeafChecks() {}

    static boolean acceptable(X509Certificate leaf, VerifyOptions options) {
        return (options.dnsName().isEmpty() || hostMatches(leaf, options.dnsName()))
                && usageAllowed(leaf, options.keyUsageOids().isEmpty() ? Set.of(SERVER_AUTH) : options.keyUsageOids());
    }

    private static boolean usageAllowed(X509Certificate leaf, Set<String> wanted) {
        if (wanted.contains(ANY)) {
            return true;
        }
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            return eku == null || eku.contains(ANY) || eku.stream().anyMatch(wanted::contains);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static boolean hostMatches(X509Certificate leaf, String host) {
        String want = host.toLowerCase(Locale.ROOT);
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans == null) {
                return false;
            }
            for (List<?> san : sans) {
                int tag = (Integer) san.get(0);
                String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                if ((tag == 2 && dnsMatches(value, want)) || (tag == 7 && value.equals(want))) {
                    return true;
                }
            }
            return false;
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }
}
