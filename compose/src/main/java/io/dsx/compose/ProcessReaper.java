package io.dsx.compose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops every still-registered child process when the JVM exits normally (end of a test run, Ctrl-C,
 * SIGTERM), newest first, so that no broker or Keycloak outlives the launcher that started it.
 */
final class ProcessReaper {

    private static final Set<ManagedProcess> LIVE = Collections.synchronizedSet(new LinkedHashSet<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::stopAll, "dsx-process-reaper"));
    }

    private ProcessReaper() {}

    static void register(ManagedProcess process) {
        LIVE.add(process);
    }

    static void unregister(ManagedProcess process) {
        LIVE.remove(process);
    }

    private static void stopAll() {
        List<ManagedProcess> newestFirst;
        synchronized (LIVE) {
            newestFirst = new ArrayList<>(LIVE);
        }
        Collections.reverse(newestFirst);
        newestFirst.forEach(ManagedProcess::close);
    }
}
