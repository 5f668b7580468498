package io.dsx.schemas.envelope;

import io.dsx.crypto.hash.Hex;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.wire.AvroBinary;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The contribution manifest (schema {@code ContributionManifest.avsc}). {@link #toBytes()} is its
 * Avro binary: the HPKE aad and the first part of the signature input.
 */
public record Manifest(
        int version,
        String contributionId,
        String institutionId,
        String datasetId,
        int schemaVersion,
        Instant createdAt,
        long recordCount,
        byte[] merkleRoot,
        String recipientKeyId,
        String signerKeyId,
        String signatureAlgorithm) {

    public static final int VERSION = 1;

    public Manifest {
        Objects.requireNonNull(contributionId, "contributionId");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(recipientKeyId, "recipientKeyId");
        Objects.requireNonNull(signerKeyId, "signerKeyId");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        if (merkleRoot.length != 32) {
            throw new IllegalArgumentException("merkleRoot must be 32 bytes");
        }
        merkleRoot = merkleRoot.clone();
        createdAt = Instant.ofEpochMilli(createdAt.toEpochMilli());
    }

    @Override
    public byte[] merkleRoot() {
        return merkleRoot.clone();
    }

    public byte[] toBytes() {
        return AvroBinary.encode(DsxSchemas.CONTRIBUTION_MANIFEST, toAvro());
    }

    public GenericRecord toAvro() {
        GenericRecord r = new GenericData.Record(DsxSchemas.CONTRIBUTION_MANIFEST);
        r.put("version", version);
        r.put("contributionId", contributionId);
        r.put("institutionId", institutionId);
        r.put("datasetId", datasetId);
        r.put("schemaVersion", schemaVersion);
        r.put("createdAt", createdAt.toEpochMilli());
        r.put("recordCount", recordCount);
        r.put("merkleRoot", new GenericData.Fixed(DsxSchemas.SHA256, merkleRoot.clone()));
        r.put("recipientKeyId", recipientKeyId);
        r.put("signerKeyId", signerKeyId);
        r.put("signatureAlgorithm", signatureAlgorithm);
        return r;
    }

    /** From a record decoded with {@link DsxSchemas#CONTRIBUTION_MANIFEST}. */
    public static Manifest fromAvro(GenericRecord r) {
        return new Manifest(
                (Integer) r.get("version"),
                (String) r.get("contributionId"),
                (String) r.get("institutionId"),
                (String) r.get("datasetId"),
                (Integer) r.get("schemaVersion"),
                Instant.ofEpochMilli((Long) r.get("createdAt")),
                (Long) r.get("recordCount"),
                ((GenericData.Fixed) r.get("merkleRoot")).bytes(),
                (String) r.get("recipientKeyId"),
                (String) r.get("signerKeyId"),
                (String) r.get("signatureAlgorithm"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest m && Arrays.equals(toBytes(), m.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "Manifest[v" + version + " " + contributionId + " institution=" + institutionId
                + " dataset=" + datasetId + " schema=" + schemaVersion + " records=" + recordCount
                + " root=" + Hex.encode(merkleRoot) + " signer=" + signerKeyId + "]";
    }
}
