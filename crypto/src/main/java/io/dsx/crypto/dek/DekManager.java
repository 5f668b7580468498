package io.dsx.crypto.dek;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.aead.AesGcmKey;
import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.kms.DekPair;
import io.dsx.crypto.kms.KeyManagementService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out per-dataset DEKs for sealing stored data and finds them again for opening it.
 *
 * <p>Design note. Each dataset has at most one <em>current</em> DEK for writing. A writer
 * {@linkplain #lease leases} it for a number of records (one stored segment's worth); the lease is
 * counted against the DEK under the lock and the AES-GCM work happens outside it, so concurrent
 * contributions do not queue on one monitor. The DEK is replaced at the next lease once it has
 * counted {@link DekPolicy#maxRecords()} records, would pass that count with this lease, or is
 * {@link DekPolicy#maxAge()} old by the injected clock. A new DEK comes from the KMS already wrapped
 * under the KEK; only the wrapped form leaves this class, inside the lease that created it, so the
 * caller persists it before the data sealed under it becomes visible. Every DEK ever created or
 * {@link #load loaded} stays available for opening by its key id. DEKs loaded at start are open-only:
 * their use counts died with the previous process, so the first lease after a start makes a fresh DEK
 * rather than risk exceeding the count. Several gateways therefore each write under their own DEKs.
 */
public final class DekManager {

    private final KeyManagementService kms;
    private final String kekName;
    private final DekPolicy policy;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Current> currentByDataset = new HashMap<>();
    private final Map<String, AesGcmKey> byKeyId = new ConcurrentHashMap<>();

    /** The dataset's write DEK with its use count. */
    private static final class Current {
        final String keyId;
        final AesGcmKey key;
        final Instant createdAt;
        long used;

        Current(String keyId, AesGcmKey key, Instant createdAt) {
            this.keyId = keyId;
            this.key = key;
            this.createdAt = createdAt;
        }
    }

    public DekManager(KeyManagementService kms, String kekName, DekPolicy policy, Clock clock, SecureRandom random) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.kekName = Objects.requireNonNull(kekName, "kekName");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Reserves the dataset's current DEK for {@code records} records (rotating first when the policy
     * says so). A lease larger than {@link DekPolicy#maxRecords()} gets a fresh DEK of its own.
     */
    public synchronized DekLease lease(String datasetId, int records) throws CryptoException {
        Objects.requireNonNull(datasetId, "datasetId");
        if (records < 1) {
            throw new IllegalArgumentException("a lease covers at least one record");
        }
        Optional<WrappedDek> created = Optional.empty();
        Current current = currentByDataset.get(datasetId);
        if (current == null || exhausted(current, records)) {
            created = Optional.of(rotate(datasetId));
            current = currentByDataset.get(datasetId);
        }
        current.used += records;
        return new DekLease(current.keyId, current.key, records, created);
    }

    /** The DEK {@code keyId}, if it was made or loaded here. */
    public Optional<AesGcmKey> key(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    /** Unwraps a DEK read back from {@code dsx.keys} at start, for opening. */
    public void load(WrappedDek wrapped) throws CryptoException {
        if (!byKeyId.containsKey(wrapped.keyId())) {
            byKeyId.putIfAbsent(wrapped.keyId(), kms.unwrap(wrapped.wrapped()));
        }
    }

    /** The key id new data of {@code datasetId} would be sealed with, if a write DEK exists. */
    public synchronized Optional<String> currentKeyId(String datasetId) {
        return Optional.ofNullable(currentByDataset.get(datasetId)).map(c -> c.keyId);
    }

    private boolean exhausted(Current c, int records) {
        Duration age = Duration.between(c.createdAt, clock.instant());
        return (c.used > 0 && c.used + records > policy.maxRecords())
                || c.used >= policy.maxRecords()
                || age.compareTo(policy.maxAge()) >= 0;
    }

    private WrappedDek rotate(String datasetId) throws CryptoException {
        DekPair pair = kms.generateDek(kekName);
        byte[] id = new byte[12];
        random.nextBytes(id);
        String keyId = "dek-" + Hex.encode(id);
        Instant now = clock.instant();
        currentByDataset.put(datasetId, new Current(keyId, pair.dek(), now));
        byKeyId.put(keyId, pair.dek());
        return new WrappedDek(keyId, datasetId, now, pair.wrapped());
    }

    @Override
    public String toString() {
        return "DekManager[kek=" + kekName + ", datasets=" + currentByDataset.size() + ", deks=***]";
    }
}
