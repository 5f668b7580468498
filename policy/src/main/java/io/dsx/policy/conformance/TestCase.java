package io.dsx.policy.conformance;

import io.dsx.policy.value.Value;
import java.util.List;
import java.util.Map;

/**
 * One OPA conformance case.
 *
 * @param folder top-level folder (tier key)
 * @param file file path relative to the case root
 * @param index position within the file
 * @param wantResult expected rows, or null when absent
 */
record TestCase(
        String folder,
        String file,
        int index,
        String note,
        String query,
        List<String> modules,
        Value data,
        Value input,
        String inputTerm,
        List<Value> wantResult,
        boolean sortBindings,
        String wantErrorCode,
        String wantError,
        boolean strictError,
        boolean ignoreGeneratedVars,
        Map<String, String> env) {

    String id() {
        return file + "#" + index;
    }
}
