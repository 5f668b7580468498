package io.dsx.gateway.policy;

import io.dsx.gateway.kafka.Topics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every bundle revision a gateway decides under on {@code dsx.policies} (compacted, keyed by
 * revision), so any recorded decision can be replayed with the policy that made it. Format v1 (JSON,
 * docs/formats.md): {@code {"version":1,"revision":"sha256:...","published_at":RFC 3339,
 * "gateway":name,"files":{"/path.rego":text,...,"/data.json":merged data}}}.
 */
public final class PolicyLog {

    public static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyLog() {}

    /** The record value for a revision. */
    public static byte[] value(PolicyStore store, String gateway, Instant at) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", VERSION);
        v.put("revision", store.revision());
        v.put("published_at", at.toString());
        v.put("gateway", gateway);
        v.put("files", store.files());
        return JSON.writeValueAsBytes(v);
    }

    /** Writes the store's revision (acknowledged by every in-sync replica) before the gateway decides anything. */
    public static void publish(Producer<String, byte[]> producer, PolicyStore store, String gateway, Instant at) {
        try {
            producer.send(new ProducerRecord<>(Topics.POLICIES, store.revision(), value(store, gateway, at)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing the policy revision to dsx.policies", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot keep policy revision " + store.revision() + " on dsx.policies: " + e.getMessage(), e);
        }
    }
}
