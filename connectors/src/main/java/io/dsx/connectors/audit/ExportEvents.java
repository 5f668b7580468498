package io.dsx.connectors.audit;

import io.dsx.schemas.audit.AuditCodec;
import io.dsx.schemas.audit.AuditFormatException;
import io.dsx.schemas.audit.ChainedEvent;

/** Every event of an export, decoded strictly, log by log in seq order. */
public final class ExportEvents {
    /** Receives each event with the partition of its log. */
    @FunctionalInterface
    public interface Visitor {
        void event(int partition, ChainedEvent event) throws AuditToolException;
    }

    private ExportEvents() {}

    /** Visits every event; an event that does not decode stops the run, naming its log and position. */
    public static long forEach(AuditExport export, ProgressListener progress, Visitor visitor)
            throws AuditToolException {
        long all = 0;
        for (int partition : export.partitions()) {
            try (EventReader events = export.events(partition)) {
                for (byte[] bytes = events.next(); bytes != null; bytes = events.next()) {
                    long position = events.count() - 1;
                    ChainedEvent event;
                    try {
                        event = AuditCodec.decode(bytes);
                    } catch (AuditFormatException e) {
                        throw new AuditToolException("log " + partition + " position " + position
                                + ": not a valid audit event (" + e.getMessage() + "); run dsx audit verify");
                    }
                    visitor.event(partition, event);
                    all++;
                    if ((all & 0x3ff) == 0) {
                        progress.progress("events", all, -1);
                    }
                }
            }
        }
        progress.progress("events", all, all);
        return all;
    }
}
