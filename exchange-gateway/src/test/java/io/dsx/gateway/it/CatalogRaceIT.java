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
 * both gateways name the same owner, and so does a gateway started afterwards (a restart replays the
 * topic). The two claims are stored under different record keys, so compaction (the last record per
 * key) keeps both and a replay still sees the first one first.
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
                CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> register(one, tokenA, id, go));
                CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> register(two, tokenB, id, go));
                go.countDown();
                List<HttpResponse<String>> answers = List.of(a.join(), b.join());
                List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
                assertThat(statuses).as(answers.get(0).body() + " / " + answers.get(1).body()).containsExactly(201, 409);
                HttpResponse<String> lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
                assertThat(JSON.readTree(lost.body()).get("code").asText()).isEqualTo("dataset_exists");
                String winner = answers.get(0).statusCode() == 201 ? "hospital-a" : "hospital-b";
                owners.put(id, winner);
                assertThat(owner(one, tokenA, id)).isEqualTo(winner);
                assertThat(owner(two, tokenB, id)).isEqualTo(winner);
            }
        } finally {
            second.close();
        }
        // a restart: a gateway that replays dsx.catalog from the start agrees on every owner
        ConfigurableApplicationContext restarted = startAnotherGateway("gateway-race-restarted");
        try {
            for (Map.Entry<String, String> e : owners.entrySet()) {
                assertThat(owner(baseUrl(restarted), tokenA, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
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

    private static HttpResponse<String> register(String base, String token, String id, CountDownLatch go) {
        try {
            go.await();
            String body = "{\"id\":\"" + id + "\",\"title\":\"race\",\"description\":\"\",\"duo\":[\"DUO:0000042\"],"
                    + "\"schema\":" + JSON.writeValueAsString(JSON.readTree(ContributionIT.SCHEMA)) + "}";
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/datasets"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
