package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.dsx.connectors.contributor.FakeGateway;
import io.dsx.schemas.dataset.DatasetSchema;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI sends a client secret only to {@code --token-url} or to the issuer pinned for the gateway
 * (known_issuers, like SSH's known_hosts), never to an issuer a gateway merely publishes. The "other
 * host" is a second loopback address (127.0.0.2) with its own token endpoint that records every request.
 */
class IssuerPinningTest {
    @TempDir
    Path dir;

    FakeGateway gateway;
    HttpServer elsewhere;
    final List<String> elsewhereRequests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway(DatasetSchema.parse(ContributeCommandTest.SCHEMA));
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        elsewhere.createContext("/", x -> {
            try (x) {
                elsewhereRequests.add(x.getRequestURI().getPath() + " "
                        + new String(x.getRequestBody().readAllBytes()));
                byte[] body = "{\"access_token\":\"stolen\",\"expires_in\":300}".getBytes();
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
            }
        });
        elsewhere.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
        elsewhere.stop(0);
    }

    private String elsewhereIssuer() {
        return "http://127.0.0.2:" + elsewhere.getAddress().getPort() + "/realms/dataspace";
    }

    private CliRun register(String id, String... extra) throws Exception {
        Path schema = dir.resolve("s.avsc");
        Files.writeString(schema, ContributeCommandTest.SCHEMA);
        Path secret = dir.resolve("secret");
        Files.writeString(secret, FakeGateway.SECRET);
        List<String> args = new ArrayList<>(List.of(
                "dataset",
                "register",
                "--gateway",
                gateway.url(),
                "--client-id",
                "hospital-a",
                "--client-secret-file",
                secret.toString(),
                "--id",
                id,
                "--schema",
                schema.toString(),
                "--title",
                "Visits",
                "--duo",
                "DUO:0000042"));
        args.addAll(List.of(extra));
        return CliRun.of(
                Map.of(IssuerPins.ENV_FILE, dir.resolve("known_issuers").toString()), args.toArray(String[]::new));
    }

    @Test
    void aGatewayNamingAnIssuerOnAnotherHostGetsNoSecretWithoutAPinOrATokenUrl() throws Exception {
        gateway.issuer = elsewhereIssuer();
        CliRun run = register("visits2");
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine())
                .startsWith("dsx: gateway unpinned_issuer: the gateway names issuer " + elsewhereIssuer()
                        + " on another host, which you have not confirmed: refusing to send the client secret there");
        assertThat(elsewhereRequests).isEmpty();
        assertThat(gateway.tokenForms).isEmpty();
        assertThat(dir.resolve("known_issuers")).doesNotExist();
    }

    @Test
    void anUnconfirmedIssuerOnTheGatewaysOwnHostIsRefusedToo() throws Exception {
        CliRun run = register("visits2");
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine())
                .contains("unpinned_issuer")
                .contains("--trust-issuer")
                .doesNotContain("another host");
        assertThat(gateway.tokenForms).isEmpty();
    }

    @Test
    void theTokenUrlIsTheOnlyPlaceTheSecretGoesWhateverTheGatewayPublishes() throws Exception {
        gateway.issuer = elsewhereIssuer();
        CliRun run = register("visits2", "--token-url", gateway.tokenUrl());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(gateway.tokenForms).hasSize(1);
        assertThat(elsewhereRequests).isEmpty();
    }

    @Test
    void trustIssuerPinsItOwnerOnlyAndLaterRunsUseThePin() throws Exception {
        CliRun first = register("visits2", "--trust-issuer");
        assertThat(first.exit()).as(first.err()).isZero();
        Path pins = dir.resolve("known_issuers");
        assertThat(Files.readString(pins)).isEqualTo(gateway.url() + " " + gateway.url() + "/realms/dataspace\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pins)))
                .isEqualTo("rw-------");
        CliRun second = register("visits3");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(gateway.tokenForms).hasSize(2);
    }

    @Test
    void aGatewayThatLaterNamesAnotherIssuerIsRefusedEvenWithTrustIssuer() throws Exception {
        assertThat(register("visits2", "--trust-issuer").exit()).isZero();
        gateway.issuer = elsewhereIssuer();
        for (CliRun run : List.of(register("visits3"), register("visits4", "--trust-issuer"))) {
            assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
            assertThat(run.errLine())
                    .startsWith("dsx: gateway issuer_changed: the gateway now names issuer 127.0.0.2, not the"
                            + " 127.0.0.1 pinned in " + dir.resolve("known_issuers")
                            + ": refusing to send the client secret");
        }
        assertThat(elsewhereRequests).isEmpty();
        assertThat(gateway.tokenForms).hasSize(1);
    }
}
