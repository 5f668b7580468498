/**
 * The {@code dsx} command line (picocli): {@code keygen}, {@code dataset register},
 * {@code contribute}, {@code policy eval|test}. Every failure ends the process with a non-zero
 * exit code and one line {@code dsx: <message>} on stderr (2 for a usage error, 1 otherwise); the
 * process environment, streams, clock and randomness come in through {@link io.dsx.connectors.cli.CliContext},
 * so tests run the real commands in-process.
 */
package io.dsx.connectors.cli;
