/**
 * The contribution envelope v1 (DESIGN 3.1). The contributor side builds one
 * ({@link io.dsx.schemas.envelope.ContributionBuilder}: frame, Merkle root, seal, sign); the gateway
 * side parses it strictly ({@link io.dsx.schemas.envelope.ContributionEnvelope#parse}), checks the
 * signature and then opens it ({@link io.dsx.schemas.envelope.ContributionOpener}: decrypt, split,
 * Merkle root, count, decode every record). Every expected failure is an
 * {@link io.dsx.schemas.envelope.EnvelopeResult.Failed} with a stable
 * {@link io.dsx.schemas.envelope.EnvelopeFailure} code, mapped to HTTP by the gateway; no failure
 * message carries key or record bytes.
 */
package io.dsx.schemas.envelope;
