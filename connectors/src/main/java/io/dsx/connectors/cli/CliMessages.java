package io.dsx.connectors.cli;

/** Turns any failure into the one line after {@code dsx: }. */
final class CliMessages {
    private CliMessages() {}

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || !(e instanceof CliFailure || isExpected(e))) {
            m = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        }
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static boolean isExpected(Throwable e) {
        return e instanceof io.dsx.connectors.contributor.GatewayException
                || e instanceof io.dsx.connectors.source.SourceException
                || e instanceof io.dsx.connectors.audit.AuditToolException
                || e instanceof IllegalArgumentException
                || e instanceof java.nio.file.NoSuchFileException
                || e instanceof java.nio.file.AccessDeniedException
                || e instanceof picocli.CommandLine.ParameterException;
    }
}
