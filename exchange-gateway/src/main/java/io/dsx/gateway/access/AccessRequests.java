package io.dsx.gateway.access;

import io.dsx.gateway.catalog.CatalogService;
import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.Refusal.Code;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The request bodies of the access API and their bounds: every size and count is limited here. */
public final class AccessRequests {

    static final int MAX_FIELDS = 256;
    static final int MAX_LISTED = 1000;
    static final int DEFAULT_DURATION_DAYS = 90;
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,8}|DUO:[0-9]{7}");
    private static final Pattern DISEASE = Pattern.compile("[A-Z]{2,10}[:_][0-9]{4,10}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private AccessRequests() {}

    /** Purpose: a DUO code ({@code HMB} or {@code DUO:0000006}), a disease (MONDO term) where DUO needs one. */
    public record PurposeBody(String code, String disease, Boolean commercial) {}

    /** {@code POST /v1/access-requests}. */
    public record Body(
            String dataset,
            List<String> fields,
            PurposeBody purpose,
            String project,
            String ethicsApproval,
            Integer durationDays) {}

    /** {@code POST /v1/access-requests/{id}/approval}: all optional. */
    public record Approval(List<String> fields, String expiresAt, String note) {}

    public record Reason(String reason) {}

    static AccessService.Ask validate(Body b) {
        if (b == null) {
            throw refuse("a JSON body is required");
        }
        if (b.dataset() == null || !CatalogService.ID.matcher(b.dataset()).matches()) {
            throw refuse("dataset must be a dataset id");
        }
        if (b.purpose() == null
                || b.purpose().code() == null
                || !CODE.matcher(b.purpose().code()).matches()) {
            throw refuse("purpose.code must be a DUO code such as HMB or DUO:0000006");
        }
        if (b.purpose().disease() != null
                && !DISEASE.matcher(b.purpose().disease()).matches()) {
            throw refuse("purpose.disease must be an ontology term such as MONDO:0007254");
        }
        int days = b.durationDays() == null ? DEFAULT_DURATION_DAYS : b.durationDays();
        if (days < 1 || days > 3660) {
            throw refuse("durationDays must be 1 to 3660 (the policy may allow less)");
        }
        return new AccessService.Ask(
                b.dataset(),
                fields(b.fields(), false),
                new AccessRecord.Purpose(
                        b.purpose().code(), b.purpose().disease(), b.purpose().commercial()),
                text("project", b.project(), 200, true),
                text("ethicsApproval", b.ethicsApproval(), 200, false),
                days);
    }

    static List<String> fields(List<String> fields, boolean optional) {
        if (fields == null || fields.isEmpty()) {
            if (optional) {
                return null;
            }
            throw refuse("fields must name at least one field");
        }
        if (fields.size() > MAX_FIELDS) {
            throw refuse("fields holds at most " + MAX_FIELDS + " names");
        }
        for (String f : fields) {
            if (f == null || !FIELD.matcher(f).matches()) {
                throw refuse("fields must be Avro field names");
            }
        }
        return List.copyOf(new LinkedHashSet<>(fields));
    }

    static String text(String name, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw refuse(name + " is required");
            }
            return null;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw refuse(name + " is at most " + max + " characters, without control characters");
        }
        return value.strip();
    }

    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw refuse("expiresAt must be an RFC 3339 time such as 2027-01-31T00:00:00Z");
        }
    }

    static String id(String id) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw Refusal.of(
                    Code.UNKNOWN_ACCESS_REQUEST, "no access request " + (id == null || id.length() > 64 ? "" : id));
        }
        return id;
    }

    private static Refusal.Exception refuse(String detail) {
        return Refusal.of(Code.MALFORMED_REQUEST, detail);
    }
}
