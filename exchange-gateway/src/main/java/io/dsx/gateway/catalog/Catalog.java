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
 * The in-memory view of {@code dsx.catalog} (events: schemas' {@code CatalogEvent}). {@link #apply} is idempotent, so the events a gateway
 * writes itself and the same events seen again by its tailing consumer converge. Readers see
 * immutable snapshots.
 */
public final class Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

    public record SignerKey(String keyId, X509Certificate certificate, String algorithm) {
    }

    public record Institution(String id, String name, Map<String, SignerKey> keys) {
        public Institution {
            keys = Map.copyOf(keys);
        }
    }

    public record Dataset(String id, String owner, String title, String description, List<String> duo,
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

    public synchronized void apply(CatalogChange event) {
        if (event instanceof CatalogChange.InstitutionRegistered e) {
            Map<String, SignerKey> keys = new LinkedHashMap<>();
            for (CatalogChange.SignerCertificate sc : e.certificates()) {
                X509Certificate c = certificate(sc.certificateDer());
                keys.put(KeyIds.of(c), new SignerKey(KeyIds.of(c), c, algorithmOf(c)));
            }
            institutions.put(e.institutionId(), new Institution(e.institutionId(), e.displayName(), keys));
        } else if (event instanceof CatalogChange.KeyRevoked e) {
            revocations.put(e.institutionId() + ":" + e.keyId(), e.reason());
        } else if (event instanceof CatalogChange.DatasetRegistered e) {
            datasets.computeIfAbsent(e.datasetId(), id -> {
                TreeMap<Integer, DatasetSchema> versions = new TreeMap<>();
                versions.put(1, parse(e.schema(), id));
                return new Dataset(id, e.ownerInstitutionId(), e.title(), e.description(), List.copyOf(e.duo()), versions);
            });
        } else if (event instanceof CatalogChange.SchemaVersionAdded e) {
            Dataset d = datasets.get(e.datasetId());
            if (d == null) {
                LOG.warn("catalog: schema version for unknown dataset {} ignored", e.datasetId());
                return;
            }
            TreeMap<Integer, DatasetSchema> versions = new TreeMap<>(d.versions());
            versions.putIfAbsent(e.schemaVersion(), parse(e.schema(), e.datasetId()));
            datasets.put(d.id(), new Dataset(d.id(), d.owner(), d.title(), d.description(), d.duo(), versions));
        }
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

    /** The institution owning {@code keyId}, if any institution registered it. */
    public Optional<Institution> ownerOfKey(String keyId) {
        return institutions.values().stream().filter(i -> i.keys().containsKey(keyId)).findFirst();
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
