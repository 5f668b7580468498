package io.dsx.schemas.envelope;

import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.hash.Sha256;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.audit.AuditChain;
import io.dsx.schemas.audit.AuditCheckpoints;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import io.dsx.schemas.audit.AuditTree;
import io.dsx.schemas.audit.ChainedEvent;
import io.dsx.schemas.events.CatalogChange;
import io.dsx.schemas.events.CatalogEvent;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import io.dsx.schemas.events.RecordSegment;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.record.RecordFraming;
import io.dsx.schemas.stored.StoredSegment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes every v1 test vector from fixed inputs (see {@link EnvelopeFixture}: HPKE key derived
 * from 32 x 0x11, Ed25519 institution seed 32 x 0x22, gateway receipt seed 32 x 0x44, random
 * stream {@link FixedRandom}("dsx-test"), clock 2026-01-02T03:04:05.678Z).
 */
final class GoldenVectors {
    static final SigningKey GATEWAY_RECEIPT_KEY = SigningKey.ed25519FromSeed(EnvelopeFixture.bytes(0x44));
    static final Instant ACCEPTED_AT = Instant.parse("2026-01-02T03:04:06Z");

    static final byte[] STORED_DEK = EnvelopeFixture.bytes(0x55);
    static final String STORED_DEK_ID = "dek-000000000000000000000001";

    private GoldenVectors() {}

    static io.dsx.crypto.aead.AesGcmKey storedDek() {
        return io.dsx.crypto.aead.AesGcmKey.of(
                new javax.crypto.spec.SecretKeySpec(STORED_DEK, "AES"), new FixedRandom("dsx-stored"));
    }

    static Map<String, String> compute() {
        EnvelopeFixture fx = new EnvelopeFixture();
        ContributionEnvelope env = fx.build(3);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("hpke-recipient-public-key", Hex.encode(fx.gateway.publicKey().bytes()));
        v.put(
                "institution-public-key-spki",
                Hex.encode(fx.institution.publicKey().getEncoded()));
        v.put(
                "gateway-receipt-public-key-spki",
                Hex.encode(GATEWAY_RECEIPT_KEY.publicKey().getEncoded()));

        OpenedContribution opened = ContributionOpener.verify(env, fx.institution.publicKey())
                .then(ok -> ContributionOpener.open(ok, fx.decryptor(), fx.schema, EnvelopeLimits.DEFAULT))
                .value();
        List<FramedRecord> framed = opened.records().stream()
                .map(r -> new FramedRecord(r.salt(), r.bytes()))
                .toList();
        for (int i = 0; i < framed.size(); i++) {
            v.put("record-" + i + "-salt", Hex.encode(framed.get(i).salt()));
            v.put("record-" + i + "-avro", Hex.encode(framed.get(i).record()));
            v.put(
                    "leaf-" + i,
                    Hex.encode(Sha256.digest(new byte[] {0}, framed.get(i).leafData())));
        }
        v.put(
                "node-01",
                Hex.encode(Sha256.digest(new byte[] {1}, Hex.decode(v.get("leaf-0")), Hex.decode(v.get("leaf-1")))));
        v.put("merkle-root", Hex.encode(env.manifest().merkleRoot()));
        v.put("plaintext", Hex.encode(RecordFraming.frame(framed)));
        v.put("manifest", Hex.encode(env.manifestBytes()));
        v.put("enc", Hex.encode(env.sealed().enc()));
        v.put("ciphertext", Hex.encode(env.sealed().ciphertext()));
        v.put("signed-input", Hex.encode(env.signedBytes()));
        v.put("signature", Hex.encode(env.signature()));
        v.put("contribution", Hex.encode(env.toBytes()));

        LedgerEntry entry = LedgerEntry.of(
                env,
                ACCEPTED_AT,
                "gateway-receipt-1",
                List.of(new RecordSegment(0, 10, 0, 2), new RecordSegment(2, 7, 2, 1)));
        v.put("ledger-entry", Hex.encode(entry.toBytes()));
        Receipt receipt = Receipt.sign(entry.receiptBody(0, 42, "ed25519"), GATEWAY_RECEIPT_KEY);
        v.put("receipt-body", Hex.encode(receipt.body().toBytes()));
        v.put("receipt", Hex.encode(receipt.toBytes()));

        // a stored segment holding records 1..2 of the golden contribution, nonce from FixedRandom("dsx-stored")
        v.put("stored-dek", Hex.encode(STORED_DEK));
        RecordFrames frames = opened.frames();
        StoredSegment.Header header = new StoredSegment.Header(
                java.util.UUID.fromString(env.manifest().contributionId()),
                env.manifest().schemaVersion(),
                1,
                2,
                STORED_DEK_ID);
        v.put(
                "stored-segment",
                Hex.encode(StoredSegment.seal(
                        "visits",
                        header,
                        storedDek(),
                        frames.bytes(),
                        frames.frameStart(1),
                        frames.framedLength(1, 2))));

        CatalogEvent catalog = new CatalogEvent(
                CatalogEvent.VERSION,
                "019b7ca9-8f2e-7000-8000-000000000001",
                EnvelopeFixture.NOW,
                "operator",
                new CatalogChange.DatasetRegistered(
                        "visits",
                        "hospital-a",
                        "Visits",
                        "Outpatient visits",
                        List.of("DUO:0000042"),
                        EnvelopeFixture.SCHEMA_TEXT));
        v.put("catalog-event", Hex.encode(catalog.toBytes()));

        AuditChain.Appender appender = AuditChain.Appender.start(AUDIT_ORIGIN);
        ChainedEvent first = appender.append(auditEvent(0));
        ChainedEvent second = appender.append(auditEvent(1));
        AuditTree tree = new AuditTree();
        tree.append(first.bytes());
        tree.append(second.bytes());
        v.put("audit-genesis", Hex.encode(AuditChain.genesis(AUDIT_ORIGIN)));
        v.put("audit-event-0", Hex.encode(first.bytes()));
        v.put("audit-event-1", Hex.encode(second.bytes()));
        v.put("audit-event-1-prev", Hex.encode(AuditChain.link(first.bytes())));
        v.put("audit-tree-root-2", Hex.encode(tree.root()));
        v.put(
                "audit-checkpoint-2",
                Hex.encode(AuditCheckpoints.sign(AUDIT_ORIGIN, 2, tree.root(), AUDIT_KEY_NAME, GATEWAY_RECEIPT_KEY)
                        .getBytes(StandardCharsets.UTF_8)));
        return v;
    }

    static final String AUDIT_KEY_NAME = "dsx.example/audit";
    static final String AUDIT_ORIGIN = AUDIT_KEY_NAME + "/0";

    static AuditEvent auditEvent(int n) {
        AuditDetail dsx = AuditDetail.of("read", "job-" + n, AuditOutcome.ALLOWED)
                .withSubjectKind("job", "hospital-a")
                .withDataset("visits")
                .withRelease(List.of("age"), 2L, "[{\"partition\":0,\"first\":10,\"last\":11}]")
                .withGrant("grant-1", "job-" + n)
                .withSubjectsServed(List.of("ab".repeat(32)));
        return new AuditEvent(
                "d-" + n,
                Instant.parse("2026-01-02T03:04:0" + (7 + n) + "Z"),
                "dsx/read/decision",
                "{\"action\":\"read\"}",
                "{\"allow\":true,\"fields\":[\"age\"]}",
                "sha256:" + "ab".repeat(32),
                new TreeMap<>(Map.of("gateway", "gw-1", "version", "0.1.0")),
                dsx);
    }
}
