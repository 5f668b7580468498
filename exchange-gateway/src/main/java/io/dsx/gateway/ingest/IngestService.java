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
import io.dsx.schemas.events.RecordSegment;
import io.dsx.schemas.events.StoredRecordHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contribution path. Order matters and is the security argument:
 * <ol>
 *   <li>parse the envelope strictly (size-limited);</li>
 *   <li>the manifest names this dataset and the caller's institution; the caller owns the dataset;</li>
 *   <li>an id already accepted returns its first receipt (no write);</li>
 *   <li>the signer key is a registered, unrevoked key of the caller's institution;</li>
 *   <li>the signature verifies — before any decryption;</li>
 *   <li>HPKE open, count, Merkle root, every record decodes under the named schema version;</li>
 *   <li>each record encrypted at rest; records, new wrapped DEKs and the ledger entry in one transaction.</li>
 * </ol>
 * Logs name contributions and counts only, never record bytes, field values or keys.
 */
public final class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Catalog catalog;
    private final GatewayKeys keys;
    private final LedgerIndex ledger;
    private final ProducerPool producers;
    private final EnvelopeLimits limits;
    private final Clock clock;
    private final IngestFaults faults;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final IngestMetrics metrics;

    IngestService(Catalog catalog, GatewayKeys keys, LedgerIndex ledger, ProducerPool producers,
                  IngestSettings settings, Clock clock, IngestFaults faults, IngestMetrics metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.keys = keys;
        this.ledger = ledger;
        this.producers = producers;
        this.limits = new EnvelopeLimits(settings.maxContributionBytes(), settings.maxRecords());
        this.clock = clock;
        this.faults = faults;
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
        for (OpenedRecord r : opened.records()) {
            EncryptedRecord encrypted = sealed.get((int) r.index());
            encrypted.newDek().ifPresent(keys::created);
            dekIds.add(encrypted.keyId());
            RecordHeaders headers = new RecordHeaders();
            new StoredRecordHeaders(manifest.contributionId(), r.index(), manifest.schemaVersion(), encrypted.keyId())
                    .encode().forEach(headers::add);
            byte[] key = null;
            if (keyField != null && r.value().get(keyField) != null) {
                key = r.value().get(keyField).toString().getBytes(StandardCharsets.UTF_8);
            }
            records.add(new ProducerRecord<>(topic, null, key, encrypted.value(), headers));
        }
        long encrypted = System.nanoTime();
        Producer<byte[], byte[]> producer;
        try {
            producer = producers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a producer", e);
        }
        boolean healthy = true;
        long acquired = System.nanoTime();
        metrics.record("encrypt", encrypted - start);
        metrics.record("wait_producer", acquired - encrypted);
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> record : records) {
                sent.add(producer.send(record));
            }
            List<String> dekWritten = new ArrayList<>();
            for (String dekId : dekIds) {
                keys.unpersisted(dekId).ifPresent(w -> {
                    producer.send(new ProducerRecord<>(Topics.KEYS, w.keyId().getBytes(StandardCharsets.UTF_8), w.toBytes()));
                    dekWritten.add(w.keyId());
                });
            }
            List<RecordSegment> segments = segments(sent);
            Instant acceptedAt = clock.instant();
            LedgerEntry entry = LedgerEntry.of(envelope, acceptedAt, keys.keyStore().receiptKeyId(), segments);
            // its offset is known once the commit has flushed it: no extra round trip inside the transaction
            Future<RecordMetadata> ledgerWrite = producer.send(new ProducerRecord<>(Topics.LEDGER,
                    manifest.contributionId().getBytes(StandardCharsets.UTF_8), entry.toBytes()));
            if (faults != null) {
                faults.beforeCommit(manifest.contributionId());
            }
            long sentAll = System.nanoTime();
            producer.commitTransaction();
            RecordMetadata at = ledgerWrite.get();
            metrics.record("produce", sentAll - acquired);
            metrics.record("commit", System.nanoTime() - sentAll);
            keys.persistedNow(dekWritten);
            LedgerIndex.Located located = new LedgerIndex.Located(entry, at.partition(), at.offset());
            ledger.put(located);
            LOG.info("contribution {} accepted: {} records of dataset {} (ledger offset {})",
                    manifest.contributionId(), records.size(), dataset.id(), at.offset());
            return new Accepted(receipt(ledger.find(manifest.contributionId()).orElse(located)), manifest.institutionId(), false);
        } catch (ProducerFencedException e) {
            healthy = false;
            throw new IllegalStateException("ingest producer fenced (is another gateway using the name?)", e);
        } catch (Exception e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortFailed) {
                healthy = false;
            }
            LOG.warn("contribution {} aborted: {}", manifest.contributionId(), e.getClass().getSimpleName());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the contribution could not be written; nothing of it is visible", e);
        } finally {
            if (healthy) {
                producers.release(producer);
            } else {
                producers.discard(producer);
            }
        }
    }

    private static List<RecordSegment> segments(List<Future<RecordMetadata>> sent) throws Exception {
        Map<Integer, long[]> byPartition = new TreeMap<>(); // partition -> {first, last, count}
        for (Future<RecordMetadata> f : sent) {
            RecordMetadata m = f.get();
            long[] s = byPartition.computeIfAbsent(m.partition(), p -> new long[] {Long.MAX_VALUE, -1, 0});
            s[0] = Math.min(s[0], m.offset());
            s[1] = Math.max(s[1], m.offset());
            s[2]++;
        }
        List<RecordSegment> segments = new ArrayList<>();
        byPartition.forEach((p, s) -> segments.add(new RecordSegment(p, s[0], s[1], s[2])));
        return segments;
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
