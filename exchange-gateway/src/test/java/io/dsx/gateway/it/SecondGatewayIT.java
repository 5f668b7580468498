package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway keeps no state of its own: a second gateway started against the same broker (and the same
 * key stores, as gateways behind one load balancer share their KMS) rebuilds the catalog, the DEKs and
 * the ledger index from Kafka, answers a re-sent contribution with the first gateway's receipt, and
 * accepts new contributions that the first gateway then also knows.
 */
class SecondGatewayIT extends GatewayIT {

    @Test
    void aSecondGatewayRebuildsItsViewsFromKafka() throws Exception {
        InstitutionCredentials creds = enrol("hospital-b");
        String dataset = registerDataset("hospital-b", ContributionIT.SCHEMA);
        DatasetSchema schema = DatasetSchema.parse(ContributionIT.SCHEMA);
        ContributionBuilder builder = new ContributionBuilder(Clock.systemUTC(), new SecureRandom());
        ContributionBuilder.Target target = new ContributionBuilder.Target(
                "hospital-b", dataset, schema, 1, gatewayHpkeKey(), creds.signingKey(), creds.keyId());
        byte[] first = builder.build(target, records(schema, 10)).toBytes();
        String token = stack().tokens().forInstitution("hospital-b");
        HttpResponse<String> accepted =
                send("POST", "/v1/datasets/" + dataset + "/contributions", token, ContributionIT.MEDIA, first);
        assertThat(accepted.statusCode()).isEqualTo(201);

        ConfigurableApplicationContext second = startAnotherGateway("gateway-2");
        try {
            String other = baseUrl(second);
            // the catalog came back: the dataset and its owner
            HttpResponse<String> ds = HTTP.send(
                    HttpRequest.newBuilder(URI.create(other + "/v1/datasets/" + dataset))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(ds.body()).get("owner").asText()).isEqualTo("hospital-b");
            // the ledger index came back: same receipt, nothing written
            HttpResponse<String> again = post(other, dataset, token, first);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).get("receipt").asText())
                    .isEqualTo(JSON.readTree(accepted.body()).get("receipt").asText());
            // and it accepts new contributions, which the first gateway learns by following the ledger
            byte[] next = builder.build(target, records(schema, 5)).toBytes();
            assertThat(post(other, dataset, token, next).statusCode()).isEqualTo(201);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status;
            do {
                status = send("POST", "/v1/datasets/" + dataset + "/contributions", token, ContributionIT.MEDIA, next)
                        .statusCode();
            } while (status != 200 && System.nanoTime() < deadline && sleep());
            assertThat(status).isEqualTo(200);
        } finally {
            second.close();
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }

    private static HttpResponse<String> post(String base, String dataset, String token, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/datasets/" + dataset + "/contributions"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", ContributionIT.MEDIA)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<GenericRecord> records(DatasetSchema schema, int n) {
        List<GenericRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GenericRecord r = new GenericData.Record(schema.avro());
            r.put("patient", "second-" + i + "-" + System.nanoTime());
            r.put("age", 40 + i);
            r.put("diagnosis", "I10");
            out.add(r);
        }
        return out;
    }
}
