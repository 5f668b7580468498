/**
 * Compute jobs and their tokens. Under a live grant a researcher submits a job (a digest of its
 * code, a description), kept on {@code dsx.grants}, and receives a short-lived job token: a JWT
 * (RFC 7519) the gateway signs with EdDSA/Ed25519 (RFC 8037), audience {@code dsx-data-plane},
 * scoped to the job and its grant. The signing keys are published as a JWKS; rotation is in
 * docs/operations.md. Verifying a token on the data plane goes through
 * {@link io.dsx.gateway.jobs.JobTokens#verify}.
 */
package io.dsx.gateway.jobs;
