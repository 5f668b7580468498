package io.dsx.crypto.kms;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.aead.AesGcmKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KeyManagementService} implementation passes (STYLE habit 14). Extend it
 * in the implementation's test and return a fresh, empty service from {@link #newService()}; it is
 * published in dsx-crypto's test jar for adapters in other modules (e.g. Vault Transit).
 */
public abstract class KeyManagementServiceContract {

    protected static final String KEK = "dataset-kek";
    private static final byte[] AAD = "datasetId|1|contribution|0".getBytes(UTF_8);

    protected KeyManagementService kms;

    /** A fresh service holding no KEK yet. */
    protected abstract KeyManagementService newService() throws Exception;

    @BeforeEach
    void setUpService() throws Exception {
        kms = newService();
        kms.createKek(KEK);
    }

    @Test
    void unwrappedDekOpensWhatTheGeneratedDekSealed() throws Exception {
        DekPair pair = kms.generateDek(KEK);
        byte[] sealed = pair.dek().seal("record".getBytes(UTF_8), AAD);
        AesGcmKey unwrapped = kms.unwrap(pair.wrapped());
        assertThat(unwrapped.open(sealed, AAD)).isEqualTo("record".getBytes(UTF_8));
        assertThat(pair.wrapped().kekName()).isEqualTo(KEK);
    }

    @Test
    void everyDekIsFreshAndItsWrappedFormIsNotTheKey() throws Exception {
        DekPair a = kms.generateDek(KEK);
        DekPair b = kms.generateDek(KEK);
        byte[] sealedByA = a.dek().seal(new byte[] {7}, AAD);
        assertThat(a.wrapped()).isNotEqualTo(b.wrapped());
        assertThatThrownBy(() -> b.dek().open(sealedByA, AAD)).isInstanceOf(CryptoException.class);
        assertThat(a.wrapped().ciphertext().length).isGreaterThan(AesGcmKey.KEY_LENGTH);
    }

    @Test
    void createKekIsIdempotentAndKeepsExistingDeksUnwrappable() throws Exception {
        DekPair pair = kms.generateDek(KEK);
        kms.createKek(KEK);
        assertThat(kms.hasKek(KEK)).isTrue();
        byte[] sealed = pair.dek().seal(new byte[] {1}, AAD);
        assertThat(kms.unwrap(pair.wrapped()).open(sealed, AAD)).containsExactly(1);
    }

    @Test
    void unknownKekIsUnknownKey() throws Exception {
        assertThat(kms.hasKek("never-created")).isFalse();
        assertFails(() -> kms.generateDek("never-created"), CryptoException.Reason.UNKNOWN_KEY);
        DekPair pair = kms.generateDek(KEK);
        assertFails(
                () -> kms.unwrap(new WrappedKey("never-created", pair.wrapped().ciphertext())),
                CryptoException.Reason.UNKNOWN_KEY);
    }

    @Test
    void alteredWrappedKeyDoesNotUnwrap() throws Exception {
        byte[] wrapped = kms.generateDek(KEK).wrapped().ciphertext();
        wrapped[wrapped.length - 1] ^= 1;
        assertFails(() -> kms.unwrap(new WrappedKey(KEK, wrapped)), CryptoException.Reason.DECRYPTION_FAILED);
    }

    @Test
    void dekWrappedUnderOneKekCannotBePassedOffAsWrappedUnderAnother() throws Exception {
        kms.createKek("other-kek");
        byte[] wrapped = kms.generateDek(KEK).wrapped().ciphertext();
        assertFails(() -> kms.unwrap(new WrappedKey("other-kek", wrapped)), CryptoException.Reason.DECRYPTION_FAILED);
    }

    @Test
    void toStringRevealsNoKeyMaterial() throws Exception {
        DekPair pair = kms.generateDek(KEK);
        assertThat(pair.dek().toString()).isEqualTo("AesGcmKey[***]");
        assertThat(pair.toString())
                .doesNotContain(io.dsx.crypto.hash.Hex.encode(pair.wrapped().ciphertext()));
    }

    /** An operation expected to fail with one reason. */
    protected interface Failing {
        void run() throws Exception;
    }

    protected static void assertFails(Failing op, CryptoException.Reason reason) {
        assertThatThrownBy(op::run)
                .isInstanceOfSatisfying(
                        CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
