package io.dsx.crypto.merkle;

import io.dsx.crypto.hash.Sha256;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An append-only RFC 6962 Merkle tree over leaf hashes, with roots and proofs for the whole tree or
 * any earlier size. Not thread-safe.
 *
 * <p>Design note: roots and proofs follow the RFC's recursive definitions literally (MTH, PATH and
 * SUBPROOF of RFC 6962 §2.1, splitting at the largest power of two below n), so the code can be
 * checked line by line against the RFC text. What makes them cheap is that every left operand of
 * that recursion is a <em>complete</em> subtree of 2^h leaves starting at a multiple of 2^h, and such
 * subtrees never change once the tree grows past them. The tree therefore keeps, per level h, the
 * hashes of all complete subtrees of that height ({@code levels.get(h).get(i)} covers leaves
 * {@code [i·2^h, (i+1)·2^h)}), extended in amortized O(1) on each append like a binary counter. A root
 * or a proof then costs O(log² n) hashes at most instead of O(n).
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** levels.get(0) are the leaf hashes; levels.get(h) the complete subtrees of 2^h leaves. */
    private final List<List<byte[]>> levels = new ArrayList<>(List.of(new ArrayList<>()));

    private final List<byte[]> leafHashes = levels.get(0);

    private MerkleTree() {}

    /** SHA-256(0x00 || parts...), e.g. {@code leafHash(salt, recordBytes)} for a contribution leaf. */
    public static byte[] leafHash(byte[]... parts) {
        java.security.MessageDigest md = Sha256.newDigest();
        md.update(LEAF_PREFIX);
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    /**
     * SHA-256(0x00 || first || second) where both parts are slices of {@code buf}, hashed in place with
     * {@code md} (reset first): a contribution leaf ({@code salt || record}) read straight out of a
     * framed plaintext, whose length prefix sits between the two.
     */
    public static byte[] leafHash(
            java.security.MessageDigest md,
            byte[] buf,
            int firstOffset,
            int firstLength,
            int secondOffset,
            int secondLength) {
        md.reset();
        md.update(LEAF_PREFIX);
        md.update(buf, firstOffset, firstLength);
        md.update(buf, secondOffset, secondLength);
        return md.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return Sha256.digest(new byte[] {NODE_PREFIX}, left, right);
    }

    /** The root of the empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return Sha256.digest();
    }

    public static MerkleTree empty() {
        return new MerkleTree();
    }

    /** A tree whose leaves are {@code data} entries, hashed with {@link #leafHash}. */
    public static MerkleTree ofLeaves(List<byte[]> data) {
        MerkleTree t = new MerkleTree();
        data.forEach(t::appendLeaf);
        return t;
    }

    /** A tree over already-computed leaf hashes (32 bytes each). */
    public static MerkleTree ofLeafHashes(List<byte[]> hashes) {
        MerkleTree t = new MerkleTree();
        hashes.forEach(t::appendLeafHash);
        return t;
    }

    /** Appends a leaf by its data; returns its index. */
    public long appendLeaf(byte[] data) {
        return appendLeafHash(leafHash(Objects.requireNonNull(data, "data")));
    }

    /** Appends a leaf by its hash; returns its index. */
    public long appendLeafHash(byte[] hash) {
        if (hash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + hash.length);
        }
        leafHashes.add(hash.clone());
        for (int h = 0; levels.get(h).size() % 2 == 0; h++) {
            List<byte[]> level = levels.get(h);
            if (levels.size() == h + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(h + 1).add(nodeHash(level.get(level.size() - 2), level.get(level.size() - 1)));
        }
        return leafHashes.size() - 1L;
    }

    public long size() {
        return leafHashes.size();
    }

    public byte[] leafHashAt(long index) {
        return leafHashes.get(checkIndex(index, size())).clone();
    }

    /** MTH of the whole tree. */
    public byte[] root() {
        return root(size());
    }

    /** MTH of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        int n = checkSize(treeSize);
        return n == 0 ? emptyRoot() : mth(0, n);
    }

    /** Audit path for leaf {@code index} in the whole tree. */
    public List<byte[]> inclusionProof(long index) {
        return inclusionProof(index, size());
    }

    /** Audit path (RFC 6962 PATH) for leaf {@code index} in the tree of the first {@code treeSize} leaves. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        int n = checkSize(treeSize);
        int m = checkIndex(index, n);
        List<byte[]> proof = new ArrayList<>();
        path(m, 0, n, proof);
        return Collections.unmodifiableList(proof);
    }

    /** Consistency proof from the tree of {@code oldSize} leaves to the whole tree. */
    public List<byte[]> consistencyProof(long oldSize) {
        return consistencyProof(oldSize, size());
    }

    /** RFC 6962 PROOF(m, D[n]); empty when {@code oldSize} is 0 or equals {@code newSize}. */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        int n = checkSize(newSize);
        if (oldSize < 0 || oldSize > n) {
            throw new IllegalArgumentException("oldSize " + oldSize + " outside 0.." + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < n) {
            subproof((int) oldSize, 0, n, true, proof);
        }
        return Collections.unmodifiableList(proof);
    }

    /** MTH(D[lo:hi]) for hi - lo >= 1. */
    private byte[] mth(int lo, int hi) {
        int n = hi - lo;
        if (Integer.bitCount(n) == 1 && lo % n == 0) {
            int h = Integer.numberOfTrailingZeros(n);
            return levels.get(h).get(lo >> h).clone();
        }
        int k = split(n);
        return nodeHash(mth(lo, lo + k), mth(lo + k, hi));
    }

    /** PATH(m, D[lo:hi]): m is relative to lo. */
    private void path(int m, int lo, int hi, List<byte[]> out) {
        if (hi - lo <= 1) {
            return;
        }
        int k = split(hi - lo);
        if (m < k) {
            path(m, lo, lo + k, out);
            out.add(mth(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, out);
            out.add(mth(lo, lo + k));
        }
    }

    /** SUBPROOF(m, D[lo:hi], b): m is relative to lo. */
    private void subproof(int m, int lo, int hi, boolean complete, List<byte[]> out) {
        int n = hi - lo;
        if (m == n) {
            if (!complete) {
                out.add(mth(lo, hi));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(m, lo, lo + k, complete, out);
            out.add(mth(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(mth(lo, lo + k));
        }
    }

    /** The largest power of two strictly less than n (n >= 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private int checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " outside 0.." + size());
        }
        return (int) treeSize;
    }

    private static int checkIndex(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " outside 0.." + (treeSize - 1));
        }
        return (int) index;
    }
}
