package io.dsx.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.testing.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Certificate Transparency reference tree: roots for 0..8 leaves and the published proofs. */
class MerkleRfc6962VectorTest {

    private static final Map<String, Object> V = Json.object(Json.resource("/vectors/merkle-rfc6962.json"));
    private static final MerkleTree TREE = MerkleTree.ofLeaves(Json.array(V.get("leaves")).stream()
            .map(o -> Hex.decode((String) o))
            .toList());

    private static List<String> roots() {
        return Json.array(V.get("roots")).stream().map(o -> (String) o).toList();
    }

    private static List<byte[]> hashes(Object list) {
        return Json.array(list).stream().map(o -> Hex.decode((String) o)).toList();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hex::encode).toList();
    }

    @Test
    void rootsForZeroToEightLeavesMatchTheReference() {
        assertThat(TREE.size()).isEqualTo(8);
        for (int n = 0; n <= 8; n++) {
            assertThat(Hex.encode(TREE.root(n))).as("root of %d leaves", n).isEqualTo(roots().get(n));
        }
        assertThat(Hex.encode(MerkleTree.empty().root())).isEqualTo(roots().get(0));
    }

    @Test
    void inclusionProofsAreTheReferenceProofsAndVerify() {
        int checked = 0;
        for (Object o : Json.array(V.get("inclusion"))) {
            Map<String, Object> c = Json.object(o);
            long index = (Long) c.get("index");
            long size = (Long) c.get("treeSize");
            List<byte[]> expected = hashes(c.get("proof"));
            assertThat(hex(TREE.inclusionProof(index, size))).isEqualTo(hex(expected));
            byte[] root = Hex.decode(roots().get((int) size));
            assertThat(MerkleProofs.verifyInclusion(TREE.leafHashAt(index), index, size, expected, root))
                    .isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void consistencyProofsAreTheReferenceProofsAndVerify() {
        int checked = 0;
        for (Object o : Json.array(V.get("consistency"))) {
            Map<String, Object> c = Json.object(o);
            long oldSize = (Long) c.get("oldSize");
            long newSize = (Long) c.get("newSize");
            List<byte[]> expected = hashes(c.get("proof"));
            assertThat(hex(TREE.consistencyProof(oldSize, newSize))).isEqualTo(hex(expected));
            assertThat(MerkleProofs.verifyConsistency(
                            oldSize,
                            newSize,
                            expected,
                            Hex.decode(roots().get((int) oldSize)),
                            Hex.decode(roots().get((int) newSize))))
                    .isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void leafHashOfSaltAndRecordIsTheLeafHashOfTheirConcatenation() {
        byte[] salt = Hex.decode("000102030405060708090a0b0c0d0e0f");
        byte[] record = Hex.decode("2021");
        assertThat(MerkleTree.leafHash(salt, record))
                .isEqualTo(MerkleTree.leafHash(Hex.decode("000102030405060708090a0b0c0d0e0f2021")))
                .isEqualTo(io.dsx.crypto.hash.Sha256.digest(new byte[] {0}, salt, record));
    }
}
