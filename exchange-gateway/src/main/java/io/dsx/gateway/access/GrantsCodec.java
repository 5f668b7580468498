package io.dsx.gateway.access;

import io.dsx.gateway.jobs.JobRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one owner of the {@code dsx.grants} record format (v1, JSON, docs/formats.md): key
 * {@code request:<id>} holds an {@link AccessRecord}, key {@code job:<id>} a {@link JobRecord}; the
 * value is the whole current state, so compaction keeps all a replay needs. Key
 * {@code usage:<grant>:<reservation>} holds a {@link GrantUsage} (one key per change: all are kept).
 */
public final class GrantsCodec {

    public static final String REQUEST_PREFIX = "request:";
    public static final String JOB_PREFIX = "job:";
    public static final String USAGE_PREFIX = "usage:";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private GrantsCodec() {}

    public static byte[] encode(AccessRecord r) {
        return JSON.writeValueAsBytes(r);
    }

    public static byte[] encode(JobRecord j) {
        return JSON.writeValueAsBytes(j);
    }

    public static byte[] encode(GrantUsage u) {
        return JSON.writeValueAsBytes(u);
    }

    /** The key of a usage change (the kind is in the key too: a reservation's two records both stay). */
    public static String key(GrantUsage u) {
        return USAGE_PREFIX + u.grant() + ":" + u.reservation() + ":" + u.kind();
    }

    /** Decodes a record; throws IllegalArgumentException for an unknown key kind or a version this gateway cannot read. */
    public static Object decode(String key, byte[] value) {
        Object out;
        if (key != null && key.startsWith(REQUEST_PREFIX)) {
            AccessRecord r = JSON.readValue(value, AccessRecord.class);
            check(r.version());
            out = r;
        } else if (key != null && key.startsWith(JOB_PREFIX)) {
            JobRecord j = JSON.readValue(value, JobRecord.class);
            check(j.version());
            out = j;
        } else if (key != null && key.startsWith(USAGE_PREFIX)) {
            GrantUsage u = JSON.readValue(value, GrantUsage.class);
            check(u.version());
            if (!GrantUsage.RESERVE.equals(u.kind()) && !GrantUsage.SETTLE.equals(u.kind()) || u.records() < 0) {
                throw new IllegalArgumentException("dsx.grants: a usage record of unknown kind or negative count");
            }
            out = u;
        } else {
            throw new IllegalArgumentException("dsx.grants: unknown record key kind");
        }
        return out;
    }

    private static void check(int version) {
        if (version != AccessRecord.VERSION) {
            throw new IllegalArgumentException("dsx.grants: unsupported record version " + version);
        }
    }
}
