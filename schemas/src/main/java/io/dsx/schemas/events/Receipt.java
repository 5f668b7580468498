package io.dsx.schemas.events;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Arrays;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A gateway receipt: {@link ReceiptBody} and the gateway's signature over the body's Avro binary.
 * The receipt's binary is {@code body bytes || Avro bytes(signature)}.
 */
public record Receipt(ReceiptBody body, byte[] signature) {

    public Receipt {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Signs {@code body} with the gateway's receipt key; the body must name that key's algorithm. */
    public static Receipt sign(ReceiptBody body, SigningKey gatewayKey) {
        if (!gatewayKey.algorithm().wireName().equals(body.signatureAlgorithm())) {
            throw new IllegalArgumentException("the body names " + body.signatureAlgorithm() + " but the key signs "
                    + gatewayKey.algorithm().wireName());
        }
        return new Receipt(body, gatewayKey.sign(body.toBytes()));
    }

    /** Whether the signature verifies with the gateway's receipt key. */
    public boolean verify(PublicKey gatewayKey) {
        try {
            return Signatures.verify(
                    gatewayKey, SignatureAlgorithm.fromWireName(body.signatureAlgorithm()), body.toBytes(), signature);
        } catch (CryptoException unknownAlgorithm) {
            return false;
        }
    }

    public byte[] toBytes() {
        GenericRecord r = new GenericData.Record(DsxSchemas.RECEIPT);
        r.put("body", body.toAvro());
        r.put("signature", ByteBuffer.wrap(signature));
        return AvroBinary.encode(DsxSchemas.RECEIPT, r);
    }

    /** Parses a receipt strictly; refuses other versions (version 1 signed too little). */
    public static Receipt parse(byte[] bytes) throws WireFormatException {
        GenericRecord r = Versioned.decode(DsxSchemas.RECEIPT, bytes, "receipt", ReceiptBody.VERSION);
        ReceiptBody body = ReceiptBody.fromAvro((GenericRecord) r.get("body"));
        return new Receipt(body, ((ByteBuffer) r.get("signature")).array());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Receipt other && body.equals(other.body) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return 31 * body.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Receipt[" + body.contributionId() + " records=" + body.recordCount() + " ledger="
                + body.ledgerPartition() + "@" + body.ledgerOffset() + "]";
    }
}
