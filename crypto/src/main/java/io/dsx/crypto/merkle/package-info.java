/**
 * RFC 6962 / RFC 9162 §2.1 Merkle tree hashes over SHA-256: leaf hash {@code SHA-256(0x00 || d)},
 * node hash {@code SHA-256(0x01 || left || right)}, the root of any prefix of the leaves (the empty
 * tree's root is {@code SHA-256("")}), inclusion and consistency proofs, and their verification.
 * Contributions commit to their records with it; the audit log's checkpoints carry its roots.
 */
package io.dsx.crypto.merkle;
