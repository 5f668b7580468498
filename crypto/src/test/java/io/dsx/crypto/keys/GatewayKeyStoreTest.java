package io.dsx.crypto.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hpke.Hpke;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayKeyStoreTest {

    private static final char[] PASSWORD = "from-config".toCharArray();
    private static final byte[] INFO = "dsx/contribution/v1".getBytes(UTF_8);

    @TempDir
    Path dir;

    private GatewayKeyStore open(Path file) throws CryptoException {
        return GatewayKeyStore.openOrCreate(file, PASSWORD, Clock.systemUTC(), new SecureRandom());
    }

    @Test
    void firstRunCreatesTheFileAndSecondRunReloadsTheSameKeys() throws Exception {
        Path file = dir.resolve("gateway/keys.p12");
        GatewayKeyStore first = open(file);
        assertThat(file).exists();
        Sealed sealed = Hpke.seal(first.currentHpkeKey(), INFO, new byte[0], "records".getBytes(UTF_8));
        byte[] receipt = first.receiptKey().sign("receipt".getBytes(UTF_8));

        GatewayKeyStore second = open(file);
        assertThat(second.currentHpkeKey()).isEqualTo(first.currentHpkeKey());
        assertThat(second.receiptKeyId()).isEqualTo(first.receiptKeyId());
        assertThat(second.receiptPublicKeyRaw())
                .isEqualTo(first.receiptPublicKeyRaw())
                .hasSize(32);
        assertThat(second.open(first.currentHpkeKey().keyId(), sealed, INFO, new byte[0]))
                .isEqualTo("records".getBytes(UTF_8));
        assertThat(Signatures.verify(
                        second.receiptCertificate(), SignatureAlgorithm.ED25519, "receipt".getBytes(UTF_8), receipt))
                .isTrue();
    }

    @Test
    void rotationKeepsOldKeysOpenableAndMakesTheNewOneCurrentAcrossRestarts() throws Exception {
        Path file = dir.resolve("keys.p12");
        GatewayKeyStore store = open(file);
        var old = store.currentHpkeKey();
        Sealed toOld = Hpke.seal(old, INFO, null, new byte[] {1});
        var rotated = store.rotateHpkeKey();
        assertThat(rotated).isNotEqualTo(old);

        GatewayKeyStore reloaded = open(file);
        assertThat(reloaded.currentHpkeKey()).isEqualTo(rotated);
        assertThat(reloaded.hpkeKeys()).containsExactly(old, rotated);
        assertThat(reloaded.open(old.keyId(), toOld, INFO, null)).containsExactly(1);
    }

    @Test
    void hpkeCertificateIsIssuedByTheReceiptKey() throws Exception {
        Path file = dir.resolve("keys.p12");
        GatewayKeyStore store = open(file);
        var ks = Pkcs12File.loadOrEmpty(file, PASSWORD);
        var hpkeCert = (java.security.cert.X509Certificate) ks.getCertificate("hpke-0001");
        hpkeCert.verify(store.receiptCertificate().getPublicKey());
        assertThat(hpkeCert.getPublicKey().getEncoded())
                .endsWith(store.currentHpkeKey().bytes());
    }

    @Test
    void unknownRecipientKeyAndWrongPasswordAreReportedByReason() throws Exception {
        Path file = dir.resolve("keys.p12");
        GatewayKeyStore store = open(file);
        Sealed sealed = Hpke.seal(store.currentHpkeKey(), INFO, null, new byte[] {1});
        assertThatThrownBy(() -> store.open("00".repeat(32), sealed, INFO, null))
                .isInstanceOfSatisfying(
                        CryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.UNKNOWN_KEY));
        assertThatThrownBy(() -> GatewayKeyStore.openOrCreate(
                        file, "wrong".toCharArray(), Clock.systemUTC(), new SecureRandom()))
                .isInstanceOfSatisfying(
                        CryptoException.class, e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.KEY_STORE));
        assertThat(Files.readAllBytes(file)).isNotEmpty();
        assertThat(store.toString()).contains("***");
    }
}
