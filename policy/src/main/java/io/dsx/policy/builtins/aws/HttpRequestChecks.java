package io.dsx.policy.builtins.aws;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request-object checks OPA's {@code http.send} and {@code providers.aws.sign_req} share
 * ({@code validateHTTPRequestOperand}): only known keys, and {@code method} and {@code url}
 * present. Failures are operand type errors naming the keys as a Rego set.
 */
public final class HttpRequestChecks {

    private static final Set<String> ALLOWED = Set.of(
            "method",
            "url",
            "body",
            "enable_redirect",
            "force_json_decode",
            "force_yaml_decode",
            "headers",
            "raw_body",
            "tls_use_system_certs",
            "tls_ca_cert",
            "tls_ca_cert_file",
            "tls_ca_cert_env_variable",
            "tls_client_cert",
            "tls_client_cert_file",
            "tls_client_cert_env_variable",
            "tls_client_key",
            "tls_client_key_file",
            "tls_client_key_env_variable",
            "tls_insecure_skip_verify",
            "tls_server_name",
            "timeout",
            "cache",
            "force_cache",
            "force_cache_duration_seconds",
            "raise_error",
            "caching_mode",
            "max_retry_attempts");
    private static final List<String> REQUIRED = List.of("method", "url");

    private HttpRequestChecks() {}

    /** Checks operand {@code index} (from 0) of {@code call} as an HTTP request object. */
    public static ObjectValue check(BuiltinCall call, int index) {
        ObjectValue req = call.object(index);
        Set<String> invalid = new TreeSet<>();
        for (Value k : req.keys()) {
            String name = k instanceof StringValue s ? s.value() : k.toString();
            if (!ALLOWED.contains(name)) {
                invalid.add(name);
            }
        }
        if (!invalid.isEmpty()) {
            throw operandError(call, index, "invalid request parameters(s): " + regoSet(invalid));
        }
        Set<String> missing = new TreeSet<>();
        REQUIRED.forEach(k -> {
            if (req.get(k) == null) {
                missing.add(k);
            }
        });
        if (!missing.isEmpty()) {
            throw operandError(call, index, "missing required request parameters(s): " + regoSet(missing));
        }
        return req;
    }

    /** OPA's {@code builtins.NewOperandErr}: an {@code eval_type_error} naming the operand. */
    static BuiltinException operandError(BuiltinCall call, int index, String detail) {
        return BuiltinException.type(call.name(), "operand " + (index + 1) + " " + detail);
    }

    /** A set of strings as Rego prints it: {@code {"a", "b"}}. */
    static String regoSet(Set<String> names) {
        StringBuilder sb = new StringBuilder("{");
        for (String n : names) {
            sb.append(sb.length() > 1 ? ", " : "").append(StringValue.of(n));
        }
        return sb.append('}').toString();
    }
}
