package io.dsx.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.hpke.HpkeKeyPair;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.gateway.kafka.Topics;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.RecordSegment;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What each dataset holds, as the data plane and the catalog read it from the ledger follower. */
class DatasetHoldingsTest {

    private static final DatasetSchema SCHEMA = parse();

    @Test
    void holdingsComeInLedgerOrderAndASnapshotKeepsItsSizeWhileTheLedgerGrows() throws Exception {
        DatasetHoldings holdings = new DatasetHoldings();
        InstitutionCredentials creds = InstitutionKeys.generate(
                SignatureAlgorithm.ED25519, "CN=h", Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
        ContributionBuilder builder = new ContributionBuilder(Clock.systemUTC(), new SecureRandom());
        ContributionBuilder.Target target = new ContributionBuilder.Target(
                "h",
                "ds",
                SCHEMA,
                1,
                HpkeKeyPair.generate(new SecureRandom()).publicKey(),
                creds.signingKey(),
                creds.keyId());
        List<LedgerEntry> entries = new java.util.ArrayList<>();
        List<DatasetHoldings.Holding> atHalf = null;
        for (int i = 0; i < 300; i++) {
            GenericRecord r = new GenericData.Record(SCHEMA.avro());
            r.put("subject", "s" + i);
            List<GenericRecord> records = i % 2 == 0 ? List.of(r) : List.of(r, r);
            LedgerEntry entry = LedgerEntry.of(
                    builder.build(target, records),
                    Instant.ofEpochMilli(i),
                    "receipt",
                    List.of(new RecordSegment(0, i, 0, records.size())));
            entries.add(entry);
            holdings.accept(new ConsumerRecord<>(
                    Topics.LEDGER, 0, i, entry.manifest().contributionId().getBytes(), entry.toBytes()));
            if (i == 149) {
                atHalf = holdings.of("ds");
            }
        }
        // the same contribution again (a second gateway's entry): counted once
        LedgerEntry again = entries.get(7);
        holdings.accept(new ConsumerRecord<>(
                Topics.LEDGER, 0, 300, again.manifest().contributionId().getBytes(), again.toBytes()));

        List<DatasetHoldings.Holding> all = holdings.of("ds");
        assertThat(all).hasSize(300);
        assertThat(all)
                .extracting(h -> h.entry().manifest().contributionId())
                .containsExactlyElementsOf(
                        entries.stream().map(e -> e.manifest().contributionId()).toList());
        assertThat(all)
                .extracting(DatasetHoldings.Holding::offset)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, 300).boxed().toList());
        assertThat(atHalf).hasSize(150);
        assertThat(atHalf.get(149).offset()).isEqualTo(149);
        List<DatasetHoldings.Holding> half = atHalf;
        assertThatThrownBy(() -> half.get(150)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> all.add(all.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(holdings.recordCount("ds")).isEqualTo(150 * 1 + 150 * 2);
        assertThat(holdings.of("other")).isEmpty();
        assertThat(holdings.recordCount("other")).isZero();
    }

    private static DatasetSchema parse() {
        try {
            return DatasetSchema.parse("""
                    {"type":"record","name":"R","namespace":"t","fields":[
                      {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true}]}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
