package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.gateway.ingest.IngestMetrics;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.RecordSegment;
import io.dsx.schemas.events.StoredRecordHeaders;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many contributions at once, more than the gateway has ingest producers, so some share a Kafka
 * transaction (group commit): each is still accepted exactly once, and each ledger entry's segments
 * point at exactly its own records.
 */
class ConcurrentContributionsIT extends GatewayIT {

    private static final String SCHEMA = """
            {"type":"record","name":"C","namespace":"concurrent","fields":[
              {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
              {"name":"n","type":"int","dsx.sensitivity":"non_sensitive"}]}""";
    private static final int CONTRIBUTIONS = 12;

    @Autowired
    IngestMetrics metrics;

    @Test
    void concurrentContributionsAreEachWrittenOnceWithTheirOwnSegments() throws Exception {
        InstitutionCredentials hospital = enrol("hospital-b");
        String dataset = registerDataset("hospital-b", SCHEMA);
        DatasetSchema schema = DatasetSchema.parse(SCHEMA);
        HpkePublicKey gatewayKey = gatewayHpkeKey();
        String token = stack().tokens().forInstitution("hospital-b");
        List<ContributionEnvelope> envelopes = new ArrayList<>();
        for (int c = 0; c < CONTRIBUTIONS; c++) {
            List<GenericRecord> records = new ArrayList<>();
            for (int i = 0; i < 20 + c; i++) { // different sizes, so segments cannot line up by accident
                GenericRecord r = new GenericData.Record(schema.avro());
                r.put("subject", "s-" + c + "-" + i);
                r.put("n", i);
                records.add(r);
            }
            envelopes.add(new ContributionBuilder(Clock.systemUTC(), new SecureRandom()).build(new ContributionBuilder.Target(
                    "hospital-b", dataset, schema, 1, gatewayKey, hospital.signingKey(), hospital.keyId()), records));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CONTRIBUTIONS);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (ContributionEnvelope e : envelopes) {
                answers.add(pool.submit(() -> send("POST", "/v1/datasets/" + dataset + "/contributions", token,
                        io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE, e.toBytes())));
            }
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ConsumerRecord<byte[], byte[]>> stored = readAll("dsx.data." + dataset);
        int expected = envelopes.stream().mapToInt(e -> (int) e.manifest().recordCount()).sum();
        assertThat(stored).hasSize(expected);
        Map<Long, String> contributionAt = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : stored) {
            contributionAt.put(r.offset(), StoredRecordHeaders.decode(headerMap(r)).contributionId());
        }
        Map<String, LedgerEntry> ledger = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll("dsx.ledger")) {
            LedgerEntry entry = LedgerEntry.parse(r.value());
            if (entry.manifest().datasetId().equals(dataset)) {
                assertThat(ledger.put(entry.manifest().contributionId(), entry)).as("one ledger entry per contribution")
                        .isNull();
            }
        }
        assertThat(ledger).hasSize(CONTRIBUTIONS);
        for (ContributionEnvelope e : envelopes) {
            String id = e.manifest().contributionId();
            LedgerEntry entry = ledger.get(id);
            long inSegments = 0;
            for (RecordSegment s : entry.segments()) {
                long own = 0;
                for (long o = s.firstOffset(); o <= s.lastOffset(); o++) {
                    if (id.equals(contributionAt.get(o))) {
                        own++;
                    }
                }
                assertThat(own).as("records of %s in its segment", id).isEqualTo(s.recordCount());
                inSegments += own;
            }
            assertThat(inSegments).isEqualTo(e.manifest().recordCount());
        }
        System.out.printf("ConcurrentContributionsIT: %d contributions, %.2f per Kafka transaction on average this run%n",
                CONTRIBUTIONS, metrics.meanGroupSize());
    }
}
