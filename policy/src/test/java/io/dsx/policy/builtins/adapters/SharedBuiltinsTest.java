package io.dsx.policy.builtins.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinContext;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.builtins.BuiltinRegistry;
import io.dsx.policy.builtins.encoding.EncodingFamily;
import io.dsx.policy.builtins.glob.GlobFamily;
import io.dsx.policy.builtins.net.NetFamily;
import io.dsx.policy.builtins.regex.RegexFamily;
import io.dsx.policy.builtins.strings.StringsFamily;
import io.dsx.policy.builtins.time.TimeFamily;
import io.dsx.policy.builtins.units.UnitsFamily;
import io.dsx.policy.builtins.uuid.UuidFamily;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Calls builtins of the Go-ported families (net, time, strings, ...) through the registry, as the evaluator does. */
class SharedBuiltinsTest {

    private static final BuiltinRegistry REGISTRY = BuiltinRegistry.of(List.of(
            new StringsFamily(),
            new RegexFamily(),
            new GlobFamily(),
            new TimeFamily(),
            new UnitsFamily(),
            new EncodingFamily(),
            new UuidFamily(),
            new NetFamily()));

    private final BuiltinContext context = BuiltinContext.builder()
            .nowNs(1_700_000_000_123_456_789L)
            .random(new Random(42))
            .strict(true)
            .build();

    private Value call(String name, Value... args) {
        return REGISTRY.get(name).apply(new BuiltinCall(name, args, context));
    }

    @Test
    void nowComesFromTheInjectedClockOnly() {
        assertThat(call("time.now_ns")).isEqualTo(NumberValue.of(1_700_000_000_123_456_789L));
    }

    @Test
    void helperFailuresBecomeBuiltinErrorsPrefixedWithTheName() {
        assertThatThrownBy(() -> call("units.parse", StringValue.of("10 K")))
                .isInstanceOfSatisfying(
                        BuiltinException.class, e -> assertThat(e.kind()).isEqualTo(BuiltinException.Kind.BUILTIN))
                .hasMessage("units.parse: spaces not allowed in resource strings");
        assertThatThrownBy(() -> call("time.parse_rfc3339_ns", StringValue.of("2262-04-11T23:47:16.854775808Z")))
                .hasMessage("time.parse_rfc3339_ns: time outside of valid range");
    }

    @Test
    void operandShapeErrorsAreTypeErrorsWithOpaWording() {
        assertThatThrownBy(
                        () -> call("strings.any_prefix_match", ArrayValue.of(NumberValue.of(1)), StringValue.of("a")))
                .isInstanceOfSatisfying(
                        BuiltinException.class, e -> assertThat(e.kind()).isEqualTo(BuiltinException.Kind.TYPE))
                .hasMessage(
                        "strings.any_prefix_match: operand 1 must be array of strings but got array containing number");
        assertThatThrownBy(() ->
                        call("strings.split_n", StringValue.of("a.b"), StringValue.of("."), NumberValue.parse("1.5")))
                .hasMessage("strings.split_n: operand 3 must be integer number but got floating-point number");
    }

    @Test
    void sprintfPrintsRegoValuesWithGoVerbs() {
        Value args = Json.parse("[[\"there\", 5, 3.14], 7, 2.5]");
        assertThat(call("sprintf", StringValue.of("hi %v %03d %.1f"), args))
                .isEqualTo(StringValue.of("hi [\"there\", 5, 3.14] 007 2.5"));
    }

    @Test
    void uuidIsStableWithinAQueryForTheSameOperand() {
        Value first = call("uuid.rfc4122", StringValue.of("a"));
        assertThat(call("uuid.rfc4122", StringValue.of("a"))).isEqualTo(first);
        assertThat(call("uuid.rfc4122", StringValue.of("b"))).isNotEqualTo(first);
    }

    @Test
    void lookupAnswersLiteralsAndLocalhostButNeverQueriesDns() {
        assertThat(call("net.lookup_ip_addr", StringValue.of("::")))
                .isEqualTo(io.dsx.policy.value.SetValue.of(StringValue.of("::")));
        assertThatThrownBy(() -> call("net.lookup_ip_addr", StringValue.of("example.com")))
                .hasMessage(
                        "net.lookup_ip_addr: name resolution is disabled in dsx policies (cannot look up example.com)");
    }

    @Test
    void globAndRegexBuiltinsAgreeWithOpa() {
        assertThat(call(
                        "glob.match",
                        StringValue.of("*.github.com"),
                        ArrayValue.EMPTY,
                        StringValue.of("api.github.com")))
                .isEqualTo(io.dsx.policy.value.BoolValue.TRUE);
        assertThat(call("regex.replace", StringValue.of("a-b"), StringValue.of("(\\w)-(\\w)"), StringValue.of("$2+$1")))
                .isEqualTo(StringValue.of("b+a"));
    }

    @Test
    void cidrExpandRefusesNetworksThatWouldExhaustMemory() {
        assertThat(call("net.cidr_expand", StringValue.of("10.0.0.0/30")))
                .isEqualTo(io.dsx.policy.value.SetValue.of(
                        StringValue.of("10.0.0.0"),
                        StringValue.of("10.0.0.1"),
                        StringValue.of("10.0.0.2"),
                        StringValue.of("10.0.0.3")));
        assertThatThrownBy(() -> call("net.cidr_expand", StringValue.of("10.0.0.0/8")))
                .hasMessage("net.cidr_expand: refusing to expand more than 1048576 addresses (dsx limit)");
    }
}
