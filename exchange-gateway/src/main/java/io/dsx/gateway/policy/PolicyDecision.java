package io.dsx.gateway.policy;

import io.dsx.policy.decision.Decision;
import io.dsx.policy.value.Json;
import java.util.Map;

/**
 * A decision and the policy that made it.
 *
 * @param decision   the fail-closed decision
 * @param revision   the bundle revision ({@code sha256:...}) it was made under
 * @param path       the query, {@code data.dsx.<action>.decision}
 * @param inputJson  the input the policy was given, as JSON text (for the audit log and replay)
 */
public record PolicyDecision(Decision decision, String revision, String path, String inputJson) {

    /** The obligations as plain JSON-shaped Java values (maps, lists, strings, numbers, booleans). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> obligations() {
        return (Map<String, Object>) PolicyValues.toJava(decision.obligations());
    }

    /** The decision's result as the audit log records it ({@link io.dsx.policy.decision.Decision#toValue}). */
    public String resultJson() {
        return Json.write(decision.toValue());
    }
}
