/**
 * Benchmark of a realistic data-access decision (DESIGN.md 3.4): the Rego policy in
 * {@code bench/read.rego} evaluated by dsx's engine, against {@link io.dsx.bench.policy.JavaDecision},
 * the same decision written by hand, measured in the same JMH run.
 */
package io.dsx.bench.policy;
