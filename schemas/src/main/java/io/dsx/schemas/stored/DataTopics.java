package io.dsx.schemas.stored;

/** The one place that names a dataset's data topic. */
public final class DataTopics {
    /** Every data topic starts with this; the rest is the dataset id. */
    public static final String PREFIX = "dsx.data.";

    private DataTopics() {}

    /** {@code dsx.data.<datasetId>}. */
    public static String of(String datasetId) {
        return PREFIX + datasetId;
    }
}
