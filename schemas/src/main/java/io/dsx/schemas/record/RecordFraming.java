package io.dsx.schemas.record;

import io.dsx.schemas.wire.Leb128;
import io.dsx.schemas.wire.StrictBinaryDecoder;
import io.dsx.schemas.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope plaintext: records one after the other, each {@code salt[16] || length || bytes}
 * where {@code length} is an unsigned LEB128 varint (no zig-zag, minimal form). There is no count
 * and no terminator: the plaintext ends exactly after the last record.
 */
public final class RecordFraming {
  public static final int SALT_BYTES = 16;
  /** Largest accepted record, in bytes of Avro binary. */
  public static final int MAX_RECORD_BYTES = 1 << 20;

  private RecordFraming() {}

  public static byte[] frame(List<FramedRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (FramedRecord r : records) {
      if (r.record().length > MAX_RECORD_BYTES) {
        throw new IllegalArgumentException(
            "record of " + r.record().length + " bytes exceeds " + MAX_RECORD_BYTES);
      }
      out.writeBytes(r.salt());
      Leb128.write(r.record().length, out);
      out.writeBytes(r.record());
    }
    return out.toByteArray();
  }

  /**
   * Splits a plaintext into its records, refusing truncation, oversize lengths and more than
   * {@code maxRecords} records; all or nothing.
   */
  public static List<FramedRecord> split(byte[] plaintext, long maxRecords)
      throws WireFormatException {
    StrictBinaryDecoder in = new StrictBinaryDecoder(plaintext);
    List<FramedRecord> out = new ArrayList<>();
    while (!in.isEnd()) {
      if (out.size() >= maxRecords) {
        throw new WireFormatException("more than " + maxRecords + " records in the plaintext");
      }
      int index = out.size();
      byte[] salt = in.readRaw(SALT_BYTES, "salt of record " + index);
      long length = in.readUnsignedLeb128();
      if (length > MAX_RECORD_BYTES) {
        throw new WireFormatException(
            "record " + index + " claims " + length + " bytes, limit " + MAX_RECORD_BYTES);
      }
      out.add(new FramedRecord(salt, in.readRaw((int) length, "record " + index)));
    }
    return out;
  }
}
