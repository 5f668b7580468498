package io.dsx.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;

/**
 * The grants of compose's Kafka ({@code kafka/setup.sh}) are those of the local stack and the tests
 * ({@link KafkaAcls}), and compose's nodes are locked down as {@link KafkaBroker} is.
 */
class KafkaAclsTest {

    private static String read(String file) throws Exception {
        return Files.readString(Path.of("kafka", file), StandardCharsets.UTF_8);
    }

    @Test
    void theGatewayGetsOnlyPrefixedGrantsOnDsxResources() {
        for (AclBinding acl : KafkaAcls.gateway("dsx-gateway")) {
            assertThat(acl.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
            assertThat(acl.pattern().name()).startsWith("dsx");
            assertThat(acl.entry().principal()).isEqualTo("User:dsx-gateway");
            assertThat(acl.entry().operation().name()).isNotIn("ALL", "DELETE", "ALTER");
        }
    }

    @Test
    void composeSetupGrantsExactlyTheSameAcls() throws Exception {
        String setup = read("setup.sh");
        String body = setup.substring(setup.indexOf("acl --topic"));
        for (AclBinding acl : KafkaAcls.gateway("dsx-gateway")) {
            String resource = switch (acl.pattern().resourceType()) {
                case TOPIC -> "acl --topic " + acl.pattern().name() + " ";
                case GROUP -> "acl --group " + acl.pattern().name() + " ";
                case TRANSACTIONAL_ID ->
                    "acl --transactional-id " + acl.pattern().name() + " ";
                default -> throw new AssertionError("unexpected resource " + acl.pattern());
            };
            String line = body.substring(body.indexOf(resource), body.indexOf('\n', body.indexOf(resource)));
            String op = acl.entry().operation().name().replace("_", "").toLowerCase(Locale.ROOT);
            assertThat(line.toLowerCase(Locale.ROOT)).as(resource).contains("--operation " + op);
        }
        long grants = body.lines()
                .filter(l -> l.contains("--operation"))
                .mapToInt(l -> l.split("--operation").length - 1)
                .sum();
        assertThat(grants).isEqualTo(KafkaAcls.gateway("dsx-gateway").size());
    }

    @Test
    void composeNodesAreLockedDownLikeTheLocalBroker() throws Exception {
        String broker = read("broker.sh");
        assertThat(broker)
                .contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .contains("allow.everyone.if.no.acl.found=false")
                .contains("super.users=User:dsx-broker")
                .contains("listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512")
                .contains(
                        "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .doesNotContain("PLAINTEXT://")
                .doesNotContain(":PLAINTEXT");
        // secrets are read from files, never passed as arguments
        assertThat(read("setup.sh")).contains("java @\"$args\"").doesNotContain("--add-config 'SCRAM");
    }
}
