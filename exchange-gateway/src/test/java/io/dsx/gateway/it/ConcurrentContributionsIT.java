package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.events.LedgerEntry;
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
 * Many contributions at once, more than the gateway has ingest producers, so they share producers
 * and batches: each is still accepted exactly once, and each ledger entry's segments hold exactly its
 * own records.
 */
class ConcurrentContributionsIT extends GatewayIT {

    private static final String SCHEMA = """
            {"type":"record","name":"C","namespace":"concurrent","fields":[
              {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
              {"name":"n","type":"int","dsx.sensitivity":"non_sensitive"}]}""";
    private static final int CONTRIBUTIONS = 12;

    @Autowired
    io.dsx.gateway.keys.GatewayKeys keys;

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
            envelopes.add(new ContributionBuilder(Clock.systemUTC(), new SecureRandom())
                    .build(
                            new ContributionBuilder.Target(
                                    "hospital-b",
                                    dataset,
                                    schema,
                                    1,
                                    gatewayKey,
                                    hospital.signingKey(),
                                    hospital.keyId()),
                            records));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CONTRIBUTIONS);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (ContributionEnvelope e : envelopes) {
                answers.add(pool.submit(() -> send(
                        "POST",
                        "/v1/datasets/" + dataset + "/contributions",
                        token,
                        io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE,
                        e.toBytes())));
            }
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, LedgerEntry> ledger = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll("dsx.ledger")) {
            LedgerEntry entry = LedgerEntry.parse(r.value());
            if (entry.manifest().datasetId().equals(dataset)) {
                assertThat(ledger.put(entry.manifest().contributionId(), entry))
                        .as("one ledger entry per contribution")
                        .isNull();
            }
        }
        assertThat(ledger).hasSize(CONTRIBUTIONS);
        int segments = 0;
        for (int c = 0; c < CONTRIBUTIONS; c++) {
            LedgerEntry entry = ledger.get(envelopes.get(c).manifest().contributionId());
            segments += entry.segments().size();
            List<io.dsx.schemas.record.FramedRecord> back = storedRecords(keys, entry);
            assertThat(back).hasSize(20 + c);
            for (int i = 0; i < back.size(); i++) {
                assertThat(io.dsx.schemas.record.RecordCodec.of(schema)
                                .decode(back.get(i).record())
                                .get("subject")
                                .toString())
                        .isEqualTo("s-" + c + "-" + i);
            }
        }
        // every stored segment belongs to exactly one committed contribution
        assertThat(readAll("dsx.data." + dataset)).hasSize(segments);
    }
}
