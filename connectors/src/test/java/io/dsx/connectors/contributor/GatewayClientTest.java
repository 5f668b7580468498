package io.dsx.connectors.contributor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.keys.KeyIds;
import io.dsx.schemas.dataset.DatasetSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayClientTest {
    static final String SCHEMA = """
      {"type":"record","name":"Visit","fields":[
        {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
        {"name":"age","type":"int","dsx.sensitivity":"quasi_identifier"}]}""";

    FakeGateway gateway;
    List<Duration> sleeps = new ArrayList<>();
    GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway(DatasetSchema.parse(SCHEMA));
        client = client(gateway.url(), new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250), sleeps::add));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private GatewayClient client(String url, RetryPolicy retry) {
        TokenSource tokens = new ClientCredentialsTokens(
                URI.create(gateway.url() + "/realms/dataspace/protocol/openid-connect/token"),
                "hospital-a",
                FakeGateway.SECRET,
                HttpClient.newHttpClient(),
                Clock.systemUTC());
        return new GatewayClient(URI.create(url), tokens, HttpClient.newHttpClient(), retry);
    }

    private Contributor contributor() throws Exception {
        return Contributor.open(
                client,
                "hospital-a",
                "visits",
                null,
                gateway.institution.signingKey(),
                gateway.institution.certificate(),
                Clock.systemUTC(),
                new SecureRandom());
    }

    private List<GenericRecord> records(int n) {
        List<GenericRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GenericRecord r = new GenericData.Record(gateway.schema.avro());
            r.put("subject", "p-" + i);
            r.put("age", i);
            out.add(r);
        }
        return out;
    }

    @Test
    void aContributionIsOpenedByTheGatewayAndItsReceiptVerifies() throws Exception {
        ContributionReceipt receipt = contributor().contribute(records(3));
        assertThat(gateway.accepted).hasSize(1);
        assertThat(gateway.accepted.get(0).records()).hasSize(3);
        assertThat(gateway.accepted.get(0).envelope().envelope().manifest().signerKeyId())
                .isEqualTo(KeyIds.of(gateway.institution.certificate()));
        assertThat(receipt.recordCount()).isEqualTo(3);
        assertThat(gateway.authorizations).allMatch("Bearer tok-1"::equals);
        assertThat(gateway.tokenForms).as("one token for all calls").hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithTheSameBytesAndBackoff() throws Exception {
        gateway.failNext(503, 2);
        ContributionReceipt receipt = contributor().contribute(records(2));
        assertThat(gateway.uploads).hasSize(3);
        assertThat(gateway.uploads.get(1)).isEqualTo(gateway.uploads.get(0));
        assertThat(gateway.uploads.get(2)).isEqualTo(gateway.uploads.get(0));
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(receipt.recordCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterALostAnswerGetsTheFirstReceiptAndNothingIsAcceptedTwice() throws Exception {
        Contributor c = contributor();
        ContributionReceipt first = c.contribute(records(2));
        byte[] sent = gateway.uploads.get(0);
        ContributionReceipt again = client.contribute("visits", sent);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(gateway.accepted).hasSize(1);
    }

    @Test
    void aRefusalIsNotRetriedAndCarriesTheProblemCodeAndDetail() throws Exception {
        gateway.failNext(400, 1);
        Contributor c = contributor();
        assertThatThrownBy(() -> c.contribute(records(1))).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("code_400");
            assertThat(e.detail()).isEqualTo("scripted");
            assertThat(e.getMessage()).isEqualTo("gateway answered 400 code_400: scripted");
        });
        assertThat(gateway.uploads).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void contributionInProgressIsTheOneConflictThatIsRetried() {
        assertThat(new GatewayException(409, "contribution_in_progress", "").retriable())
                .isTrue();
        assertThat(new GatewayException(409, "manifest_mismatch", "").retriable())
                .isFalse();
        assertThat(new GatewayException(429, "too_many", "").retriable()).isFalse();
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheLastAttempt() throws Exception {
        gateway.failNext(500, 10);
        Contributor c = contributor();
        assertThatThrownBy(() -> c.contribute(records(1)))
                .isInstanceOf(GatewayException.class)
                .hasMessage("gateway answered 500 code_500: scripted (gave up after 4 attempts)");
        assertThat(gateway.uploads).hasSize(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void anUnreachableGatewayIsRetriedThenReported() throws Exception {
        String url = gateway.url();
        gateway.close();
        GatewayClient dead = client(url, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), sleeps::add));
        assertThatThrownBy(dead::info)
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(GatewayException.UNREACHABLE));
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aWrongClientSecretIsReportedWithoutTheSecret() {
        TokenSource wrong = new ClientCredentialsTokens(
                URI.create(gateway.url() + "/realms/dataspace/protocol/openid-connect/token"),
                "hospital-a",
                "not-the-secret",
                HttpClient.newHttpClient(),
                Clock.systemUTC());
        GatewayClient c =
                new GatewayClient(URI.create(gateway.url()), wrong, HttpClient.newHttpClient(), RetryPolicy.DEFAULT);
        assertThatThrownBy(c::me)
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("not-the-secret");
        assertThat(wrong.toString()).doesNotContain("not-the-secret");
    }

    @Test
    void theSchemaComesFromTheGatewayAndIsChecked() throws Exception {
        assertThat(client.schema("visits", 1).avro().getField("age")).isNotNull();
        assertThatThrownBy(() -> client.schema("visits", 2))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RetryPolicy p = new RetryPolicy(9, Duration.ofMillis(500), Duration.ofSeconds(3), d -> {});
        assertThat(List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(4), p.backoff(8)))
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(3));
    }
}
