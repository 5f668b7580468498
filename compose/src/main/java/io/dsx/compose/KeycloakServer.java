package io.dsx.compose;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak (the Quarkus distribution from Maven Central) run as a process, with realm
 * {@code dataspace} imported from the template in {@code compose/keycloak/}.
 *
 * <p>The distribution is unpacked once into {@code installDir} and "built" once for its database
 * kind (Keycloak's re-augmentation, 20–60 s); later starts use {@code start --optimized}. Tests use
 * the in-memory database, so every run starts clean; the local run uses a file database kept in the
 * data folder, so its users and clients survive restarts (the realm is imported only once).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "dataspace";
    private static final String TEMPLATE = "/io/dsx/compose/keycloak/dataspace-realm.json";

    private final ManagedProcess process;
    private final int port;

    private KeycloakServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code database} is {@code dev-mem} (clean each start) or {@code dev-file} (kept in installDir). */
    public record Options(
            Path distZip,
            Path installDir,
            String database,
            int port,
            StackCredentials credentials,
            Duration startTimeout) {}

    public static KeycloakServer start(Options o) throws IOException, InterruptedException {
        Path home = unpack(o.distZip(), o.installDir());
        Map<String, String> env = Map.of(
                "JAVA_HOME",
                JavaRuntime.javaHome(),
                "JAVA_OPTS_APPEND",
                "-XX:TieredStopAtLevel=1",
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                o.credentials().keycloakAdminPassword());
        Path built = home.resolve(".dsx-built-" + o.database());
        if (!Files.exists(built)) {
            ManagedProcess.runToCompletion(
                    "keycloak-build",
                    List.of(
                            home.resolve("bin/kc.sh").toString(),
                            "build",
                            "--db=" + o.database(),
                            "--health-enabled=false"),
                    home,
                    env,
                    home.resolve("build.log"),
                    Duration.ofMinutes(5));
            // the build rewrites lib/ with its own permissions: take group and others off again
            OwnerOnly.narrowTree(home);
            Files.writeString(OwnerOnly.createFile(built), o.database());
        }
        writeRealm(home, o.credentials());
        List<String> cmd = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + o.port(),
                "--hostname=http://127.0.0.1:" + o.port(),
                "--cache=local",
                "--import-realm"));
        ManagedProcess process = ManagedProcess.start("keycloak", cmd, home, env, home.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(process, o.port());
        try {
            server.awaitReady(o.startTimeout());
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static Path unpack(Path distZip, Path installDir) throws IOException {
        Path marker = installDir.resolve(".dsx-unpacked");
        Path home = installDir.resolve("keycloak");
        if (Files.exists(marker)) {
            return home;
        }
        if (!Files.isRegularFile(distZip)) {
            throw new IOException(
                    "Keycloak distribution not found at " + distZip + " (build first: ./mvnw -DskipTests install)");
        }
        OwnerOnly.directories(home);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distZip))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1); // drop "keycloak-<version>/"
                Path target = home.resolve(relative).normalize();
                if (relative.isEmpty() || !target.startsWith(home)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (var scripts = Files.list(home.resolve("bin"))) {
            for (Path script : (Iterable<Path>) scripts.filter(p -> p.toString().endsWith(".sh"))::iterator) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            }
        }
        OwnerOnly.narrowTree(installDir);
        Files.writeString(OwnerOnly.createFile(marker), distZip.getFileName().toString());
        return home;
    }

    private static void writeRealm(Path home, StackCredentials credentials) throws IOException {
        String template;
        try (InputStream in = KeycloakServer.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("realm template " + TEMPLATE + " missing from the classpath");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path importDir = OwnerOnly.directories(home.resolve("data/import"));
        Path realm = importDir.resolve(REALM + "-realm.json");
        Files.deleteIfExists(realm);
        OwnerOnly.createFile(realm);
        Files.writeString(realm, credentials.render(template), StandardCharsets.UTF_8);
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Readiness.await(
                process,
                timeout,
                () -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the realm's tokens, as the gateway must expect it. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
