package io.dsx.bench.policy;

import io.dsx.policy.Policy;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bench policy, its data and a request with 30 requested fields, from resources. */
final class Fixture {
    final Policy policy;
    final ObjectValue data;
    final Value input;

    Fixture() {
        data = (ObjectValue) Json.parse(resource("data.json"));
        input = Json.parse(resource("input.json"));
        policy = Policy.compile(Map.of("read.rego", resource("read.rego")), data);
    }

    static String resource(String name) {
        try (InputStream in = Fixture.class.getResourceAsStream("/bench/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
