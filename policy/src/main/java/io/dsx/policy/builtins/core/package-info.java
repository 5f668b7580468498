/**
 * The core builtin implementations owned by the engine team: comparison, arithmetic, aggregates,
 * sets, numbers, type checks, casts, arrays, objects, JSON paths and graphs.
 */
package io.dsx.policy.builtins.core;
