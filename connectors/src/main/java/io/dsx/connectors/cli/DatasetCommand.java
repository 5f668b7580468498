package io.dsx.connectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.dataset.DatasetSchemaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dsx dataset ...}: datasets of the caller's institution. */
@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "Register datasets.",
        subcommands = DatasetCommand.Register.class)
final class DatasetCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: register");
    }

    @Command(
            name = "register",
            mixinStandardHelpOptions = true,
            description = {
                "Register a dataset owned by the calling institution, with its Avro schema (version 1).",
                "Every field of the schema needs \"dsx.sensitivity\" (docs/formats.md section 13);",
                "the schema is checked here before anything is sent."
            })
    static final class Register implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final CliContext ctx;

        @Mixin
        GatewayOptions gateway = new GatewayOptions();

        @Option(
                names = "--id",
                required = true,
                paramLabel = "ID",
                description = "Dataset id, [a-z0-9][a-z0-9-]{0,62}.")
        String id;

        @Option(
                names = "--schema",
                required = true,
                paramLabel = "FILE",
                description = "Avro schema (.avsc) with dsx tags.")
        Path schema;

        @Option(names = "--title", required = true, description = "Catalog title.")
        String title;

        @Option(names = "--description", defaultValue = "", description = "Catalog description.")
        String description;

        @Option(
                names = "--duo",
                arity = "1..*",
                paramLabel = "CODE",
                description = "GA4GH Data Use Ontology codes and modifiers, e.g. DUO:0000042 (repeatable).")
        List<String> duo = new ArrayList<>();

        Register(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws CliFailure, GatewayException {
            String text;
            try {
                text = Files.readString(schema, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliFailure(
                        "cannot read schema " + schema + ": " + e.getClass().getSimpleName());
            }
            try {
                DatasetSchema.parse(text);
            } catch (DatasetSchemaException e) {
                throw new CliFailure(schema + ": " + e.getMessage());
            }
            ObjectNode body =
                    JSON.createObjectNode().put("id", id).put("title", title).put("description", description);
            var codes = body.putArray("duo");
            duo.forEach(codes::add);
            try {
                body.set("schema", JSON.readTree(text));
            } catch (IOException e) {
                throw new CliFailure(schema + " is not JSON");
            }
            JsonNode answer = gateway.connect(ctx).registerDataset(body);
            ctx.out().println(answer.toString());
            ctx.err()
                    .println("dsx: registered dataset " + answer.path("id").asText(id) + " (owner "
                            + answer.path("owner").asText("?") + ", schema version "
                            + answer.path("schemaVersion").asText("1") + ")");
            return 0;
        }
    }
}
