package io.dsx.connectors.contributor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.dataset.DatasetSchemaException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The gateway's REST API (docs/api.md) as a contributor uses it. Reads and uploads are retried
 * under the {@link RetryPolicy} (I/O errors and 5xx only); a refusal comes back as a
 * {@link GatewayException} carrying the problem's {@code code} and {@code detail}.
 */
public final class GatewayClient {
    /** Media type of a contribution envelope body. */
    public static final String CONTRIBUTION_MEDIA_TYPE = io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** The most of an error answer's body read to find its problem code. */
    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private final URI base;
    private final TokenSource tokens;
    private final HttpClient http;
    private final RetryPolicy retry;
    private GatewayInfo info;

    public GatewayClient(URI base, TokenSource tokens, HttpClient http, RetryPolicy retry) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.tokens = tokens;
        this.http = http;
        this.retry = retry;
    }

    /** {@code GET /.well-known/dsx}, read once per client. */
    public synchronized GatewayInfo info() throws GatewayException {
        if (info == null) {
            info = GatewayInfo.fromJson(json(call(get("/.well-known/dsx"), false, true)));
        }
        return info;
    }

    /** {@code GET /v1/me}: who the token says the caller is. */
    public JsonNode me() throws GatewayException {
        return json(call(get("/v1/me"), true, true));
    }

    /** {@code GET /v1/datasets/{id}}: the catalog entry, with {@code latestSchemaVersion}. */
    public JsonNode dataset(String id) throws GatewayException {
        return json(call(get("/v1/datasets/" + enc(id)), true, true));
    }

    /** {@code GET /v1/datasets/{id}/schemas/{version}}, parsed and checked as a dataset schema. */
    public DatasetSchema schema(String id, int version) throws GatewayException {
        String text = new String(
                call(get("/v1/datasets/" + enc(id) + "/schemas/" + version), true, true)
                        .body(),
                StandardCharsets.UTF_8);
        try {
            return DatasetSchema.parse(text);
        } catch (DatasetSchemaException e) {
            throw new GatewayException(0, "bad_schema", "schema " + version + " of " + id + ": " + e.getMessage());
        }
    }

    /**
     * {@code POST /v1/datasets}. Not retried: a lost answer followed by a retry would read as
     * {@code dataset_exists}, which says less than the original error.
     */
    public JsonNode registerDataset(JsonNode body) throws GatewayException {
        HttpRequest.Builder request = request("/v1/datasets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return json(call(request, true, false));
    }

    /**
     * {@code POST /v1/datasets/{id}/contributions} with the envelope's bytes, retried as they are:
     * the gateway answers a contribution id it already holds with its first receipt.
     */
    public ContributionReceipt contribute(String datasetId, byte[] envelope) throws GatewayException {
        HttpRequest.Builder request = request("/v1/datasets/" + enc(datasetId) + "/contributions")
                .header("Content-Type", CONTRIBUTION_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope));
        return ContributionReceipt.fromJson(json(call(request, true, true)));
    }

    /** {@code GET path} (with its query) as JSON, retried on transient failures. */
    public JsonNode getJson(String pathAndQuery) throws GatewayException {
        return json(call(get(pathAndQuery), true, true));
    }

    /** Reads a streamed answer body. */
    public interface BodyReader<T> {
        T read(java.io.InputStream body) throws IOException, GatewayException;
    }

    /**
     * {@code GET path} with the answer body handed to {@code reader} as it arrives, for answers too large
     * to hold (NDJSON pages). Opening is retried on transient failures; an I/O error while the body is
     * read is a {@link GatewayException#UNREACHABLE} the caller may retry from where it got to.
     */
    public <T> T getStream(String pathAndQuery, String accept, BodyReader<T> reader) throws GatewayException {
        int attempts = retry.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<java.io.InputStream> response;
            try {
                response = openStream(pathAndQuery, accept);
            } catch (GatewayException e) {
                if (!e.retriable() || attempt >= attempts) {
                    throw e;
                }
                try {
                    retry.sleeper().sleep(retry.backoff(attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new GatewayException(0, GatewayException.UNREACHABLE, "interrupted while waiting to retry");
                }
                continue;
            }
            try (java.io.InputStream body = response.body()) {
                return reader.read(body);
            } catch (IOException e) {
                throw new GatewayException(0, GatewayException.UNREACHABLE, "GET " + pathAndQuery + ": " + e);
            }
        }
    }

    private HttpResponse<java.io.InputStream> openStream(String pathAndQuery, String accept) throws GatewayException {
        HttpRequest built = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", accept)
                .header("Authorization", "Bearer " + tokens.token())
                .GET()
                .build();
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new GatewayException(0, GatewayException.UNREACHABLE, "GET " + built.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(0, GatewayException.UNREACHABLE, "interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            byte[] head;
            try (java.io.InputStream in = response.body()) {
                head = in.readNBytes(MAX_PROBLEM_BYTES);
            } catch (IOException e) {
                head = new byte[0];
            }
            throw problem(response.statusCode(), head);
        }
        return response;
    }

    /** {@code POST path} with a JSON body; not retried (the answer of a lost first attempt may differ). */
    public JsonNode postJson(String path, JsonNode body) throws GatewayException {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.toString()));
        return json(call(request, true, false));
    }

    /** One URL path segment, percent-encoded. */
    public static String segment(String s) {
        return enc(s);
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
    }

    private HttpResponse<byte[]> call(HttpRequest.Builder request, boolean authenticated, boolean retried)
            throws GatewayException {
        int attempts = retried ? retry.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(request, authenticated);
            } catch (GatewayException e) {
                if (!e.retriable() || attempts == 1) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new GatewayException(
                            e.status(), e.code(), e.detail() + " (gave up after " + attempts + " attempts)");
                }
            }
            try {
                retry.sleeper().sleep(retry.backoff(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(0, GatewayException.UNREACHABLE, "interrupted while waiting to retry");
            }
        }
    }

    private HttpResponse<byte[]> once(HttpRequest.Builder request, boolean authenticated) throws GatewayException {
        if (authenticated) {
            request.setHeader("Authorization", "Bearer " + tokens.token());
        }
        HttpRequest built = request.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GatewayException(0, GatewayException.UNREACHABLE, built.method() + " " + built.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(0, GatewayException.UNREACHABLE, "interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw problem(response);
        }
        return response;
    }

    /** An RFC 9457 problem answer as an exception; a non-problem body gives the code {@code http_<status>}. */
    static GatewayException problem(HttpResponse<byte[]> response) {
        return problem(response.statusCode(), response.body());
    }

    private static GatewayException problem(int status, byte[] body) {
        JsonNode p = null;
        try {
            p = JSON.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            // keep p null: the status alone is reported
        }
        String code = p != null && p.hasNonNull("code") ? p.get("code").asText() : "http_" + status;
        String detail = p != null && p.hasNonNull("detail")
                ? p.get("detail").asText()
                : p != null && p.hasNonNull("title") ? p.get("title").asText() : "";
        return new GatewayException(status, code, detail);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws GatewayException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GatewayException(
                    response.statusCode(),
                    "bad_answer",
                    "not JSON from " + response.request().uri().getPath());
        }
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public URI base() {
        return base;
    }
}
