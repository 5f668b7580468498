package io.dsx.connectors.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;

/**
 * The issuers the user confirmed, one per gateway, like SSH's {@code known_hosts}: the CLI sends a
 * client secret only to {@code --token-url} or to the token endpoint of the issuer pinned here for the
 * gateway, never to whatever issuer a gateway's {@code /.well-known/dsx} names (a mistyped or hostile
 * gateway would collect a secret that is valid at every gateway).
 *
 * <p>File: {@code $DSX_KNOWN_ISSUERS}, else {@code $HOME/.dsx/known_issuers}; lines
 * {@code <gateway origin> <issuer>}, {@code #} comments; owner-only (0600, folder 0700). No file and
 * no {@code HOME}: nothing is pinned, and {@code --trust-issuer} cannot pin.
 */
final class IssuerPins {
    static final String ENV_FILE = "DSX_KNOWN_ISSUERS";
    private static final long MAX_BYTES = 256 * 1024;

    private final Path file;

    private IssuerPins(Path file) {
        this.file = file;
    }

    static IssuerPins of(CliContext ctx) {
        String explicit = ctx.envVar(ENV_FILE);
        if (explicit != null) {
            return new IssuerPins(Path.of(explicit));
        }
        String home = ctx.envVar("HOME");
        return new IssuerPins(home == null ? null : Path.of(home, ".dsx", "known_issuers"));
    }

    Path file() {
        return file;
    }

    /** {@code scheme://host:port} of a gateway, lower-case, with the default port spelled out. */
    static String origin(URI gateway) {
        String scheme = gateway.getScheme().toLowerCase(Locale.ROOT);
        int port = gateway.getPort() != -1 ? gateway.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + gateway.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    Optional<String> pinned(URI gateway) throws CliFailure {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        String origin = origin(gateway);
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new CliFailure(file + " is larger than " + MAX_BYTES + " bytes; is it the right file?");
            }
            Optional<String> found = Optional.empty();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && !parts[0].startsWith("#") && parts[0].equals(origin)) {
                    found = Optional.of(parts[1]); // the last line for a gateway wins
                }
            }
            return found;
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    void pin(URI gateway, String issuer) throws CliFailure {
        if (file == null) {
            throw new CliFailure("nowhere to pin the issuer: set HOME or " + ENV_FILE + ", or give --token-url");
        }
        if (issuer.isBlank() || issuer.chars().anyMatch(c -> c <= ' ') || issuer.length() > 2048) {
            throw new CliFailure("the gateway's issuer is not a URL that can be pinned");
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(
                    file, origin(gateway) + " " + issuer + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
