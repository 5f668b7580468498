package io.dsx.gateway.policy;

import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.security.DsxPrincipal;
import io.dsx.schemas.dataset.DatasetField;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the policy input of DESIGN §3.4 ({@code action, subject, resource, context}) as JSON-shaped
 * Java values. The one place that decides what a policy sees; docs/policy-authoring.md describes it.
 */
public final class PolicyInputs {

    /** At most this many visas of at most this many characters each are passed to the policy. */
    static final int MAX_VISAS = 32;

    static final int MAX_VISA_CHARS = 4096;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyInputs() {}

    /**
     * {@code input.subject} of a Keycloak caller. Visas come from the token's {@code ga4gh_visas}
     * claim (decoded visa claims, objects or JSON strings); malformed ones are dropped, and the
     * policy decides which issuers it trusts and whether a visa is still valid.
     */
    public static Map<String, Object> subject(DsxPrincipal p, Map<String, Object> claims) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", p.id());
        s.put("kind", p.kind().role());
        s.put("institution", p.institution() == null ? "" : p.institution());
        s.put("roles", p.roles());
        s.put("affiliation", p.affiliation() == null ? "" : p.affiliation());
        s.put("visas", visas(claims.get("ga4gh_visas")));
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (claims.get("country") instanceof String c && c.length() <= 8) {
            attributes.put("country", c);
        }
        s.put("attributes", attributes);
        return s;
    }

    /** {@code input.subject} of a job: the job acts for its grant, nothing more. */
    public static Map<String, Object> jobSubject(String jobId) {
        return Map.of(
                "id",
                jobId,
                "kind",
                "job",
                "institution",
                "",
                "roles",
                List.of(),
                "affiliation",
                "",
                "visas",
                List.of(),
                "attributes",
                Map.of());
    }

    static List<Object> visas(Object claim) {
        List<Object> out = new ArrayList<>();
        if (!(claim instanceof Collection<?> all)) {
            return out;
        }
        for (Object v : all) {
            if (out.size() >= MAX_VISAS) {
                break;
            }
            Object visa = v;
            if (v instanceof String text) {
                if (text.length() > MAX_VISA_CHARS) {
                    continue;
                }
                try {
                    visa = JSON.readValue(text, Object.class);
                } catch (RuntimeException malformed) {
                    continue;
                }
            }
            if (visa instanceof Map<?, ?> m && JSON.writeValueAsString(m).length() <= MAX_VISA_CHARS) {
                out.add(m);
            }
        }
        return out;
    }

    /** {@code input.resource}: the dataset as of its latest schema version, and the fields asked for. */
    public static Map<String, Object> resource(Catalog.Dataset d, List<String> fieldsRequested) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (DatasetField f : d.latest().fields()) {
            fields.put(
                    f.name(),
                    Map.of(
                            "sensitivity",
                            f.sensitivity().wireName(),
                            "tags",
                            f.tags(),
                            "type",
                            typeOf(d.latest().avro().getField(f.name()).schema())));
        }
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("id", d.id());
        dataset.put("owner", d.owner());
        dataset.put("duo", d.duo());
        dataset.put("fields", fields);
        return Map.of("dataset", dataset, "fields_requested", fieldsRequested);
    }

    /** The Avro type of a field as the policy sees it: the logical type if any, else the type name; nullable unions unwrapped. */
    static String typeOf(Schema s) {
        Schema t = s;
        if (t.getType() == Schema.Type.UNION) {
            t = t.getTypes().stream()
                    .filter(x -> x.getType() != Schema.Type.NULL)
                    .findFirst()
                    .orElse(t);
        }
        if (t.getLogicalType() != null) {
            return t.getLogicalType().getName();
        }
        return t.getType().getName();
    }

    /** The whole input. {@code context} gets {@code time} (RFC 3339, seconds) added. */
    public static Map<String, Object> input(
            String action,
            Map<String, Object> subject,
            Map<String, Object> resource,
            Map<String, Object> context,
            Instant now) {
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("action", action);
        in.put("subject", subject);
        in.put("resource", resource);
        in.put("context", ctx);
        return in;
    }
}
