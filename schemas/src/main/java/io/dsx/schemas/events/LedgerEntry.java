package io.dsx.schemas.events;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.envelope.Manifest;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * One accepted contribution on {@code dsx.ledger} (schema {@code LedgerEntry.avsc}), and its commit
 * marker: its stored segments were durably written before it, and a reader serves only records a
 * ledger entry lists. It holds the manifest, the payload digest and the institution's signature, so
 * anyone can re-check the signature later without the ciphertext; and where each stored segment went. The receipt is
 * derived from it ({@link #receiptBody}) once the entry's own ledger position is known.
 */
public record LedgerEntry(
        int version,
        Manifest manifest,
        byte[] payloadDigest,
        byte[] signature,
        Instant acceptedAt,
        String gatewayKeyId,
        String dataTopic,
        List<RecordSegment> segments) {

    public static final int VERSION = 2;

    public LedgerEntry {
        if (payloadDigest.length != 32) {
            throw new IllegalArgumentException("payloadDigest must be 32 bytes");
        }
        long next = 0;
        for (RecordSegment s : segments) {
            if (s.firstLeaf() != next) {
                throw new IllegalArgumentException("segments must hold records 0.. in order, each once");
            }
            next += s.recordCount();
        }
        if (next != manifest.recordCount()) {
            throw new IllegalArgumentException(
                    "segments hold " + next + " records, the manifest " + manifest.recordCount());
        }
        payloadDigest = payloadDigest.clone();
        signature = signature.clone();
        acceptedAt = Instant.ofEpochMilli(acceptedAt.toEpochMilli());
        segments = List.copyOf(segments);
    }

    /** The entry for an accepted envelope. */
    public static LedgerEntry of(
            ContributionEnvelope envelope, Instant acceptedAt, String gatewayKeyId, List<RecordSegment> segments) {
        return new LedgerEntry(
                VERSION,
                envelope.manifest(),
                envelope.payloadDigest(),
                envelope.signature(),
                acceptedAt,
                gatewayKeyId,
                io.dsx.schemas.stored.DataTopics.of(envelope.manifest().datasetId()),
                segments);
    }

    /** The receipt body for this entry stored at {@code partition}/{@code offset} of dsx.ledger. */
    public ReceiptBody receiptBody(int partition, long offset, String signatureAlgorithm) {
        return new ReceiptBody(
                ReceiptBody.VERSION,
                manifest.contributionId(),
                manifest.datasetId(),
                manifest.institutionId(),
                manifest.signerKeyId(),
                manifest.schemaVersion(),
                payloadDigest,
                manifest.recordCount(),
                manifest.merkleRoot(),
                partition,
                offset,
                acceptedAt,
                gatewayKeyId,
                signatureAlgorithm);
    }

    /** Re-checks the institution's signature: {@code manifest bytes || payloadDigest}. */
    public boolean verifyContributorSignature(PublicKey institutionKey) {
        byte[] signed = ContributionEnvelope.signedInput(manifest.toBytes(), payloadDigest);
        try {
            return Signatures.verify(
                    institutionKey, SignatureAlgorithm.fromWireName(manifest.signatureAlgorithm()), signed, signature);
        } catch (CryptoException unknownAlgorithm) {
            return false;
        }
    }

    @Override
    public byte[] payloadDigest() {
        return payloadDigest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public byte[] toBytes() {
        GenericRecord r = new GenericData.Record(DsxSchemas.LEDGER_ENTRY);
        r.put("version", version);
        r.put("manifest", manifest.toAvro());
        r.put("payloadDigest", new GenericData.Fixed(DsxSchemas.SHA256, payloadDigest.clone()));
        r.put("signature", ByteBuffer.wrap(signature.clone()));
        r.put("acceptedAt", acceptedAt.toEpochMilli());
        r.put("gatewayKeyId", gatewayKeyId);
        r.put("dataTopic", dataTopic);
        var segmentSchema = DsxSchemas.LEDGER_ENTRY.getField("segments").schema();
        var list = new GenericData.Array<GenericRecord>(segments.size(), segmentSchema);
        for (RecordSegment s : segments) {
            GenericRecord g = new GenericData.Record(segmentSchema.getElementType());
            g.put("partition", s.partition());
            g.put("offset", s.offset());
            g.put("firstLeaf", s.firstLeaf());
            g.put("recordCount", s.recordCount());
            list.add(g);
        }
        r.put("segments", list);
        return AvroBinary.encode(DsxSchemas.LEDGER_ENTRY, r);
    }

    /** Parses an entry strictly; refuses other versions and segments that do not cover every record once. */
    public static LedgerEntry parse(byte[] bytes) throws WireFormatException {
        GenericRecord r = Versioned.decode(DsxSchemas.LEDGER_ENTRY, bytes, "ledger entry", VERSION);
        try {
            List<RecordSegment> segments = ((List<?>) r.get("segments"))
                    .stream()
                            .map(o -> (GenericRecord) o)
                            .map(g -> new RecordSegment(
                                    (Integer) g.get("partition"),
                                    (Long) g.get("offset"),
                                    (Integer) g.get("firstLeaf"),
                                    (Integer) g.get("recordCount")))
                            .toList();
            return new LedgerEntry(
                    VERSION,
                    Manifest.fromAvro((GenericRecord) r.get("manifest")),
                    ((GenericData.Fixed) r.get("payloadDigest")).bytes(),
                    ((ByteBuffer) r.get("signature")).array(),
                    Instant.ofEpochMilli((Long) r.get("acceptedAt")),
                    (String) r.get("gatewayKeyId"),
                    (String) r.get("dataTopic"),
                    segments);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("ledger entry: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerEntry e && Arrays.equals(toBytes(), e.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + manifest.contributionId() + " " + dataTopic + " segments=" + segments + "]";
    }
}
