package io.dsx.gateway.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates dsx's topics (idempotently) and data topics when datasets are registered. */
public final class TopicAdmin implements AutoCloseable {

    private final Admin admin;
    private final KafkaSettings settings;
    private final java.util.concurrent.ConcurrentMap<String, Integer> maxMessageBytes =
            new java.util.concurrent.ConcurrentHashMap<>();

    public TopicAdmin(Map<String, Object> adminConfig, KafkaSettings settings) {
        this.admin = Admin.create(adminConfig);
        this.settings = settings;
    }

    /** Creates every system topic that does not exist yet; fails start if the broker refuses. */
    public void ensureSystemTopics() {
        List<NewTopic> topics = new ArrayList<>();
        Topics.SYSTEM.forEach((name, config) -> topics.add(new NewTopic(
                        name,
                        Optional.of(Topics.isAudit(name) ? settings.auditPartitions() : 1),
                        Optional.of(settings.replicationFactor()))
                .configs(config)));
        create(topics);
    }

    public void ensureDataTopic(String datasetId) {
        create(List.of(new NewTopic(
                        Topics.data(datasetId),
                        Optional.of(settings.dataPartitions()),
                        Optional.of(settings.replicationFactor()))
                .configs(Map.of(
                        "cleanup.policy",
                        "delete",
                        "retention.ms",
                        Long.toString(settings.dataRetentionMs()),
                        "max.message.bytes",
                        Integer.toString(settings.dataMaxMessageBytes())))));
    }

    /**
     * The largest record batch {@code topic} takes ({@code max.message.bytes} as the broker applies it),
     * read once per topic and remembered.
     */
    public int maxMessageBytes(String topic) {
        return maxMessageBytes.computeIfAbsent(topic, t -> {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, t);
            try {
                Config config = admin.describeConfigs(List.of(resource))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(resource);
                return Integer.parseInt(config.get("max.message.bytes").value());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted reading the config of " + t, e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                throw new IllegalStateException("cannot read max.message.bytes of " + t, e);
            }
        });
    }

    /** How many partitions {@code topic} has. */
    public int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted describing " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e.getMessage(), e);
        }
    }

    public Set<String> listTopics() {
        try {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }

    private void create(List<NewTopic> topics) {
        Set<String> existing = listTopics();
        List<NewTopic> missing =
                topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        admin.createTopics(missing).values().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                            "cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating " + name, e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("timed out creating topic " + name, e);
            }
        });
    }

    @Override
    public void close() {
        admin.close();
    }
}
