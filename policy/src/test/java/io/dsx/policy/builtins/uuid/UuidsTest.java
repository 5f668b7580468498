package io.dsx.policy.builtins.uuid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void generatesVersion4FromTheInjectedSource() {
        String a = Uuids.random(new Random(7));
        assertThat(a).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(Uuids.random(new Random(7))).isEqualTo(a);
    }

    @Test
    void decodesVersion2FieldsInEveryAcceptedForm() {
        var parsed = Uuids.parse("URN:UUID:000003e8-48b9-21ee-b200-325096b39f47");
        assertThat(parsed)
                .containsEntry("version", 2)
                .containsEntry("id", 1000L)
                .containsEntry("domain", "Person")
                .containsEntry("clocksequence", 12800)
                .containsEntry("nodeid", "32-50-96-b3-9f-47")
                .containsEntry("macvariables", "local:unicast")
                .containsEntry("time", 1693566990121469600L);
        assertThat(Uuids.parse("{00000000-0000-4000-8000-000000000000}")).containsEntry("variant", "RFC4122");
        assertThat(Uuids.parse("6bea8ef2d3d33cd184e09bab06a52ece")).containsEntry("version", 3);
        assertThat(Uuids.parse("123")).isNull();
    }
}
