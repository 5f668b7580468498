package io.dsx.connectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.connectors.contributor.GatewayClient;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.connectors.job.JobRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dsx job submit|read}: jobs under a grant and reading their records. */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        description = "Submit jobs and read their records.",
        subcommands = {JobCommand.Submit.class, JobCommand.Read.class})
final class JobCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: submit or read");
    }

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description = {
                "Submit a job under one of your live grants: the digest of its code and what it does. "
                        + "Prints the job, with a short-lived job token for the data plane.",
                AccessCommands.AUTH
            },
            footer = {
                "",
                "Example:",
                "  dsx job submit --gateway http://127.0.0.1:8080 \\",
                "    --grant 0193a0d2-5f1e-7c3a-9b2d-1e4f5a6b7c8d --code analysis.py \\",
                "    --description \"blood pressure by ward\""
            })
    static final class Submit implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Option(names = "--grant", required = true, paramLabel = "ID", description = "The grant to run under.")
        String grant;

        @Option(
                names = "--code",
                required = true,
                paramLabel = "FILE",
                description = "The job's code; its SHA-256 is sent.")
        Path code;

        @Option(names = "--description", required = true, paramLabel = "TEXT", description = "What the job does.")
        String description;

        Submit(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            String digest;
            try {
                digest = "sha256:" + io.dsx.crypto.hash.Sha256.hex(Files.readAllBytes(code));
            } catch (IOException e) {
                throw new CliFailure("cannot read " + code + ": " + e.getClass().getSimpleName());
            }
            JsonNode job = gateway.connect(ctx)
                    .postJson(
                            "/v1/jobs",
                            JSON.createObjectNode()
                                    .put("grant", grant)
                                    .put("codeDigest", digest)
                                    .put("description", description));
            ctx.out().println(job.toPrettyString());
            ctx.err()
                    .println("dsx: job " + job.path("id").asText() + " submitted; its token expires at "
                            + job.path("tokenExpiresAt").asText());
            return 0;
        }
    }

    @Command(
            name = "read",
            mixinStandardHelpOptions = true,
            description = {
                "Read a job's records into FILE, one JSON object per line: only the granted fields, "
                        + "masked and filtered as the grant says. Progress goes to stderr. Run it again after an "
                        + "interruption and it continues where it stopped (FILE.cursor keeps the place).",
                "The job token comes from env DSX_JOB_TOKEN, or is fetched for the job with the user token in "
                        + "env DSX_TOKEN."
            },
            footer = {
                "",
                "Example:",
                "  dsx job read --gateway http://127.0.0.1:8080 \\",
                "    --job 0193a0d2-6a2b-7d4c-8e5f-0a1b2c3d4e5f --out visits.ndjson"
            })
    static final class Read implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Option(names = "--job", required = true, paramLabel = "ID", description = "The job.")
        String job;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the records go (NDJSON).")
        Path out;

        Read(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            String jobToken = ctx.envVar("DSX_JOB_TOKEN");
            if (jobToken == null) {
                GatewayClient client = gateway.connect(ctx);
                jobToken = client.postJson("/v1/jobs/" + GatewayClient.segment(job) + "/token", null)
                        .path("token")
                        .asText();
            }
            GatewayOptions.requireProtected(gateway.gateway, "--gateway", gateway.allowHttp);
            Path state = out.resolveSibling(out.getFileName() + ".cursor");
            String[] resume = resumeState(state);
            String token = jobToken;
            JobRecords records = new JobRecords(gateway.gateway, () -> token, ctx.http(), 5);
            try (FileChannel file = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                long length = resume == null ? 0 : Long.parseLong(resume[1]);
                file.truncate(length);
                file.position(length);
                OutputStream sink = java.nio.channels.Channels.newOutputStream(file);
                long[] count = {0};
                long n = records.read(
                        job, resume == null ? null : resume[0], JobRecords.Format.NDJSON, new JobRecords.Handler() {
                            @Override
                            public void schema(Schema projected) {
                                ctx.err()
                                        .println("dsx: fields "
                                                + projected.getFields().stream()
                                                        .map(Schema.Field::name)
                                                        .toList());
                            }

                            @Override
                            public void record(Object record, String cursor) throws IOException {
                                sink.write((record.toString() + "\n").getBytes(StandardCharsets.UTF_8));
                                if (++count[0] % 1000 == 0) {
                                    sink.flush();
                                    file.force(false);
                                    Files.writeString(state, cursor + " " + file.position() + "\n");
                                    ctx.err().print("\rdsx: " + count[0] + " records");
                                    ctx.err().flush();
                                }
                            }
                        });
                sink.flush();
                Files.deleteIfExists(state);
                ctx.err().println("\rdsx: " + n + " records written to " + out);
            } catch (IOException e) {
                throw new CliFailure("reading job " + job + " stopped: " + e.getMessage() + " (run again to continue)");
            }
            return 0;
        }

        private static String[] resumeState(Path state) throws CliFailure {
            if (!Files.exists(state)) {
                return null;
            }
            try {
                String[] parts = Files.readString(state).strip().split(" ");
                if (parts.length != 2 || !parts[1].matches("[0-9]{1,18}")) {
                    throw new CliFailure(state + " is damaged; delete it and the output to read from the start");
                }
                return parts;
            } catch (IOException e) {
                throw new CliFailure("cannot read " + state);
            }
        }
    }
}
