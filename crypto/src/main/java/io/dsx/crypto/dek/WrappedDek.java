package io.dsx.crypto.dek;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.kms.WrappedKey;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A DEK as it may be stored: wrapped under a KEK, with its id, dataset and creation time. The record
 * value on {@code dsx.keys} is {@link #toBytes()} (keyed by {@link #keyId()}):
 * {@code 0x01 || str keyId || str datasetId || i64 createdAt epoch ms || str kekName || u32 len || wrapped},
 * where {@code str} is a u16 big-endian length and UTF-8 bytes.
 */
public record WrappedDek(String keyId, String datasetId, Instant createdAt, WrappedKey wrapped) {

    public static final byte VERSION = 0x01;
    private static final int MAX_WRAPPED = 64 * 1024;

    public WrappedDek {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(wrapped, "wrapped");
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, keyId);
            writeString(out, datasetId);
            out.writeLong(createdAt.toEpochMilli());
            writeString(out, wrapped.kekName());
            byte[] ct = wrapped.ciphertext();
            out.writeInt(ct.length);
            out.write(ct);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Parses {@link #toBytes()}; MALFORMED for another version, truncation or trailing bytes. */
    public static WrappedDek fromBytes(byte[] value) throws CryptoException {
        InputStream raw = new java.io.ByteArrayInputStream(value);
        try (DataInputStream in = new DataInputStream(raw)) {
            if (in.readByte() != VERSION) {
                throw new CryptoException(CryptoException.Reason.MALFORMED, "unknown wrapped-DEK version");
            }
            String keyId = readString(in);
            String datasetId = readString(in);
            Instant createdAt = Instant.ofEpochMilli(in.readLong());
            String kek = readString(in);
            int len = in.readInt();
            if (len < 0 || len > MAX_WRAPPED) {
                throw new CryptoException(CryptoException.Reason.MALFORMED, "wrapped-DEK length out of range");
            }
            byte[] ct = in.readNBytes(len);
            if (ct.length != len || raw.read() != -1) {
                throw new CryptoException(CryptoException.Reason.MALFORMED, "wrapped-DEK truncated or too long");
            }
            return new WrappedDek(keyId, datasetId, createdAt, new WrappedKey(kek, ct));
        } catch (EOFException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "wrapped-DEK truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xffff) {
            throw new IllegalArgumentException("string longer than 65535 bytes");
        }
        out.writeShort(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = in.readUnsignedShort();
        byte[] b = in.readNBytes(len);
        if (b.length != len) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
