package io.dsx.gateway.catalog;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.keys.KeyIds;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.gateway.kafka.TopicAdmin;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.outcome.Outcome;
import io.dsx.gateway.outcome.Refusal.Code;
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
 * Changes to the catalog: validated here against the local view, written to {@code dsx.catalog}
 * (acknowledged by the broker), and answered once the gateway's follower has applied the topic up to
 * that record. Whether a claim (dataset id, institution id, certificate, schema version) won is
 * decided by the topic's order, the same on every gateway ({@link Catalog}): a claim another gateway
 * wrote first makes this one lose, and the caller gets the 409 (or 422 for a certificate) it would
 * have got had it come second. Serialized per gateway.
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

    public CatalogService(
            Catalog catalog,
            Producer<String, byte[]> producer,
            TopicAdmin topics,
            Clock clock,
            java.security.SecureRandom random) {
        this.catalog = catalog;
        this.producer = producer;
        this.topics = topics;
        this.clock = clock;
        this.eventIds = new io.dsx.schemas.envelope.UuidV7(clock, random);
    }

    public synchronized Outcome<Catalog.Institution> registerInstitution(
            String actor, String id, String name, List<String> certificatePems) {
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
        java.util.Set<String> keyIds = new java.util.HashSet<>();
        for (String pem : certificatePems) {
            Outcome<X509Certificate> cert = certificate(pem);
            if (cert instanceof Outcome.Refused<X509Certificate> r) {
                return new Outcome.Refused<>(r.refusal());
            }
            X509Certificate c = ((Outcome.Ok<X509Certificate>) cert).value();
            String keyId = KeyIds.of(c);
            if (!keyIds.add(keyId)) {
                return Outcome.refused(Code.CERTIFICATE_IN_USE, "certificate " + keyId + " is given twice");
            }
            if (catalog.ownerOfKey(keyId).isPresent()) {
                return inUse(keyId);
            }
            certs.add(c);
        }
        String claim = write(actor, new CatalogChange.InstitutionRegistered(id, name, signers(certs)));
        if (!won("institution:" + id, claim)) {
            return catalog.institution(id).isPresent()
                    ? Outcome.refused(
                            Code.INSTITUTION_EXISTS, "institution " + id + " was registered first by another request")
                    : inUse(keyIds.iterator().next());
        }
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
        if (inst.keys().containsKey(keyId)) {
            return Outcome.refused(Code.KEY_EXISTS, "key " + keyId + " is already registered");
        }
        if (catalog.ownerOfKey(keyId).isPresent()) {
            return inUse(keyId);
        }
        if (inst.keys().size() >= MAX_CERTIFICATES) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "an institution has at most " + MAX_CERTIFICATES + " keys");
        }
        List<X509Certificate> certs = new ArrayList<>(inst.keys().values().stream()
                .map(Catalog.SignerKey::certificate)
                .toList());
        certs.add(c);
        String claim = write(actor, new CatalogChange.InstitutionRegistered(inst.id(), inst.name(), signers(certs)));
        if (!won("key:" + keyId, claim)) {
            return catalog.institution(institutionId).orElseThrow().keys().containsKey(keyId)
                    ? Outcome.refused(Code.KEY_EXISTS, "key " + keyId + " is already registered")
                    : inUse(keyId);
        }
        return Outcome.ok(
                catalog.institution(institutionId).orElseThrow().keys().get(keyId));
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

    public synchronized Outcome<Catalog.Dataset> registerDataset(
            String actor,
            String owner,
            String id,
            String title,
            String description,
            List<String> duo,
            String schemaJson) {
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
        if (codes.size() > 32
                || codes.stream().anyMatch(c -> c == null || !DUO.matcher(c).matches())) {
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
        String claim = write(
                actor,
                new CatalogChange.DatasetRegistered(
                        id, owner, title, description == null ? "" : description, List.copyOf(codes), schemaJson));
        if (!won("dataset:" + id, claim)) {
            return Outcome.refused(Code.DATASET_EXISTS, "dataset " + id + " was registered first by another request");
        }
        return Outcome.ok(catalog.dataset(id).orElseThrow());
    }

    public synchronized Outcome<Integer> addSchemaVersion(
            String actor, String institution, String datasetId, String schemaJson) {
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
            return Outcome.refused(
                    Code.INCOMPATIBLE_SCHEMA,
                    "not backward compatible with version " + d.latestVersion() + ": "
                            + String.join("; ", compatible.reasons()));
        }
        int next = d.latestVersion() + 1;
        String claim = write(actor, new CatalogChange.SchemaVersionAdded(datasetId, next, schemaJson));
        if (!won("schema:" + datasetId + ":" + next, claim)) {
            return Outcome.refused(
                    Code.CONCURRENT_CHANGE,
                    "schema version " + next + " of " + datasetId
                            + " was added first by another request; read it and try again");
        }
        return Outcome.ok(next);
    }

    /** One certificate belongs to one institution: revoking it for one must not leave it live for another. */
    private static <T> Outcome<T> inUse(String keyId) {
        return Outcome.refused(
                Code.CERTIFICATE_IN_USE,
                "certificate " + keyId + " is registered to another institution; each institution needs its own key");
    }

    /**
     * A certificate an institution may sign contributions with: parseable, an accepted algorithm, not
     * expired, KeyUsage present with digitalSignature (RFC 5280 §4.2.1.3), and not a CA
     * (BasicConstraints cA false or absent, §4.2.1.9): a CA key signs certificates, not data.
     */
    private Outcome<X509Certificate> certificate(String pem) {
        if (pem == null || pem.length() > 64 * 1024) {
            return Outcome.refused(Code.INVALID_CERTIFICATE, "a PEM certificate of at most 64 KiB is required");
        }
        try {
            X509Certificate c = Pem.readCertificate(pem);
            SignatureAlgorithm.forCertificate(c);
            if (!c.getNotAfter().toInstant().isAfter(clock.instant())) {
                return Outcome.refused(
                        Code.INVALID_CERTIFICATE,
                        "the certificate expired at " + c.getNotAfter().toInstant());
            }
            boolean[] usage = c.getKeyUsage();
            if (usage == null || usage.length == 0 || !usage[0]) {
                return Outcome.refused(
                        Code.INVALID_CERTIFICATE, "the certificate's key usage must include digitalSignature");
            }
            if (c.getBasicConstraints() != -1) {
                return Outcome.refused(
                        Code.INVALID_CERTIFICATE,
                        "the certificate is a CA certificate; register the institution's signing certificate instead");
            }
            return Outcome.ok(c);
        } catch (CryptoException e) {
            return Outcome.refused(
                    Code.INVALID_CERTIFICATE,
                    "not a usable certificate: " + e.reason().name().toLowerCase()
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

    /**
     * The record key on the compacted {@code dsx.catalog}. Claims (registrations, key additions, schema
     * versions) carry their event id, so no later record ever shares a first claim's key and
     * compaction cannot drop it (or let a later competing claim be the only one left); a revocation is
     * idempotent and keeps one key per revoked key.
     */
    static String compactionKey(String eventId, CatalogChange change) {
        if (change instanceof CatalogChange.InstitutionRegistered e) {
            return "institution:" + e.institutionId() + ":" + eventId;
        } else if (change instanceof CatalogChange.KeyRevoked e) {
            return "revocation:" + e.institutionId() + ":" + e.keyId();
        } else if (change instanceof CatalogChange.DatasetRegistered e) {
            return "dataset:" + e.datasetId() + ":" + eventId;
        } else if (change instanceof CatalogChange.SchemaVersionAdded e) {
            return "schema:" + e.datasetId() + ":" + e.schemaVersion() + ":" + eventId;
        }
        throw new IllegalArgumentException("unknown catalog change " + change);
    }

    private static final java.time.Duration APPLY_TIMEOUT = java.time.Duration.ofSeconds(30);

    /** Writes the event and waits until this gateway's view has applied it; returns its event id. */
    private String write(String actor, CatalogChange event) {
        String eventId = eventIds.next().toString();
        CatalogEvent envelope = new CatalogEvent(CatalogEvent.VERSION, eventId, clock.instant(), actor, event);
        try {
            long offset = producer.send(
                            new ProducerRecord<>(Topics.CATALOG, compactionKey(eventId, event), envelope.toBytes()))
                    .get(30, TimeUnit.SECONDS)
                    .offset();
            if (!catalog.awaitApplied(offset, APPLY_TIMEOUT)) {
                throw new IllegalStateException(
                        "dsx.catalog offset " + offset + " not applied within " + APPLY_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to dsx.catalog", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dsx.catalog write failed: " + e.getMessage(), e);
        }
        return eventId;
    }

    private boolean won(String claim, String eventId) {
        return catalog.claimedBy(claim).filter(eventId::equals).isPresent();
    }
}
