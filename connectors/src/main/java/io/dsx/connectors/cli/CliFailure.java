package io.dsx.connectors.cli;

/** An expected failure of a command: printed as {@code dsx: <message>}, exit code 1. */
final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message);
    }
}
