package io.dsx.gateway.web;

import java.util.List;
import java.util.Map;

/**
 * The API as built, for the OpenAPI document ({@link OpenApiConfig}): per operation its id, its
 * success status and the problem codes it may answer, by status. One table, checked against the
 * running gateway by {@code OpenApiIT}; docs/api.md says the same in prose.
 */
final class ApiDocs {

    /** One operation: {@code key} is {@code "METHOD path"}. */
    record Op(String id, int success, Map<Integer, List<String>> problems) {}

    static final List<String> AUTH = List.of("unauthenticated", "invalid_token");
    static final List<String> FORBIDDEN = List.of("forbidden");

    static final Map<String, Op> OPS = Map.ofEntries(
            Map.entry("GET /.well-known/dsx", new Op("getGatewayInfo", 200, Map.of())),
            Map.entry("GET /.well-known/dsx-job-keys", new Op("getJobTokenKeys", 200, Map.of())),
            Map.entry("GET /v1/me", new Op("getMe", 200, Map.of())),
            Map.entry("GET /v1/admin/config", new Op("getConfig", 200, Map.of())),
            Map.entry(
                    "POST /v1/admin/institutions",
                    new Op(
                            "registerInstitution",
                            201,
                            Map.of(
                                    400,
                                    List.of("malformed_request"),
                                    409,
                                    List.of("institution_exists"),
                                    422,
                                    List.of("invalid_certificate")))),
            Map.entry(
                    "POST /v1/admin/institutions/{id}/keys",
                    new Op(
                            "addInstitutionKey",
                            201,
                            Map.of(
                                    404,
                                    List.of("unknown_institution"),
                                    409,
                                    List.of("key_exists"),
                                    422,
                                    List.of("invalid_certificate")))),
            Map.entry(
                    "POST /v1/admin/institutions/{id}/keys/{keyId}/revoke",
                    new Op(
                            "revokeInstitutionKey",
                            200,
                            Map.of(
                                    400,
                                    List.of("malformed_request"),
                                    404,
                                    List.of("unknown_institution", "unknown_key")))),
            Map.entry(
                    "GET /v1/institutions/{id}",
                    new Op("getInstitution", 200, Map.of(404, List.of("unknown_institution")))),
            Map.entry("GET /v1/datasets", new Op("listDatasets", 200, Map.of(400, List.of("malformed_request")))),
            Map.entry("GET /v1/datasets/{id}", new Op("getDataset", 200, Map.of(404, List.of("unknown_dataset")))),
            Map.entry(
                    "GET /v1/datasets/{id}/schemas/{version}",
                    new Op("getDatasetSchema", 200, Map.of(404, List.of("unknown_dataset", "unknown_schema_version")))),
            Map.entry(
                    "POST /v1/datasets",
                    new Op(
                            "registerDataset",
                            201,
                            Map.of(
                                    400,
                                    List.of("malformed_request"),
                                    409,
                                    List.of("dataset_exists"),
                                    422,
                                    List.of("invalid_schema")))),
            Map.entry(
                    "POST /v1/datasets/{id}/schemas",
                    new Op(
                            "addDatasetSchema",
                            201,
                            Map.of(
                                    403,
                                    List.of("not_owner"),
                                    404,
                                    List.of("unknown_dataset"),
                                    409,
                                    List.of("incompatible_schema"),
                                    422,
                                    List.of("invalid_schema")))),
            Map.entry(
                    "POST /v1/datasets/{id}/contributions",
                    new Op(
                            "contribute",
                            201,
                            Map.ofEntries(
                                    Map.entry(
                                            400,
                                            List.of(
                                                    "malformed_envelope",
                                                    "bad_signature",
                                                    "decrypt_failed",
                                                    "merkle_mismatch",
                                                    "count_mismatch",
                                                    "record_invalid",
                                                    "unknown_recipient_key",
                                                    "unsupported_version")),
                                    Map.entry(
                                            403,
                                            List.of(
                                                    "foreign_key",
                                                    "key_revoked",
                                                    "not_owner",
                                                    "certificate_not_valid")),
                                    Map.entry(404, List.of("unknown_dataset", "unknown_key", "unknown_schema_version")),
                                    Map.entry(409, List.of("manifest_mismatch", "contribution_in_progress")),
                                    Map.entry(413, List.of("too_large")),
                                    Map.entry(415, List.of("unsupported_media_type")),
                                    Map.entry(503, List.of("write_aborted"))))),
            Map.entry(
                    "POST /v1/access-requests",
                    new Op(
                            "fileAccessRequest",
                            201,
                            Map.of(
                                    400,
                                    List.of("malformed_request", "bad_request"),
                                    404,
                                    List.of("unknown_dataset"),
                                    422,
                                    List.of("unknown_field")))),
            Map.entry("GET /v1/access-requests", new Op("listAccessRequests", 200, Map.of())),
            Map.entry(
                    "GET /v1/access-requests/{id}",
                    new Op("getAccessRequest", 200, Map.of(404, List.of("unknown_access_request")))),
            Map.entry(
                    "POST /v1/access-requests/{id}/approval",
                    new Op(
                            "approveAccessRequest",
                            200,
                            Map.of(
                                    400,
                                    List.of("malformed_request"),
                                    403,
                                    List.of("not_owner"),
                                    404,
                                    List.of("unknown_access_request"),
                                    409,
                                    List.of("request_not_pending"),
                                    422,
                                    List.of("field_not_permitted")))),
            Map.entry(
                    "POST /v1/access-requests/{id}/denial",
                    new Op(
                            "denyAccessRequest",
                            200,
                            Map.of(
                                    400,
                                    List.of("malformed_request"),
                                    403,
                                    List.of("not_owner"),
                                    404,
                                    List.of("unknown_access_request"),
                                    409,
                                    List.of("request_not_pending")))),
            Map.entry(
                    "POST /v1/access-requests/{id}/revocation",
                    new Op(
                            "revokeGrant",
                            200,
                            Map.of(
                                    400,
                                    List.of("malformed_request"),
                                    403,
                                    List.of("not_owner"),
                                    404,
                                    List.of("unknown_access_request"),
                                    409,
                                    List.of("not_granted")))),
            Map.entry("GET /v1/grants", new Op("listGrants", 200, Map.of())),
            Map.entry("GET /v1/register", new Op("getRegister", 200, Map.of())),
            Map.entry(
                    "POST /v1/jobs",
                    new Op(
                            "submitJob",
                            201,
                            Map.of(
                                    400,
                                    List.of("malformed_request"),
                                    403,
                                    List.of("grant_not_live"),
                                    404,
                                    List.of("unknown_access_request")))),
            Map.entry(
                    "POST /v1/jobs/{id}/token",
                    new Op(
                            "issueJobToken",
                            200,
                            Map.of(
                                    403,
                                    List.of("grant_not_live"),
                                    404,
                                    List.of("unknown_job", "unknown_access_request")))),
            Map.entry("GET /v1/jobs", new Op("listJobs", 200, Map.of())),
            Map.entry(
                    "GET /v1/jobs/{id}/records",
                    new Op(
                            "readJobRecords",
                            200,
                            Map.of(
                                    400, List.of("invalid_cursor", "malformed_request"),
                                    403, List.of("not_yours", "access_denied", "grant_not_live"),
                                    404, List.of("unknown_job", "unknown_dataset")))));

    private ApiDocs() {}
}
