package io.dsx.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hpke.HpkeKeyPair;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.gateway.kafka.Topics;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index every gateway keeps of dsx.ledger converges on the first entry of an id, in log order. */
class LedgerIndexTest {

    private static LedgerEntry first;
    private static LedgerEntry second;

    @BeforeAll
    static void entries() throws Exception {
        DatasetSchema schema = DatasetSchema.parse("""
                {"type":"record","name":"R","namespace":"t","fields":[
                  {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true}]}""");
        InstitutionCredentials creds = InstitutionKeys.generate(
                SignatureAlgorithm.ED25519, "CN=h", Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
        GenericRecord r = new GenericData.Record(schema.avro());
        r.put("subject", "s");
        ContributionEnvelope envelope = new ContributionBuilder(Clock.systemUTC(), new SecureRandom())
                .build(
                        new ContributionBuilder.Target(
                                "h",
                                "ds",
                                schema,
                                1,
                                HpkeKeyPair.generate(new SecureRandom()).publicKey(),
                                creds.signingKey(),
                                creds.keyId()),
                        List.of(r));
        // the same contribution written twice (two gateways racing): same id, other record offsets
        first = LedgerEntry.of(envelope, Instant.ofEpochMilli(1), "receipt", List.of(new RecordSegment(0, 10, 0, 1)));
        second = LedgerEntry.of(envelope, Instant.ofEpochMilli(2), "receipt", List.of(new RecordSegment(0, 11, 0, 1)));
    }

    private static ConsumerRecord<byte[], byte[]> at(long offset, LedgerEntry entry) {
        return new ConsumerRecord<>(
                Topics.LEDGER, 0, offset, entry.manifest().contributionId().getBytes(), entry.toBytes());
    }

    /** The ledger as a fetcher sees it: offset 5 holds {@code first}, 6 holds {@code second}. */
    private static LedgerIndex index() {
        return new LedgerIndex((partition, offset) -> offset == 5 ? first : second);
    }

    @Test
    void theEntryFirstOnTheLedgerWinsWhateverTheOrderItIsLearnedIn() {
        String id = first.manifest().contributionId();

        LedgerIndex followedFirst = index();
        followedFirst.accept(at(5, first));
        assertThat(followedFirst.put(new LedgerIndex.Located(second, 0, 6)))
                .as("its own later write")
                .isFalse();
        assertThat(followedFirst.find(id))
                .hasValueSatisfying(l -> assertThat(l.offset()).isEqualTo(5));

        LedgerIndex ownFirst = index();
        assertThat(ownFirst.put(new LedgerIndex.Located(second, 0, 6)))
                .as("before the follower catches up")
                .isTrue();
        ownFirst.accept(at(5, first));
        ownFirst.accept(at(6, second));
        assertThat(ownFirst.find(id)).hasValueSatisfying(l -> {
            assertThat(l.offset()).isEqualTo(5);
            assertThat(l.entry().segments()).containsExactly(new RecordSegment(0, 10, 0, 1));
        });
        assertThat(ownFirst.size()).isEqualTo(1);
        assertThat(ownFirst.contains(java.util.UUID.randomUUID().toString())).isFalse();
        assertThat(ownFirst.contains("not a uuid")).isFalse();
    }

    /** DESIGN §7 / issue 12: memory per accepted contribution, measured (docs/scaling.md quotes it). */
    @Test
    void aMillionContributionsTakeAboutFiftyBytesEachInTheIndex() {
        LedgerIndex index = new LedgerIndex((p, o) -> {
            throw new AssertionError("no fetch while indexing");
        });
        java.util.Random random = new java.util.Random(7);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            index.accept(new ConsumerRecord<>(Topics.LEDGER, 0, i, id.getBytes(), new byte[0]));
        }
        assertThat(index.size()).isEqualTo(n);
        double perContribution = (double) index.bytes() / n;
        System.out.printf(
                "LedgerIndexTest: %d contributions, %.1f bytes each in the index (%d MiB)%n",
                n, perContribution, index.bytes() >> 20);
        assertThat(perContribution).isLessThan(100);
    }
}
