package io.dsx.connectors.contributor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.hpke.HpkeKeyPair;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.envelope.ContributionOpener;
import io.dsx.schemas.envelope.EnvelopeLimits;
import io.dsx.schemas.envelope.EnvelopeResult;
import io.dsx.schemas.envelope.OpenedContribution;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for the gateway's contributor-facing endpoints, for unit tests of the client
 * and the CLI: it really verifies and opens each envelope (dsx-schemas), keeps the opened records,
 * answers a repeated contribution id with its first receipt and signs receipts with its own key.
 * Scripted answers ({@link #failNext}) come first.
 */
public final class FakeGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String SECRET = "s3cret-of-hospital-a";

    public final HpkeKeyPair hpke = HpkeKeyPair.generate(new SecureRandom());
    public final SigningKey receiptKey = InstitutionKeys.generateKey(SignatureAlgorithm.ED25519, new SecureRandom());
    public final InstitutionCredentials institution = InstitutionKeys.generate(
            SignatureAlgorithm.ED25519, "CN=hospital-a", Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
    public final DatasetSchema schema;
    public final List<byte[]> uploads = Collections.synchronizedList(new ArrayList<>());
    public final List<OpenedContribution> accepted = Collections.synchronizedList(new ArrayList<>());
    public final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    public final List<String> tokenForms = Collections.synchronizedList(new ArrayList<>());
    /** The issuer {@code /.well-known/dsx} publishes; null: this fake's own realm. */
    public volatile String issuer;

    private final Deque<int[]> scripted = new ArrayDeque<>();
    private final Map<String, Receipt> receipts = new LinkedHashMap<>();
    private final HttpServer server;

    public FakeGateway(DatasetSchema schema) throws IOException {
        this.schema = schema;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** This fake's own token endpoint, for {@code --token-url}. */
    public String tokenUrl() {
        return url() + "/realms/dataspace/protocol/openid-connect/token";
    }

    private int uploadsSeen;
    private int loseFrom = Integer.MAX_VALUE;
    private int loseUntil;

    /**
     * Uploads number {@code skip + 1} to {@code skip + times} (counting from now) are processed as usual —
     * accepted or replayed — but answered with a 500, as when the answer is lost on the way back.
     */
    public synchronized void loseAnswers(int skip, int times) {
        loseFrom = uploadsSeen + skip + 1;
        loseUntil = uploadsSeen + skip + times;
    }

    /** The next {@code times} contribution uploads get {@code status} (a problem with code {@code code_<status>}). */
    public synchronized void failNext(int status, int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(new int[] {status});
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight =
            new java.util.concurrent.atomic.AtomicInteger();

    private volatile long overlapWaitMillis;

    /** The most requests this fake was handling at one time. */
    public int maxConcurrent() {
        return maxInFlight.get();
    }

    /**
     * From now on each request waits (up to {@code millis}) until another one is in flight before it is
     * answered, so a client that really sends several at once is seen doing so however fast this
     * machine is, and one that sends one at a time only gets slower.
     */
    public void holdUntilOverlap(long millis) {
        overlapWaitMillis = millis;
    }

    private void handle(HttpExchange x) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        long deadline = System.nanoTime() + overlapWaitMillis * 1_000_000;
        while (overlapWaitMillis > 0 && maxInFlight.get() < 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (x) {
            handleOne(x);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void handleOne(HttpExchange x) throws IOException {
        {
            String path = x.getRequestURI().getPath();
            byte[] body = x.getRequestBody().readAllBytes();
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (path.equals("/.well-known/dsx")) {
                send(x, 200, wellKnown().toString());
            } else if (path.equals("/realms/dataspace/protocol/openid-connect/token")) {
                tokenForms.add(new String(body, StandardCharsets.UTF_8));
                boolean ok = new String(body, StandardCharsets.UTF_8).contains("client_secret=" + SECRET);
                send(
                        x,
                        ok ? 200 : 401,
                        ok ? "{\"access_token\":\"tok-1\",\"expires_in\":300}" : "{\"error\":\"invalid_client\"}");
            } else if (auth == null || !auth.equals("Bearer tok-1")) {
                send(x, 401, problem(401, "unauthenticated", "no token"));
            } else {
                authorizations.add(auth);
                route(x, path, body);
            }
        }
    }

    private void route(HttpExchange x, String path, byte[] body) throws IOException {
        if (path.equals("/v1/me")) {
            send(x, 200, "{\"kind\":\"INSTITUTION\",\"institution\":\"hospital-a\"}");
        } else if (path.equals("/v1/datasets") && x.getRequestMethod().equals("POST")) {
            var req = JSON.readTree(body);
            send(x, 201, "{\"id\":\"" + req.get("id").asText() + "\",\"owner\":\"hospital-a\",\"schemaVersion\":1}");
        } else if (path.equals("/v1/datasets/visits")) {
            send(x, 200, "{\"id\":\"visits\",\"latestSchemaVersion\":1}");
        } else if (path.equals("/v1/datasets/visits/schemas/1")) {
            send(x, 200, schema.toString());
        } else if (path.equals("/v1/datasets/visits/contributions")) {
            contribution(x, body);
        } else {
            send(x, 404, problem(404, "not_found", path));
        }
    }

    private synchronized void contribution(HttpExchange x, byte[] body) throws IOException {
        uploads.add(body);
        uploadsSeen++;
        boolean lose = uploadsSeen >= loseFrom && uploadsSeen <= loseUntil;
        int[] failure = scripted.poll();
        if (failure != null) {
            send(x, failure[0], problem(failure[0], "code_" + failure[0], "scripted"));
            return;
        }
        if (!io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE.equals(
                x.getRequestHeaders().getFirst("Content-Type"))) {
            send(x, 415, problem(415, "unsupported_media_type", ""));
            return;
        }
        var parsed = ContributionEnvelope.parse(body, EnvelopeLimits.DEFAULT);
        if (!parsed.isOk()) {
            send(x, 400, problem(400, "malformed_envelope", parsed.failure().name()));
            return;
        }
        ContributionEnvelope envelope = parsed.value();
        String id = envelope.manifest().contributionId();
        if (receipts.containsKey(id)) {
            send(x, lose ? 500 : 200, lose ? problem(500, "internal", "answer lost") : view(receipts.get(id)));
            return;
        }
        EnvelopeResult<OpenedContribution> opened = ContributionOpener.verify(envelope, institution.certificate())
                .then(v -> ContributionOpener.open(
                        v,
                        (kid, sealedBytes, info, aad) -> hpke.open(sealedBytes, info, aad),
                        schema,
                        EnvelopeLimits.DEFAULT));
        if (!opened.isOk()) {
            send(x, 400, problem(400, opened.failure().name().toLowerCase(java.util.Locale.ROOT), ""));
            return;
        }
        accepted.add(opened.value());
        LedgerEntry entry = LedgerEntry.of(
                envelope,
                Clock.systemUTC().instant(),
                "receipt-1",
                List.of(new io.dsx.schemas.events.RecordSegment(
                        0, 0, 0, (int) envelope.manifest().recordCount())));
        Receipt receipt = Receipt.sign(entry.receiptBody(0, receipts.size(), "ed25519"), receiptKey);
        receipts.put(id, receipt);
        send(x, lose ? 500 : 201, lose ? problem(500, "internal", "answer lost") : view(receipt));
    }

    /** The receipt JSON as docs/api.md describes it. */
    public static String view(Receipt r) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode o = JSON.createObjectNode();
        o.put("contributionId", r.body().contributionId())
                .put("datasetId", r.body().datasetId())
                .put("institutionId", r.body().institutionId())
                .put("signerKeyId", r.body().signerKeyId())
                .put("schemaVersion", r.body().schemaVersion())
                .put("payloadDigest", Hex.encode(r.body().payloadDigest()))
                .put("recordCount", r.body().recordCount())
                .put("merkleRoot", Hex.encode(r.body().merkleRoot()));
        o.putObject("ledger")
                .put("topic", "dsx.ledger")
                .put("partition", r.body().ledgerPartition())
                .put("offset", r.body().ledgerOffset());
        o.put("acceptedAt", r.body().acceptedAt().toString())
                .put("gatewayKeyId", r.body().gatewayKeyId())
                .put("signature", b64.encodeToString(r.signature()))
                .put("receipt", b64.encodeToString(r.toBytes()));
        return o.toString();
    }

    private ObjectNode wellKnown() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode o = JSON.createObjectNode()
                .put("service", "fake")
                .put("gateway", "fake-1")
                .put("issuer", issuer != null ? issuer : url() + "/realms/dataspace")
                .put("currentHpkeKeyId", hpke.keyId());
        o.putArray("hpkeKeys")
                .addObject()
                .put("keyId", hpke.keyId())
                .put("publicKey", b64.encodeToString(hpke.publicKey().bytes()));
        byte[] spki = receiptKey.publicKey().getEncoded();
        o.putObject("receiptKey")
                .put("keyId", "receipt-1")
                .put("algorithm", "ed25519")
                .put(
                        "publicKey",
                        b64.encodeToString(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
        o.putObject("limits").put("maxContributionBytes", 64L << 20).put("maxRecordsPerContribution", 1_000_000);
        return o;
    }

    static String problem(int status, String code, String detail) {
        return JSON.createObjectNode()
                .put("type", "urn:dsx:problem:" + code)
                .put("status", status)
                .put("code", code)
                .put("detail", detail)
                .toString();
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
