package io.dsx.connectors.audit;

/** Told how far a long run has got; the CLI draws it on stderr. Called often: implementations throttle. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> {};

    /**
     * @param phase what is being done ("verify log 0", "export log 1", ...)
     * @param done  units done so far (events, decisions)
     * @param total units in all, or -1 when not known
     */
    void progress(String phase, long done, long total);
}
