package io.dsx.policy.builtins.x509;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Small conversions to the JSON forms Go gives ASN.1 and crypto types. */
final class GoAsn1 {

    private static final Map<String, Integer> SIGNATURE_ALGORITHMS = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.2", 1), Map.entry("1.2.840.113549.1.1.4", 2),
            Map.entry("1.2.840.113549.1.1.5", 3), Map.entry("1.2.840.113549.1.1.11", 4),
            Map.entry("1.2.840.113549.1.1.12", 5), Map.entry("1.2.840.113549.1.1.13", 6),
            Map.entry("1.2.840.10040.4.3", 7), Map.entry("2.16.840.1.101.3.4.3.2", 8),
            Map.entry("1.2.840.10045.4.1", 9), Map.entry("1.2.840.10045.4.3.2", 10),
            Map.entry("1.2.840.10045.4.3.3", 11), Map.entry("1.2.840.10045.4.3.4", 12),
            Map.entry("1.2.840.113549.1.1.10", 13), Map.entry("1.3.101.112", 16));

    private GoAsn1() {}

    /** An OID as Go's {@code asn1.ObjectIdentifier} marshals: an array of numbers. */
    static List<Object> oidArray(String oid) {
        List<Object> out = new ArrayList<>();
        for (String part : oid.split("\\.")) {
            out.add(new BigInteger(part));
        }
        return out;
    }

    /** Byte slices marshal as standard base64; nil slices as null. */
    static String bytes(byte[] b) {
        return b == null ? null : Base64.getEncoder().encodeToString(b);
    }

    /** {@code time.Time} marshals as RFC 3339 with nanoseconds trimmed. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** Go's {@code x509.SignatureAlgorithm} number for a signature OID (0 when unknown). */
    static int signatureAlgorithm(String oid) {
        return SIGNATURE_ALGORITHMS.getOrDefault(oid, 0);
    }

    /** Go's {@code x509.PublicKeyAlgorithm} number for a JCA key algorithm name. */
    static int publicKeyAlgorithm(String jcaName) {
        return switch (jcaName) {
            case "RSA" -> 1;
            case "DSA" -> 2;
            case "EC" -> 3;
            case "Ed25519", "EdDSA" -> 4;
            default -> 0;
        };
    }
}
