package io.dsx.policy.builtins.familyb;

import java.io.ByteArrayOutputStream;

/**
 * Base64 decoding with the behaviour and error texts of Go's {@code encoding/base64}, which OPA's
 * conformance cases quote ({@code illegal base64 data at input byte 13}).
 */
public final class GoBase64 {

  private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private GoBase64() {}

  /**
   * OPA's {@code base64url.decode}: adds missing padding (RFC 7515 appendix C), then decodes
   * padded URL-safe base64.
   */
  public static byte[] decodeUrlLenient(String s) {
    String padded = s;
    if (!s.endsWith("=")) {
      switch (s.length() % 4) {
        case 0 -> { }
        case 2 -> padded = s + "==";
        case 3 -> padded = s + "=";
        default -> throw new BuiltinFailure("illegal base64url string: " + s);
      }
    }
    return decode(padded, URL, true);
  }

  /** Go's {@code base64.StdEncoding.DecodeString}. */
  public static byte[] decodeStd(String s) {
    return decode(s, STD, true);
  }

  /** Go's {@code base64.RawURLEncoding.DecodeString} (no padding allowed). */
  public static byte[] decodeRawUrl(String s) {
    return decode(s, URL, false);
  }

  private static byte[] decode(String s, String alphabet, boolean padded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4);
    int acc = 0;
    int n = 0;
    int i = 0;
    int len = s.length();
    while (i < len) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        i++;
        continue;
      }
      if (c == '=' && padded) {
        return finishPadding(s, i, n, acc, out);
      }
      int v = c < 128 ? alphabet.indexOf(c) : -1;
      if (v < 0) {
        throw illegalAt(i);
      }
      acc = (acc << 6) | v;
      n++;
      if (n == 4) {
        out.write(acc >> 16);
        out.write(acc >> 8);
        out.write(acc);
        acc = 0;
        n = 0;
      }
      i++;
    }
    if (n == 0) {
      return out.toByteArray();
    }
    if (padded || n == 1) {
      throw illegalAt(len);
    }
    flushPartial(acc, n, out);
    return out.toByteArray();
  }

  private static byte[] finishPadding(String s, int i, int n, int acc, ByteArrayOutputStream out) {
    if (n < 2) {
      throw illegalAt(i);
    }
    int need = 4 - n;
    int j = i;
    for (int k = 0; k < need; k++) {
      if (j >= s.length() || s.charAt(j) != '=') {
        throw illegalAt(j >= s.length() ? s.length() : j);
      }
      j++;
    }
    if (j < s.length()) {
      throw illegalAt(j);
    }
    flushPartial(acc, n, out);
    return out.toByteArray();
  }

  private static void flushPartial(int acc, int n, ByteArrayOutputStream out) {
    if (n == 2) {
      out.write(acc >> 4);
    } else if (n == 3) {
      out.write(acc >> 10);
      out.write(acc >> 2);
    }
  }

  private static BuiltinFailure illegalAt(int index) {
    return new BuiltinFailure("illegal base64 data at input byte " + index);
  }
}
