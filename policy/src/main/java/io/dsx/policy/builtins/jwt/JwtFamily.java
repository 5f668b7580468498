package io.dsx.policy.builtins.jwt;

import static io.dsx.policy.builtins.plain.ValueBridge.guarded;
import static io.dsx.policy.value.PlainValues.fromPlain;
import static io.dsx.policy.value.PlainValues.toPlain;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.plain.InjectedSecureRandom;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** Registers the {@code io.jwt.*} builtins. */
public final class JwtFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("io.jwt.decode", guarded(c -> fromPlain(JwtTokens.decode(c.string(0)))));
        r.add("io.jwt.decode_verify", guarded(JwtFamily::decodeVerify));
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            String name = "io.jwt.verify_" + alg.name().toLowerCase(Locale.ROOT);
            if (alg.name().startsWith("HS")) {
                r.add(name, guarded(c -> BoolValue.of(JwtTokens.verifyHmac(alg, c.string(0), c.string(1)))));
            } else {
                r.add(name, guarded(c -> BoolValue.of(JwtTokens.verifyAsymmetric(alg, c.string(0), c.string(1)))));
            }
        }
        r.add(
                "io.jwt.encode_sign",
                guarded(c -> StringValue.of(JwtEncoder.encodeSign(
                        toPlain(c.object(0)), toPlain(c.object(1)), toPlain(c.object(2)), random(c)))));
        r.add("io.jwt.encode_sign_raw", guarded(JwtFamily::encodeSignRaw));
    }

    private static Value decodeVerify(BuiltinCall c) {
        String jwt = c.string(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> constraints = (Map<String, Object>) toPlain(c.object(1));
        BigDecimal now = BigDecimal.valueOf(c.context().nowNs());
        return fromPlain(JwtDecodeVerify.decodeVerify(jwt, constraints, now));
    }

    private static Value encodeSignRaw(BuiltinCall c) {
        String headers = c.string(0);
        String payload = c.string(1);
        String jwk = c.string(2);
        return StringValue.of(JwtEncoder.encodeSignRaw(headers, payload, jwk, random(c)));
    }

    private static InjectedSecureRandom random(BuiltinCall c) {
        return new InjectedSecureRandom(c.context().random());
    }
}
