package io.dsx.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.Policy;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistry;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.ObjectValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A builtin dsx declares but does not implement never evaluates as a silent undefined. */
class UnimplementedBuiltinTest {
    private static BuiltinRegistry without(String familyClass) {
        List<BuiltinFamily> families = new ArrayList<>();
        for (BuiltinFamily f : ServiceLoader.load(BuiltinFamily.class)) {
            if (!f.getClass().getSimpleName().equals(familyClass)) {
                families.add(f);
            }
        }
        return BuiltinRegistry.of(families);
    }

    @Test
    void callingADeclaredButUnimplementedBuiltinIsACompileErrorNamingIt() {
        BuiltinRegistry noStrings = without("StringsFamily");
        String rego = "package t\nx := concat(\",\", [\"a\", \"b\"])\n";
        assertThatThrownBy(() -> Policy.compile(Map.of("t.rego", rego), ObjectValue.EMPTY, noStrings))
                .isInstanceOfSatisfying(RegoException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegoException.Code.COMPILE);
                    assertThat(e.getMessage()).contains("t.rego:2", "builtin concat is not implemented");
                });
        assertThat(Policy.compile(Map.of("t.rego", rego), ObjectValue.EMPTY)
                        .evalRef("data.t.x", EvalOptions.defaults()))
                .hasToString("\"a,b\"");
    }

    @Test
    void aQueryCallingAnUnimplementedBuiltinIsRefusedToo() {
        Policy p = Policy.compile(Map.of("t.rego", "package t\n"), ObjectValue.EMPTY, without("StringsFamily"));
        assertThatThrownBy(() -> p.eval("x := upper(\"a\")", EvalOptions.defaults()))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.getMessage()).contains("upper"));
    }

    @Test
    void everyDeclaredBuiltinButOpasTestHarnessOnesIsImplemented() {
        var implemented = Policy.implementedBy(BuiltinRegistry.standard());
        List<String> missing = io.dsx.policy.builtins.BuiltinDeclarations.standard().all().keySet().stream()
                .filter(n -> !implemented.test(n)
                        && !n.startsWith("internal.")
                        && !n.startsWith("test.")
                        && !n.equals("rego.metadata.rule")
                        && !n.equals("rego.metadata.chain"))
                .sorted()
                .toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void bundleLoadingRefusesABundleCallingAnUnimplementedBuiltin() {
        Bundle b = Bundle.of(Map.of(
                "p.rego", "package dsx.read\ndecision := internal.test_case([1])\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> Policy.fromBundle(b))
                .isInstanceOfSatisfying(
                        RegoException.class,
                        e -> assertThat(e.getMessage()).contains("builtin internal.test_case is not implemented"));
    }
}
