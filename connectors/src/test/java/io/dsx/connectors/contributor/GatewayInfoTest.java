package io.dsx.connectors.contributor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsx.crypto.hpke.HpkeKeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GatewayInfoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HpkeKeyPair hpke = HpkeKeyPair.generate(new SecureRandom());

    private ObjectNode doc(String advertisedKeyId) {
        ObjectNode o = JSON.createObjectNode()
                .put("issuer", "http://kc/realms/dataspace")
                .put("currentHpkeKeyId", advertisedKeyId);
        o.putArray("hpkeKeys")
                .addObject()
                .put("keyId", advertisedKeyId)
                .put(
                        "publicKey",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(hpke.publicKey().bytes()));
        o.putObject("receiptKey")
                .put("keyId", "r1")
                .put("algorithm", "ed25519")
                .put("publicKey", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]));
        return o;
    }

    @Test
    void readsTheCurrentHpkeKeyAndTheDefaultLimits() throws Exception {
        GatewayInfo info = GatewayInfo.fromJson(doc(hpke.keyId()));
        assertThat(info.hpkeKey().bytes()).isEqualTo(hpke.publicKey().bytes());
        assertThat(info.issuer()).isEqualTo("http://kc/realms/dataspace");
        assertThat(info.maxContributionBytes()).isEqualTo(64L << 20);
    }

    @Test
    void aKeyIdThatIsNotTheHashOfThePublishedKeyIsRefused() {
        String wrong = "00".repeat(32);
        assertThatThrownBy(() -> GatewayInfo.fromJson(doc(wrong)))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("does not match the published key");
    }

    @Test
    void aCurrentKeyThatIsNotListedIsRefused() {
        ObjectNode d = doc(hpke.keyId());
        d.put("currentHpkeKeyId", "ab".repeat(32));
        assertThatThrownBy(() -> GatewayInfo.fromJson(d)).hasMessageContaining("is not among hpkeKeys");
    }
}
