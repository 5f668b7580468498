package io.dsx.policy.decision;

import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.List;

/**
 * The outcome of one decision.
 *
 * @param allow whether access is granted
 * @param fields the permitted subset of requested fields (empty on deny)
 * @param reasons human-readable reasons (always at least one on a fail-closed deny)
 * @param obligations mask, row_filter, expires_at, ... as the policy returned them
 * @param failure why the policy's answer could not be used, or null when it was well-formed
 */
public record Decision(
        boolean allow, List<String> fields, List<String> reasons, ObjectValue obligations, Failure failure) {

    /** Why a decision failed closed. */
    public enum Failure {
        POLICY_INVALID,
        UNDEFINED,
        EVAL_ERROR,
        TIMEOUT,
        LIMIT,
        MALFORMED
    }

    public Decision {
        fields = List.copyOf(fields);
        reasons = List.copyOf(reasons);
    }

    /**
     * The decision as a value: {@code {allow, fields, reasons, obligations}}. The audit log records
     * exactly this as an event's {@code result}, and {@code dsx audit replay} compares against it, so
     * the shape has this one owner.
     */
    public ObjectValue toValue() {
        return ObjectValue.builder()
                .put("allow", BoolValue.of(allow))
                .put("fields", strings(fields))
                .put("reasons", strings(reasons))
                .put("obligations", obligations)
                .build();
    }

    private static ArrayValue strings(List<String> s) {
        return ArrayValue.of(s.stream().map(x -> (Value) StringValue.of(x)).toList());
    }

    /** A deny that says why the policy's answer could not be used. */
    public static Decision failClosed(Failure failure, String reason) {
        return new Decision(false, List.of(), List.of(reason), ObjectValue.EMPTY, failure);
    }
}
