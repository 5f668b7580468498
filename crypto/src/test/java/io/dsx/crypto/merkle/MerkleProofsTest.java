package io.dsx.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every proof of every tree shape up to 40 leaves verifies, and every corruption of it does not. */
class MerkleProofsTest {

    private static final int MAX = 40;
    private static final MerkleTree TREE = MerkleTree.empty();

    static {
        for (int i = 0; i < MAX; i++) {
            TREE.appendLeaf(new byte[] {(byte) i, (byte) (i * 7)});
        }
    }

    @Test
    void everyInclusionProofVerifiesAndEveryCorruptionFails() {
        for (long n = 1; n <= MAX; n++) {
            byte[] root = TREE.root(n);
            for (long i = 0; i < n; i++) {
                List<byte[]> proof = TREE.inclusionProof(i, n);
                byte[] leaf = TREE.leafHashAt(i);
                assertThat(MerkleProofs.verifyInclusion(leaf, i, n, proof, root))
                        .as("leaf %d of %d", i, n)
                        .isTrue();
                assertThat(MerkleProofs.verifyInclusion(leaf, n, n, proof, root))
                        .isFalse();
                assertThat(MerkleProofs.verifyInclusion(leaf, i, n, proof, TREE.root(n - 1)))
                        .isFalse();
                assertThat(MerkleProofs.verifyInclusion(MerkleTree.leafHash(new byte[] {9, 9, 9}), i, n, proof, root))
                        .isFalse();
                if (n > 1) {
                    assertThat(MerkleProofs.verifyInclusion(leaf, (i + 1) % n, n, proof, root))
                            .isFalse();
                    assertThat(MerkleProofs.verifyInclusion(leaf, i, n, withFlippedBit(proof, 0), root))
                            .isFalse();
                    assertThat(MerkleProofs.verifyInclusion(leaf, i, n, proof.subList(0, proof.size() - 1), root))
                            .isFalse();
                }
                assertThat(MerkleProofs.verifyInclusion(leaf, i, n, appended(proof, root), root))
                        .isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndEveryCorruptionFails() {
        for (long n = 1; n <= MAX; n++) {
            byte[] newRoot = TREE.root(n);
            for (long m = 1; m < n; m++) {
                byte[] oldRoot = TREE.root(m);
                List<byte[]> proof = TREE.consistencyProof(m, n);
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, oldRoot, newRoot))
                        .as("%d -> %d", m, n)
                        .isTrue();
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, newRoot, oldRoot))
                        .isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, List.of(), oldRoot, newRoot))
                        .isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, appended(proof, newRoot), oldRoot, newRoot))
                        .isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, proof.subList(0, proof.size() - 1), oldRoot, newRoot))
                        .isFalse();
                for (int k = 0; k < proof.size(); k++) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, withFlippedBit(proof, k), oldRoot, newRoot))
                            .as("%d -> %d with proof[%d] altered", m, n, k)
                            .isFalse();
                }
                if (m + 1 < n) {
                    assertThat(MerkleProofs.verifyConsistency(m + 1, n, proof, oldRoot, newRoot))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void trivialConsistencyCasesFollowTheReferenceVerifier() {
        byte[] r = TREE.root(3);
        assertThat(MerkleProofs.verifyConsistency(3, 3, List.of(), r, r)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(3, 3, List.of(), r, TREE.root(4)))
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 3, List.of(r), r, r)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 5, List.of(), MerkleTree.emptyRoot(), TREE.root(5)))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 5, List.of(r), MerkleTree.emptyRoot(), TREE.root(5)))
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 3, List.of(), r, r)).isFalse();
    }

    @Test
    void malformedInputIsFalseNotAnException() {
        byte[] root = TREE.root(4);
        List<byte[]> proof = TREE.inclusionProof(1, 4);
        assertThat(MerkleProofs.verifyInclusion(TREE.leafHashAt(1), -1, 4, proof, root))
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(TREE.leafHashAt(1), 1, 4, appended(proof, new byte[3]), root))
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(new byte[5], 1, 4, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(TREE.leafHashAt(1), 1, 4, null, root))
                .isFalse();
    }

    /** The cached-subtree roots equal a naive transcription of RFC 6962 MTH for every size. */
    @Test
    void rootsOfEveryPrefixMatchANaiveReferenceImplementation() {
        List<byte[]> leaves = new ArrayList<>();
        for (long i = 0; i < MAX; i++) {
            leaves.add(TREE.leafHashAt(i));
        }
        for (int n = 0; n <= MAX; n++) {
            assertThat(TREE.root(n)).as("root of %d", n).isEqualTo(naiveMth(leaves.subList(0, n)));
        }
    }

    private static byte[] naiveMth(List<byte[]> d) {
        if (d.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        return MerkleTree.nodeHash(naiveMth(d.subList(0, k)), naiveMth(d.subList(k, d.size())));
    }

    @Test
    void splitIsTheLargestPowerOfTwoBelowN() {
        assertThat(MerkleTree.split(2)).isEqualTo(1);
        assertThat(MerkleTree.split(3)).isEqualTo(2);
        assertThat(MerkleTree.split(4)).isEqualTo(2);
        assertThat(MerkleTree.split(5)).isEqualTo(4);
        assertThat(MerkleTree.split(8)).isEqualTo(4);
        assertThat(MerkleTree.split(9)).isEqualTo(8);
    }

    private static List<byte[]> withFlippedBit(List<byte[]> proof, int k) {
        List<byte[]> out = new ArrayList<>(proof);
        byte[] h = out.get(k).clone();
        h[0] ^= 0x10;
        out.set(k, h);
        return out;
    }

    private static List<byte[]> appended(List<byte[]> proof, byte[] extra) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(extra);
        return out;
    }
}
