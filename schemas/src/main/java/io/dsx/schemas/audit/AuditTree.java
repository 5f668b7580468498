package io.dsx.schemas.audit;

import io.dsx.crypto.merkle.MerkleTree;
import java.util.List;

/**
 * The RFC 6962 tree of one audit log: leaf i is {@code SHA-256(0x00 || bytes of event i)}. Its roots
 * are what checkpoints sign; its proofs are what the auditor API serves. Not thread-safe.
 */
public final class AuditTree {
    private final MerkleTree tree = MerkleTree.empty();

    public static byte[] leafHash(byte[] eventBytes) {
        return MerkleTree.leafHash(eventBytes);
    }

    public void append(byte[] eventBytes) {
        tree.appendLeafHash(leafHash(eventBytes));
    }

    public void appendLeafHash(byte[] leafHash) {
        tree.appendLeafHash(leafHash);
    }

    public long size() {
        return tree.size();
    }

    public byte[] root() {
        return tree.root();
    }

    public byte[] root(long size) {
        return tree.root(size);
    }

    public List<byte[]> inclusionProof(long index, long treeSize) {
        return tree.inclusionProof(index, treeSize);
    }

    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        return tree.consistencyProof(oldSize, newSize);
    }
}
