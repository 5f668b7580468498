package io.dsx.connectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsx.connectors.contributor.GatewayClient;
import io.dsx.connectors.contributor.GatewayException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The researcher's and steward's commands: {@code datasets, request, requests, grants, approve,
 * deny, revoke}. They act with the bearer token in {@code DSX_TOKEN} (a Keycloak user token). Each
 * prints JSON on stdout (one object or array) and a one-line summary on stderr.
 */
final class AccessCommands {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AUTH = "Acts as the user whose Keycloak access token is in env DSX_TOKEN.";

    private AccessCommands() {}

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Command(
            name = "datasets",
            mixinStandardHelpOptions = true,
            description = {
                "List and search the catalog: each dataset's owner, DUO codes, record count, latest "
                        + "schema version and fields with their sensitivity and tags. Metadata only, never data.",
                AUTH
            },
            footer = {"", "Example:", "  dsx datasets --gateway http://127.0.0.1:8080 --tag diagnosis"})
    static final class Datasets implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Option(names = "--search", paramLabel = "TEXT", description = "Text in id, title or description.")
        String text;

        @Option(names = "--tag", paramLabel = "TAG", description = "A tag some field carries.")
        String tag;

        @Option(names = "--duo", paramLabel = "CODE", description = "A DUO code, e.g. DUO:0000006.")
        String duo;

        Datasets(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            StringBuilder query = new StringBuilder();
            if (text != null) {
                query.append("&q=").append(q(text));
            }
            if (tag != null) {
                query.append("&tag=").append(q(tag));
            }
            if (duo != null) {
                query.append("&duo=").append(q(duo));
            }
            String path = "/v1/datasets" + (query.length() == 0 ? "" : "?" + query.substring(1));
            JsonNode all = gateway.connect(ctx).getJson(path);
            ctx.out().println(all.toPrettyString());
            ctx.err().println("dsx: " + all.size() + " dataset(s)");
            return 0;
        }
    }

    @Command(
            name = "request",
            mixinStandardHelpOptions = true,
            description = {
                "Ask for access to some fields of a dataset for a purpose. The usage policy answers at "
                        + "once: granted, denied (each reason names the rule), or pending a steward of the dataset's "
                        + "owning institution.",
                AUTH
            },
            footer = {
                "",
                "Example:",
                "  dsx request --gateway http://127.0.0.1:8080 --dataset cardio-visits \\",
                "    --field ward --field visit_date --purpose HMB --project heart-study \\",
                "    --ethics-approval METC-2026-017 --days 30"
            })
    static final class Request implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Option(names = "--dataset", required = true, paramLabel = "ID", description = "The dataset.")
        String dataset;

        @Option(names = "--field", required = true, paramLabel = "NAME", description = "A field you need (repeat).")
        List<String> fields = new ArrayList<>();

        @Option(
                names = "--purpose",
                required = true,
                paramLabel = "CODE",
                description = "DUO purpose: GRU, HMB, DS, POA or CC (or its DUO id).")
        String purpose;

        @Option(names = "--disease", paramLabel = "TERM", description = "For DS: a MONDO term, e.g. MONDO:0007254.")
        String disease;

        @Option(names = "--non-commercial", description = "Declare the use non-commercial (needed for NCU data).")
        boolean nonCommercial;

        @Option(
                names = "--project",
                required = true,
                paramLabel = "NAME",
                description = "Project name (public once approved).")
        String project;

        @Option(names = "--ethics-approval", paramLabel = "REF", description = "Ethics approval reference.")
        String ethics;

        @Option(names = "--days", paramLabel = "N", description = "Term asked for, in days (default 90).")
        Integer days;

        Request(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            ObjectNode body = JSON.createObjectNode().put("dataset", dataset).put("project", project);
            fields.forEach(body.putArray("fields")::add);
            ObjectNode p = body.putObject("purpose").put("code", purpose);
            if (disease != null) {
                p.put("disease", disease);
            }
            if (nonCommercial) {
                p.put("commercial", false);
            }
            if (ethics != null) {
                body.put("ethicsApproval", ethics);
            }
            if (days != null) {
                body.put("durationDays", days);
            }
            JsonNode r = gateway.connect(ctx).postJson("/v1/access-requests", body);
            ctx.out().println(r.toPrettyString());
            ctx.err()
                    .println("dsx: request " + r.path("id").asText() + " is "
                            + r.path("status").asText()
                            + reasons(r.path("decision").path("reasons")));
            return 0;
        }
    }

    static String reasons(JsonNode reasons) {
        List<String> out = new ArrayList<>();
        reasons.forEach(r -> out.add(r.asText()));
        return out.isEmpty() ? "" : ": " + String.join("; ", out);
    }

    @Command(
            name = "requests",
            mixinStandardHelpOptions = true,
            description = {
                "List access requests: a researcher sees their own, a steward those for their "
                        + "institution's datasets.",
                AUTH
            },
            footer = {"", "Example:", "  dsx requests --gateway http://127.0.0.1:8080 --status pending"})
    static final class Requests implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Option(names = "--status", paramLabel = "S", description = "pending, granted, denied, revoked or expired.")
        String status;

        Requests(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            JsonNode all = gateway.connect(ctx)
                    .getJson("/v1/access-requests" + (status == null ? "" : "?status=" + q(status)));
            ctx.out().println(all.toPrettyString());
            ctx.err().println("dsx: " + all.size() + " request(s)");
            return 0;
        }
    }

    @Command(
            name = "grants",
            mixinStandardHelpOptions = true,
            description = {"List grants you may see, with their fields, obligations and term.", AUTH},
            footer = {"", "Example:", "  dsx grants --gateway http://127.0.0.1:8080"})
    static final class Grants implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        Grants(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            JsonNode all = gateway.connect(ctx).getJson("/v1/grants");
            ctx.out().println(all.toPrettyString());
            ctx.err().println("dsx: " + all.size() + " grant(s)");
            return 0;
        }
    }

    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = {
                "As a steward of the owning institution, approve a pending request, optionally "
                        + "with fewer fields or an earlier end than the policy allowed.",
                AUTH
            },
            footer = {
                "",
                "Example:",
                "  dsx approve --gateway http://127.0.0.1:8080 \\",
                "    0193a0d2-5f1e-7c3a-9b2d-1e4f5a6b7c8d --field ward \\",
                "    --until 2027-03-01T00:00:00Z"
            })
    static final class Approve implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Parameters(paramLabel = "REQUEST", description = "The request's id.")
        String id;

        @Option(names = "--field", paramLabel = "NAME", description = "Grant only these fields (repeat).")
        List<String> fields = new ArrayList<>();

        @Option(names = "--until", paramLabel = "TIME", description = "End the grant at this RFC 3339 time.")
        String until;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the approval.")
        String note;

        Approve(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            ObjectNode body = JSON.createObjectNode();
            if (!fields.isEmpty()) {
                fields.forEach(body.putArray("fields")::add);
            }
            if (until != null) {
                body.put("expiresAt", until);
            }
            if (note != null) {
                body.put("note", note);
            }
            return decided(
                    ctx,
                    gateway.connect(ctx)
                            .postJson("/v1/access-requests/" + GatewayClient.segment(id) + "/approval", body));
        }
    }

    static int decided(CliContext ctx, JsonNode r) {
        ctx.out().println(r.toPrettyString());
        ctx.err()
                .println("dsx: request " + r.path("id").asText() + " is "
                        + r.path("status").asText());
        return 0;
    }

    @Command(
            name = "deny",
            mixinStandardHelpOptions = true,
            description = {"As a steward of the owning institution, deny a pending request.", AUTH},
            footer = {
                "",
                "Example:",
                "  dsx deny --gateway http://127.0.0.1:8080 \\",
                "    0193a0d2-5f1e-7c3a-9b2d-1e4f5a6b7c8d --reason \"no collaboration agreement\""
            })
    static final class Deny implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Parameters(paramLabel = "REQUEST", description = "The request's id.")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (told to the researcher).")
        String reason;

        Deny(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            return decided(
                    ctx,
                    gateway.connect(ctx)
                            .postJson(
                                    "/v1/access-requests/" + GatewayClient.segment(id) + "/denial",
                                    JSON.createObjectNode().put("reason", reason)));
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = {
                "As a steward of the owning institution (or an operator), revoke a grant: its jobs "
                        + "read nothing more, and an open stream ends within the data plane's re-check bound.",
                AUTH
            },
            footer = {
                "",
                "Example:",
                "  dsx revoke --gateway http://127.0.0.1:8080 \\",
                "    0193a0d2-5f1e-7c3a-9b2d-1e4f5a6b7c8d --reason \"project ended\""
            })
    static final class Revoke implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Parameters(paramLabel = "GRANT", description = "The grant's (request's) id.")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        Revoke(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            return decided(
                    ctx,
                    gateway.connect(ctx)
                            .postJson(
                                    "/v1/access-requests/" + GatewayClient.segment(id) + "/revocation",
                                    JSON.createObjectNode().put("reason", reason)));
        }
    }
}
