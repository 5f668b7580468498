package io.dsx.policy.decision;

import io.dsx.policy.value.ObjectValue;
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

    /** A deny that says why the policy's answer could not be used. */
    public static Decision failClosed(Failure failure, String reason) {
        return new Decision(false, List.of(), List.of(reason), ObjectValue.EMPTY, failure);
    }
}
