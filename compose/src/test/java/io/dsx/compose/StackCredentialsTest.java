package io.dsx.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void generatedSecretsAreKeptOwnerOnlyAndReloaded() throws Exception {
        Path file = dir.resolve("credentials.properties");
        StackCredentials first = StackCredentials.loadOrCreate(file);
        StackCredentials again = StackCredentials.loadOrCreate(file);
        assertThat(again.hospitalSecret("hospital-a"))
                .isEqualTo(first.hospitalSecret("hospital-a"))
                .hasSizeGreaterThan(20);
        assertThat(first.hospitalSecret("hospital-a")).isNotEqualTo(first.hospitalSecret("hospital-b"));
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first.toString()).doesNotContain(first.userPassword("operator"));
    }

    @Test
    void theRealmTemplateRendersWithEveryPlaceholderFilled() throws Exception {
        String template;
        try (InputStream in = getClass().getResourceAsStream("/io/dsx/compose/keycloak/dataspace-realm.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StackCredentials credentials = StackCredentials.generate();
        String realm = credentials.render(template);
        assertThat(realm)
                .doesNotContain("${DSX_")
                .contains(credentials.hospitalSecret("hospital-b"))
                .contains(credentials.userPassword("steward-a"));
    }

    @Test
    void anUnknownPlaceholderIsRefused() {
        assertThatThrownBy(() -> StackCredentials.generate().render("{\"secret\":\"${DSX_TYPO}\"}"))
                .isInstanceOf(IllegalStateException.class);
    }
}
