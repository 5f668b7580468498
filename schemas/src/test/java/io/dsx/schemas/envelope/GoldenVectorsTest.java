package io.dsx.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.hash.Sha256;
import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.schemas.audit.AuditVerifier;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Freezes the formats (STYLE habit 6). {@code golden/vectors-v1.txt} holds bytes written by the
 * current versions (envelope v1, stored segment v2, ledger entry v2, receipt v2); this version must
 * write the same bytes from the same inputs and must keep reading them. docs/formats.md quotes the same vectors and is checked against the file. To write the
 * file after a deliberate v1-compatible change, run with {@code -Ddsx.golden.write=true}: a
 * format change needs a new version and a new file instead.
 */
class GoldenVectorsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/vectors-v1.txt");
    private static final Path DOCS = Path.of("../docs/formats.md");
    private static final Pattern LINE = Pattern.compile("^([a-z0-9-]+): ([0-9a-f]+)$", Pattern.MULTILINE);

    @Test
    void thisVersionWritesTheGoldenBytesFromTheSameInputs() throws IOException {
        Map<String, String> computed = GoldenVectors.compute();
        if (Boolean.getBoolean("dsx.golden.write")) {
            StringBuilder out = new StringBuilder("# dsx format v1 test vectors (hex); see docs/formats.md\n");
            computed.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
            Files.writeString(GOLDEN, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(computed).containsExactlyEntriesOf(golden());
    }

    @Test
    void goldenContributionStillParsesVerifiesAndOpensToTheFixtureRecords() {
        Map<String, String> g = golden();
        EnvelopeFixture fx = new EnvelopeFixture();
        ContributionEnvelope env = ContributionEnvelope.parse(hex(g, "contribution"), EnvelopeLimits.DEFAULT)
                .value();

        OpenedContribution opened = ContributionOpener.verify(env, fx.institution.publicKey())
                .then(ok -> ContributionOpener.open(ok, fx.decryptor(), fx.schema, EnvelopeLimits.DEFAULT))
                .value();

        assertThat(env.manifestBytes()).isEqualTo(hex(g, "manifest"));
        assertThat(env.signedBytes()).isEqualTo(hex(g, "signed-input"));
        assertThat(env.manifest().merkleRoot()).isEqualTo(hex(g, "merkle-root"));
        // RFC 9162 by hand for 3 leaves: root = node(node(leaf0, leaf1), leaf2), node = SHA-256(0x01 || l || r)
        assertThat(Sha256.digest(new byte[] {1}, hex(g, "node-01"), hex(g, "leaf-2")))
                .isEqualTo(hex(g, "merkle-root"));
        assertThat(opened.records()).extracting(OpenedRecord::value).containsExactlyElementsOf(fx.records(3));
        assertThat(opened.records().get(1).bytes()).isEqualTo(hex(g, "record-1-avro"));
    }

    @Test
    void goldenLedgerEntryReceiptAndAuditChainStillReadAndVerify() throws Exception {
        Map<String, String> g = golden();
        LedgerEntry entry = LedgerEntry.parse(hex(g, "ledger-entry"));
        Receipt receipt = Receipt.parse(hex(g, "receipt"));
        AuditVerifier chain = new AuditVerifier(
                GoldenVectors.AUDIT_ORIGIN,
                NoteVerifierKey.of(
                        GoldenVectors.AUDIT_KEY_NAME, rawEd25519(GoldenVectors.GATEWAY_RECEIPT_KEY.publicKey())),
                true);

        assertThat(entry.verifyContributorSignature(new EnvelopeFixture().institution.publicKey()))
                .isTrue();
        assertThat(receipt.verify(GoldenVectors.GATEWAY_RECEIPT_KEY.publicKey()))
                .isTrue();
        assertThat(receipt.body()).isEqualTo(entry.receiptBody(0, 42, "ed25519"));
        assertThat(((io.dsx.schemas.events.CatalogChange.DatasetRegistered)
                                io.dsx.schemas.events.CatalogEvent.parse(hex(g, "catalog-event"))
                                        .change())
                        .schema())
                .isEqualTo(EnvelopeFixture.SCHEMA_TEXT);
        java.util.UUID contribution = java.util.UUID.fromString(entry.manifest().contributionId());
        io.dsx.schemas.record.RecordFrames stored = io.dsx.schemas.stored.StoredSegment.open(
                "visits",
                hex(g, "stored-segment"),
                contribution,
                1,
                1,
                2,
                id -> java.util.Optional.of(GoldenVectors.storedDek())
                        .filter(k -> id.equals(GoldenVectors.STORED_DEK_ID)));
        assertThat(stored.record(0).record()).isEqualTo(hex(g, "record-1-avro"));
        assertThat(stored.record(1).record()).isEqualTo(hex(g, "record-2-avro"));
        assertThat(chain.accept(hex(g, "audit-event-0"))).isTrue();
        assertThat(chain.accept(hex(g, "audit-event-1"))).isTrue();
        assertThat(chain.finish(
                                java.util.List.of(new String(hex(g, "audit-checkpoint-2"), StandardCharsets.UTF_8)),
                                null)
                        .ok())
                .isTrue();
    }

    @Test
    void docsFormatsQuotesTheGoldenVectorsExactly() throws IOException {
        Map<String, String> quoted = parse(Files.readString(DOCS, StandardCharsets.UTF_8));
        Map<String, String> g = golden();
        assertThat(quoted).hasSizeGreaterThanOrEqualTo(15);
        quoted.forEach((name, value) -> assertThat(value).as(name).isEqualTo(g.get(name)));
    }

    private static byte[] rawEd25519(java.security.PublicKey key) {
        byte[] spki = key.getEncoded();
        return java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    private static Map<String, String> golden() {
        try {
            return parse(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + GOLDEN.toAbsolutePath(), e);
        }
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static byte[] hex(Map<String, String> g, String name) {
        return Hex.decode(g.get(name));
    }
}
