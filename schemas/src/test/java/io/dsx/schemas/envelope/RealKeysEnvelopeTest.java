package io.dsx.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.keys.GatewayKeyStore;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import io.dsx.schemas.events.RecordSegment;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The envelope with dsx-crypto's real key handling: an institution certificate of each supported
 * algorithm, and the gateway's PKCS#12 key store opening the payload and signing the receipt.
 */
class RealKeysEnvelopeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static GatewayKeyStore gateway;
    private final EnvelopeFixture fx = new EnvelopeFixture();

    @BeforeAll
    static void openGatewayKeyStore(@TempDir Path dir) throws Exception {
        gateway = GatewayKeyStore.openOrCreate(
                dir.resolve("gateway.p12"), "test-only".toCharArray(), EnvelopeFixture.CLOCK, RANDOM);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void anEnvelopeSignedWithACertificateOfEachAlgorithmOpensAtTheGateway(SignatureAlgorithm algorithm)
            throws Exception {
        InstitutionCredentials hospital = InstitutionKeys.generate(
                algorithm, "CN=hospital-a", Duration.ofDays(365), EnvelopeFixture.CLOCK, RANDOM);
        ContributionBuilder.Target target = new ContributionBuilder.Target(
                "hospital-a",
                "visits",
                fx.schema,
                1,
                gateway.currentHpkeKey(),
                hospital.signingKey(),
                hospital.keyId());

        byte[] body = new ContributionBuilder(EnvelopeFixture.CLOCK, RANDOM)
                .build(target, fx.records(4))
                .toBytes();
        ContributionEnvelope envelope =
                ContributionEnvelope.parse(body, EnvelopeLimits.DEFAULT).value();
        OpenedContribution opened = ContributionOpener.verify(envelope, hospital.certificate())
                .then(v -> ContributionOpener.open(v, gateway::open, fx.schema, EnvelopeLimits.DEFAULT))
                .value();

        assertThat(envelope.manifest().signatureAlgorithm()).isEqualTo(algorithm.wireName());
        assertThat(opened.records()).extracting(OpenedRecord::value).containsExactlyElementsOf(fx.records(4));

        LedgerEntry entry = LedgerEntry.of(
                envelope, EnvelopeFixture.NOW, gateway.receiptKeyId(), List.of(new RecordSegment(0, 0, 0, 4)));
        Receipt receipt = Receipt.sign(
                entry.receiptBody(0, 0, gateway.receiptKey().algorithm().wireName()), gateway.receiptKey());
        assertThat(receipt.verify(gateway.receiptCertificate().getPublicKey())).isTrue();
        assertThat(LedgerEntry.parse(entry.toBytes())
                        .verifyContributorSignature(hospital.certificate().getPublicKey()))
                .isTrue();
    }
}
