package io.dsx.policy.tool;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Module;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.eval.Coverage;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The JSON report of {@code dsx policy test --coverage}, shaped as {@code opa test --coverage}'s:
 * per file the covered and not covered line ranges, their counts and the percentage, then the
 * totals. A line counts when a rule head or a body expression starts on it.
 */
final class CoverageReport {
    private CoverageReport() {}

    static ObjectValue of(List<Module> modules, Coverage coverage) {
        ObjectValue.Builder files = ObjectValue.builder();
        int covered = 0;
        int total = 0;
        for (Module m : modules) {
            SortedSet<Integer> lines = new TreeSet<>();
            for (Rule r : m.rules()) {
                for (Rule x = r; x != null; x = x.elseRule()) {
                    lines.add(x.loc().row());
                    for (Expr e : x.body()) {
                        lines.add(e.loc().row());
                    }
                }
            }
            SortedSet<Integer> hit = coverage.covered(m.file());
            lines.addAll(hit);
            SortedSet<Integer> missed = new TreeSet<>(lines);
            missed.removeAll(hit);
            covered += hit.size();
            total += lines.size();
            files.put(
                    m.file(),
                    ObjectValue.builder()
                            .put("covered", ranges(hit))
                            .put("not_covered", ranges(missed))
                            .put("covered_lines", NumberValue.of(hit.size()))
                            .put("not_covered_lines", NumberValue.of(missed.size()))
                            .put("coverage", percent(hit.size(), lines.size()))
                            .build());
        }
        return ObjectValue.builder()
                .put("files", files.build())
                .put("covered_lines", NumberValue.of(covered))
                .put("not_covered_lines", NumberValue.of(total - covered))
                .put("coverage", percent(covered, total))
                .build();
    }

    private static Value ranges(SortedSet<Integer> rows) {
        List<Value> out = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int r : rows) {
            if (start != null && r != prev + 1) {
                out.add(range(start, prev));
                start = null;
            }
            if (start == null) {
                start = r;
            }
            prev = r;
        }
        if (start != null) {
            out.add(range(start, prev));
        }
        return ArrayValue.of(out);
    }

    private static Value range(int start, int end) {
        return ObjectValue.builder()
                .put(
                        "start",
                        ObjectValue.builder().put("row", NumberValue.of(start)).build())
                .put(
                        "end",
                        ObjectValue.builder().put("row", NumberValue.of(end)).build())
                .build();
    }

    private static Value percent(int part, int whole) {
        if (whole == 0) {
            return NumberValue.ZERO;
        }
        return NumberValue.of(
                BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP));
    }
}
