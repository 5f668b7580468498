package io.dsx.policy.builtins.aws;

import static io.dsx.policy.builtins.aws.HttpRequestChecks.operandError;
import static io.dsx.policy.builtins.aws.HttpRequestChecks.regoSet;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.plain.PlainJson;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Registers {@code providers.aws.sign_req(request, aws_config, time_ns)}. */
public final class AwsFamily implements BuiltinFamily {

    private static final List<String> REQUIRED_CONFIG =
            List.of("aws_access_key", "aws_region", "aws_secret_access_key", "aws_service");

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("providers.aws.sign_req", AwsFamily::signReq);
    }

    static Value signReq(BuiltinCall call) {
        ObjectValue req = call.object(0);
        ObjectValue config = call.object(1);
        SigV4Signer.Credentials creds = credentials(call, config);
        String service = string(config.get("aws_service"));
        Instant time = signingTime(call);
        HttpRequestChecks.check(call, 0);
        Value headersValue = req.get("headers");
        if (headersValue != null && !(headersValue instanceof ObjectValue)) {
            throw call.typeError(0, "object");
        }
        Set<String> invalid = new TreeSet<>();
        if (!(req.get("url") instanceof StringValue)) {
            invalid.add("url");
        }
        if (!(req.get("method") instanceof StringValue)) {
            invalid.add("method");
        }
        if (!invalid.isEmpty()) {
            throw operandError(call, 0, "invalid values for required request parameters(s): " + regoSet(invalid));
        }
        URI url;
        try {
            url = new URI(string(req.get("url")));
        } catch (URISyntaxException e) {
            throw call.error("parse " + StringValue.of(string(req.get("url"))) + ": invalid URL");
        }
        boolean unsigned = false;
        Value flag = config.get("disable_payload_signing");
        if (flag != null) {
            if (!(flag instanceof BoolValue b)) {
                throw operandError(call, 1, "invalid value for 'disable_payload_signing' in AWS config");
            }
            unsigned = b.value();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (headersValue instanceof ObjectValue h) {
            h.entries().forEach((k, v) -> headers.put(string(k), string(v)));
        }
        SigV4Signer.Signature sig =
                SigV4Signer.sign(headers, string(req.get("method")), url, body(req), service, creds, time, unsigned);
        ObjectValue.Builder out = ObjectValue.builder();
        headers.forEach((k, v) -> out.put(k, StringValue.of(v)));
        out.put("Authorization", StringValue.of(sig.authorization()));
        sig.awsHeaders().forEach((k, v) -> out.put(k, StringValue.of(v)));
        return req.with(StringValue.of("headers"), out.build());
    }

    private static SigV4Signer.Credentials credentials(BuiltinCall call, ObjectValue config) {
        Set<String> missing = new TreeSet<>();
        Set<String> invalid = new TreeSet<>();
        for (String k : REQUIRED_CONFIG) {
            Value v = config.get(k);
            if (v == null) {
                missing.add(k);
            } else if (!(v instanceof StringValue)) {
                invalid.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw operandError(call, 1, "missing required AWS config parameters(s): " + regoSet(missing));
        }
        if (!invalid.isEmpty()) {
            throw operandError(call, 1, "invalid values for required AWS config parameters(s): " + regoSet(invalid));
        }
        return new SigV4Signer.Credentials(
                string(config.get("aws_access_key")),
                string(config.get("aws_secret_access_key")),
                string(config.get("aws_region")),
                string(config.get("aws_session_token")));
    }

    /**
     * The signing instant from nanoseconds. OPA requires an int64 literal; values are normalised
     * here, so negative instants (which OPA's own cases write as {@code -1e9}) are refused instead.
     */
    private static Instant signingTime(BuiltinCall call) {
        NumberValue n = call.number(2);
        BigDecimal d = n.toBigDecimal();
        if (!n.isLong() || d.signum() < 0) {
            throw operandError(call, 2, "could not convert time_ns value into a unix timestamp");
        }
        long ns = n.longValue();
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    }

    private static byte[] body(ObjectValue req) {
        Value raw = req.get("raw_body");
        if (raw != null) {
            return string(raw).getBytes(StandardCharsets.UTF_8);
        }
        Value body = req.get("body");
        if (body != null) {
            return PlainJson.write(io.dsx.policy.value.PlainValues.toPlain(body))
                    .getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    /** OPA's {@code stringFromTerm}: the string, or "" for anything else. */
    private static String string(Value v) {
        return v instanceof StringValue s ? s.value() : "";
    }
}
