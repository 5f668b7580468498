package io.dsx.connectors.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * At most {@code parallel} uploads in flight. The reading thread blocks while all slots are taken,
 * so memory stays bounded by the number of sealed envelopes in flight. The first failure is kept and
 * stops further submissions; uploads already under way finish (each is all or nothing at the gateway,
 * and the journal records what was accepted).
 */
final class Uploads {
    static final int MAX_PARALLEL = 16;

    /** One upload. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private final Semaphore slots;
    private final ExecutorService pool;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Uploads(int parallel) {
        this.slots = new Semaphore(parallel);
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "dsx-upload");
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for a free slot, then starts {@code task}; does nothing once an upload has failed. */
    void submit(Task task) throws CliFailure {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        }
        if (failure.get() != null) {
            slots.release();
            return;
        }
        pool.execute(() -> {
            try {
                task.run();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            } catch (Error e) {
                failure.compareAndSet(
                        null,
                        new IllegalStateException(
                                "upload failed: " + e.getClass().getSimpleName()));
            } finally {
                slots.release();
            }
        });
    }

    /** The first upload failure, or null. */
    Exception failure() {
        return failure.get();
    }

    /** Waits until every started upload has ended. */
    void awaitAll() {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // uploads are bounded by the client's own timeouts and retries
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
