package io.dsx.connectors.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.connectors.contributor.GatewayClient;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The accounting of disclosures for one data subject (HIPAA §164.528's question): every release of the
 * subject's records from one dataset, when, to whom, which fields, under which grant and purpose. The log
 * holds only keyed hashes of the subjects each response served ({@code subjects_served}); the hash of the
 * subject is computed by the gateway, which alone holds the key ({@link #subjectHash}). The identifier is
 * sent there and nowhere else, and never printed.
 */
public final class Disclosures {
    /** Column names of {@link Release#cells()}. */
    public static final List<String> COLUMNS =
            List.of("time", "log", "seq", "researcher", "institution", "job", "fields", "grant", "purpose");

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One release of the subject's records. */
    public record Release(
            int log,
            long seq,
            String time,
            String researcher,
            String institution,
            String job,
            List<String> fields,
            String grant,
            String purpose) {

        public List<String> cells() {
            return List.of(
                    time,
                    Integer.toString(log),
                    Long.toString(seq),
                    AccessQuery.text(researcher),
                    AccessQuery.text(institution),
                    AccessQuery.text(job),
                    String.join(" ", fields),
                    AccessQuery.text(grant),
                    AccessQuery.text(purpose));
        }
    }

    private Disclosures() {}

    /** {@code POST /v1/audit/subject-hash}: the subject's keyed hash for {@code dataset}. */
    public static String subjectHash(GatewayClient gateway, String dataset, String subject)
            throws GatewayException, AuditToolException {
        JsonNode answer;
        try {
            answer = gateway.postJson(
                    "/v1/audit/subject-hash",
                    JSON.createObjectNode().put("dataset", dataset).put("subject", subject));
        } catch (GatewayException e) {
            // a gateway that echoes the identifier in its problem detail must not get it printed
            String detail = e.detail() == null ? null : e.detail().replace(subject, "***");
            throw new GatewayException(e.status(), e.code(), detail);
        }
        String hash = answer.path("hash").asText("");
        if (!HASH.matcher(hash).matches()) {
            throw new AuditToolException("the gateway's subject-hash answer is not 64 lower-case hex characters");
        }
        return hash;
    }

    /** Every release from {@code dataset} whose subjects served include {@code subjectHash}, in log order. */
    public static List<Release> find(AuditExport export, String dataset, String subjectHash, ProgressListener progress)
            throws AuditToolException {
        if (subjectHash == null || !HASH.matcher(subjectHash).matches()) {
            throw new AuditToolException("a subject hash is 64 lower-case hex characters");
        }
        byte[] wanted = subjectHash.getBytes(StandardCharsets.US_ASCII);
        Map<String, String> purposeByGrant = new HashMap<>();
        List<Release> found = new ArrayList<>();
        List<String> ownPurpose = new ArrayList<>();
        ExportEvents.forEach(export, progress, (partition, chained) -> {
            AuditEvent e = chained.event();
            AuditDetail d = e.dsx();
            String purpose = purpose(e);
            if (purpose != null && d.grantId() != null && purposeByGrant.size() < ExportLimits.MAX_DISTINCT) {
                purposeByGrant.putIfAbsent(d.grantId(), purpose);
            }
            if (dataset.equals(d.dataset()) && served(d.subjectsServed(), wanted)) {
                if (found.size() >= ExportLimits.MAX_RELEASES) {
                    throw new AuditToolException("more than " + ExportLimits.MAX_RELEASES
                            + " releases of one subject: narrow the export to a period");
                }
                found.add(new Release(
                        partition,
                        chained.seq(),
                        e.timestampText(),
                        d.subject(),
                        d.institution(),
                        d.jobId(),
                        d.fields(),
                        d.grantId(),
                        null));
                ownPurpose.add(purpose);
            }
        });
        List<Release> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Release r = found.get(i);
            String purpose = ownPurpose.get(i) != null ? ownPurpose.get(i) : purposeByGrant.get(r.grant());
            out.add(new Release(
                    r.log(),
                    r.seq(),
                    r.time(),
                    r.researcher(),
                    r.institution(),
                    r.job(),
                    r.fields(),
                    r.grant(),
                    purpose));
        }
        return out;
    }

    /** Constant-time per comparison: the hash is not secret, but how far it matched need not show. */
    private static boolean served(List<String> hashes, byte[] wanted) {
        boolean hit = false;
        for (String h : hashes) {
            hit |= MessageDigest.isEqual(h.getBytes(StandardCharsets.US_ASCII), wanted);
        }
        return hit;
    }

    /** The purpose the decision recorded: {@code input.context.purpose} (DUO code, and disease if given). */
    private static String purpose(AuditEvent e) {
        JsonNode p = CanonicalJson.parse(e.input()).path("context").path("purpose");
        if (p.isTextual()) {
            return p.asText();
        }
        if (!p.path("code").isTextual()) {
            return null;
        }
        String disease = p.path("disease").isTextual() ? " " + p.path("disease").asText() : "";
        return p.path("code").asText() + disease;
    }
}
