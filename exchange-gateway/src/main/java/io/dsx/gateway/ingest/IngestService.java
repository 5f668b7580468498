package io.dsx.gateway.ingest;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.dek.EncryptedRecord;
import io.dsx.crypto.dek.StoredRecordValue;
import io.dsx.crypto.hash.ConstantTime;
import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.gateway.security.DsxPrincipal;
import io.dsx.gateway.web.Outcome;
import io.dsx.gateway.web.Refusal.Code;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.envelope.ContributionOpener;
import io.dsx.schemas.envelope.EnvelopeFailure;
import io.dsx.schemas.envelope.EnvelopeLimits;
import io.dsx.schemas.envelope.EnvelopeResult;
import io.dsx.schemas.envelope.Manifest;
import io.dsx.schemas.envelope.OpenedContribution;
import io.dsx.schemas.envelope.OpenedRecord;
import io.dsx.schemas.envelope.VerifiedEnvelope;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import io.dsx.schemas.events.StoredRecordHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contribution path. Order matters and is the security argument:
 * <ol>
 *   <li>parse the envelope strictly (size-limited);</li>
 *   <li>the manifest names this dataset and the caller's institution; the caller owns the dataset;</li>
 *   <li>an id already accepted returns its first receipt (no write);</li>
 *   <li>the signer key is a registered, unrevoked key of the caller's institution, its certificate valid now;</li>
 *   <li>the signature verifies — before any decryption;</li>
 *   <li>HPKE open, count, Merkle root, every record decodes under the named schema version;</li>
 *   <li>each record encrypted at rest; records, new wrapped DEKs and the ledger entry in one transaction
 *       (shared with other contributions arriving at the same time: {@link GroupWriter}).</li>
 * </ol>
 * Logs name contributions and counts only, never record bytes, field values or keys.
 */
public final class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Catalog catalog;
    private final GatewayKeys keys;
    private final LedgerIndex ledger;
    private final GroupWriter writer;
    private final Clock clock;
    private final EnvelopeLimits limits;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final IngestMetrics metrics;

    IngestService(Catalog catalog, GatewayKeys keys, LedgerIndex ledger, ProducerPool producers,
                  IngestSettings settings, Clock clock, IngestFaults faults, IngestMetrics metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
        this.writer = new GroupWriter(producers, GroupWriter.Keys.of(keys), clock, faults, metrics, settings.maxGroupRecords());
        this.limits = new EnvelopeLimits(settings.maxContributionBytes(), settings.maxRecords());
        if (faults != null) {
            LOG.warn("ingest fault seam installed ({}): for tests only", faults.getClass().getSimpleName());
        }
    }

    public Outcome<Accepted> contribute(DsxPrincipal caller, String datasetId, byte[] body) {
        long t0 = System.nanoTime();
        EnvelopeResult<ContributionEnvelope> parsed = ContributionEnvelope.parse(body, limits);
        if (parsed instanceof EnvelopeResult.Failed<ContributionEnvelope> f) {
            return refused(f);
        }
        ContributionEnvelope envelope = parsed.value();
        Manifest manifest = envelope.manifest();
        String institution = caller.institution();
        if (!manifest.datasetId().equals(datasetId)) {
            return Outcome.refused(Code.MANIFEST_MISMATCH, "the manifest names dataset " + manifest.datasetId()
                    + ", the request dataset " + datasetId);
        }
        if (!manifest.institutionId().equals(institution)) {
            return Outcome.refused(Code.MANIFEST_MISMATCH, "the manifest names institution " + manifest.institutionId()
                    + ", the caller is " + institution);
        }
        Catalog.Dataset dataset = catalog.dataset(datasetId).orElse(null);
        if (dataset == null) {
            return Outcome.refused(Code.UNKNOWN_DATASET, "no dataset " + datasetId);
        }
        if (!dataset.owner().equals(institution)) {
            return Outcome.refused(Code.NOT_OWNER, "dataset " + datasetId + " belongs to another institution");
        }
        var earlier = ledger.find(manifest.contributionId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), envelope, institution);
        }
        Catalog.SignerKey key = catalog.institution(institution).map(i -> i.keys().get(manifest.signerKeyId())).orElse(null);
        if (key == null) {
            return catalog.ownerOfKey(manifest.signerKeyId()).isPresent()
                    ? Outcome.refused(Code.FOREIGN_KEY, "key " + manifest.signerKeyId() + " belongs to another institution")
                    : Outcome.refused(Code.UNKNOWN_KEY, "no registered key " + manifest.signerKeyId());
        }
        if (catalog.isRevoked(institution, key.keyId())) {
            return Outcome.refused(Code.KEY_REVOKED, "key " + key.keyId() + " has been revoked");
        }
        Instant now = clock.instant();
        if (now.isBefore(key.certificate().getNotBefore().toInstant())
                || now.isAfter(key.certificate().getNotAfter().toInstant())) {
            return Outcome.refused(Code.CERTIFICATE_NOT_VALID, "the certificate of key " + key.keyId() + " is valid from "
                    + key.certificate().getNotBefore().toInstant() + " to " + key.certificate().getNotAfter().toInstant()
                    + ", not now");
        }
        DatasetSchema schema = dataset.version(manifest.schemaVersion()).orElse(null);
        if (schema == null) {
            return Outcome.refused(Code.UNKNOWN_SCHEMA_VERSION, "dataset " + datasetId + " has no schema version "
                    + manifest.schemaVersion());
        }
        long t1 = System.nanoTime();
        EnvelopeResult<VerifiedEnvelope> verified = ContributionOpener.verify(envelope, key.certificate());
        long t2 = System.nanoTime();
        if (verified instanceof EnvelopeResult.Failed<VerifiedEnvelope> f) {
            return refused(f);
        }
        EnvelopeResult<OpenedContribution> opened = ContributionOpener.open(verified.value(),
                keys.keyStore()::open, schema, limits);
        if (opened instanceof EnvelopeResult.Failed<OpenedContribution> f) {
            return refused(f);
        }
        long t3 = System.nanoTime();
        metrics.record("check", t1 - t0);
        metrics.record("verify", t2 - t1);
        metrics.record("open", t3 - t2);
        if (!inFlight.add(manifest.contributionId())) {
            return Outcome.refused(Code.CONTRIBUTION_IN_PROGRESS, "contribution " + manifest.contributionId()
                    + " is being written right now; retry to get its receipt");
        }
        try {
            var again = ledger.find(manifest.contributionId());
            if (again.isPresent()) {
                return replay(again.get(), envelope, institution);
            }
            return Outcome.ok(write(opened.value(), envelope, dataset, schema));
        } finally {
            inFlight.remove(manifest.contributionId());
        }
    }

    private Outcome<Accepted> replay(LedgerIndex.Located earlier, ContributionEnvelope envelope, String institution) {
        LedgerEntry entry = earlier.entry();
        if (!entry.manifest().institutionId().equals(institution)
                || !ConstantTime.equals(entry.payloadDigest(), envelope.payloadDigest())
                || !entry.manifest().equals(envelope.manifest())) {
            return Outcome.refused(Code.MANIFEST_MISMATCH, "contribution id " + entry.manifest().contributionId()
                    + " was already used for other content");
        }
        return Outcome.ok(new Accepted(receipt(earlier), institution, true));
    }

    private Receipt receipt(LedgerIndex.Located located) {
        return Receipt.sign(located.entry().receiptBody(located.partition(), located.offset(),
                keys.keyStore().receiptKey().algorithm().wireName()), keys.keyStore().receiptKey());
    }

    private Accepted write(OpenedContribution opened, ContributionEnvelope envelope, Catalog.Dataset dataset,
                           DatasetSchema schema) {
        Manifest manifest = envelope.manifest();
        String topic = Topics.data(dataset.id());
        long start = System.nanoTime();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(opened.records().size());
        Set<String> dekIds = new LinkedHashSet<>();
        String keyField = schema.keyField().map(f -> f.name()).orElse(null);
        List<byte[]> plaintexts = new ArrayList<>(opened.records().size());
        List<byte[]> aads = new ArrayList<>(opened.records().size());
        for (OpenedRecord r : opened.records()) {
            plaintexts.add(concat(r.salt(), r.bytes()));
            aads.add(StoredRecordValue.aad(dataset.id(), manifest.schemaVersion(), manifest.contributionId(), r.index()));
        }
        List<EncryptedRecord> sealed;
        try {
            sealed = keys.deks().encryptAll(dataset.id(), plaintexts, aads);
        } catch (CryptoException e) {
            throw new IllegalStateException("record encryption failed (" + e.reason() + ")", e);
        } finally {
            plaintexts.forEach(p -> Arrays.fill(p, (byte) 0));
        }
        // DESIGN 3.2 headers: those equal for the whole contribution are made once and shared (read-only)
        Header contributionHeader = header(StoredRecordHeaders.CONTRIBUTION_ID, manifest.contributionId());
        Header versionHeader = header(StoredRecordHeaders.SCHEMA_VERSION, Integer.toString(manifest.schemaVersion()));
        Map<String, Header> keyIdHeaders = new HashMap<>();
        for (OpenedRecord r : opened.records()) {
            EncryptedRecord encrypted = sealed.get((int) r.index());
            encrypted.newDek().ifPresent(keys::created);
            dekIds.add(encrypted.keyId());
            Headers headers = new RecordHeaders(new Header[] {contributionHeader,
                header(StoredRecordHeaders.LEAF_INDEX, Long.toString(r.index())), versionHeader,
                keyIdHeaders.computeIfAbsent(encrypted.keyId(), id -> header(StoredRecordHeaders.KEY_ID, id))});
            byte[] key = null;
            if (keyField != null && r.value().get(keyField) != null) {
                key = r.value().get(keyField).toString().getBytes(StandardCharsets.UTF_8);
            }
            records.add(new ProducerRecord<>(topic, null, key, encrypted.value(), headers));
        }
        metrics.record("encrypt", System.nanoTime() - start);
        LedgerIndex.Located located;
        try {
            located = writer.write(new GroupWriter.Pending(envelope, records, dekIds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the contribution", e);
        }
        ledger.put(located);
        LOG.info("contribution {} accepted: {} records of dataset {} (ledger offset {})",
                manifest.contributionId(), records.size(), dataset.id(), located.offset());
        return new Accepted(receipt(ledger.find(manifest.contributionId()).orElse(located)), manifest.institutionId(), false);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static <T> Outcome<Accepted> refused(EnvelopeResult.Failed<T> f) {
        Code code = switch (f.reason()) {
            case MALFORMED -> Code.MALFORMED_ENVELOPE;
            case TOO_LARGE -> Code.TOO_LARGE;
            case UNSUPPORTED_VERSION -> Code.UNSUPPORTED_VERSION;
            case UNSUPPORTED_ALGORITHM -> Code.UNSUPPORTED_ALGORITHM;
            case BAD_SIGNATURE -> Code.BAD_SIGNATURE;
            case UNKNOWN_RECIPIENT_KEY -> Code.UNKNOWN_RECIPIENT_KEY;
            case DECRYPT_FAILED -> Code.DECRYPT_FAILED;
            case MERKLE_MISMATCH -> Code.MERKLE_MISMATCH;
            case COUNT_MISMATCH -> Code.COUNT_MISMATCH;
            case BAD_RECORD -> Code.RECORD_INVALID;
        };
        return Outcome.refused(code, f.detail());
    }

}
