package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.merkle.MerkleProofs;
import io.dsx.crypto.merkle.MerkleTree;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.envelope.Manifest;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;

/** Contributions end to end: real tokens, real crypto, real broker, transactions and refusals. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ContributionIT extends GatewayIT {

    static final String MEDIA = io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE;
    static final String SCHEMA = """
            {"type":"record","name":"Visit","namespace":"org.example.hospital","fields":[
              {"name":"patient","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
              {"name":"age","type":"int","dsx.sensitivity":"quasi_identifier"},
              {"name":"diagnosis","type":"string","dsx.sensitivity":"sensitive","dsx.tags":["diagnosis"]}]}""";

    @Autowired
    GatewayKeys gatewayKeys;

    @Autowired
    SwitchableFaults faults;

    @Autowired
    io.dsx.gateway.ingest.IngestMetrics ingestMetrics;

    static InstitutionCredentials hospitalA;
    static InstitutionCredentials hospitalB;
    String dataset;
    DatasetSchema schema;
    HpkePublicKey gatewayKey;

    @BeforeEach
    void enrolAndRegister() throws Exception {
        synchronized (ContributionIT.class) {
            if (hospitalA == null) {
                hospitalA = enrol("hospital-a");
                hospitalB = enrol("hospital-b");
            }
        }
        dataset = registerDataset("hospital-a", SCHEMA);
        schema = DatasetSchema.parse(SCHEMA);
        gatewayKey = gatewayHpkeKey();
    }

    private List<GenericRecord> records(int n, String marker) {
        List<GenericRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GenericRecord r = new GenericData.Record(schema.avro());
            r.put("patient", "patient-" + marker + "-" + i);
            r.put("age", 20 + i % 60);
            r.put("diagnosis", "diagnosis-" + marker + "-" + i);
            out.add(r);
        }
        return out;
    }

    private ContributionEnvelope honest(List<GenericRecord> records) {
        return new ContributionBuilder(Clock.systemUTC(), new SecureRandom())
                .build(
                        new ContributionBuilder.Target(
                                "hospital-a",
                                dataset,
                                schema,
                                1,
                                gatewayKey,
                                hospitalA.signingKey(),
                                hospitalA.keyId()),
                        records);
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return post(body, "hospital-a", MEDIA);
    }

    private HttpResponse<String> post(byte[] body, String institution, String mediaType) throws Exception {
        return send(
                "POST",
                "/v1/datasets/" + dataset + "/contributions",
                stack().tokens().forInstitution(institution),
                mediaType,
                body);
    }

    @Test
    void acceptedContributionIsStoredEncryptedAndProvable(CapturedOutput log) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<GenericRecord> records = records(50, marker);
        ContributionEnvelope envelope = honest(records);
        HttpResponse<String> response = post(envelope.toBytes());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.get("recordCount").asLong()).isEqualTo(50);
        assertThat(receipt.get("contributionId").asText())
                .isEqualTo(envelope.manifest().contributionId());

        // the receipt is signed by the key the gateway publishes
        Receipt parsed = Receipt.parse(
                Base64.getUrlDecoder().decode(receipt.get("receipt").asText()));
        assertThat(parsed.verify(gatewayKeys.keyStore().receiptKey().publicKey()))
                .isTrue();

        // one stored segment (50 small records), holding no plaintext and no identifier in clear
        LedgerEntry entry = ledgerEntry(envelope.manifest().contributionId());
        List<ConsumerRecord<byte[], byte[]>> stored = readAll("dsx.data." + dataset);
        assertThat(stored).hasSize(entry.segments().size()).hasSize(1);
        for (ConsumerRecord<byte[], byte[]> r : stored) {
            String raw = new String(r.value(), StandardCharsets.ISO_8859_1)
                    + new String(r.key(), StandardCharsets.ISO_8859_1)
                    + headersText(r);
            assertThat(raw).doesNotContain(marker).doesNotContain("diagnosis-").doesNotContain("patient-");
            assertThat(r.headers().toArray()).isEmpty();
            // the key is the contribution id (16 bytes), never a subject identifier
            assertThat(java.nio.ByteBuffer.wrap(r.key()).getLong())
                    .isEqualTo(UUID.fromString(envelope.manifest().contributionId())
                            .getMostSignificantBits());
        }
        assertThat(log.getAll())
                .as("the gateway's log")
                .contains(envelope.manifest().contributionId())
                .doesNotContain(marker);

        // stored records are kept as long as the ledger that points at them: no time or size retention
        try (Admin admin = Admin.create(stack().kafkaClientConfig())) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "dsx.data." + dataset);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }

        // catalog events carry UUIDv7 ids (docs/formats.md §12)
        List<ConsumerRecord<byte[], byte[]>> catalog = readAll("dsx.catalog");
        assertThat(catalog).isNotEmpty();
        for (ConsumerRecord<byte[], byte[]> r : catalog) {
            assertThat(io.dsx.schemas.envelope.UuidV7.isCanonical(
                            io.dsx.schemas.events.CatalogEvent.parse(r.value()).eventId()))
                    .isTrue();
        }
        // the stored records, read back by position through the ledger entry, are the records sent
        List<io.dsx.schemas.record.FramedRecord> back = storedRecords(gatewayKeys, entry);
        assertThat(back).hasSize(50);
        assertThat(io.dsx.schemas.record.RecordCodec.of(schema)
                        .decode(back.get(7).record())
                        .get("diagnosis")
                        .toString())
                .isEqualTo("diagnosis-" + marker + "-7");

        // the ledger entry verifies: institution's signature, and the Merkle root over the stored leaves
        assertThat(entry.verifyContributorSignature(hospitalA.certificate().getPublicKey()))
                .isTrue();
        List<byte[]> leaves = back.stream()
                .map(r -> MerkleTree.leafHash(r.salt(), r.record()))
                .toList();
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        assertThat(tree.root()).isEqualTo(entry.manifest().merkleRoot());
        // and any one record is provably part of the signed contribution
        assertThat(MerkleProofs.verifyInclusion(
                        leaves.get(31),
                        31,
                        50,
                        tree.inclusionProof(31),
                        entry.manifest().merkleRoot()))
                .isTrue();
    }

    @Test
    void sendingTheSameContributionAgainReturnsTheFirstReceiptAndWritesNothing() throws Exception {
        byte[] body = honest(records(5, "again")).toBytes();
        HttpResponse<String> first = post(body);
        assertThat(first.statusCode()).isEqualTo(201);
        Map<TopicPartition, Long> before = endOffsets();
        HttpResponse<String> second = post(body);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).get("receipt").asText())
                .isEqualTo(JSON.readTree(first.body()).get("receipt").asText());
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void abortedContributionLeavesNothingVisibleAndItsRetrySucceedsOnce(CapturedOutput log) throws Exception {
        ContributionEnvelope envelope = honest(records(20, "abort"));
        faults.abortOnce(envelope.manifest().contributionId());
        HttpResponse<String> failed = post(envelope.toBytes());
        assertProblem(failed, 503, "write_aborted");
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(failed.body()).doesNotContain("abort-");
        // its segment was written before the fault: an orphan, at no ledger position, so never served
        int orphans = readAll("dsx.data." + dataset).size();
        assertThat(orphans).isEqualTo(1);
        assertThat(ingestMetrics.orphanSegments()).isGreaterThanOrEqualTo(1);
        assertThat(readAll("dsx.ledger").stream()
                        .filter(r -> new String(r.key(), StandardCharsets.UTF_8)
                                .equals(envelope.manifest().contributionId())))
                .isEmpty();

        assertThat(post(envelope.toBytes()).statusCode()).isEqualTo(201);
        assertThat(post(envelope.toBytes()).statusCode()).isEqualTo(200);
        LedgerEntry entry = ledgerEntry(envelope.manifest().contributionId());
        assertThat(entry.segments()).allSatisfy(seg -> assertThat(seg.offset()).isGreaterThanOrEqualTo(orphans));
        assertThat(storedRecords(gatewayKeys, entry)).hasSize(20);
        long ledgerEntries = readAll("dsx.ledger").stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8)
                        .equals(envelope.manifest().contributionId()))
                .count();
        assertThat(ledgerEntries).isEqualTo(1);
        assertThat(log.getAll())
                .as("the gateway's log")
                .contains("write_aborted")
                .doesNotContain("abort-");
    }

    @Test
    void badSignatureIsRefused() throws Exception {
        byte[] body = honest(records(3, "sig")).toBytes();
        body[body.length - 10] ^= 0x01; // inside the signature, the last field
        assertRefused(body, 400, "bad_signature");
    }

    @Test
    void aKeyOfAnotherInstitutionIsRefused() throws Exception {
        byte[] body = EnvelopeForge.forge(
                "hospital-a",
                dataset,
                1,
                schema,
                records(3, "foreign"),
                gatewayKey,
                hospitalB.signingKey(),
                hospitalB.keyId(),
                EnvelopeForge.Tamper.none());
        assertRefused(body, 403, "foreign_key");
    }

    @Test
    void aRevokedKeyIsRefused() throws Exception {
        InstitutionCredentials extra = enrol("hospital-a");
        HttpResponse<String> revoked = postJson(
                "/v1/admin/institutions/hospital-a/keys/" + extra.keyId() + "/revoke",
                stack().tokens().forUser("operator"),
                "{\"reason\":\"laptop lost\"}");
        assertThat(revoked.statusCode()).isEqualTo(200);
        byte[] body = EnvelopeForge.forge(
                "hospital-a",
                dataset,
                1,
                schema,
                records(3, "revoked"),
                gatewayKey,
                extra.signingKey(),
                extra.keyId(),
                EnvelopeForge.Tamper.none());
        assertRefused(body, 403, "key_revoked");
    }

    @Test
    void aKeyWhoseCertificateIsNotValidNowIsRefused() throws Exception {
        // registered in advance (valid from tomorrow), used today
        InstitutionCredentials early = keyValidFrom(java.time.Duration.ofDays(1), java.time.Duration.ofDays(30));
        HttpResponse<String> added = addKey(early);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        byte[] body = EnvelopeForge.forge(
                "hospital-a",
                dataset,
                1,
                schema,
                records(3, "early"),
                gatewayKey,
                early.signingKey(),
                early.keyId(),
                EnvelopeForge.Tamper.none());
        HttpResponse<String> refused = assertRefused(body, 403, "certificate_not_valid");
        assertThat(refused.body()).contains("not now");
    }

    /** A hospital-a key whose certificate is valid from now + {@code start} for {@code validity}. */
    private static InstitutionCredentials keyValidFrom(java.time.Duration start, java.time.Duration validity)
            throws Exception {
        return io.dsx.crypto.keys.InstitutionKeys.generate(
                io.dsx.crypto.sign.SignatureAlgorithm.ED25519,
                "CN=hospital-a from " + start + ",O=dsx test",
                validity,
                java.time.Clock.offset(java.time.Clock.systemUTC(), start),
                new java.security.SecureRandom());
    }

    private HttpResponse<String> addKey(InstitutionCredentials key) throws Exception {
        return postJson(
                "/v1/admin/institutions/hospital-a/keys",
                stack().tokens().forUser("operator"),
                JSON.writeValueAsString(
                        Map.of("certificate", io.dsx.crypto.keys.Pem.writeCertificate(key.certificate()))));
    }

    @Test
    void anExpiredCertificateIsNotRegistered() throws Exception {
        HttpResponse<String> added = addKey(keyValidFrom(java.time.Duration.ofDays(-10), java.time.Duration.ofDays(1)));
        assertProblem(added, 422, "invalid_certificate");
        assertThat(added.body()).contains("expired");
    }

    @Test
    void anUnknownDatasetIsRefused() throws Exception {
        byte[] body = honest(records(2, "unknown")).toBytes();
        Map<TopicPartition, Long> before = endOffsets();
        HttpResponse<String> r = send(
                "POST",
                "/v1/datasets/no-such-dataset/contributions",
                stack().tokens().forInstitution("hospital-a"),
                MEDIA,
                body);
        assertProblem(r, 409, "manifest_mismatch");
        byte[] forged = EnvelopeForge.forge(
                "hospital-a",
                "no-such-dataset",
                1,
                schema,
                records(2, "u"),
                gatewayKey,
                hospitalA.signingKey(),
                hospitalA.keyId(),
                EnvelopeForge.Tamper.none());
        r = send(
                "POST",
                "/v1/datasets/no-such-dataset/contributions",
                stack().tokens().forInstitution("hospital-a"),
                MEDIA,
                forged);
        assertProblem(r, 404, "unknown_dataset");
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void anUnknownSchemaVersionIsRefused() throws Exception {
        byte[] body = EnvelopeForge.forge(
                "hospital-a",
                dataset,
                7,
                schema,
                records(2, "v7"),
                gatewayKey,
                hospitalA.signingKey(),
                hospitalA.keyId(),
                EnvelopeForge.Tamper.none());
        assertRefused(body, 404, "unknown_schema_version");
    }

    @Test
    void aRecordThatDoesNotDecodeIsRefused(CapturedOutput log) throws Exception {
        DatasetSchema other = DatasetSchema.parse("""
                {"type":"record","name":"Other","fields":[{"name":"note","type":"string","dsx.sensitivity":"non_sensitive"}]}""");
        GenericRecord r = new GenericData.Record(other.avro());
        String value = "value-" + UUID.randomUUID();
        r.put("note", value);
        byte[] body = EnvelopeForge.forge(
                "hospital-a",
                dataset,
                1,
                other,
                List.of(r),
                gatewayKey,
                hospitalA.signingKey(),
                hospitalA.keyId(),
                EnvelopeForge.Tamper.none());
        HttpResponse<String> refused = assertRefused(body, 400, "record_invalid");
        assertThat(refused.body())
                .as("the problem names the record, not its content")
                .contains("record 0")
                .doesNotContain(value);
        assertThat(log.getAll()).as("the gateway's log").doesNotContain(value);
    }

    @Test
    void aFlippedCiphertextBitIsRefused() throws Exception {
        byte[] body = EnvelopeForge.forge(
                "hospital-a",
                dataset,
                1,
                schema,
                records(3, "flip"),
                gatewayKey,
                hospitalA.signingKey(),
                hospitalA.keyId(),
                new EnvelopeForge.Tamper(UnaryOperator.identity(), true, true));
        assertRefused(body, 400, "decrypt_failed");
    }

    @Test
    void aRecordCountThatDoesNotMatchIsRefused() throws Exception {
        byte[] body = EnvelopeForge.forge(
                "hospital-a",
                dataset,
                1,
                schema,
                records(3, "count"),
                gatewayKey,
                hospitalA.signingKey(),
                hospitalA.keyId(),
                new EnvelopeForge.Tamper(m -> withCount(m, 4), false, true));
        assertRefused(body, 400, "count_mismatch");
    }

    @Test
    void aMerkleRootThatDoesNotMatchIsRefused() throws Exception {
        byte[] body = EnvelopeForge.forge(
                "hospital-a",
                dataset,
                1,
                schema,
                records(3, "root"),
                gatewayKey,
                hospitalA.signingKey(),
                hospitalA.keyId(),
                new EnvelopeForge.Tamper(m -> withRoot(m, new byte[32]), false, true));
        assertRefused(body, 400, "merkle_mismatch");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefused() throws Exception {
        byte[] body = new byte[(int) (9L << 20)]; // the IT gateway accepts at most 8 MiB
        assertRefused(body, 413, "too_large");
    }

    @Test
    void aTruncatedBodyIsRefused() throws Exception {
        byte[] body = honest(records(3, "trunc")).toBytes();
        assertRefused(Arrays.copyOf(body, body.length - 40), 400, "malformed_envelope");
    }

    @Test
    void aWrongContentTypeIsRefused() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        HttpResponse<String> r = post(honest(records(2, "ct")).toBytes(), "hospital-a", "application/json");
        assertProblem(r, 415, "unsupported_media_type");
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void anotherInstitutionCannotContributeToThisDataset() throws Exception {
        byte[] body = EnvelopeForge.forge(
                "hospital-b",
                dataset,
                1,
                schema,
                records(2, "b"),
                gatewayKey,
                hospitalB.signingKey(),
                hospitalB.keyId(),
                EnvelopeForge.Tamper.none());
        Map<TopicPartition, Long> before = endOffsets();
        assertProblem(post(body, "hospital-b", MEDIA), 403, "not_owner");
        assertThat(endOffsets()).isEqualTo(before);
    }

    private static Manifest withCount(Manifest m, long count) {
        return new Manifest(
                m.version(),
                m.contributionId(),
                m.institutionId(),
                m.datasetId(),
                m.schemaVersion(),
                m.createdAt(),
                count,
                m.merkleRoot(),
                m.recipientKeyId(),
                m.signerKeyId(),
                m.signatureAlgorithm());
    }

    private static Manifest withRoot(Manifest m, byte[] root) {
        return new Manifest(
                m.version(),
                m.contributionId(),
                m.institutionId(),
                m.datasetId(),
                m.schemaVersion(),
                m.createdAt(),
                m.recordCount(),
                root,
                m.recipientKeyId(),
                m.signerKeyId(),
                m.signatureAlgorithm());
    }

    private HttpResponse<String> assertRefused(byte[] body, int status, String code) throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        HttpResponse<String> response = post(body);
        assertProblem(response, status, code);
        assertThat(endOffsets()).as("no topic changed").isEqualTo(before);
        return response;
    }
}
