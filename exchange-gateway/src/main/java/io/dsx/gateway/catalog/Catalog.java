package io.dsx.gateway.catalog;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.keys.KeyIds;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.dataset.DatasetSchemaException;
import io.dsx.schemas.events.CatalogChange;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory view of {@code dsx.catalog} (events: schemas' {@code CatalogEvent}), applied in the
 * topic's order only (one partition), so every gateway builds the same view.
 *
 * <p>Ownership is decided by that order: the first claim wins (docs/decisions/2026-12-07-catalog-claims.md).
 * A dataset id, an institution id, a schema version and a certificate (key id) each belong to the
 * first event that claims them; a later competing claim is ignored on every gateway, live or at a
 * replay. Claims are written under keys unique to the event ({@link CatalogService}), so compaction,
 * which keeps the last record per key, never removes the first claim and never lets a later one take
 * over. An {@code InstitutionRegistered} for an institution that exists is a key update if it lists
 * at least one of its keys (keys are never removed, only revoked), and then adds the keys nobody
 * owns yet; otherwise it is a competing registration and loses. The writer learns whether its claim
 * won through {@link #awaitApplied} and {@link #claimedBy}. Readers see immutable snapshots.
 */
public final class Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

    public record SignerKey(String keyId, X509Certificate certificate, String algorithm) {}

    public record Institution(String id, String name, Map<String, SignerKey> keys) {
        public Institution {
            keys = Map.copyOf(keys);
        }
    }

    public record Dataset(
            String id,
            String owner,
            String title,
            String description,
            List<String> duo,
            TreeMap<Integer, DatasetSchema> versions) {
        public int latestVersion() {
            return versions.lastKey();
        }

        public DatasetSchema latest() {
            return versions.lastEntry().getValue();
        }

        public Optional<DatasetSchema> version(int v) {
            return Optional.ofNullable(versions.get(v));
        }
    }

    private final Map<String, Institution> institutions = new ConcurrentHashMap<>();
    private final Map<String, String> revocations = new ConcurrentHashMap<>(); // institution:keyId -> reason
    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    /** claim ({@code dataset:<id>}, {@code institution:<id>}, {@code key:<keyId>}, {@code schema:<id>:<v>}) -> winning event id */
    private final Map<String, String> claims = new ConcurrentHashMap<>();

    private long appliedOffset = -1;

    /** Applies the record at {@code offset} of {@code dsx.catalog}; called by its follower only, in order. */
    public synchronized void apply(long offset, String eventId, CatalogChange event) {
        apply(eventId, event);
        appliedOffset = Math.max(appliedOffset, offset);
        notifyAll();
    }

    synchronized void apply(String eventId, CatalogChange event) {
        if (event instanceof CatalogChange.InstitutionRegistered e) {
            applyInstitution(eventId, e);
        } else if (event instanceof CatalogChange.KeyRevoked e) {
            revocations.put(e.institutionId() + ":" + e.keyId(), e.reason());
        } else if (event instanceof CatalogChange.DatasetRegistered e) {
            if (claims.putIfAbsent("dataset:" + e.datasetId(), eventId) == null) {
                TreeMap<Integer, DatasetSchema> versions = new TreeMap<>();
                versions.put(1, parse(e.schema(), e.datasetId()));
                datasets.put(
                        e.datasetId(),
                        new Dataset(
                                e.datasetId(),
                                e.ownerInstitutionId(),
                                e.title(),
                                e.description(),
                                List.copyOf(e.duo()),
                                versions));
            }
        } else if (event instanceof CatalogChange.SchemaVersionAdded e) {
            Dataset d = datasets.get(e.datasetId());
            if (d == null) {
                LOG.warn("catalog: schema version for unknown dataset {} ignored", e.datasetId());
                return;
            }
            if (claims.putIfAbsent("schema:" + e.datasetId() + ":" + e.schemaVersion(), eventId) == null
                    && !d.versions().containsKey(e.schemaVersion())) {
                TreeMap<Integer, DatasetSchema> versions = new TreeMap<>(d.versions());
                versions.put(e.schemaVersion(), parse(e.schema(), e.datasetId()));
                datasets.put(d.id(), new Dataset(d.id(), d.owner(), d.title(), d.description(), d.duo(), versions));
            }
        }
    }

    private void applyInstitution(String eventId, CatalogChange.InstitutionRegistered e) {
        Map<String, SignerKey> listed = new LinkedHashMap<>();
        for (CatalogChange.SignerCertificate sc : e.certificates()) {
            X509Certificate c = certificate(sc.certificateDer());
            listed.put(KeyIds.of(c), new SignerKey(KeyIds.of(c), c, algorithmOf(c)));
        }
        Institution existing = institutions.get(e.institutionId());
        if (existing == null) {
            // a registration: wins only whole, if no certificate of it belongs to another institution yet
            if (listed.keySet().stream().anyMatch(k -> claims.containsKey("key:" + k))) {
                return;
            }
            claims.put("institution:" + e.institutionId(), eventId);
            listed.keySet().forEach(k -> claims.put("key:" + k, eventId));
            institutions.put(e.institutionId(), new Institution(e.institutionId(), e.displayName(), listed));
            return;
        }
        if (listed.keySet().stream().noneMatch(existing.keys()::containsKey)) {
            return; // a competing registration of the same id: the first one won
        }
        Map<String, SignerKey> keys = new LinkedHashMap<>(existing.keys());
        listed.forEach((keyId, key) -> {
            if (!keys.containsKey(keyId) && claims.putIfAbsent("key:" + keyId, eventId) == null) {
                keys.put(keyId, key);
            }
        });
        institutions.put(existing.id(), new Institution(existing.id(), existing.name(), keys));
    }

    /** The event id that won {@code claim}, if any event claimed it. */
    public Optional<String> claimedBy(String claim) {
        return Optional.ofNullable(claims.get(claim));
    }

    /** Waits until the record at {@code offset} (or a later one) has been applied; false on timeout. */
    public synchronized boolean awaitApplied(long offset, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (appliedOffset < offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException e) {
            // it was validated before it was written; a bad one on the topic is corruption
            throw new IllegalStateException("dsx.catalog holds a certificate that is not valid DER X.509", e);
        }
    }

    private static String algorithmOf(X509Certificate c) {
        try {
            return SignatureAlgorithm.forCertificate(c).wireName();
        } catch (CryptoException e) {
            return "unsupported";
        }
    }

    private static DatasetSchema parse(String schema, String datasetId) {
        try {
            return DatasetSchema.parse(schema);
        } catch (DatasetSchemaException e) {
            // it was validated before it was written; a bad one on the topic is corruption
            throw new IllegalStateException("dsx.catalog holds an invalid schema for dataset " + datasetId, e);
        }
    }

    public Optional<Institution> institution(String id) {
        return Optional.ofNullable(institutions.get(id));
    }

    public boolean isRevoked(String institutionId, String keyId) {
        return revocations.containsKey(institutionId + ":" + keyId);
    }

    /** The institution owning {@code keyId}, if any institution registered it (the first to claim it). */
    public Optional<Institution> ownerOfKey(String keyId) {
        return institutions.values().stream()
                .filter(i -> i.keys().containsKey(keyId))
                .findFirst();
    }

    public Optional<Dataset> dataset(String id) {
        return Optional.ofNullable(datasets.get(id));
    }

    public Collection<Dataset> datasets() {
        return List.copyOf(new TreeMap<>(datasets).values());
    }

    public Set<String> institutionIds() {
        return Set.copyOf(institutions.keySet());
    }
}
