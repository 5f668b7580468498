package io.dsx.crypto.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.CryptoException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12KeyManagementServiceTest extends KeyManagementServiceContract {

    private static final char[] PASSWORD = "kms-password-from-config".toCharArray();

    @TempDir
    Path dir;

    @Override
    protected KeyManagementService newService() throws Exception {
        return Pkcs12KeyManagementService.openOrCreate(dir.resolve("kms.p12"), PASSWORD, new SecureRandom());
    }

    @Test
    void keystoreIsCreatedOnFirstRunAndReloadedOnTheSecond() throws Exception {
        Path file = dir.resolve("fresh/kms.p12");
        assertThat(file).doesNotExist();
        KeyManagementService first = Pkcs12KeyManagementService.openOrCreate(file, PASSWORD, new SecureRandom());
        assertThat(file).exists();
        first.createKek("ds-1");
        DekPair pair = first.generateDek("ds-1");
        byte[] sealed = pair.dek().seal(new byte[] {42}, null);

        KeyManagementService second = Pkcs12KeyManagementService.openOrCreate(file, PASSWORD, new SecureRandom());
        assertThat(second.hasKek("ds-1")).isTrue();
        assertThat(second.unwrap(pair.wrapped()).open(sealed, null)).containsExactly(42);
    }

    @Test
    void wrongPasswordIsAKeyStoreFailure() throws Exception {
        Path file = dir.resolve("kms.p12");
        Pkcs12KeyManagementService.openOrCreate(file, PASSWORD, new SecureRandom())
                .createKek("k");
        assertFails(
                () -> Pkcs12KeyManagementService.openOrCreate(file, "nope".toCharArray(), new SecureRandom()),
                CryptoException.Reason.KEY_STORE);
    }

    @Test
    void kekNamesOutsideTheAllowedAlphabetAreRefused() {
        assertFails(() -> kms.createKek("Upper Case"), CryptoException.Reason.UNKNOWN_KEY);
        assertFails(() -> kms.generateDek(""), CryptoException.Reason.UNKNOWN_KEY);
    }
}
