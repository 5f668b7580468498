package io.dsx.gateway.ingest;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.dek.DekLease;
import io.dsx.crypto.dek.WrappedDek;
import io.dsx.crypto.hash.ConstantTime;
import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.kafka.TopicAdmin;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.gateway.outcome.Outcome;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.security.DsxPrincipal;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.envelope.ContributionOpener;
import io.dsx.schemas.envelope.EnvelopeLimits;
import io.dsx.schemas.envelope.EnvelopeResult;
import io.dsx.schemas.envelope.Manifest;
import io.dsx.schemas.envelope.OpenedContribution;
import io.dsx.schemas.envelope.VerifiedEnvelope;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.stored.SegmentPlan;
import io.dsx.schemas.stored.StoredSegment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 *   <li>HPKE open, count, Merkle root, every record valid under the named schema version (bounded);</li>
 *   <li>cut into stored segments, each refused before any write if the topic would not take it, each
 *       sealed under the dataset's DEK; new wrapped DEKs and the segments written and acknowledged, then
 *       the ledger entry, the commit marker ({@link SegmentWriter}).</li>
 * </ol>
 * Logs name contributions and counts only, never record bytes, field values or keys.
 */
public final class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Catalog catalog;
    private final GatewayKeys keys;
    private final LedgerIndex ledger;
    /** Bytes a Kafka record batch adds around one value (batch header, record framing, the 16-byte key). */
    static final int KAFKA_RECORD_OVERHEAD = 512;

    private final SegmentWriter writer;
    private final TopicAdmin topics;
    private final int segmentBytes;
    private final Clock clock;
    private final EnvelopeLimits limits;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final IngestMetrics metrics;

    IngestService(
            Catalog catalog,
            GatewayKeys keys,
            LedgerIndex ledger,
            IngestProducers producers,
            TopicAdmin topics,
            IngestSettings settings,
            Clock clock,
            IngestFaults faults,
            IngestMetrics metrics) {
        this.topics = topics;
        this.segmentBytes = settings.segmentBytes();
        this.metrics = metrics;
        this.catalog = catalog;
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
        this.writer = new SegmentWriter(
                producers,
                new SegmentWriter.Keys() {
                    @Override
                    public void persisted(List<String> dekIds) {
                        keys.persistedNow(dekIds);
                    }

                    @Override
                    public String receiptKeyId() {
                        return keys.keyStore().receiptKeyId();
                    }
                },
                clock,
                faults,
                metrics);
        this.limits = new EnvelopeLimits(settings.maxContributionBytes(), settings.maxRecords());
        if (faults != null) {
            LOG.warn(
                    "ingest fault seam installed ({}): for tests only",
                    faults.getClass().getSimpleName());
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
            return Outcome.refused(
                    Code.MANIFEST_MISMATCH,
                    "the manifest names dataset " + manifest.datasetId() + ", the request dataset " + datasetId);
        }
        if (!manifest.institutionId().equals(institution)) {
            return Outcome.refused(
                    Code.MANIFEST_MISMATCH,
                    "the manifest names institution " + manifest.institutionId() + ", the caller is " + institution);
        }
        Catalog.Dataset dataset = catalog.dataset(datasetId).orElse(null);
        if (dataset == null) {
            return Outcome.refused(Code.UNKNOWN_DATASET, "no dataset " + datasetId);
        }
        if (!dataset.owner().equals(institution)) {
            return Outcome.refused(Code.NOT_OWNER, "dataset " + datasetId + " belongs to another institution");
        }
        if (ledger.contains(manifest.contributionId())) {
            return replay(ledger.find(manifest.contributionId()).orElseThrow(), envelope, institution);
        }
        Catalog.SignerKey key = catalog.institution(institution)
                .map(i -> i.keys().get(manifest.signerKeyId()))
                .orElse(null);
        if (key == null) {
            return catalog.ownerOfKey(manifest.signerKeyId()).isPresent()
                    ? Outcome.refused(
                            Code.FOREIGN_KEY, "key " + manifest.signerKeyId() + " belongs to another institution")
                    : Outcome.refused(Code.UNKNOWN_KEY, "no registered key " + manifest.signerKeyId());
        }
        if (catalog.isRevoked(institution, key.keyId())) {
            return Outcome.refused(Code.KEY_REVOKED, "key " + key.keyId() + " has been revoked");
        }
        Instant now = clock.instant();
        if (now.isBefore(key.certificate().getNotBefore().toInstant())
                || now.isAfter(key.certificate().getNotAfter().toInstant())) {
            return Outcome.refused(
                    Code.CERTIFICATE_NOT_VALID,
                    "the certificate of key " + key.keyId() + " is valid from "
                            + key.certificate().getNotBefore().toInstant() + " to "
                            + key.certificate().getNotAfter().toInstant()
                            + ", not now");
        }
        DatasetSchema schema = dataset.version(manifest.schemaVersion()).orElse(null);
        if (schema == null) {
            return Outcome.refused(
                    Code.UNKNOWN_SCHEMA_VERSION,
                    "dataset " + datasetId + " has no schema version " + manifest.schemaVersion());
        }
        long t1 = System.nanoTime();
        EnvelopeResult<VerifiedEnvelope> verified = ContributionOpener.verify(envelope, key.certificate());
        long t2 = System.nanoTime();
        if (verified instanceof EnvelopeResult.Failed<VerifiedEnvelope> f) {
            return refused(f);
        }
        EnvelopeResult<OpenedContribution> opened =
                ContributionOpener.open(verified.value(), keys.keyStore()::open, schema, limits);
        if (opened instanceof EnvelopeResult.Failed<OpenedContribution> f) {
            return refused(f);
        }
        long t3 = System.nanoTime();
        metrics.record("check", t1 - t0);
        metrics.record("verify", t2 - t1);
        metrics.record("open", t3 - t2);
        if (!inFlight.add(manifest.contributionId())) {
            return Outcome.refused(
                    Code.CONTRIBUTION_IN_PROGRESS,
                    "contribution " + manifest.contributionId()
                            + " is being written right now; retry to get its receipt");
        }
        try (OpenedContribution records = opened.value()) {
            if (ledger.contains(manifest.contributionId())) {
                return replay(ledger.find(manifest.contributionId()).orElseThrow(), envelope, institution);
            }
            return write(records, envelope, dataset);
        } finally {
            inFlight.remove(manifest.contributionId());
        }
    }

    private Outcome<Accepted> replay(LedgerIndex.Located earlier, ContributionEnvelope envelope, String institution) {
        LedgerEntry entry = earlier.entry();
        if (!entry.manifest().institutionId().equals(institution)
                || !ConstantTime.equals(entry.payloadDigest(), envelope.payloadDigest())
                || !entry.manifest().equals(envelope.manifest())) {
            return Outcome.refused(
                    Code.MANIFEST_MISMATCH,
                    "contribution id " + entry.manifest().contributionId() + " was already used for other content");
        }
        return Outcome.ok(new Accepted(receipt(earlier), institution, true));
    }

    private Receipt receipt(LedgerIndex.Located located) {
        return Receipt.sign(
                located.entry()
                        .receiptBody(
                                located.partition(),
                                located.offset(),
                                keys.keyStore().receiptKey().algorithm().wireName()),
                keys.keyStore().receiptKey());
    }

    private Outcome<Accepted> write(OpenedContribution opened, ContributionEnvelope envelope, Catalog.Dataset dataset) {
        Manifest manifest = envelope.manifest();
        String topic = Topics.data(dataset.id());
        long start = System.nanoTime();
        RecordFrames frames = opened.frames();
        // what the topic takes, so that no segment can fail at the broker after others were written
        int maxPlaintext = StoredSegment.maxPlaintext(topics.maxMessageBytes(topic) - KAFKA_RECORD_OVERHEAD);
        List<SegmentPlan.Run> runs = SegmentPlan.of(frames, Math.min(segmentBytes, maxPlaintext));
        for (SegmentPlan.Run run : runs) {
            if (run.bytes() > maxPlaintext) {
                return Outcome.refused(
                        Code.RECORD_TOO_LARGE,
                        "record " + run.firstLeaf() + " takes " + run.bytes() + " bytes framed; dataset " + dataset.id()
                                + "'s topic stores at most " + maxPlaintext);
            }
        }
        UUID contribution = UUID.fromString(manifest.contributionId());
        List<byte[]> segments = new ArrayList<>(runs.size());
        List<int[]> positions = new ArrayList<>(runs.size());
        List<WrappedDek> newDeks = new ArrayList<>();
        try {
            for (SegmentPlan.Run run : runs) {
                DekLease lease = keys.deks().lease(dataset.id(), run.count());
                lease.created().ifPresent(dek -> {
                    keys.created(dek);
                    newDeks.add(dek);
                });
                StoredSegment.Header header = new StoredSegment.Header(
                        contribution, manifest.schemaVersion(), run.firstLeaf(), run.count(), lease.keyId());
                segments.add(StoredSegment.seal(
                        dataset.id(), header, lease.key(), frames.bytes(), run.offset(), run.bytes()));
                positions.add(new int[] {run.firstLeaf(), run.count()});
            }
        } catch (CryptoException e) {
            throw new IllegalStateException("no DEK for dataset " + dataset.id() + " (" + e.reason() + ")", e);
        }
        metrics.record("encrypt", System.nanoTime() - start);
        LedgerIndex.Located located = writer.write(
                new SegmentWriter.Sealed(envelope, topic, uuidBytes(contribution), segments, positions, newDeks));
        boolean first = ledger.put(located);
        LOG.info(
                "contribution {} accepted: {} records in {} segments of dataset {} (ledger offset {})",
                manifest.contributionId(),
                frames.count(),
                segments.size(),
                dataset.id(),
                located.offset());
        // another gateway's entry for the same id may be first on the ledger: then its receipt is the one
        return Outcome.ok(new Accepted(
                receipt(first ? located : ledger.find(manifest.contributionId()).orElse(located)),
                manifest.institutionId(),
                false));
    }

    private static byte[] uuidBytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
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
