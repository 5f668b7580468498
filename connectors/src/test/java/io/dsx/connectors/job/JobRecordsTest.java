package io.dsx.connectors.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dsx.connectors.contributor.GatewayException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job client against a small in-process server speaking the data plane's NDJSON. */
class JobRecordsTest {

    static final String SCHEMA =
            "{\"schema\":{\"type\":\"record\",\"name\":\"V\",\"fields\":[{\"name\":\"ward\",\"type\":\"string\"}]}}\n";
    HttpServer server;
    final List<String> queries = new ArrayList<>();

    URI serve(java.util.function.Function<String, String[]> pages) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/jobs/", exchange -> {
            String q = exchange.getRequestURI().getQuery();
            queries.add(q == null ? "" : q);
            String[] answer = pages.apply(q == null ? "" : q);
            int status = Integer.parseInt(answer[0]);
            exchange.getResponseHeaders()
                    .add("Content-Type", status == 200 ? "application/x-ndjson" : "application/problem+json");
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer[1].getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static String rec(String ward, String cursor) {
        return "{\"cursor\":\"" + cursor + "\",\"record\":{\"ward\":\"" + ward + "\"}}\n";
    }

    List<String> read(URI base) throws Exception {
        List<String> got = new ArrayList<>();
        new JobRecords(base, () -> "t", HttpClient.newHttpClient(), 3)
                .read("j", null, JobRecords.Format.NDJSON, new JobRecords.Handler() {
                    @Override
                    public void schema(Schema projected) {
                        got.add("schema:" + projected.getFields().get(0).name());
                    }

                    @Override
                    public void record(Object record, String cursor) {
                        got.add(record.toString());
                    }
                });
        return got;
    }

    @Test
    void followsPagesToTheEnd() throws Exception {
        URI base = serve(q -> q.isEmpty()
                ? new String[] {
                    "200", SCHEMA + rec("a", "c1") + "{\"end\":{\"cursor\":\"c1\",\"reason\":\"page limit\"}}\n"
                }
                : new String[] {
                    "200", SCHEMA + rec("b", "c2") + "{\"end\":{\"cursor\":null,\"reason\":\"end of data\"}}\n"
                });
        assertThat(read(base)).containsExactly("schema:ward", "{\"ward\":\"a\"}", "{\"ward\":\"b\"}");
        assertThat(queries).containsExactly("", "cursor=c1");
    }

    @Test
    void aBrokenStreamResumesAfterTheLastRecordReceived() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI base = serve(q -> calls.getAndIncrement() == 0
                ? new String[] {"200", SCHEMA + rec("a", "c1") + rec("b", "c2")} // cut before its end line
                : new String[] {
                    "200", SCHEMA + rec("c", "c3") + "{\"end\":{\"cursor\":null,\"reason\":\"end of data\"}}\n"
                });
        assertThat(read(base))
                .containsExactly("schema:ward", "{\"ward\":\"a\"}", "{\"ward\":\"b\"}", "{\"ward\":\"c\"}");
        assertThat(queries).containsExactly("", "cursor=c2");
    }

    @Test
    void aRefusalEndsTheReadWithItsCode() throws Exception {
        URI base = serve(q -> new String[] {"403", "{\"code\":\"access_denied\",\"detail\":\"revoked\"}"});
        assertThatThrownBy(() -> read(base))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("access_denied");
    }

    @Test
    void aStreamEndedByRevocationIsARefusal() throws Exception {
        URI base = serve(q -> new String[] {
            "200",
            SCHEMA + rec("a", "c1")
                    + "{\"end\":{\"cursor\":null,\"reason\":\"the read policy no longer allows this read\"}}\n"
        });
        assertThatThrownBy(() -> read(base))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("no longer allows");
    }
}
