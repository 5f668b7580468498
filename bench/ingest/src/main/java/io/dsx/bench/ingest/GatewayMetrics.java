package io.dsx.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's ingest metrics as its management port publishes them (Prometheus text): mean time per
 * ingest phase ({@code dsx_ingest_phase_seconds}) and the orphaned-segment count.
 */
record GatewayMetrics(Map<String, Double> meanMillis, double orphanSegments) {

    private static final Pattern PHASE =
            Pattern.compile("^dsx_ingest_phase_seconds_(count|sum)\\{[^}]*phase=\"([a-z_]+)\"[^}]*} ([0-9.eE+-]+)$");
    private static final Pattern ORPHANS =
            Pattern.compile("^dsx_ingest_orphan_segments_total(?:\\{[^}]*})? ([0-9.eE+-]+)$");

    static GatewayMetrics scrape(HttpClient http, String managementUrl, String operatorToken) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + operatorToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("gateway metrics: HTTP " + r.statusCode());
        }
        return parse(r.body());
    }

    static GatewayMetrics parse(String text) {
        Map<String, Double> sums = new TreeMap<>();
        Map<String, Double> counts = new TreeMap<>();
        double orphans = 0;
        for (String line : text.split("\n")) {
            Matcher m = PHASE.matcher(line);
            if (m.matches()) {
                (m.group(1).equals("sum") ? sums : counts).put(m.group(2), Double.parseDouble(m.group(3)));
                continue;
            }
            Matcher o = ORPHANS.matcher(line);
            if (o.matches()) {
                orphans = Double.parseDouble(o.group(1));
            }
        }
        Map<String, Double> mean = new TreeMap<>();
        sums.forEach((phase, seconds) -> {
            double n = counts.getOrDefault(phase, 0.0);
            if (n > 0) {
                mean.put(phase, seconds * 1000 / n);
            }
        });
        return new GatewayMetrics(mean, orphans);
    }
}
