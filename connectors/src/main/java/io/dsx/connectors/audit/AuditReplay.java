package io.dsx.connectors.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsx.policy.Policy;
import io.dsx.policy.decision.Decision;
import io.dsx.policy.decision.DecisionPoint;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.Value;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.CanonicalJson;
import io.dsx.schemas.audit.ChainedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Re-evaluates every recorded decision (an event with a bundle revision and a query path) on its
 * recorded input, under its recorded policy revision, and compares with its recorded result; or, for
 * a what-if, under another bundle, listing the decisions that would come out differently.
 *
 * <p>Evaluation is the gateway's: {@link DecisionPoint} with strict builtin errors, the decision's
 * own time ({@code input.context.time}, else the event's timestamp) as {@code time.now_ns}, a fixed
 * random seed, and the gateway's default limits. The recorded result is {@link Decision#toValue()}.
 */
public final class AuditReplay {
    /** The gateway's default decision budget ({@code dsx.policy.decision-timeout}, {@code max-steps}). */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    static final long MAX_STEPS = 10_000_000L;
    static final int MAX_COLLECTION = 100_000;

    /** What a finding is. */
    public enum Kind {
        /** Replayed under its own revision, the decision differs from the recorded one. */
        MISMATCH,
        /** The decision cannot be replayed: its policy revision is missing or broken, or its path is not a dsx query. */
        UNREPLAYABLE,
        /** What-if: the new bundle decides differently from the recorded decision. */
        CHANGED
    }

    /** One decision worth reporting. {@code detail} says what differs (allow, fields, reasons, obligations) or why. */
    public record Finding(
            int partition,
            long seq,
            String decisionId,
            String timestamp,
            String path,
            String revision,
            Kind kind,
            String detail) {}

    /** Counts of one run. */
    public record Summary(long events, long decisions, long rederived, long findings) {}

    private AuditReplay() {}

    /** Replays under each decision's own revision; each finding goes to {@code findings} as found. */
    public static Summary replay(
            AuditExport export, ProgressListener progress, java.util.function.Consumer<Finding> findings)
            throws AuditToolException {
        PolicyRevisions revisions = new PolicyRevisions(export);
        return run(export, null, revisions, progress, findings);
    }

    /** What-if: every recorded decision under {@code bundle} (a directory, .tar.gz or dsx.policies record). */
    public static Summary whatIf(
            AuditExport export, Path bundle, ProgressListener progress, java.util.function.Consumer<Finding> findings)
            throws AuditToolException {
        return run(export, PolicyRevisions.compileUserBundle(bundle), null, progress, findings);
    }

    private static Summary run(
            AuditExport export,
            Policy whatIf,
            PolicyRevisions revisions,
            ProgressListener progress,
            java.util.function.Consumer<Finding> findings)
            throws AuditToolException {
        long[] counts = new long[3];
        long events = ExportEvents.forEach(export, progress, (partition, chained) -> {
            AuditEvent e = chained.event();
            if (!e.isDecision()) {
                return;
            }
            counts[0]++;
            Finding f = check(partition, chained, whatIf, revisions);
            if (f == null) {
                counts[1]++;
            } else {
                counts[2]++;
                findings.accept(f);
            }
        });
        return new Summary(events, counts[0], counts[1], counts[2]);
    }

    private static Finding check(int partition, ChainedEvent chained, Policy whatIf, PolicyRevisions revisions) {
        AuditEvent e = chained.event();
        String action = action(e.path());
        if (action == null) {
            return finding(
                    partition, chained, Kind.UNREPLAYABLE, "path is not a dsx decision (data.dsx.<action>.decision)");
        }
        Policy policy = whatIf;
        if (policy == null) {
            try {
                policy = revisions.policy(e.bundleRevision());
            } catch (AuditToolException why) {
                return finding(partition, chained, Kind.UNREPLAYABLE, why.getMessage());
            }
        }
        Value input;
        try {
            input = Json.parse(e.input());
        } catch (RuntimeException bad) {
            return finding(partition, chained, Kind.UNREPLAYABLE, "input is not JSON the policy engine reads");
        }
        EvalOptions options = EvalOptions.defaults()
                .withStrict(true)
                .withNowNs(nanos(decisionTime(e)))
                .withRandom(new Random(0))
                .withLimits(TIMEOUT, MAX_STEPS, MAX_COLLECTION);
        Decision d = DecisionPoint.of(policy, () -> options).decide(action, input);
        String replayed = CanonicalJson.of(Json.write(d.toValue()));
        if (replayed.equals(e.result())) {
            return null;
        }
        return finding(
                partition, chained, whatIf == null ? Kind.MISMATCH : Kind.CHANGED, difference(e.result(), replayed));
    }

    /** {@code data.dsx.a.b.decision} or OPA's {@code dsx/a/b/decision} → {@code a.b}; null for any other path. */
    static String action(String path) {
        String middle = null;
        if (path.startsWith("data.dsx.") && path.endsWith(".decision")) {
            middle = path.substring("data.dsx.".length(), path.length() - ".decision".length());
        } else if (path.startsWith("dsx/") && path.endsWith("/decision")) {
            middle = path.substring("dsx/".length(), path.length() - "/decision".length())
                    .replace('/', '.');
        }
        return middle == null || !middle.matches("[a-z][a-z_]*(\\.[a-z][a-z_]*)*") ? null : middle;
    }

    private static Instant decisionTime(AuditEvent e) {
        JsonNode time = CanonicalJson.parse(e.input()).path("context").path("time");
        if (time.isTextual()) {
            try {
                return Instant.parse(time.asText());
            } catch (DateTimeParseException ignored) {
                // the policy sees the text as it is; the clock falls back to the event's time
            }
        }
        return e.timestamp();
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** What differs between two decision results, in a few words. */
    static String difference(String recordedJson, String replayedJson) {
        JsonNode was = CanonicalJson.parse(recordedJson);
        JsonNode now = CanonicalJson.parse(replayedJson);
        List<String> parts = new ArrayList<>();
        for (String key : List.of("allow", "fields", "reasons", "obligations")) {
            if (!was.path(key).equals(now.path(key))) {
                parts.add(key + " " + brief(was.path(key)) + " -> " + brief(now.path(key)));
            }
        }
        if (parts.isEmpty()) {
            parts.add("result " + brief(was) + " -> " + brief(now));
        }
        return String.join("; ", parts);
    }

    private static String brief(JsonNode n) {
        String s = n.isMissingNode() ? "(none)" : n.toString();
        return AuditExport.printable(s);
    }

    private static Finding finding(int partition, ChainedEvent chained, Kind kind, String detail) {
        AuditEvent e = chained.event();
        return new Finding(
                partition,
                chained.seq(),
                e.decisionId(),
                e.timestampText(),
                e.path(),
                e.bundleRevision(),
                kind,
                detail);
    }
}
