package io.dsx.gateway.access;

import io.dsx.gateway.jobs.JobRecord;
import io.dsx.gateway.kafka.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes to {@code dsx.grants} (acknowledged by the broker) and then to the local view: the one writer of the topic. */
public final class GrantsLog {

    private final Producer<String, byte[]> producer;
    private final AccessView view;

    public GrantsLog(Producer<String, byte[]> producer, AccessView view) {
        this.producer = producer;
        this.view = view;
    }

    public void write(AccessRecord r) {
        send(GrantsCodec.REQUEST_PREFIX + r.id(), GrantsCodec.encode(r));
        view.applyLocal(r);
    }

    public void write(JobRecord j) {
        send(GrantsCodec.JOB_PREFIX + j.id(), GrantsCodec.encode(j));
        view.applyLocal(j);
    }

    /**
     * Writes a usage change into the partition of its grant's own record (so every gateway folds a
     * grant's usage in one order, after the grant); returns its position there. Not applied locally:
     * usage is folded from the topic only.
     */
    public org.apache.kafka.clients.producer.RecordMetadata write(GrantUsage u) {
        int partitions = producer.partitionsFor(Topics.GRANTS).size();
        byte[] grantKey = (GrantsCodec.REQUEST_PREFIX + u.grant()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // the default partitioner's choice for the grant's key (murmur2, positive, modulo)
        int partition =
                org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(grantKey))
                        % partitions;
        return send(new ProducerRecord<>(Topics.GRANTS, partition, GrantsCodec.key(u), GrantsCodec.encode(u)));
    }

    private void send(String key, byte[] value) {
        send(new ProducerRecord<>(Topics.GRANTS, key, value));
    }

    private org.apache.kafka.clients.producer.RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to dsx.grants", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dsx.grants write failed: " + e.getMessage(), e);
        }
    }
}
