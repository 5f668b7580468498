package io.dsx.crypto.merkle;

import io.dsx.crypto.hash.ConstantTime;
import io.dsx.crypto.hash.Sha256;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Each answers
 * true or false; malformed input (wrong hash length, index out of range) is simply false.
 *
 * <p>Both walk the proof from the leaf level up, using the binary expansions of the index
 * ({@code fn}) and the last index ({@code sn}) to tell whether the next proof hash is a left or a
 * right sibling; {@code sn} must reach 0 exactly when the proof ends, so a proof that is too long
 * or too short fails.
 */
public final class MerkleProofs {

    private MerkleProofs() {}

    /** True when {@code proof} shows leaf {@code leafHash} at {@code index} in the tree {@code root} of {@code treeSize}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= treeSize || !wellFormed(proof) || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && ConstantTime.equals(r, root);
    }

    /**
     * True when {@code proof} shows the tree of {@code oldSize} with root {@code oldRoot} is a prefix
     * of the tree of {@code newSize} with root {@code newRoot}. Equal sizes need equal roots and an
     * empty proof; an empty old tree is consistent with anything, with an empty proof.
     */
    public static boolean verifyConsistency(
            long oldSize, long newSize, List<byte[]> proof, byte[] oldRoot, byte[] newRoot) {
        if (oldSize < 0 || oldSize > newSize || !wellFormed(proof)) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && isHash(oldRoot) && ConstantTime.equals(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty() || !isHash(oldRoot) || !isHash(newRoot)) {
            return false;
        }
        return walkConsistency(oldSize, newSize, proof, oldRoot, newRoot);
    }

    /** RFC 9162 §2.1.4.2 steps 2-7, for 0 < oldSize < newSize and a non-empty proof. */
    private static boolean walkConsistency(
            long oldSize, long newSize, List<byte[]> proof, byte[] oldRoot, byte[] newRoot) {
        boolean powerOfTwo = (oldSize & (oldSize - 1)) == 0;
        int start = powerOfTwo ? -1 : 0;
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] first = powerOfTwo ? oldRoot : proof.get(0);
        byte[] fr = first;
        byte[] sr = first;
        for (int i = start + 1; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && ConstantTime.equals(fr, oldRoot) && ConstantTime.equals(sr, newRoot);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] p : proof) {
            if (!isHash(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHash(byte[] h) {
        return h != null && h.length == Sha256.LENGTH;
    }
}
