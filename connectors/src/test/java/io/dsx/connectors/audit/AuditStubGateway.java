package io.dsx.connectors.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for the gateway's auditor API (AUDIT-CONTRACT.md) serving one fixture log: logs,
 * event pages, checkpoints, policies and the subject hash. It records the bodies it was sent.
 */
public final class AuditStubGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    public final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    /** An event seq the events pages leave out (a gateway breaking the contract), or -1. */
    public volatile int skip = -1;
    /** Events the pages show until checkpoints are asked for (a log that grows during an export). */
    public volatile int visible = Integer.MAX_VALUE;

    private final AuditExportFixture log;
    private final HttpServer server;

    public AuditStubGateway(AuditExportFixture log) throws IOException {
        this.log = log;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        requests.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        byte[] body = x.getRequestBody().readAllBytes();
        bodies.add(new String(body, StandardCharsets.UTF_8));
        if (!"Bearer auditor-token".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "application/problem+json", "{\"code\":\"unauthenticated\",\"detail\":\"no token\"}");
            return;
        }
        if (path.equals("/v1/audit/logs")) {
            send(
                    x,
                    200,
                    "application/json",
                    JSON.writeValueAsString(Map.of(
                            "logs",
                            List.of(Map.of(
                                    "partition",
                                    0,
                                    "origin",
                                    AuditExportFixture.ORIGIN,
                                    "size",
                                    log.events.size(),
                                    "checkpoint",
                                    log.checkpoints.get(log.checkpoints.size() - 1))),
                            "verifierKey",
                            AuditExportFixture.VERIFIER.toString())));
        } else if (path.equals("/v1/audit/logs/0/events")) {
            int from = Integer.parseInt(param(query, "from"));
            int limit = Integer.parseInt(param(query, "limit"));
            StringBuilder out = new StringBuilder();
            // pages of at most 5, fewer than asked, as a gateway may answer
            int end = Math.min(Math.min(log.events.size(), visible), from + Math.min(limit, 5));
            for (int i = from; i < end; i++) {
                if (i == skip) {
                    continue;
                }
                out.append("{\"seq\":")
                        .append(i)
                        .append(",\"event\":\"")
                        .append(Base64.getEncoder().encodeToString(log.events.get(i)))
                        .append("\"}\n");
            }
            send(x, 200, "application/x-ndjson", out.toString());
        } else if (path.equals("/v1/audit/logs/0/checkpoints")) {
            visible = Integer.MAX_VALUE;
            long from = Long.parseLong(param(query, "from"));
            List<String> notes = log.checkpoints.stream()
                    .filter(n -> Long.parseLong(n.split("\n")[1]) >= from)
                    .toList();
            send(x, 200, "application/json", JSON.writeValueAsString(Map.of("checkpoints", notes)));
        } else if (path.equals("/v1/audit/policies/" + log.revision)) {
            send(
                    x,
                    200,
                    "application/json",
                    new String(AuditExportFixture.policyRecord(log.bundleFiles, log.revision), StandardCharsets.UTF_8));
        } else if (path.equals("/v1/audit/subject-hash") && x.getRequestMethod().equals("POST")) {
            JsonNode req = JSON.readTree(body);
            if (!req.path("dataset").asText().equals(AuditExportFixture.DATASET)) {
                // as a careless gateway might: the identifier in the problem detail
                send(
                        x,
                        404,
                        "application/problem+json",
                        "{\"code\":\"unknown_dataset\",\"detail\":\"no dataset for "
                                + req.path("subject").asText() + "\"}");
                return;
            }
            String hash = AuditExportFixture.subjectHash(
                    req.path("dataset").asText(), req.path("subject").asText());
            send(x, 200, "application/json", "{\"hash\":\"" + hash + "\"}");
        } else {
            send(x, 404, "application/problem+json", "{\"code\":\"not_found\"}");
        }
    }

    private static String param(String query, String name) {
        for (String p : query.split("&")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + name);
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            x.getResponseBody().write(b);
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
