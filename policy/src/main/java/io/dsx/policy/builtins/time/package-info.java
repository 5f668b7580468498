/**
 * The {@code time.*} builtins: Go reference-time layouts (format and parse), RFC 3339, Go durations,
 * calendar fields in IANA zones (java.time) and nanosecond instants bounded to Go's int64 range.
 * The current time comes only from the evaluation's injected clock, never from the system.
 */
package io.dsx.policy.builtins.time;
