package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ownership cannot flip: two gateways race to register one dataset id for two institutions. The order
 * on {@code dsx.catalog} decides: one request gets 201, the other 409 on the gateway that accepted it,
 * and both gateways name the same owner. Then Kafka's log cleaner compacts the topic for real (the
 * broker's own login makes it eligible at once; a pair of records under one key shows it ran), and a
 * gateway started afterwards (a restart replays the topic) still names the same owners: the claims
 * are stored under different record keys, so compaction keeps both and the first one stays first.
 */
class CatalogRaceIT extends GatewayIT {

    private static final int ROUNDS = 6;

    @Test
    void twoGatewaysRacingForOneDatasetIdEndWithOneOwnerEverywhere() throws Exception {
        enrol("hospital-a");
        enrol("hospital-b");
        String tokenA = stack().tokens().forInstitution("hospital-a");
        String tokenB = stack().tokens().forInstitution("hospital-b");
        Map<String, String> owners = new HashMap<>();
        ConfigurableApplicationContext second = startAnotherGateway("gateway-race");
        try {
            String one = "http://127.0.0.1:" + port;
            String two = baseUrl(second);
            for (int round = 0; round < ROUNDS; round++) {
                String id = "race-" + UUID.randomUUID().toString().substring(0, 8);
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<HttpResponse<String>> a =
                        CompletableFuture.supplyAsync(() -> register(one, tokenA, id, go));
                CompletableFuture<HttpResponse<String>> b =
                        CompletableFuture.supplyAsync(() -> register(two, tokenB, id, go));
                go.countDown();
                List<HttpResponse<String>> answers = List.of(a.join(), b.join());
                List<Integer> statuses =
                        answers.stream().map(HttpResponse::statusCode).sorted().toList();
                assertThat(statuses)
                        .as(answers.get(0).body() + " / " + answers.get(1).body())
                        .containsExactly(201, 409);
                HttpResponse<String> lost = answers.stream()
                        .filter(r -> r.statusCode() == 409)
                        .findFirst()
                        .orElseThrow();
                assertThat(JSON.readTree(lost.body()).get("code").asText()).isEqualTo("dataset_exists");
                String winner = answers.get(0).statusCode() == 201 ? "hospital-a" : "hospital-b";
                owners.put(id, winner);
                assertThat(owner(one, tokenA, id)).isEqualTo(winner);
                assertThat(owner(two, tokenB, id)).isEqualTo(winner);
            }
        } finally {
            second.close();
        }
        compactCatalogNow();
        // a restart: a gateway that replays the compacted dsx.catalog from the start agrees on every owner
        ConfigurableApplicationContext restarted = startAnotherGateway("gateway-race-restarted");
        try {
            for (Map.Entry<String, String> e : owners.entrySet()) {
                assertThat(owner(baseUrl(restarted), tokenA, e.getKey()))
                        .as(e.getKey())
                        .isEqualTo(e.getValue());
            }
        } finally {
            restarted.close();
        }
        // both claims of each id are on the topic under their own keys: compaction drops neither
        Map<String, Set<String>> keys = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll("dsx.catalog")) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            for (String id : owners.keySet()) {
                if (key.startsWith("dataset:" + id + ":")) {
                    keys.computeIfAbsent(id, k -> new HashSet<>()).add(key);
                }
            }
        }
        for (String id : owners.keySet()) {
            assertThat(keys.get(id)).as(id).hasSizeBetween(1, 2);
        }
        assertThat(new ArrayList<>(keys.values()).stream().mapToInt(Set::size).sum())
                .as("claims written by the racing gateways (a loser refused by its local check writes nothing)")
                .isGreaterThanOrEqualTo(ROUNDS);
    }

    /** Makes the log cleaner compact dsx.catalog now and waits until a duplicated key has been cleaned. */
    private void compactCatalogNow() throws Exception {
        stack().broker()
                .alterTopicConfig(
                        "dsx.catalog",
                        Map.of(
                                "segment.ms",
                                "100",
                                "min.cleanable.dirty.ratio",
                                "0.01",
                                "min.compaction.lag.ms",
                                "0",
                                "max.compaction.lag.ms",
                                "100"));
        String probe = "revocation:compaction-probe:" + UUID.randomUUID();
        Map<String, Object> config = stack().kafkaClientConfig();
        config.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        config.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(config)) {
            for (int i = 0; i < 2; i++) { // the same key twice: compaction keeps one
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                                "dsx.catalog", probe, probeEvent()))
                        .get();
            }
            long deadline =
                    System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
            while (true) {
                Thread.sleep(300); // past segment.ms: the next record rolls the segment, closing the probes' one
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                                "dsx.catalog", "revocation:compaction-roll:" + UUID.randomUUID(), probeEvent()))
                        .get();
                long copies = readAll("dsx.catalog").stream()
                        .filter(r -> probe.equals(new String(r.key(), StandardCharsets.UTF_8)))
                        .count();
                if (copies == 1) {
                    return;
                }
                assertThat(System.nanoTime())
                        .as("the log cleaner compacted dsx.catalog within 120 s")
                        .isLessThan(deadline);
            }
        }
    }

    /** A valid catalog event that changes nothing anyone reads: a revocation for no institution. */
    private static byte[] probeEvent() {
        return new io.dsx.schemas.events.CatalogEvent(
                        io.dsx.schemas.events.CatalogEvent.VERSION,
                        new io.dsx.schemas.envelope.UuidV7(
                                        java.time.Clock.systemUTC(), new java.security.SecureRandom())
                                .next()
                                .toString(),
                        java.time.Instant.now(),
                        "compaction-probe",
                        new io.dsx.schemas.events.CatalogChange.KeyRevoked("compaction-probe", "none", "probe"))
                .toBytes();
    }

    private static HttpResponse<String> register(String base, String token, String id, CountDownLatch go) {
        try {
            go.await();
            String body = "{\"id\":\"" + id + "\",\"title\":\"race\",\"description\":\"\",\"duo\":[\"DUO:0000042\"],"
                    + "\"schema\":" + JSON.writeValueAsString(JSON.readTree(ContributionIT.SCHEMA)) + "}";
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/datasets"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String owner(String base, String token, String id) throws Exception {
        HttpResponse<String> r = get(base, "/v1/datasets/" + id, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("owner").asText();
    }
}
