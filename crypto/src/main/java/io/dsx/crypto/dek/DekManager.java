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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Encrypts and decrypts stored records with per-dataset DEKs.
 *
 * <p>Design note. Each dataset has at most one <em>current</em> DEK for writing. It is replaced on the
 * next write once it has sealed {@link DekPolicy#maxRecords()} records or is {@link DekPolicy#maxAge()}
 * old by the injected clock. A new DEK comes from the KMS already wrapped under the KEK; only the
 * wrapped form leaves this class, inside the {@link EncryptedRecord} of the write that created it, so
 * the caller persists it with that record. Every DEK ever created or {@link #load loaded} stays
 * available for decryption by its key id. DEKs loaded at start are decrypt-only: their use counts
 * died with the previous process, so the first write after a start makes a fresh DEK rather than
 * risk exceeding the count. Several gateways therefore each write under their own DEKs, which is fine.
 */
public final class DekManager {

    private final KeyManagementService kms;
    private final String kekName;
    private final DekPolicy policy;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Current> currentByDataset = new HashMap<>();
    private final Map<String, AesGcmKey> byKeyId = new HashMap<>();

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

    /** Seals {@code plaintext} (salt || record bytes) for {@code datasetId} into a stored-record value. */
    public synchronized EncryptedRecord encrypt(String datasetId, byte[] plaintext, byte[] aad) throws CryptoException {
        Objects.requireNonNull(datasetId, "datasetId");
        Optional<WrappedDek> created = Optional.empty();
        Current current = currentByDataset.get(datasetId);
        if (current == null || exhausted(current)) {
            WrappedDek wrapped = rotate(datasetId);
            created = Optional.of(wrapped);
            current = currentByDataset.get(datasetId);
        }
        current.used++;
        byte[] value = StoredRecordValue.encode(current.keyId, current.key.seal(plaintext, aad));
        return new EncryptedRecord(value, current.keyId, created);
    }

    /**
     * Seals a whole contribution's records: the uses are reserved under the lock (rotating as the
     * policy says), the AES-GCM work runs outside it, so concurrent contributions do not queue on one
     * monitor. A rotation's wrapped DEK rides on the first record sealed with the new key.
     */
    public List<EncryptedRecord> encryptAll(String datasetId, List<byte[]> plaintexts, List<byte[]> aads)
            throws CryptoException {
        Objects.requireNonNull(datasetId, "datasetId");
        if (plaintexts.size() != aads.size()) {
            throw new IllegalArgumentException("one aad per plaintext");
        }
        record Slice(Current key, int count, Optional<WrappedDek> created) {
        }
        List<Slice> slices = new ArrayList<>();
        synchronized (this) {
            int remaining = plaintexts.size();
            while (remaining > 0) {
                Optional<WrappedDek> created = Optional.empty();
                Current current = currentByDataset.get(datasetId);
                if (current == null || exhausted(current)) {
                    created = Optional.of(rotate(datasetId));
                    current = currentByDataset.get(datasetId);
                }
                int n = (int) Math.min(remaining, policy.maxRecords() - current.used);
                current.used += n;
                slices.add(new Slice(current, n, created));
                remaining -= n;
            }
        }
        List<EncryptedRecord> out = new ArrayList<>(plaintexts.size());
        int i = 0;
        for (Slice slice : slices) {
            for (int k = 0; k < slice.count(); k++, i++) {
                byte[] value = StoredRecordValue.encode(slice.key().keyId,
                        slice.key().key.seal(plaintexts.get(i), aads.get(i)));
                out.add(new EncryptedRecord(value, slice.key().keyId, k == 0 ? slice.created() : Optional.empty()));
            }
        }
        return out;
    }

    /** Opens a stored-record value: UNKNOWN_KEY if its DEK was neither made nor loaded here. */
    public synchronized byte[] decrypt(byte[] value, byte[] aad) throws CryptoException {
        String keyId = StoredRecordValue.keyIdOf(value);
        AesGcmKey key = byKeyId.get(keyId);
        if (key == null) {
            throw new CryptoException(CryptoException.Reason.UNKNOWN_KEY, "no DEK " + keyId);
        }
        return key.open(StoredRecordValue.sealedPart(value), aad);
    }

    /** Unwraps a DEK read back from {@code dsx.keys} at start, for decryption. */
    public synchronized void load(WrappedDek wrapped) throws CryptoException {
        if (!byKeyId.containsKey(wrapped.keyId())) {
            byKeyId.put(wrapped.keyId(), kms.unwrap(wrapped.wrapped()));
        }
    }

    /** The key id new records of {@code datasetId} would be sealed with, if a write DEK exists. */
    public synchronized Optional<String> currentKeyId(String datasetId) {
        return Optional.ofNullable(currentByDataset.get(datasetId)).map(c -> c.keyId);
    }

    private boolean exhausted(Current c) {
        Duration age = Duration.between(c.createdAt, clock.instant());
        return c.used >= policy.maxRecords() || age.compareTo(policy.maxAge()) >= 0;
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
