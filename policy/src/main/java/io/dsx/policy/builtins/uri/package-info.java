/**
 * {@code uri.parse} and {@code uri.is_valid}: a port of the parts of Go's {@code net/url.Parse} that
 * OPA exposes (scheme, host and port, decoded and raw path, raw query, fragment), with Go's
 * validation and its error texts ({@code parse "x": invalid URL escape "%6d"}).
 */
package io.dsx.policy.builtins.uri;
