package io.dsx.policy.builtins.jwt;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registered JOSE header parameters OPA checks (its {@code parseTokenHeader}). */
record JoseHeader(String alg, String kid, String typ, String cty, Set<String> crit, List<String> unknown) {

    static JoseHeader parse(Map<String, Object> header) {
        String alg = "";
        String kid = "";
        String typ = "";
        String cty = "";
        Set<String> crit = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            switch (e.getKey()) {
                case "alg" -> alg = string("alg", e.getValue());
                case "kid" -> kid = string("kid", e.getValue());
                case "typ" -> typ = string("typ", e.getValue());
                case "cty" -> cty = string("cty", e.getValue());
                case "crit" -> crit = crit(e.getValue());
                default -> unknown.add(e.getKey());
            }
        }
        return new JoseHeader(alg, kid, typ, cty, crit, unknown);
    }

    private static String string(String name, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw new BuiltinFailure(name + ": must be a string");
    }

    private static Set<String> crit(Object v) {
        if (!(v instanceof List<?> list)) {
            throw new BuiltinFailure("crit: must be a list");
        }
        Set<String> out = new HashSet<>();
        for (Object o : list) {
            if (o instanceof String s) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new BuiltinFailure("crit: must be a nonempty list");
        }
        return out;
    }

    /** RFC 7515: {@code alg} must be present and no critical parameter may be unknown. */
    boolean valid() {
        return !alg.isEmpty() && unknown.stream().noneMatch(crit::contains);
    }
}
