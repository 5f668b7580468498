package io.dsx.gateway.kafka;

import java.util.Map;

/** The topics of DESIGN.md §4 and their cleanup policies. */
public final class Topics {

    public static final String LEDGER = "dsx.ledger";
    public static final String CATALOG = "dsx.catalog";
    public static final String KEYS = "dsx.keys";
    public static final String GRANTS = "dsx.grants";
    public static final String POLICIES = "dsx.policies";
    public static final String AUDIT = "dsx.audit";
    public static final String AUDIT_CHECKPOINTS = "dsx.audit.checkpoints";
    public static final String DATA_PREFIX = io.dsx.schemas.stored.DataTopics.PREFIX;

    /** Topic name to its settings; "never deleted" means retention -1. */
    static final Map<String, Map<String, String>> SYSTEM = Map.of(
            LEDGER, Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1"),
            CATALOG, Map.of("cleanup.policy", "compact"),
            KEYS, Map.of("cleanup.policy", "compact"),
            GRANTS, Map.of("cleanup.policy", "compact"),
            POLICIES, Map.of("cleanup.policy", "compact"),
            AUDIT, Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1"),
            AUDIT_CHECKPOINTS, Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1"));

    private Topics() {}

    /** The audit log and its checkpoints: created with {@code dsx.kafka.audit-partitions} partitions, one per log. */
    public static boolean isAudit(String topic) {
        return AUDIT.equals(topic) || AUDIT_CHECKPOINTS.equals(topic);
    }

    public static String data(String datasetId) {
        return io.dsx.schemas.stored.DataTopics.of(datasetId);
    }
}
