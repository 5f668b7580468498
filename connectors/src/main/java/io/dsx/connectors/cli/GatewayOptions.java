package io.dsx.connectors.cli;

import io.dsx.connectors.contributor.ClientCredentialsTokens;
import io.dsx.connectors.contributor.GatewayClient;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.connectors.contributor.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the gateway is and how to get a token: Keycloak client credentials, the client secret
 * from a file or the environment, never from the command line (where {@code ps} would show it).
 */
final class GatewayOptions {
    static final String ENV_CLIENT_ID = "DSX_CLIENT_ID";
    static final String ENV_CLIENT_SECRET = "DSX_CLIENT_SECRET";
    static final String ENV_TOKEN = "DSX_TOKEN";

    @Option(
            names = "--gateway",
            required = true,
            paramLabel = "URL",
            description = "Gateway base URL, e.g. http://localhost:8080.")
    URI gateway;

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "Keycloak client of the institution (default: env " + ENV_CLIENT_ID + ").")
    String clientId;

    @Option(
            names = "--client-secret-file",
            paramLabel = "FILE",
            description = "File holding the client secret (default: env " + ENV_CLIENT_SECRET + ").")
    Path clientSecretFile;

    @Option(
            names = "--token-url",
            paramLabel = "URL",
            description = "Token endpoint, the only place the client secret is sent (default: the token endpoint of "
                    + "the issuer pinned for this gateway, see --trust-issuer).")
    URI tokenUrl;

    @Option(
            names = "--trust-issuer",
            description =
                    "Confirm the issuer this gateway publishes and pin it for the gateway in ~/.dsx/known_issuers "
                            + "(like SSH's known_hosts; env " + IssuerPins.ENV_FILE
                            + " names another file). Later runs use the pin "
                            + "and refuse a gateway that names another issuer. Check the issuer with your operator first.")
    boolean trustIssuer;

    @Option(
            names = "--allow-http",
            description =
                    "Allow plain http to a gateway or token endpoint that is not on this machine. Without TLS the "
                            + "client secret, tokens and the gateway's public key cross the network unprotected: an attacker on the "
                            + "path could read the secret or have the records sealed to a key of theirs.")
    boolean allowHttp;

    /** A client for the gateway; the token endpoint is found lazily, from /.well-known/dsx. */
    GatewayClient connect(CliContext ctx) throws CliFailure {
        if (!"http".equals(gateway.getScheme()) && !"https".equals(gateway.getScheme())) {
            throw new CliFailure("--gateway must be an http or https URL");
        }
        requireProtected(gateway, "--gateway", allowHttp);
        if (tokenUrl != null) {
            requireProtected(tokenUrl, "--token-url", allowHttp);
        }
        String id = clientId != null ? clientId : ctx.envVar(ENV_CLIENT_ID);
        String token = ctx.envVar(ENV_TOKEN);
        if (id == null && token != null) {
            return new GatewayClient(gateway, () -> token, ctx.http(), ctx.retry());
        }
        if (id == null) {
            throw new CliFailure("no credentials: give --client-id (or env " + ENV_CLIENT_ID + ") and a secret");
        }
        String secret = secret(ctx);
        if (secret == null) {
            throw new CliFailure("no client secret: give --client-secret-file FILE or env " + ENV_CLIENT_SECRET);
        }
        LazyTokens tokens = new LazyTokens(ctx, id, secret, tokenUrl, allowHttp, gateway, trustIssuer);
        tokens.client = new GatewayClient(gateway, tokens, ctx.http(), ctx.retry());
        return tokens.client;
    }

    /**
     * Client credentials, resolved on first use: {@code --token-url}, else the issuer pinned for this
     * gateway, which must be the one the gateway publishes ({@link IssuerPins}).
     */
    private static final class LazyTokens implements TokenSource {
        private final CliContext ctx;
        private final String clientId;
        private final String secret;
        private final URI endpoint;
        private final URI gateway;
        private final boolean trustIssuer;
        private GatewayClient client;
        private TokenSource resolved;
        private final boolean allowHttp;

        LazyTokens(
                CliContext ctx,
                String clientId,
                String secret,
                URI endpoint,
                boolean allowHttp,
                URI gateway,
                boolean trustIssuer) {
            this.ctx = ctx;
            this.clientId = clientId;
            this.secret = secret;
            this.endpoint = endpoint;
            this.allowHttp = allowHttp;
            this.gateway = gateway;
            this.trustIssuer = trustIssuer;
        }

        /** The issuer to send the secret to: the pinned one, or the published one if the user confirms it now. */
        private String trustedIssuer() throws GatewayException {
            String published = client.info().issuer();
            IssuerPins pins = IssuerPins.of(ctx);
            try {
                java.util.Optional<String> pinned = pins.pinned(gateway);
                if (pinned.isPresent()) {
                    if (!pinned.get().equals(published)) {
                        throw new GatewayException(
                                0,
                                "issuer_changed",
                                "the gateway now names issuer " + printable(hostOf(published))
                                        + ", not the " + hostOf(pinned.get()) + " pinned in " + pins.file()
                                        + ": refusing to send the client secret; ask its operator, then edit that file or give --token-url");
                    }
                    return pinned.get();
                }
                if (!trustIssuer) {
                    throw new GatewayException(
                            0,
                            "unpinned_issuer",
                            "the gateway names issuer " + printable(published)
                                    + (sameHost(published) ? "" : " on another host")
                                    + ", which you have not confirmed: refusing to send the client secret there; check it with the operator,"
                                    + " then re-run with --trust-issuer (pins it) or give --token-url");
                }
                pins.pin(gateway, published);
                return published;
            } catch (CliFailure e) {
                throw new GatewayException(0, "issuer_pins", e.getMessage());
            }
        }

        /** A published value shown to the user: no control characters, bounded. */
        private static String printable(String s) {
            String clean = s.replaceAll("\\p{Cntrl}", "?");
            return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
        }

        private static String hostOf(String uri) {
            try {
                String host = URI.create(uri).getHost();
                return host == null ? uri : host;
            } catch (IllegalArgumentException e) {
                return "(not a URL)";
            }
        }

        private boolean sameHost(String issuer) {
            return gateway.getHost() != null && gateway.getHost().equalsIgnoreCase(hostOf(issuer));
        }

        @Override
        public synchronized String token() throws GatewayException {
            if (resolved == null) {
                URI uri = endpoint != null ? endpoint : ClientCredentialsTokens.keycloakEndpoint(trustedIssuer());
                if (!allowHttp && isUnprotected(uri)) {
                    throw new GatewayException(
                            0,
                            "insecure_issuer",
                            "the gateway names an issuer over plain http on another machine (" + uri.getHost()
                                    + "): the client secret would cross the network unprotected; give --token-url https://... or --allow-http");
                }
                resolved = new ClientCredentialsTokens(uri, clientId, secret, ctx.http(), ctx.clock());
            }
            return resolved.token();
        }

        @Override
        public String toString() {
            return "LazyTokens[" + clientId + ", secret=***]";
        }
    }

    /** Plain http leaves this machine: refused unless the user allowed it. */
    static void requireProtected(URI uri, String option, boolean allowHttp) throws CliFailure {
        if (!allowHttp && isUnprotected(uri)) {
            throw new CliFailure(
                    option + " " + uri + " is plain http to another machine: the client secret, tokens and "
                            + "the gateway's public key would cross the network unprotected; use https, or --allow-http on a network you trust");
        }
    }

    static boolean isUnprotected(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private String secret(CliContext ctx) throws CliFailure {
        if (clientSecretFile == null) {
            return ctx.envVar(ENV_CLIENT_SECRET);
        }
        try {
            String s =
                    Files.readString(clientSecretFile, StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) {
                throw new CliFailure("client secret file " + clientSecretFile + " is empty");
            }
            return s;
        } catch (IOException e) {
            throw new CliFailure("cannot read client secret file " + clientSecretFile + ": "
                    + e.getClass().getSimpleName());
        }
    }
}
