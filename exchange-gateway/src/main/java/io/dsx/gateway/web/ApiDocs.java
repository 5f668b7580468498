package io.dsx.gateway.web;

import static io.dsx.gateway.outcome.Refusal.Code.*;

import io.dsx.gateway.outcome.Refusal.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API as built, for the OpenAPI document ({@link OpenApiConfig}): per operation its id, its
 * success status and the problem codes it may answer, by status. One table, checked against the
 * running gateway by {@code OpenApiIT}; docs/api.md says the same in prose.
 */
final class ApiDocs {

    /** One operation: {@code key} is {@code "METHOD path"}. */
    record Op(String id, int success, Map<Integer, List<Code>> problems) {}

    static final List<Code> AUTH = List.of(Code.UNAUTHENTICATED, Code.INVALID_TOKEN);
    static final List<Code> FORBIDDEN = List.of(Code.FORBIDDEN);

    /** An operation and the codes it may answer with; each code's status comes from the registry. */
    static Op op(String id, int success, Code... codes) {
        Map<Integer, List<Code>> byStatus = new TreeMap<>();
        for (Code code : codes) {
            byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>()).add(code);
        }
        return new Op(id, success, Map.copyOf(byStatus));
    }

    static final Map<String, Op> OPS = Map.ofEntries(
            Map.entry("GET /.well-known/dsx", op("getGatewayInfo", 200)),
            Map.entry("GET /.well-known/dsx-job-keys", op("getJobTokenKeys", 200)),
            Map.entry("GET /v1/me", op("getMe", 200)),
            Map.entry("GET /v1/admin/config", op("getConfig", 200)),
            Map.entry(
                    "POST /v1/admin/institutions",
                    op("registerInstitution", 201, MALFORMED_REQUEST, INSTITUTION_EXISTS, INVALID_CERTIFICATE)),
            Map.entry(
                    "POST /v1/admin/institutions/{id}/keys",
                    op("addInstitutionKey", 201, UNKNOWN_INSTITUTION, KEY_EXISTS, INVALID_CERTIFICATE)),
            Map.entry(
                    "POST /v1/admin/institutions/{id}/keys/{keyId}/revoke",
                    op("revokeInstitutionKey", 200, MALFORMED_REQUEST, UNKNOWN_INSTITUTION, UNKNOWN_KEY)),
            Map.entry("GET /v1/institutions/{id}", op("getInstitution", 200, UNKNOWN_INSTITUTION)),
            Map.entry("GET /v1/datasets", op("listDatasets", 200, MALFORMED_REQUEST)),
            Map.entry("GET /v1/datasets/{id}", op("getDataset", 200, UNKNOWN_DATASET)),
            Map.entry(
                    "GET /v1/datasets/{id}/schemas/{version}",
                    op("getDatasetSchema", 200, UNKNOWN_DATASET, UNKNOWN_SCHEMA_VERSION)),
            Map.entry(
                    "POST /v1/datasets", op("registerDataset", 201, MALFORMED_REQUEST, DATASET_EXISTS, INVALID_SCHEMA)),
            Map.entry(
                    "POST /v1/datasets/{id}/schemas",
                    op("addDatasetSchema", 201, NOT_OWNER, UNKNOWN_DATASET, INCOMPATIBLE_SCHEMA, INVALID_SCHEMA)),
            Map.entry(
                    "POST /v1/datasets/{id}/contributions",
                    op(
                            "contribute",
                            201,
                            MALFORMED_ENVELOPE,
                            BAD_SIGNATURE,
                            DECRYPT_FAILED,
                            MERKLE_MISMATCH,
                            COUNT_MISMATCH,
                            RECORD_INVALID,
                            UNKNOWN_RECIPIENT_KEY,
                            UNSUPPORTED_VERSION,
                            FOREIGN_KEY,
                            KEY_REVOKED,
                            NOT_OWNER,
                            CERTIFICATE_NOT_VALID,
                            UNKNOWN_DATASET,
                            UNKNOWN_KEY,
                            UNKNOWN_SCHEMA_VERSION,
                            MANIFEST_MISMATCH,
                            CONTRIBUTION_IN_PROGRESS,
                            TOO_LARGE,
                            UNSUPPORTED_MEDIA_TYPE,
                            WRITE_ABORTED)),
            Map.entry(
                    "POST /v1/access-requests",
                    op("fileAccessRequest", 201, MALFORMED_REQUEST, BAD_REQUEST, UNKNOWN_DATASET, UNKNOWN_FIELD)),
            Map.entry("GET /v1/access-requests", op("listAccessRequests", 200)),
            Map.entry("GET /v1/access-requests/{id}", op("getAccessRequest", 200, UNKNOWN_ACCESS_REQUEST)),
            Map.entry(
                    "POST /v1/access-requests/{id}/approval",
                    op(
                            "approveAccessRequest",
                            200,
                            MALFORMED_REQUEST,
                            NOT_OWNER,
                            UNKNOWN_ACCESS_REQUEST,
                            REQUEST_NOT_PENDING,
                            FIELD_NOT_PERMITTED)),
            Map.entry(
                    "POST /v1/access-requests/{id}/denial",
                    op(
                            "denyAccessRequest",
                            200,
                            MALFORMED_REQUEST,
                            NOT_OWNER,
                            UNKNOWN_ACCESS_REQUEST,
                            REQUEST_NOT_PENDING)),
            Map.entry(
                    "POST /v1/access-requests/{id}/revocation",
                    op("revokeGrant", 200, MALFORMED_REQUEST, NOT_OWNER, UNKNOWN_ACCESS_REQUEST, NOT_GRANTED)),
            Map.entry("GET /v1/grants", op("listGrants", 200)),
            Map.entry("GET /v1/register", op("getRegister", 200)),
            Map.entry("POST /v1/jobs", op("submitJob", 201, MALFORMED_REQUEST, GRANT_NOT_LIVE, UNKNOWN_ACCESS_REQUEST)),
            Map.entry(
                    "POST /v1/jobs/{id}/token",
                    op("issueJobToken", 200, GRANT_NOT_LIVE, UNKNOWN_JOB, UNKNOWN_ACCESS_REQUEST)),
            Map.entry("GET /v1/jobs", op("listJobs", 200)),
            Map.entry(
                    "GET /v1/jobs/{id}/records",
                    op(
                            "readJobRecords",
                            200,
                            INVALID_CURSOR,
                            MALFORMED_REQUEST,
                            NOT_YOURS,
                            ACCESS_DENIED,
                            GRANT_NOT_LIVE,
                            MAX_RECORDS_REACHED,
                            UNKNOWN_JOB,
                            UNKNOWN_DATASET)));

    private ApiDocs() {}
}
