/**
 * What a service answers, without HTTP types: {@link io.dsx.gateway.outcome.Outcome} (a value or an
 * expected {@link io.dsx.gateway.outcome.Refusal}), {@link io.dsx.gateway.outcome.TransientFailure}, and
 * the one registry of problem codes, {@link io.dsx.gateway.outcome.Refusal.Code}. The web package maps
 * them to RFC 9457 problems ({@code web.Problems} for controllers, {@code security.ProblemWriter} inside
 * the filter chains); feature packages depend on this package, never on {@code web}.
 */
package io.dsx.gateway.outcome;
