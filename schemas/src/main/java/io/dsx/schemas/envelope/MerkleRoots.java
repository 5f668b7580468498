package io.dsx.schemas.envelope;

import io.dsx.crypto.merkle.MerkleTree;
import io.dsx.schemas.record.FramedRecord;
import java.util.List;

/** The manifest's merkleRoot: RFC 9162 tree hash over leaves SHA-256(0x00 || salt || record). */
final class MerkleRoots {
    private MerkleRoots() {}

    static byte[] of(List<FramedRecord> records) {
        return MerkleTree.ofLeaves(records.stream().map(FramedRecord::leafData).toList())
                .root();
    }
}
