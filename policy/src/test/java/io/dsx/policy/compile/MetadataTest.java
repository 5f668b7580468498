package io.dsx.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.Policy;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** METADATA blocks and rego.metadata.rule()/chain(), from OPA's documented examples. */
class MetadataTest {
    /** The package and METADATA block of OPA's documented example. */
    private static final String DOC_EXAMPLE_HEAD = """
            package example

            # METADATA
            # title: Deny invalid numbers
            # description: Numbers may not be higher than 5
            # custom:
            #  severity: MEDIUM
            """;

    private static Policy policy(String rego) {
        return Policy.compile(Map.of("example.rego", rego), ObjectValue.EMPTY);
    }

    /** OPA's policy-language docs, "Accessing annotations / From Rego Rules", with its input. */
    @Test
    void ruleAnnotationsReachTheRuleBodyAsInOpasDocumentedExample() {
        Policy p = policy(DOC_EXAMPLE_HEAD + """
                output := decision if {
                    input.number > 5

                    annotation := rego.metadata.rule()
                    decision := {
                        "severity": annotation.custom.severity,
                        "message": annotation.description,
                    }
                }
                """);
        var opts = EvalOptions.defaults().withInput(Json.parse("{\"number\": 11}"));
        assertThat(p.evalRef("data.example.output", opts))
                .isEqualTo(Json.parse("{\"severity\": \"MEDIUM\", \"message\": \"Numbers may not be higher than 5\"}"));
    }

    /** The same annotations used from a deny rule, as OPA's rego.metadata.rule reference shows. */
    @Test
    void denyRuleReportsItsOwnAnnotations() {
        Policy p = policy(DOC_EXAMPLE_HEAD + """
                deny contains format(rego.metadata.rule()) if {
                    input.number > 5
                }

                format(meta) := {"severity": meta.custom.severity, "reason": meta.description}
                """);
        assertThat(Json.write(p.evalRef(
                        "data.example.deny", EvalOptions.defaults().withInput(Json.parse("{\"number\": 11}")))))
                .isEqualTo("[{\"reason\":\"Numbers may not be higher than 5\",\"severity\":\"MEDIUM\"}]");
        assertThat(Json.write(p.evalRef(
                        "data.example.deny", EvalOptions.defaults().withInput(Json.parse("{\"number\": 1}")))))
                .isEqualTo("[]");
    }

    @Test
    void chainGoesFromTheRuleOutToSubpackagesAndNormalisesAuthors() {
        Policy p = Policy.compile(Map.of("a.rego", """
                # METADATA
                # scope: subpackages
                # organizations:
                # - Acme Corp.
                package foo
                """, "b.rego", """
                # METADATA
                # description: A couple of useful rules
                package foo.bar

                # METADATA
                # title: My Rule P
                # authors:
                # - Jane Doe <jane@example.com>
                p := rego.metadata.chain()
                """), ObjectValue.EMPTY);
        assertThat(p.evalRef("data.foo.bar.p", EvalOptions.defaults())).isEqualTo(Json.parse("""
                [{"path": ["foo", "bar", "p"], "annotations": {"scope": "rule", "title": "My Rule P",
                   "authors": [{"name": "Jane Doe", "email": "jane@example.com"}]}},
                 {"path": ["foo", "bar"], "annotations": {"scope": "package", "description": "A couple of useful rules"}},
                 {"path": ["foo"], "annotations": {"scope": "subpackages", "organizations": ["Acme Corp."]}}]"""));
    }

    @Test
    void malformedMetadataIsAParseError() {
        assertThatThrownBy(() -> policy("package p\n# METADATA\n# title: [unclosed\np := 1\n"))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.code()).isEqualTo(RegoException.Code.PARSE));
        assertThatThrownBy(() -> policy("package p\n# METADATA\n# scope: package\np := 1\n"))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.getMessage()).contains("scope"));
    }
}
