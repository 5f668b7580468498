/**
 * The gateway's usage policy: the configured Rego bundle, compiled at start (the gateway refuses to
 * start on a bundle that does not compile), every revision used kept on {@code dsx.policies}, the
 * DESIGN §3.4 input built from the caller, the dataset and the request, and one
 * {@link io.dsx.gateway.policy.PolicyStore#decide} that evaluates with strict builtin errors and fails
 * closed. Every decision carries the bundle revision it was made under.
 */
package io.dsx.gateway.policy;
