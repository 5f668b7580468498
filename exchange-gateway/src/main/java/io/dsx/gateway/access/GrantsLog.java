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

    private void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.GRANTS, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to dsx.grants", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dsx.grants write failed: " + e.getMessage(), e);
        }
    }
}
