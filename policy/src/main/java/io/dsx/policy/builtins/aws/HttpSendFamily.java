package io.dsx.policy.builtins.aws;

import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;

/**
 * {@code http.send} is declared by OPA but deliberately unavailable in dsx: a decision must be
 * replayable from its input and policy revision alone, and a policy must not reach the network.
 * The request object is still checked as OPA checks it, so malformed calls report the same type
 * errors; well-formed calls fail with {@code eval_builtin_error}.
 */
public final class HttpSendFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("http.send", call -> {
            HttpRequestChecks.check(call, 0);
            throw call.error("network access is disabled for dsx policies (decisions must be replayable)");
        });
    }
}
