package io.dsx.schemas.events;

import io.dsx.schemas.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Kafka headers of a stored record on {@code dsx.data.<datasetId>} (DESIGN 3.2). Every value
 * is UTF-8 text, numbers in canonical decimal (no sign, no leading zeros), so tools show them as
 * they are; the value itself is dsx-crypto's {@code StoredRecordValue}.
 *
 * @param contributionId header {@code dsx-contribution-id}: the manifest's UUIDv7
 * @param leafIndex header {@code dsx-leaf-index}: the record's index in the contribution, from 0
 * @param schemaVersion header {@code dsx-schema-version}: the dataset schema version of the record
 * @param keyId header {@code dsx-key-id}: the DEK id that encrypted the value
 */
public record StoredRecordHeaders(String contributionId, long leafIndex, int schemaVersion, String keyId) {
  public static final String CONTRIBUTION_ID = "dsx-contribution-id";
  public static final String LEAF_INDEX = "dsx-leaf-index";
  public static final String SCHEMA_VERSION = "dsx-schema-version";
  public static final String KEY_ID = "dsx-key-id";
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

  /** Header name to value, in the order above. */
  public Map<String, byte[]> encode() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(CONTRIBUTION_ID, utf8(contributionId));
    out.put(LEAF_INDEX, utf8(Long.toString(leafIndex)));
    out.put(SCHEMA_VERSION, utf8(Integer.toString(schemaVersion)));
    out.put(KEY_ID, utf8(keyId));
    return out;
  }

  /** Reads the four headers (others are ignored); a missing or malformed one is refused. */
  public static StoredRecordHeaders decode(Map<String, byte[]> headers) throws WireFormatException {
    long index = number(headers, LEAF_INDEX);
    long version = number(headers, SCHEMA_VERSION);
    if (version < 1 || version > Integer.MAX_VALUE) {
      throw new WireFormatException("header " + SCHEMA_VERSION + " out of range");
    }
    return new StoredRecordHeaders(text(headers, CONTRIBUTION_ID), index, (int) version, text(headers, KEY_ID));
  }

  private static long number(Map<String, byte[]> headers, String name) throws WireFormatException {
    String s = text(headers, name);
    if (!DECIMAL.matcher(s).matches()) {
      throw new WireFormatException("header " + name + " is not a canonical decimal");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new WireFormatException("header " + name + " out of range");
    }
  }

  private static String text(Map<String, byte[]> headers, String name) throws WireFormatException {
    byte[] value = headers.get(name);
    if (value == null || value.length == 0) {
      throw new WireFormatException("header " + name + " is missing");
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
