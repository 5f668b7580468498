package io.dsx.schemas.events;

import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.wire.AvroBinary;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The signed part of a receipt (schema {@code Receipt.avsc}, record {@code ReceiptBody}), version 2:
 * it attests the institution, the signer key, the schema version and the payload digest as well as
 * the contribution, its records and its place on the ledger.
 */
public record ReceiptBody(
        int version,
        String contributionId,
        String datasetId,
        String institutionId,
        String signerKeyId,
        int schemaVersion,
        byte[] payloadDigest,
        long recordCount,
        byte[] merkleRoot,
        int ledgerPartition,
        long ledgerOffset,
        Instant acceptedAt,
        String gatewayKeyId,
        String signatureAlgorithm) {

    public static final int VERSION = 2;

    public ReceiptBody {
        merkleRoot = merkleRoot.clone();
        payloadDigest = payloadDigest.clone();
        acceptedAt = Instant.ofEpochMilli(acceptedAt.toEpochMilli());
    }

    @Override
    public byte[] payloadDigest() {
        return payloadDigest.clone();
    }

    @Override
    public byte[] merkleRoot() {
        return merkleRoot.clone();
    }

    /** The bytes the gateway signs. */
    public byte[] toBytes() {
        return AvroBinary.encode(DsxSchemas.RECEIPT_BODY, toAvro());
    }

    GenericRecord toAvro() {
        GenericRecord r = new GenericData.Record(DsxSchemas.RECEIPT_BODY);
        r.put("version", version);
        r.put("contributionId", contributionId);
        r.put("datasetId", datasetId);
        r.put("institutionId", institutionId);
        r.put("signerKeyId", signerKeyId);
        r.put("schemaVersion", schemaVersion);
        r.put("payloadDigest", new GenericData.Fixed(DsxSchemas.SHA256, payloadDigest.clone()));
        r.put("recordCount", recordCount);
        r.put("merkleRoot", new GenericData.Fixed(DsxSchemas.SHA256, merkleRoot.clone()));
        r.put("ledgerPartition", ledgerPartition);
        r.put("ledgerOffset", ledgerOffset);
        r.put("acceptedAt", acceptedAt.toEpochMilli());
        r.put("gatewayKeyId", gatewayKeyId);
        r.put("signatureAlgorithm", signatureAlgorithm);
        return r;
    }

    static ReceiptBody fromAvro(GenericRecord r) {
        return new ReceiptBody(
                (Integer) r.get("version"),
                (String) r.get("contributionId"),
                (String) r.get("datasetId"),
                (String) r.get("institutionId"),
                (String) r.get("signerKeyId"),
                (Integer) r.get("schemaVersion"),
                ((GenericData.Fixed) r.get("payloadDigest")).bytes(),
                (Long) r.get("recordCount"),
                ((GenericData.Fixed) r.get("merkleRoot")).bytes(),
                (Integer) r.get("ledgerPartition"),
                (Long) r.get("ledgerOffset"),
                Instant.ofEpochMilli((Long) r.get("acceptedAt")),
                (String) r.get("gatewayKeyId"),
                (String) r.get("signatureAlgorithm"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiptBody b && Arrays.equals(toBytes(), b.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }
}
