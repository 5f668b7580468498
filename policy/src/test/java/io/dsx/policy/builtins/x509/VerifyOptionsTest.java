package io.dsx.policy.builtins.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import org.junit.jupiter.api.Test;

class VerifyOptionsTest {

    @Test
    void readsTimeHostAndUsagesAsGoNamesThem() {
        ObjectValue o = ObjectValue.builder()
                .put("DNSName", StringValue.of("svc.example"))
                .put("CurrentTime", NumberValue.of(1_700_000_000_000_000_000L))
                .put("KeyUsages", ArrayValue.of(StringValue.of("KeyUsageClientAuth")))
                .build();
        VerifyOptions v = VerifyOptions.parse(o);
        assertThat(v.dnsName()).isEqualTo("svc.example");
        assertThat(v.currentTimeNs()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(v.keyUsageOids()).containsExactly("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void rejectsUnknownOptionsAndUsagesWithOpasTexts() {
        assertThatThrownBy(() -> VerifyOptions.parse(
                        ObjectValue.builder().put("Roots", StringValue.of("x")).build()))
                .hasMessage("invalid key option");
        assertThatThrownBy(() -> VerifyOptions.parse(ObjectValue.builder()
                        .put("KeyUsages", ArrayValue.of(StringValue.of("KeyUsageNope")))
                        .build()))
                .hasMessage("invalid entries for 'KeyUsages' found: [KeyUsageNope]");
        assertThatThrownBy(() -> VerifyOptions.parse(ObjectValue.builder()
                        .put("CurrentTime", StringValue.of("now"))
                        .build()))
                .hasMessage("'CurrentTime' should be a number");
    }
}
