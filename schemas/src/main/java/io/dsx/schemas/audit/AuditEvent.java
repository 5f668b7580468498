package io.dsx.schemas.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one audit event says, before the log gives it a place ({@link ChainedEvent} adds seq and prev).
 * The OPA decision-log fields keep their OPA meaning; {@code bundleRevision} is the revision of the
 * {@code dsx} bundle ({@code bundles.dsx.revision}), null when no policy was asked; {@code result} is
 * then JSON {@code null} and {@code path} empty.
 *
 * <p>The constructor canonicalises (JSON text, millisecond UTC timestamp, sorted labels) and bounds
 * every part ({@link AuditLimits}), so equal events have equal bytes.
 */
public record AuditEvent(
        String decisionId,
        Instant timestamp,
        String path,
        String input,
        String result,
        String bundleRevision,
        SortedMap<String, String> labels,
        AuditDetail dsx) {

    /** The OPA bundle name dsx decisions come from. */
    public static final String BUNDLE = "dsx";

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public AuditEvent {
        checkText("decision_id", decisionId, false);
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is required");
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
        checkText("path", path, false);
        input = canonicalJson("input", input);
        result = canonicalJson("result", result == null ? "null" : result);
        checkText("bundle revision", bundleRevision, true);
        TreeMap<String, String> sorted = new TreeMap<>(labels == null ? Map.of() : labels);
        if (sorted.size() > AuditLimits.MAX_LABELS) {
            throw new IllegalArgumentException("more than " + AuditLimits.MAX_LABELS + " labels");
        }
        sorted.forEach((k, v) -> {
            checkText("label name", k, false);
            checkText("label " + k, v, false);
        });
        labels = java.util.Collections.unmodifiableSortedMap(sorted);
        if (dsx == null) {
            throw new IllegalArgumentException("dsx detail is required");
        }
    }

    /** An event with a fresh random decision id, for an action no policy decided (path empty, result null). */
    public static AuditEvent action(Instant at, String inputJson, Map<String, String> labels, AuditDetail dsx) {
        return new AuditEvent(UUID.randomUUID().toString(), at, "", inputJson, null, null, new TreeMap<>(labels), dsx);
    }

    /** RFC 3339 text of the timestamp, as written: {@code 2026-12-07T23:00:00.123Z}. */
    public String timestampText() {
        return TIMESTAMP.format(timestamp);
    }

    /** True when a policy decided this event (it has a bundle revision and a query path), so it can be replayed. */
    public boolean isDecision() {
        return bundleRevision != null && !path.isEmpty();
    }

    static void checkText(String what, String value, boolean optional) {
        if (value == null) {
            if (optional) {
                return;
            }
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > AuditLimits.MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + AuditLimits.MAX_TEXT + " characters");
        }
    }

    private static String canonicalJson(String what, String json) {
        if (json == null) {
            throw new IllegalArgumentException(what + " is required (JSON text)");
        }
        String canonical = CanonicalJson.of(json);
        if (canonical.length() > AuditLimits.MAX_JSON_CHARS) {
            throw new IllegalArgumentException(what + " is longer than " + AuditLimits.MAX_JSON_CHARS + " characters");
        }
        return canonical;
    }
}
