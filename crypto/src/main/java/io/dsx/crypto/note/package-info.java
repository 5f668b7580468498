/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures, and the tlog-checkpoint body
 * (c2sp.org/tlog-checkpoint: origin, tree size, RFC 6962 root) that the gateway signs for its audit log.
 * The format is the one Go's {@code golang.org/x/mod/sumdb/note} and transparency-log witnesses read,
 * so third-party tooling can verify dsx checkpoints.
 */
package io.dsx.crypto.note;
