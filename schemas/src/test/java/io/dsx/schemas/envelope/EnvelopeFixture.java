package io.dsx.schemas.envelope;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hpke.HpkeKeyPair;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.dataset.DatasetSchema;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Fixed keys, schema, clock and records shared by the envelope tests and the golden vectors. */
final class EnvelopeFixture {
    static final String SCHEMA_TEXT = """
      {"type":"record","name":"Visit","namespace":"org.example","fields":[
        {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
        {"name":"age","type":"int","dsx.sensitivity":"quasi_identifier"},
        {"name":"diagnosis","type":["null","string"],"default":null,"dsx.sensitivity":"sensitive","dsx.tags":["diagnosis"]}]}""";
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final DatasetSchema schema;
    final HpkeKeyPair gateway = HpkeKeyPair.derive(bytes(0x11));
    final SigningKey institution = SigningKey.ed25519FromSeed(bytes(0x22));

    EnvelopeFixture() {
        try {
            schema = DatasetSchema.parse(SCHEMA_TEXT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    ContributionBuilder.Target target() {
        return new ContributionBuilder.Target(
                "hospital-a", "visits", schema, 1, gateway.publicKey(), institution, "hospital-a-key-1");
    }

    List<GenericRecord> records(int n) {
        List<GenericRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GenericRecord r = new GenericData.Record(schema.avro());
            r.put("subject", "p-" + i);
            r.put("age", 30 + i);
            r.put("diagnosis", i % 2 == 0 ? "I10" : null);
            out.add(r);
        }
        return out;
    }

    ContributionEnvelope build(int records) {
        return new ContributionBuilder(CLOCK, new FixedRandom("dsx-test")).build(target(), records(records));
    }

    ContributionOpener.Decryptor decryptor() {
        return (keyId, sealedBytes, info, aad) -> {
            if (!keyId.equals(gateway.keyId())) {
                throw new CryptoException(CryptoException.Reason.UNKNOWN_KEY, "unknown key");
            }
            return gateway.open(sealedBytes, info, aad);
        };
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
