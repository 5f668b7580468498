/**
 * The contributor library: talks to a gateway over HTTP ({@link io.dsx.connectors.contributor.GatewayClient}:
 * its public facts, dataset schemas, registration, uploads), gets Keycloak tokens with the
 * client-credentials grant, builds signed and sealed envelopes and uploads them with idempotent
 * retries ({@link io.dsx.connectors.contributor.Contributor}), and verifies every receipt against
 * the gateway's published receipt key before calling a contribution done.
 *
 * <p>Retry rule: the same envelope bytes carry the same contribution id, and the gateway answers a
 * repeated id with the first receipt, so re-sending after an I/O error or a 5xx is safe; a 4xx is
 * the caller's fault and is never retried.
 */
package io.dsx.connectors.contributor;
