package io.dsx.policy.eval;

import io.dsx.policy.ast.Loc;

/**
 * Where {@code print(...)} output goes. The default sends it to the {@code io.dsx.policy.print}
 * {@link System.Logger} at DEBUG (a host routing java.util.logging to its own log, as Spring Boot
 * does, shows it there); the CLI tools print to standard error; {@link #DISCARD} drops it.
 */
@FunctionalInterface
public interface PrintSink {
    /** Drops every message. */
    PrintSink DISCARD = (loc, message) -> {};

    /** DEBUG on the {@code io.dsx.policy.print} logger, prefixed with the call's location. */
    PrintSink DEBUG_LOG = new PrintSink() {
        private final System.Logger log = System.getLogger("io.dsx.policy.print");

        @Override
        public void print(Loc loc, String message) {
            if (log.isLoggable(System.Logger.Level.DEBUG)) {
                log.log(System.Logger.Level.DEBUG, loc + ": " + message);
            }
        }
    };

    /** One print call's output; loc is the call's source location. */
    void print(Loc loc, String message);
}
