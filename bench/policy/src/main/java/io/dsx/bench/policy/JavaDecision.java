package io.dsx.bench.policy;

import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The decision of {@code bench/read.rego}, written by hand over the same input values. */
final class JavaDecision {
    private static final Map<String, Integer> RANK =
            Map.of("public", 0, "internal", 1, "confidential", 2, "restricted", 3);
    private static final ObjectValue ROW_FILTER = ObjectValue.builder()
            .put("field", StringValue.of("consent"))
            .put("op", StringValue.of("=="))
            .put("value", BoolValue.TRUE)
            .build();

    private JavaDecision() {}

    static Value decide(Value inputValue, ObjectValue data) {
        ObjectValue input = (ObjectValue) inputValue;
        ObjectValue subject = obj(input.get("subject"));
        ObjectValue resource = obj(input.get("resource"));
        ObjectValue dataset = obj(resource.get("dataset"));
        ObjectValue context = obj(input.get("context"));
        ObjectValue purpose = obj(context.get("purpose"));
        List<Value> roles = list(subject.get("roles"));
        List<Value> duo = list(dataset.get("duo"));

        boolean steward = roles.contains(StringValue.of("steward"));
        boolean researcherOrSteward = steward || roles.contains(StringValue.of("researcher"));
        boolean hasVisa = false;
        for (Value v : list(subject.get("visas"))) {
            ObjectValue visa = obj(v);
            if (StringValue.of("ControlledAccessGrants").equals(visa.get("type"))
                    && visa.get("value") != null
                    && visa.get("value").equals(dataset.get("id"))) {
                hasVisa = true;
            }
        }
        int clearance = steward ? 3 : hasVisa ? 2 : 1;
        Value code = purpose.get("code");
        boolean purposeOk = duo.contains(StringValue.of("GRU"))
                || duo.contains(StringValue.of("HMB"))
                        && (StringValue.of("HMB").equals(code)
                                || StringValue.of("DS").equals(code))
                || duo.contains(StringValue.of("DS"))
                        && StringValue.of("DS").equals(code)
                        && purpose.get("disease") != null
                        && purpose.get("disease").equals(dataset.get("disease"));
        Value approval = context.get("ethics_approval");
        boolean ethicsOk = !duo.contains(StringValue.of("IRB")) || approval != null && approval != BoolValue.FALSE;

        TreeSet<Value> deny = new TreeSet<>();
        if (!researcherOrSteward) {
            deny.add(StringValue.of("subject has neither researcher nor steward role"));
        }
        if (!purposeOk) {
            deny.add(StringValue.of("purpose not permitted by the dataset's data use conditions"));
        }
        if (!ethicsOk) {
            deny.add(StringValue.of("ethics approval required"));
        }
        Value inst = subject.get("institution");
        if (inst != null && list(data.get("suspended")).contains(inst)) {
            deny.add(StringValue.of("subject institution is suspended"));
        }

        ObjectValue fieldMeta = obj(dataset.get("fields"));
        TreeSet<Value> fields = new TreeSet<>();
        ObjectValue.Builder mask = ObjectValue.builder();
        for (Value f : list(resource.get("fields_requested"))) {
            Value m = fieldMeta.get(f);
            if (!(m instanceof ObjectValue meta)) {
                continue;
            }
            Integer rank = meta.get("sensitivity") instanceof StringValue s ? RANK.get(s.value()) : null;
            List<Value> tags = list(meta.get("tags"));
            if (rank == null || rank > clearance || tags.contains(StringValue.of("direct_identifier"))) {
                continue;
            }
            fields.add(f);
            if (tags.contains(StringValue.of("date"))) {
                mask.put(f, StringValue.of("year"));
            } else if (tags.contains(StringValue.of("quasi_identifier"))) {
                mask.put(f, StringValue.of("hash"));
            }
        }
        boolean allowed = deny.isEmpty() && researcherOrSteward && !fields.isEmpty();
        if (allowed) {
            TreeSet<Value> reasons = new TreeSet<>();
            reasons.add(StringValue.of("clearance level " + clearance));
            if (hasVisa) {
                reasons.add(StringValue.of("visa for dataset"));
            }
            ObjectValue obligations = ObjectValue.builder()
                    .put("mask", mask.build())
                    .put("max_records", NumberValue.of(10000))
                    .put("min_cell_count", NumberValue.of(5))
                    .put("row_filter", ArrayValue.of(ROW_FILTER))
                    .build();
            return ObjectValue.builder()
                    .put("allow", BoolValue.TRUE)
                    .put("fields", ArrayValue.of(fields))
                    .put("reasons", ArrayValue.of(reasons))
                    .put("obligations", obligations)
                    .build();
        }
        List<Value> why = new ArrayList<>(deny);
        if (why.isEmpty()) {
            why.add(StringValue.of("no rule granted access"));
        }
        return ObjectValue.builder()
                .put("allow", BoolValue.FALSE)
                .put("reasons", ArrayValue.of(why))
                .build();
    }

    private static ObjectValue obj(Value v) {
        return v instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    }

    private static List<Value> list(Value v) {
        if (v instanceof ArrayValue a) {
            return a.elements();
        }
        return List.of();
    }
}
