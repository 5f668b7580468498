package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §5 invariant 8: bad input of any kind gets a 4xx RFC 9457 problem with a stable code, never a
 * 500. Each request below is wrong in one way; none may be answered with 2xx or 5xx.
 */
class BadInputIT extends GatewayIT {

    private static final String SCHEMA = """
            {"type":"record","name":"B","namespace":"bad","fields":[
              {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true}]}""";
    private static String dataset;

    record Case(String name, String method, String path, String role, String contentType, byte[] body) {}

    private String ensureDataset() throws Exception {
        if (dataset == null) {
            enrol("hospital-a");
            dataset = registerDataset("hospital-a", SCHEMA);
        }
        return dataset;
    }

    private static Case json(String name, String method, String path, String role, String body) {
        return new Case(name, method, path, role, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyKindOfBadInputIsA4xxProblemNeverA5xx() throws Exception {
        String ds = ensureDataset();
        String longText = "x".repeat(200_000);
        List<Case> cases = List.of(
                json("empty institution body", "POST", "/v1/admin/institutions", "operator", ""),
                json("institution body not JSON", "POST", "/v1/admin/institutions", "operator", "{not json"),
                json("institution body an array", "POST", "/v1/admin/institutions", "operator", "[]"),
                json(
                        "institution id with bad characters",
                        "POST",
                        "/v1/admin/institutions",
                        "operator",
                        "{\"id\":\"Bad Id!\",\"name\":\"x\",\"certificates\":[\"x\"]}"),
                json(
                        "institution id of the wrong type",
                        "POST",
                        "/v1/admin/institutions",
                        "operator",
                        "{\"id\":5,\"name\":\"x\",\"certificates\":[]}"),
                json(
                        "institution without certificates",
                        "POST",
                        "/v1/admin/institutions",
                        "operator",
                        "{\"id\":\"no-certs\",\"name\":\"x\"}"),
                json(
                        "institution with a certificate that is not PEM",
                        "POST",
                        "/v1/admin/institutions",
                        "operator",
                        "{\"id\":\"garbage-cert\",\"name\":\"x\",\"certificates\":[\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\"]}"),
                json(
                        "institution name of 200,000 characters",
                        "POST",
                        "/v1/admin/institutions",
                        "operator",
                        "{\"id\":\"long-name\",\"name\":\"" + longText + "\",\"certificates\":[\"x\"]}"),
                new Case(
                        "institution as text/plain",
                        "POST",
                        "/v1/admin/institutions",
                        "operator",
                        "text/plain",
                        "{}".getBytes(StandardCharsets.UTF_8)),
                json(
                        "key for an unknown institution",
                        "POST",
                        "/v1/admin/institutions/no-such-one/keys",
                        "operator",
                        "{\"certificate\":\"x\"}"),
                json(
                        "revoking an unknown key",
                        "POST",
                        "/v1/admin/institutions/hospital-a/keys/00ff/revoke",
                        "operator",
                        "{}"),
                json("empty dataset body", "POST", "/v1/datasets", "hospital-a", ""),
                json(
                        "dataset schema not an object",
                        "POST",
                        "/v1/datasets",
                        "hospital-a",
                        "{\"id\":\"bad-schema-1\",\"title\":\"t\",\"description\":\"\",\"duo\":[],\"schema\":\"nope\"}"),
                json(
                        "dataset schema not a record",
                        "POST",
                        "/v1/datasets",
                        "hospital-a",
                        "{\"id\":\"bad-schema-2\",\"title\":\"t\",\"description\":\"\",\"duo\":[],\"schema\":{\"type\":\"string\"}}"),
                json(
                        "dataset schema with an untagged field",
                        "POST",
                        "/v1/datasets",
                        "hospital-a",
                        "{\"id\":\"bad-schema-3\",\"title\":\"t\",\"description\":\"\",\"duo\":[],\"schema\":"
                                + "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}}"),
                json(
                        "dataset DUO codes of the wrong type",
                        "POST",
                        "/v1/datasets",
                        "hospital-a",
                        "{\"id\":\"bad-duo\",\"title\":\"t\",\"description\":\"\",\"duo\":[123],\"schema\":" + SCHEMA
                                + "}"),
                json(
                        "dataset id with bad characters",
                        "POST",
                        "/v1/datasets",
                        "hospital-a",
                        "{\"id\":\"../etc\",\"title\":\"t\",\"description\":\"\",\"duo\":[],\"schema\":" + SCHEMA
                                + "}"),
                json(
                        "dataset title of 200,000 characters",
                        "POST",
                        "/v1/datasets",
                        "hospital-a",
                        "{\"id\":\"long-title\",\"title\":\"" + longText
                                + "\",\"description\":\"\",\"duo\":[],\"schema\":" + SCHEMA + "}"),
                json(
                        "schema version for an unknown dataset",
                        "POST",
                        "/v1/datasets/no-such-ds/schemas",
                        "hospital-a",
                        "{\"schema\":" + SCHEMA + "}"),
                json("schema version without a schema", "POST", "/v1/datasets/" + ds + "/schemas", "hospital-a", "{}"),
                new Case(
                        "contribution of random bytes",
                        "POST",
                        "/v1/datasets/" + ds + "/contributions",
                        "hospital-a",
                        io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE,
                        new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                new Case(
                        "empty contribution",
                        "POST",
                        "/v1/datasets/" + ds + "/contributions",
                        "hospital-a",
                        io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE,
                        new byte[0]),
                new Case(
                        "contribution to a dataset id with bad characters",
                        "POST",
                        "/v1/datasets/BAD%20ID/contributions",
                        "hospital-a",
                        io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE,
                        new byte[] {2, 0}),
                new Case(
                        "schema version that is not a number",
                        "GET",
                        "/v1/datasets/" + ds + "/schemas/one",
                        "hospital-a",
                        null,
                        new byte[0]),
                new Case(
                        "schema version zero",
                        "GET",
                        "/v1/datasets/" + ds + "/schemas/0",
                        "hospital-a",
                        null,
                        new byte[0]),
                new Case(
                        "schema version beyond int",
                        "GET",
                        "/v1/datasets/" + ds + "/schemas/99999999999",
                        "hospital-a",
                        null,
                        new byte[0]),
                new Case("unknown dataset", "GET", "/v1/datasets/no-such-ds", "hospital-a", null, new byte[0]),
                new Case("unknown institution", "GET", "/v1/institutions/no-such-one", "hospital-a", null, new byte[0]),
                new Case("method not allowed", "DELETE", "/v1/datasets/" + ds, "hospital-a", null, new byte[0]));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            String token = c.role().equals("operator")
                    ? stack().tokens().forUser("operator")
                    : stack().tokens().forInstitution(c.role());
            HttpResponse<String> r = send(c.method(), c.path(), token, c.contentType(), c.body());
            String type = r.headers().firstValue("Content-Type").orElse("");
            boolean problem =
                    type.startsWith("application/problem+json") && r.body().contains("\"code\"");
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !problem) {
                wrong.add(c.name() + " -> " + r.statusCode() + " " + type + " "
                        + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        assertThat(wrong).as("requests not answered with a 4xx problem").isEmpty();
    }
}
