package io.dsx.gateway.keys;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.dek.DekManager;
import io.dsx.crypto.dek.DekPolicy;
import io.dsx.crypto.dek.WrappedDek;
import io.dsx.crypto.keys.GatewayKeyStore;
import io.dsx.crypto.kms.KeyManagementService;
import io.dsx.crypto.kms.Pkcs12KeyManagementService;
import io.dsx.gateway.kafka.TopicFollower;
import io.dsx.gateway.kafka.Topics;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every key the gateway holds. Built once at start (fail fast: a wrong password or an unreadable file
 * stops the gateway with a message naming the file), then shared; the DEK manager is thread-safe.
 */
public final class GatewayKeys {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayKeys.class);

    private final GatewayKeyStore keyStore;
    private final DekManager deks;
    /** DEK ids known to be on dsx.keys (committed); others must go into the next transaction. */
    private final java.util.Set<String> persisted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** DEKs this gateway created, by id, until they are known to be persisted. */
    private final java.util.Map<String, WrappedDek> created = new java.util.concurrent.ConcurrentHashMap<>();

    private TopicFollower follower;

    private GatewayKeys(GatewayKeyStore keyStore, DekManager deks) {
        this.keyStore = keyStore;
        this.deks = deks;
    }

    public static GatewayKeys load(
            KeySettings settings, Map<String, Object> consumerConfig, Clock clock, SecureRandom random) {
        char[] password = settings.password().toCharArray();
        try {
            Files.createDirectories(settings.gatewayKeystore().toAbsolutePath().getParent());
            Files.createDirectories(settings.kmsKeystore().toAbsolutePath().getParent());
            GatewayKeyStore keyStore =
                    GatewayKeyStore.openOrCreate(settings.gatewayKeystore(), password, clock, random);
            KeyManagementService kms =
                    Pkcs12KeyManagementService.openOrCreate(settings.kmsKeystore(), password, random);
            if (!kms.hasKek(settings.kekName())) {
                kms.createKek(settings.kekName());
            }
            DekManager deks = new DekManager(
                    kms,
                    settings.kekName(),
                    new DekPolicy(settings.dekMaxRecords(), settings.dekMaxAge()),
                    clock,
                    random);
            GatewayKeys keys = new GatewayKeys(keyStore, deks);
            keys.follower =
                    TopicFollower.start(consumerConfig, Topics.KEYS, keys::load, java.time.Duration.ofMinutes(2));
            LOG.info(
                    "gateway keys ready: HPKE key {}, receipt key {}, {} wrapped DEKs loaded",
                    keyStore.currentHpkeKey().keyId(),
                    keyStore.receiptKeyId(),
                    keys.persisted.size());
            return keys;
        } catch (CryptoException e) {
            throw new IllegalStateException(
                    "cannot open the gateway's key stores (" + settings.gatewayKeystore() + ", "
                            + settings.kmsKeystore() + "): " + e.reason() + " " + e.getMessage(),
                    e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the key store folder: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private void load(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record) {
        try {
            WrappedDek wrapped = WrappedDek.fromBytes(record.value());
            if (persisted.add(wrapped.keyId()) && !created.containsKey(wrapped.keyId())) {
                deks.load(wrapped);
            }
            created.remove(wrapped.keyId());
        } catch (CryptoException e) {
            throw new IllegalStateException(
                    "dsx.keys offset " + record.offset() + ": cannot load wrapped DEK (" + e.reason() + ")");
        }
    }

    /** Remembers a DEK this gateway just created, to be written with the transaction that first uses it. */
    public void created(WrappedDek dek) {
        created.put(dek.keyId(), dek);
    }

    /** The wrapped DEK to write with a transaction using {@code keyId}, if dsx.keys may not hold it yet. */
    public java.util.Optional<WrappedDek> unpersisted(String keyId) {
        return persisted.contains(keyId)
                ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(created.get(keyId));
    }

    /** After a commit: these DEKs are on dsx.keys. */
    public void persistedNow(java.util.Collection<String> keyIds) {
        persisted.addAll(keyIds);
    }

    /** The follower of {@code dsx.keys} (for health: a stopped one means new DEKs of other gateways go unseen). */
    public java.util.Optional<TopicFollower> follower() {
        return java.util.Optional.ofNullable(follower);
    }

    public void close() {
        if (follower != null) {
            follower.close();
        }
    }

    public GatewayKeyStore keyStore() {
        return keyStore;
    }

    public DekManager deks() {
        return deks;
    }
}
