/**
 * dsx's Rego engine, public entry point: {@link io.dsx.policy.Policy} compiles modules (or a
 * {@link io.dsx.policy.bundle.Bundle}) once into an immutable, thread-safe policy and evaluates
 * queries against an input under limits ({@link io.dsx.policy.eval.EvalOptions}). Failures are
 * {@link io.dsx.policy.error.RegoException}s carrying OPA's error codes. For gateway decisions
 * use {@link io.dsx.policy.decision.DecisionPoint}, which fails closed.
 */
package io.dsx.policy;
