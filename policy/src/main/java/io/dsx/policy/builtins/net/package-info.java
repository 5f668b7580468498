/**
 * {@code net.*} builtins: CIDR containment, intersection, expansion, validation and merging on Go's
 * {@code net} package semantics (IPv4-mapped addresses count as IPv4, Go's text forms), and
 * {@code net.lookup_ip_addr}, which never performs DNS: literals and {@code localhost} answer locally
 * and every other name goes to a {@link io.dsx.policy.builtins.net.HostResolver} that by default
 * fails closed.
 */
package io.dsx.policy.builtins.net;
