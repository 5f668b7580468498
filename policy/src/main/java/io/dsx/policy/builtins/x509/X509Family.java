package io.dsx.policy.builtins.x509;

import static io.dsx.policy.builtins.plain.ValueBridge.guarded;
import static io.dsx.policy.value.PlainValues.fromPlain;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import io.dsx.policy.value.NullValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registers {@code crypto.x509.*} and {@code crypto.parse_private_keys}. */
public final class X509Family implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add(
                "crypto.x509.parse_certificates",
                guarded(c -> fromPlain(json(CertificateInputs.certificates(c.string(0))))));
        r.add("crypto.x509.parse_and_verify_certificates", guarded(c -> verify(c, c.string(0), VerifyOptions.DEFAULT)));
        r.add("crypto.x509.parse_and_verify_certificates_with_options", guarded(c -> {
            String input = c.string(0);
            ObjectValue options = c.object(1);
            try {
                CertificateInputs.certificates(input);
            } catch (BuiltinFailure e) {
                return fromPlain(List.of(false, List.of()));
            }
            return verify(c, input, VerifyOptions.parse(options));
        }));
        r.add("crypto.x509.parse_certificate_request", guarded(c -> fromPlain(CertificateRequests.parse(c.string(0)))));
        r.add("crypto.x509.parse_keypair", guarded(c -> fromPlain(KeyPairs.parse(c.string(0), c.string(1)))));
        r.add("crypto.x509.parse_rsa_private_key", guarded(X509Family::rsaPrivateKey));
        r.add("crypto.parse_private_keys", guarded(X509Family::privateKeys));
    }

    private static Value verify(BuiltinCall c, String input, VerifyOptions options) {
        List<X509Certificate> certs;
        try {
            certs = CertificateInputs.certificates(input);
        } catch (BuiltinFailure e) {
            return fromPlain(List.of(false, List.of()));
        }
        long ns = options.currentTimeNs() != null
                ? options.currentTimeNs()
                : c.context().nowNs();
        Instant at = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
        Optional<List<X509Certificate>> chain =
                ChainVerifier.verify(certs, at).filter(v -> LeafChecks.acceptable(v.get(0), options));
        // OPA adds URIStrings only in the variant without options.
        boolean withUriStrings = options == VerifyOptions.DEFAULT;
        return chain.map(v -> {
                    List<Object> certsJson = json(v);
                    if (!withUriStrings) {
                        certsJson.forEach(cert -> ((java.util.Map<?, ?>) cert).remove("URIStrings"));
                    }
                    return fromPlain(List.of(true, certsJson));
                })
                .orElseGet(() -> fromPlain(List.of(false, List.of())));
    }

    private static Value rsaPrivateKey(BuiltinCall c) {
        String input = c.string(0);
        if (input.isEmpty()) {
            throw new BuiltinFailure("input PEM data was empty");
        }
        List<PrivateKey> keys = PrivateKeys.fromPemData(CertificateInputs.pemText(input));
        if (keys.isEmpty()) {
            return NullValue.INSTANCE;
        }
        if (!(keys.get(0) instanceof RSAPrivateCrtKey rsa)) {
            throw new BuiltinFailure("key is not an RSA private key");
        }
        return fromPlain(GoKeyJson.rsaJwk(rsa));
    }

    private static Value privateKeys(BuiltinCall c) {
        String input = c.string(0);
        if (input.isEmpty()) {
            return NullValue.INSTANCE;
        }
        List<Object> out = new ArrayList<>();
        for (PrivateKey k : PrivateKeys.fromPemData(input)) {
            out.add(GoKeyJson.privateKey(k, null));
        }
        return fromPlain(out);
    }

    private static List<Object> json(List<X509Certificate> certs) {
        List<Object> out = new ArrayList<>();
        certs.forEach(cert -> out.add(GoCertJson.of(cert)));
        return out;
    }
}
