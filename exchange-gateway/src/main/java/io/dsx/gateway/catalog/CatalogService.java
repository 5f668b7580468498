package io.dsx.gateway.catalog;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.keys.KeyIds;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.gateway.kafka.TopicAdmin;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.web.Outcome;
import io.dsx.gateway.web.Refusal.Code;
import io.dsx.schemas.dataset.Compatibility;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.dataset.DatasetSchemaException;
import io.dsx.schemas.events.CatalogChange;
import io.dsx.schemas.events.CatalogEvent;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Changes to the catalog: validated here, written to {@code dsx.catalog} (acknowledged by the broker),
 * then applied to the local view. Serialized per gateway; ids are unique per catalog.
 */
public final class CatalogService {

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DUO = Pattern.compile("DUO:[0-9]{7}(:[A-Za-z0-9._-]{1,64})?");
    private static final int MAX_CERTIFICATES = 16;

    private final Catalog catalog;
    private final Producer<String, byte[]> producer;
    private final TopicAdmin topics;
    private final Clock clock;
    private final io.dsx.schemas.envelope.UuidV7 eventIds;

    public CatalogService(Catalog catalog, Producer<String, byte[]> producer, TopicAdmin topics, Clock clock,
                          java.security.SecureRandom random) {
        this.catalog = catalog;
        this.producer = producer;
        this.topics = topics;
        this.clock = clock;
        this.eventIds = new io.dsx.schemas.envelope.UuidV7(clock, random);
    }

    public synchronized Outcome<Catalog.Institution> registerInstitution(String actor, String id, String name,
                                                                         List<String> certificatePems) {
        if (id == null || !ID.matcher(id).matches()) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "institution id must match " + ID.pattern());
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "name is required, at most 200 characters");
        }
        if (catalog.institution(id).isPresent()) {
            return Outcome.refused(Code.INSTITUTION_EXISTS, "institution " + id + " is already registered");
        }
        if (certificatePems == null || certificatePems.isEmpty() || certificatePems.size() > MAX_CERTIFICATES) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "1 to " + MAX_CERTIFICATES + " certificates are required");
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (String pem : certificatePems) {
            Outcome<X509Certificate> cert = certificate(pem);
            if (cert instanceof Outcome.Refused<X509Certificate> r) {
                return new Outcome.Refused<>(r.refusal());
            }
            certs.add(((Outcome.Ok<X509Certificate>) cert).value());
        }
        write(actor, new CatalogChange.InstitutionRegistered(id, name, signers(certs)));
        return Outcome.ok(catalog.institution(id).orElseThrow());
    }

    public synchronized Outcome<Catalog.SignerKey> addKey(String actor, String institutionId, String pem) {
        Catalog.Institution inst = catalog.institution(institutionId).orElse(null);
        if (inst == null) {
            return Outcome.refused(Code.UNKNOWN_INSTITUTION, "no institution " + institutionId);
        }
        Outcome<X509Certificate> cert = certificate(pem);
        if (cert instanceof Outcome.Refused<X509Certificate> r) {
            return new Outcome.Refused<>(r.refusal());
        }
        X509Certificate c = ((Outcome.Ok<X509Certificate>) cert).value();
        String keyId = KeyIds.of(c);
        if (inst.keys().containsKey(keyId) || catalog.ownerOfKey(keyId).isPresent()) {
            return Outcome.refused(Code.KEY_EXISTS, "key " + keyId + " is already registered");
        }
        if (inst.keys().size() >= MAX_CERTIFICATES) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "an institution has at most " + MAX_CERTIFICATES + " keys");
        }
        List<X509Certificate> certs = new ArrayList<>(inst.keys().values().stream().map(Catalog.SignerKey::certificate).toList());
        certs.add(c);
        write(actor, new CatalogChange.InstitutionRegistered(inst.id(), inst.name(), signers(certs)));
        return Outcome.ok(catalog.institution(institutionId).orElseThrow().keys().get(keyId));
    }

    public synchronized Outcome<String> revokeKey(String actor, String institutionId, String keyId, String reason) {
        Catalog.Institution inst = catalog.institution(institutionId).orElse(null);
        if (inst == null) {
            return Outcome.refused(Code.UNKNOWN_INSTITUTION, "no institution " + institutionId);
        }
        if (keyId == null || !inst.keys().containsKey(keyId)) {
            return Outcome.refused(Code.UNKNOWN_KEY, "institution " + institutionId + " has no key " + keyId);
        }
        String why = reason == null || reason.isBlank() ? "revoked by operator" : reason;
        if (why.length() > 500) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "reason is at most 500 characters");
        }
        if (!catalog.isRevoked(institutionId, keyId)) {
            write(actor, new CatalogChange.KeyRevoked(institutionId, keyId, why));
        }
        return Outcome.ok(keyId);
    }

    public synchronized Outcome<Catalog.Dataset> registerDataset(String actor, String owner, String id, String title,
                                                                 String description, List<String> duo, String schemaJson) {
        if (id == null || !ID.matcher(id).matches()) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "dataset id must match " + ID.pattern());
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "title is required, at most 200 characters");
        }
        if (description != null && description.length() > 4000) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "description is at most 4000 characters");
        }
        List<String> codes = duo == null ? List.of() : duo;
        if (codes.size() > 32 || codes.stream().anyMatch(c -> c == null || !DUO.matcher(c).matches())) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "duo holds at most 32 codes like DUO:0000042");
        }
        if (catalog.dataset(id).isPresent()) {
            return Outcome.refused(Code.DATASET_EXISTS, "dataset " + id + " is already registered");
        }
        Outcome<DatasetSchema> schema = schema(schemaJson);
        if (schema instanceof Outcome.Refused<DatasetSchema> r) {
            return new Outcome.Refused<>(r.refusal());
        }
        topics.ensureDataTopic(id);
        write(actor, new CatalogChange.DatasetRegistered(id, owner, title, description == null ? "" : description,
                List.copyOf(codes), schemaJson));
        return Outcome.ok(catalog.dataset(id).orElseThrow());
    }

    public synchronized Outcome<Integer> addSchemaVersion(String actor, String institution, String datasetId,
                                                          String schemaJson) {
        Catalog.Dataset d = catalog.dataset(datasetId).orElse(null);
        if (d == null) {
            return Outcome.refused(Code.UNKNOWN_DATASET, "no dataset " + datasetId);
        }
        if (!d.owner().equals(institution)) {
            return Outcome.refused(Code.NOT_OWNER, "dataset " + datasetId + " belongs to another institution");
        }
        Outcome<DatasetSchema> parsed = schema(schemaJson);
        if (parsed instanceof Outcome.Refused<DatasetSchema> r) {
            return new Outcome.Refused<>(r.refusal());
        }
        Compatibility.Result compatible = Compatibility.check(d.latest(), ((Outcome.Ok<DatasetSchema>) parsed).value());
        if (!compatible.compatible()) {
            return Outcome.refused(Code.INCOMPATIBLE_SCHEMA, "not backward compatible with version "
                    + d.latestVersion() + ": " + String.join("; ", compatible.reasons()));
        }
        int next = d.latestVersion() + 1;
        write(actor, new CatalogChange.SchemaVersionAdded(datasetId, next, schemaJson));
        return Outcome.ok(next);
    }

    private Outcome<X509Certificate> certificate(String pem) {
        if (pem == null || pem.length() > 64 * 1024) {
            return Outcome.refused(Code.INVALID_CERTIFICATE, "a PEM certificate of at most 64 KiB is required");
        }
        try {
            X509Certificate c = Pem.readCertificate(pem);
            SignatureAlgorithm.forCertificate(c);
            if (!c.getNotAfter().toInstant().isAfter(clock.instant())) {
                return Outcome.refused(Code.INVALID_CERTIFICATE, "the certificate expired at "
                        + c.getNotAfter().toInstant());
            }
            return Outcome.ok(c);
        } catch (CryptoException e) {
            return Outcome.refused(Code.INVALID_CERTIFICATE, "not a usable certificate: " + e.reason().name().toLowerCase()
                    + " (Ed25519, ECDSA P-256 or RSA ≥ 2048 bits)");
        }
    }

    private static Outcome<DatasetSchema> schema(String json) {
        if (json == null || json.isBlank()) {
            return Outcome.refused(Code.INVALID_SCHEMA, "an Avro schema is required");
        }
        try {
            return Outcome.ok(DatasetSchema.parse(json));
        } catch (DatasetSchemaException e) {
            return Outcome.refused(Code.INVALID_SCHEMA, e.getMessage());
        }
    }

    private static List<CatalogChange.SignerCertificate> signers(List<X509Certificate> certs) {
        List<CatalogChange.SignerCertificate> out = new ArrayList<>();
        for (X509Certificate c : certs) {
            try {
                out.add(new CatalogChange.SignerCertificate(KeyIds.of(c), c.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
        }
        return out;
    }

    /** The compaction key: the latest event per key is all a replay needs. */
    static String compactionKey(CatalogChange change) {
        if (change instanceof CatalogChange.InstitutionRegistered e) {
            return "institution:" + e.institutionId();
        } else if (change instanceof CatalogChange.KeyRevoked e) {
            return "revocation:" + e.institutionId() + ":" + e.keyId();
        } else if (change instanceof CatalogChange.DatasetRegistered e) {
            return "dataset:" + e.datasetId();
        } else if (change instanceof CatalogChange.SchemaVersionAdded e) {
            return "schema:" + e.datasetId() + ":" + e.schemaVersion();
        }
        throw new IllegalArgumentException("unknown catalog change " + change);
    }

    private void write(String actor, CatalogChange event) {
        CatalogEvent envelope = new CatalogEvent(CatalogEvent.VERSION, eventIds.next().toString(), clock.instant(),
                actor, event);
        try {
            producer.send(new ProducerRecord<>(Topics.CATALOG, compactionKey(event), envelope.toBytes()))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to dsx.catalog", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dsx.catalog write failed: " + e.getMessage(), e);
        }
        catalog.apply(event);
    }
}
