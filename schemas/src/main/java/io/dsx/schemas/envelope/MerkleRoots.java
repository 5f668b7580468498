package io.dsx.schemas.envelope;

import io.dsx.crypto.hash.Sha256;
import io.dsx.schemas.record.FramedRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest's merkleRoot: RFC 9162 section 2.1.1 tree hash over leaves
 * SHA-256(0x00 || salt || record), nodes SHA-256(0x01 || left || right), splitting at the largest
 * power of two below n. Interim: to be replaced by dsx-crypto's MerkleTree once it is committed.
 */
final class MerkleRoots {
  private static final byte[] LEAF = {0x00};
  private static final byte[] NODE = {0x01};

  private MerkleRoots() {}

  static byte[] of(List<FramedRecord> records) {
    List<byte[]> leaves = new ArrayList<>(records.size());
    for (FramedRecord r : records) {
      leaves.add(Sha256.digest(LEAF, r.salt(), r.record()));
    }
    return leaves.isEmpty() ? Sha256.digest() : root(leaves, 0, leaves.size());
  }

  private static byte[] root(List<byte[]> leaves, int from, int n) {
    if (n == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(n - 1);
    return Sha256.digest(NODE, root(leaves, from, k), root(leaves, from + k, n - k));
  }
}
