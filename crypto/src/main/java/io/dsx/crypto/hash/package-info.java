/**
 * Hashing primitives shared by the rest of the module: SHA-256, HKDF-SHA256 (RFC 5869), hex and a
 * constant-time comparison for MACs, tags, roots and other values an attacker may probe byte by byte.
 */
package io.dsx.crypto.hash;
