package io.dsx.gateway.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.connectors.cli.CliContext;
import io.dsx.connectors.cli.DsxCli;
import io.dsx.connectors.contributor.RetryPolicy;
import io.dsx.gateway.it.GatewayIT;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The researcher's and steward's CLI against the real gateway, Keycloak and broker. */
class CliAccessIT extends GatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run dsx(String user, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                Map.of("DSX_TOKEN", stack().tokens().forUser(user)),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                false,
                Clock.systemUTC(),
                new SecureRandom(),
                CliContext.defaultHttp(),
                RetryPolicy.DEFAULT);
        // --gateway goes after the command's words ("job submit" has two)
        int words = args[0].equals("job") ? 2 : 1;
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, words);
        all[words] = "--gateway";
        all[words + 1] = "http://127.0.0.1:" + port;
        System.arraycopy(args, words, all, words + 2, args.length - words);
        return new Run(DsxCli.run(ctx, all), out.toString(), err.toString());
    }

    @Test
    void aResearcherFindsRequestsAndAStewardApprovesAndRevokesWithTheCli() throws Exception {
        String id = "cli-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> ds = postJson(
                "/v1/datasets",
                stack().tokens().forInstitution("hospital-a"),
                JSON.writeValueAsString(Map.of(
                        "id",
                        id,
                        "title",
                        "CLI access " + id,
                        "description",
                        "visits",
                        "duo",
                        List.of("DUO:0000006", "DUO:0000020"),
                        "schema",
                        JSON.readTree(io.dsx.gateway.it.AccessIT.SCHEMA))));
        assertThat(ds.statusCode()).as(ds.body()).isEqualTo(201);

        Run found = dsx("researcher", "datasets", "--search", id);
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(JSON.readTree(found.out()).get(0).get("id").asText()).isEqualTo(id);

        Run asked = dsx(
                "researcher",
                "request",
                "--dataset",
                id,
                "--field",
                "ward",
                "--field",
                "visit_date",
                "--purpose",
                "HMB",
                "--project",
                "cli study",
                "--days",
                "20");
        assertThat(asked.exit()).as(asked.err()).isZero();
        JsonNode request = JSON.readTree(asked.out());
        String rid = request.get("id").asText();
        assertThat(asked.err()).contains("is pending");

        Run foreign = dsx("steward-b", "approve", rid);
        assertThat(foreign.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(foreign.err().strip())
                .startsWith("dsx: ")
                .contains("not_owner")
                .doesNotContain("\n");

        Run pending = dsx("steward-a", "requests", "--status", "pending");
        assertThat(pending.out()).contains(rid);
        Run approved = dsx("steward-a", "approve", rid, "--field", "ward", "--note", "agreed");
        assertThat(approved.exit()).as(approved.err()).isZero();
        assertThat(approved.err()).contains("is granted");
        assertThat(dsx("researcher", "grants").out()).contains(rid);

        Path code = Files.writeString(dir.resolve("analysis.py"), "print('hello')\n");
        Run job = dsx(
                "researcher", "job", "submit", "--grant", rid, "--code", code.toString(), "--description", "counts");
        assertThat(job.exit()).as(job.err()).isZero();
        assertThat(JSON.readTree(job.out()).get("codeDigest").asText())
                .isEqualTo("sha256:" + io.dsx.crypto.hash.Sha256.hex(Files.readAllBytes(code)));

        Run revoked = dsx("steward-a", "revoke", rid, "--reason", "ended");
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.err()).contains("is revoked");
        Run late = dsx("researcher", "job", "submit", "--grant", rid, "--code", code.toString(), "--description", "x");
        assertThat(late.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(late.err()).contains("grant_not_live");
    }
}
