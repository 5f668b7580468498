package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.events.LedgerEntry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Input built to hurt the gateway, each answered with its own 4xx problem, nothing written to any dsx
 * topic, and the gateway still healthy and accepting the next valid contribution (DESIGN §5 invariant 8;
 * the five found in issue 8's review): zero-size array items, a recursive schema, a record larger than
 * the data topic takes, and oversized JSON bodies with and without a declared length. The fifth, a
 * follower thread dying, is TopicFollowerTest and FollowerHealthTest.
 */
class HostileInputIT extends GatewayIT {

    private static final String SCHEMA = """
            {"type":"record","name":"Note","namespace":"hostile","fields":[
              {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
              {"name":"text","type":"string","dsx.sensitivity":"sensitive"}]}""";

    @Autowired
    GatewayKeys keys;

    static InstitutionCredentials hospital;
    String dataset;
    DatasetSchema schema;
    HpkePublicKey gatewayKey;

    @BeforeEach
    void setUp() throws Exception {
        synchronized (HostileInputIT.class) {
            if (hospital == null) {
                hospital = enrol("hospital-a");
            }
        }
        dataset = registerDataset("hospital-a", SCHEMA);
        schema = DatasetSchema.parse(SCHEMA);
        gatewayKey = gatewayHpkeKey();
    }

    @Test
    void aSchemaWithZeroSizeArrayItemsIsRefused() throws Exception {
        assertSchemaRefused("""
                {"type":"record","name":"Z","namespace":"hostile","fields":[
                  {"name":"nulls","type":{"type":"array","items":{"type":"array","items":"null"}},
                   "dsx.sensitivity":"non_sensitive"}]}""");
    }

    @Test
    void aRecursiveSchemaIsRefused() throws Exception {
        assertSchemaRefused("""
                {"type":"record","name":"Node","namespace":"hostile","fields":[
                  {"name":"next","type":["null","Node"],"default":null,"dsx.sensitivity":"non_sensitive"}]}""");
    }

    @Test
    void aRecordLargerThanTheDataTopicTakesIsRefusedBeforeAnyWrite() throws Exception {
        // an operator (or a broker default) lowered what the topic takes below what framing allows
        try (Admin admin = Admin.create(stack().broker().operatorAdminConfig())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "dsx.data." + dataset);
            admin.incrementalAlterConfigs(Map.of(
                            topic,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("max.message.bytes", "65536"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
        Map<TopicPartition, Long> before = endOffsets();
        List<GenericRecord> records = records(3, 10);
        records.get(1).put("text", "x".repeat(100_000));
        HttpResponse<String> r = contribute(records);
        assertProblem(r, 413, "record_too_large");
        assertThat(r.body()).doesNotContain("xxxxxxxx");
        assertThat(endOffsets()).as("nothing written").isEqualTo(before);

        // records that fit are still taken, in segments cut to what the topic takes
        HttpResponse<String> ok = contribute(records(60, 2_000));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        LedgerEntry entry =
                ledgerEntry(JSON.readTree(ok.body()).get("contributionId").asText());
        assertThat(entry.segments().size()).isGreaterThan(1);
        assertThat(storedRecords(keys, entry)).hasSize(60);
    }

    @Test
    void jsonBodiesOverTheLimitAreRefusedWithOrWithoutADeclaredLength() throws Exception {
        String token = stack().tokens().forInstitution("hospital-a");
        byte[] huge = ("{\"id\":\"x\",\"title\":\"" + "a".repeat(3 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<TopicPartition, Long> before = endOffsets();
        assertProblem(send("POST", "/v1/datasets", token, "application/json", huge), 413, "too_large");
        HttpResponse<String> chunked = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/datasets"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413, "too_large");
        assertThat(endOffsets()).isEqualTo(before);
        assertStillServing();
    }

    private void assertSchemaRefused(String schemaJson) throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        HttpResponse<String> r = postJson(
                "/v1/datasets",
                stack().tokens().forInstitution("hospital-a"),
                "{\"id\":\"ds-hostile-" + System.nanoTime() % 100000 + "\",\"title\":\"t\",\"description\":\"\","
                        + "\"duo\":[\"DUO:0000042\"],\"schema\":" + schemaJson + "}");
        assertProblem(r, 422, "invalid_schema");
        assertThat(endOffsets()).as("nothing written").isEqualTo(before);
        assertStillServing();
    }

    private void assertStillServing() throws Exception {
        assertThat(get("http://127.0.0.1:" + managementPort, "/actuator/health", null)
                        .body())
                .contains("UP");
        HttpResponse<String> ok = contribute(records(5, 10));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    private List<GenericRecord> records(int n, int textLength) {
        List<GenericRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GenericRecord r = new GenericData.Record(schema.avro());
            r.put("subject", "s-" + i);
            r.put("text", "t".repeat(textLength));
            out.add(r);
        }
        return out;
    }

    private HttpResponse<String> contribute(List<GenericRecord> records) throws Exception {
        ContributionEnvelope envelope = new ContributionBuilder(Clock.systemUTC(), new SecureRandom())
                .build(
                        new ContributionBuilder.Target(
                                "hospital-a", dataset, schema, 1, gatewayKey, hospital.signingKey(), hospital.keyId()),
                        records);
        return send(
                "POST",
                "/v1/datasets/" + dataset + "/contributions",
                stack().tokens().forInstitution("hospital-a"),
                ContributionEnvelope.MEDIA_TYPE,
                envelope.toBytes());
    }
}
