package io.dsx.policy.bundle;

import io.dsx.policy.Policy;
import io.dsx.policy.builtins.BuiltinRegistry;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a gateway refuses in a bundle, and why, without running it: modules that do not parse
 * (each one reported), a policy that does not compile (its first error, which names any builtin
 * dsx declares but does not implement), and actions without a decision rule
 * {@code data.dsx.<action>.decision} (every request for such an action would be denied).
 */
public final class BundleCheck {
    /** The actions the gateway asks the policy about (DESIGN §3.4). */
    public static final List<String> ACTIONS =
            List.of("contribute", "dataset.register", "request_access", "read", "audit.read", "audit.replay");

    /** Why a bundle is refused. */
    public enum Kind {
        PARSE,
        COMPILE,
        UNIMPLEMENTED_BUILTIN,
        MISSING_DECISION
    }

    /** One reason; where is a file:row or a data path. */
    public record Problem(Kind kind, String where, String message) {
        @Override
        public String toString() {
            return kind.name().toLowerCase() + ": " + where + ": " + message;
        }
    }

    private BundleCheck() {}

    /** Every problem found; empty when the gateway would accept the bundle for these actions. */
    public static List<Problem> check(Bundle bundle, List<String> actions, BuiltinRegistry registry) {
        List<Problem> out = new ArrayList<>();
        for (Map.Entry<String, String> m : bundle.modules().entrySet()) {
            try {
                Parser.parseModule(m.getValue(), m.getKey());
            } catch (RegoException e) {
                out.add(problem(Kind.PARSE, e, m.getKey()));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        Policy policy;
        try {
            policy = Policy.compile(bundle.modules(), bundle.data(), registry);
        } catch (RegoException e) {
            boolean unimplemented =
                    e.code() == RegoException.Code.COMPILE && e.detail().contains("is not implemented");
            out.add(problem(unimplemented ? Kind.UNIMPLEMENTED_BUILTIN : Kind.COMPILE, e, "policy"));
            return out;
        }
        for (String action : actions) {
            String path = "dsx." + action + ".decision";
            if (!policy.defines(path)) {
                out.add(new Problem(
                        Kind.MISSING_DECISION,
                        "data." + path,
                        "no rule defines it: every " + action + " request would be denied"));
            }
        }
        return out;
    }

    private static Problem problem(Kind kind, RegoException e, String fallback) {
        String where = e.loc() == null || e.loc().row() == 0
                ? fallback
                : e.loc().file() + ":" + e.loc().row();
        return new Problem(kind, where, e.code().text() + ": " + e.detail());
    }
}
