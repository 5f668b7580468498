package io.dsx.connectors.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.connectors.contributor.GatewayException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads one job's records. {@link #read} calls the handler once per record, in order, following
 * page cursors and resuming a broken stream from the last record's cursor (NDJSON) or from the
 * page's start cursor and the number of records already seen (Avro), up to {@code maxResumes} times
 * in a row without progress. A refusal (401, 403, 4xx problem) ends the read with a
 * {@link GatewayException} naming the problem's code.
 */
public final class JobRecords {

    /** The wire format asked for. */
    public enum Format {
        NDJSON,
        AVRO
    }

    /** Receives records: NDJSON gives a JSON object, Avro a GenericRecord; {@code cursor} resumes after it. */
    public interface Handler {
        void schema(Schema projected) throws IOException;

        void record(Object record, String cursor) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";
    private static final String AVRO = "application/vnd.apache.avro+container";

    private final URI gateway;
    private final Supplier<String> token;
    private final HttpClient http;
    private final int maxResumes;

    public JobRecords(URI gateway, Supplier<String> token, HttpClient http, int maxResumes) {
        this.gateway = gateway;
        this.token = token;
        this.http = http;
        this.maxResumes = maxResumes;
    }

    /** Reads from {@code cursor} (null: the beginning) to the end; returns the records handed over. */
    public long read(String jobId, String cursor, Format format, Handler handler) throws GatewayException, IOException {
        long total = 0;
        String at = cursor;
        long skip = 0;
        int failures = 0;
        boolean schemaSent = false;
        while (true) {
            Page page = new Page();
            try (InputStream in = open(jobId, at, skip, format, page)) {
                if (format == Format.NDJSON) {
                    readNdjson(in, handler, page, !schemaSent);
                } else {
                    readAvro(in, handler, page, !schemaSent);
                }
                schemaSent = true;
            } catch (IOException broken) {
                schemaSent |= page.schemaSeen;
                total += page.records;
                if (page.records == 0 && ++failures > maxResumes) {
                    throw broken;
                }
                if (page.records > 0) {
                    failures = 0;
                }
                if (format == Format.NDJSON) {
                    at = page.lastCursor != null ? page.lastCursor : at;
                    skip = page.lastCursor != null ? 0 : skip;
                } else {
                    skip += page.records;
                    at = page.start;
                }
                continue;
            }
            total += page.records;
            if (format == Format.NDJSON) {
                if (page.endCursor == null) {
                    if (page.endReason != null && page.endReason.contains("no longer allows")) {
                        throw new GatewayException(403, "access_denied", page.endReason);
                    }
                    return total;
                }
                at = page.endCursor;
                skip = 0;
            } else {
                if (page.records == 0) {
                    return total;
                }
                skip += page.records;
                at = page.start;
            }
        }
    }

    private static final class Page {
        String start;
        String lastCursor;
        String endCursor;
        String endReason;
        boolean schemaSeen;
        long records;
    }

    private InputStream open(String jobId, String cursor, long skip, Format format, Page page)
            throws GatewayException, IOException {
        StringBuilder q = new StringBuilder();
        if (cursor != null) {
            q.append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        if (skip > 0) {
            q.append(q.length() > 0 ? "&" : "").append("skip=").append(skip);
        }
        URI uri = URI.create(gateway + "/v1/jobs/" + URLEncoder.encode(jobId, StandardCharsets.UTF_8) + "/records"
                + (q.length() > 0 ? "?" + q : ""));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofHours(1))
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", format == Format.AVRO ? AVRO : NDJSON)
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                JsonNode p = null;
                try {
                    p = JSON.readTree(body.readNBytes(64 * 1024));
                } catch (IOException | RuntimeException notJson) {
                    // the status alone is reported
                }
                throw new GatewayException(
                        response.statusCode(),
                        p != null && p.hasNonNull("code") ? p.get("code").asText() : "http_" + response.statusCode(),
                        p != null && p.hasNonNull("detail") ? p.get("detail").asText() : "");
            }
        }
        page.start = response.headers().firstValue("Dsx-Cursor").orElse(cursor);
        return response.body();
    }

    private static void readNdjson(InputStream in, Handler handler, Page page, boolean sendSchema) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            JsonNode n = JSON.readTree(line);
            if (n.has("record")) {
                String cursor = n.path("cursor").asText(null);
                handler.record(n.get("record"), cursor);
                page.records++;
                page.lastCursor = cursor;
            } else if (n.has("schema")) {
                page.schemaSeen = true;
                if (sendSchema) {
                    handler.schema(new Schema.Parser().parse(n.get("schema").toString()));
                }
            } else if (n.has("end")) {
                JsonNode end = n.get("end");
                page.endCursor = end.hasNonNull("cursor") ? end.get("cursor").asText() : null;
                page.endReason = end.hasNonNull("reason") ? end.get("reason").asText() : null;
                return;
            }
        }
        throw new IOException("the stream ended without its end line");
    }

    private static void readAvro(InputStream in, Handler handler, Page page, boolean sendSchema) throws IOException {
        try (DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
            page.schemaSeen = true;
            if (sendSchema) {
                handler.schema(records.getSchema());
            }
            for (GenericRecord r : records) {
                handler.record(r, null);
                page.records++;
            }
        }
    }
}
