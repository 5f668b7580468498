package io.dsx.connectors.cli;

import io.dsx.connectors.contributor.ContributionReceipt;
import io.dsx.connectors.contributor.Contributor;
import io.dsx.connectors.contributor.GatewayClient;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.connectors.contributor.SealedContribution;
import io.dsx.connectors.source.Batch;
import io.dsx.connectors.source.Batcher;
import io.dsx.connectors.source.SourceException;
import io.dsx.connectors.source.SourceFormat;
import io.dsx.connectors.source.SourceReader;
import io.dsx.connectors.source.SourceReaders;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dsx contribute}: reads a CSV or NDJSON file and contributes it in signed, sealed batches. */
@Command(
        name = "contribute",
        mixinStandardHelpOptions = true,
        description = {
            "Contribute the records of a CSV or NDJSON file to a dataset of the calling institution.",
            "Rows are converted to the dataset schema (errors name file:line and field), cut into",
            "contributions of at most --batch-records records and --batch-bytes bytes, each signed with",
            "--key, sealed to the gateway's published key, uploaded (retried safely on network and server",
            "errors) and its receipt verified against the gateway's receipt key, printed and kept in",
            "--receipts. A bad row stops the run: its contribution is not sent; earlier ones stay accepted.",
            "Running the same command again (same file, dataset, mapping and batch sizes) resumes: batches",
            "accepted before are skipped, one interrupted mid-upload is sent again byte for byte (the gateway",
            "answers with its first receipt if it had accepted it), so no record is contributed twice. The",
            "journal lives in --receipts/.dsx-journal/."
        })
final class ContributeCommand implements Callable<Integer> {
    /** Room left in an envelope for manifest, HPKE enc, tag and signature (docs/formats.md section 2). */
    static final long ENVELOPE_OVERHEAD = 8 * 1024;

    private final CliContext ctx;

    @Mixin
    GatewayOptions gateway = new GatewayOptions();

    @Option(names = "--dataset", required = true, paramLabel = "ID", description = "Dataset to contribute to.")
    String dataset;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The institution's key.pem.")
    Path key;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "Its registered cert.pem.")
    Path cert;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "CSV or NDJSON file ('-' = stdin, needs --format).")
    String input;

    @Option(names = "--format", paramLabel = "FMT", description = "csv or ndjson (default: by the file extension).")
    SourceFormat format;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD", description = "Feed FIELD from COLUMN (repeatable).")
    List<String> map = new ArrayList<>();

    @Option(
            names = "--institution",
            paramLabel = "ID",
            description = "Contributing institution (default: the token's).")
    String institution;

    @Option(names = "--schema-version", paramLabel = "N", description = "Dataset schema version (default: the latest).")
    Integer schemaVersion;

    @Option(
            names = "--batch-records",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Most records per contribution (default 1000).")
    int batchRecords;

    @Option(
            names = "--batch-bytes",
            paramLabel = "N",
            defaultValue = "16777216",
            description = "Most framed record bytes per contribution (default 16 MiB; capped by the gateway's limit).")
    long batchBytes;

    @Option(
            names = "--receipts",
            paramLabel = "DIR",
            defaultValue = "dsx-receipts",
            description = "Where receipts are kept (default ./dsx-receipts).")
    Path receipts;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            defaultValue = "4",
            description = "Contributions uploaded at once (default 4, 1..16). Each is still accepted exactly once.")
    int parallel;

    @Option(
            names = "--dry-run",
            description = "Read, convert and batch every row, but send nothing: checks a whole file first.")
    boolean dryRun;

    private long checked;
    private int checkedBatches;

    ContributeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CliFailure, GatewayException, SourceException, IOException {
        if (batchRecords < 1 || batchBytes < 64) {
            throw new CliFailure("--batch-records must be at least 1 and --batch-bytes at least 64");
        }
        if (parallel < 1 || parallel > Uploads.MAX_PARALLEL) {
            throw new CliFailure("--parallel must be 1.." + Uploads.MAX_PARALLEL);
        }
        SourceFormat fmt = SourceReaders.format(input, format);
        var mapping = SourceReaders.mapping(map);
        KeyFiles.Pair pair = KeyFiles.readPair(key, cert);
        try {
            GatewayClient client = gateway.connect(ctx);
            String who = institution != null
                    ? institution
                    : client.me().path("institution").asText(null);
            if (who == null) {
                throw new CliFailure("the token names no institution; give --institution");
            }
            Contributor contributor = Contributor.open(
                    client, who, dataset, schemaVersion, pair.key(), pair.certificate(), ctx.clock(), ctx.random());
            long maxBytes = Math.min(batchBytes, contributor.gateway().maxContributionBytes() - ENVELOPE_OVERHEAD);
            int maxRecords = (int) Math.min(batchRecords, contributor.gateway().maxRecordsPerContribution());
            try (SourceReader source = SourceReaders.open(input, fmt, contributor.schema(), mapping, ctx.stdin())) {
                Progress progress =
                        new Progress(ctx.err(), ctx.terminal(), SourceReaders.size(input), System::nanoTime);
                Journal journal = dryRun || input.equals("-")
                        ? null
                        : Journal.open(
                                receipts,
                                Path.of(input),
                                List.of(
                                        "dsx contribute v1",
                                        dataset,
                                        String.valueOf(fmt),
                                        String.valueOf(map),
                                        String.valueOf(maxRecords),
                                        String.valueOf(maxBytes)));
                run(
                        contributor,
                        new Batcher(source, contributor.schema(), maxRecords, maxBytes),
                        source,
                        progress,
                        journal);
            }
            return 0;
        } finally {
            pair.key().destroy();
        }
    }

    private void run(Contributor contributor, Batcher batches, SourceReader source, Progress progress, Journal journal)
            throws CliFailure, IOException {
        ReceiptStore store = new ReceiptStore(receipts);
        long skipped = 0;
        long skippedRecords = 0;
        Uploads uploads = new Uploads(parallel);
        Exception stopped = null;
        try {
            for (Batch batch = batches.next(); batch != null && uploads.failure() == null; batch = batches.next()) {
                if (dryRun) {
                    checked += batch.records().size();
                    checkedBatches++;
                    continue;
                }
                Journal.Entry earlier = journal == null ? null : journal.get(batch.firstLine(), batch.lastLine());
                if (earlier != null && earlier.done()) {
                    skipped++;
                    skippedRecords += batch.records().size();
                    continue;
                }
                long position = source.position();
                Batch current = batch;
                uploads.submit(() -> upload(contributor, current, earlier, journal, store, progress, position));
            }
        } catch (SourceException | CharacterCodingException e) {
            stopped = e;
        } finally {
            uploads.awaitAll();
            progress.finish(source.position());
        }
        Exception failure = stopped != null ? stopped : uploads.failure();
        if (failure instanceof CharacterCodingException) {
            throw new CliFailure(
                    source.name() + ": not UTF-8 text (after character " + source.position() + ")" + sofar(progress));
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw new CliFailure(failure.getMessage() + sofar(progress));
        }
        if (dryRun) {
            ctx.err()
                    .println("dsx: dry run: " + checked + " records in " + checkedBatches
                            + " contributions would be sent to " + dataset + "; nothing was sent");
            return;
        }
        if (skipped > 0) {
            ctx.err()
                    .println("dsx: skipped " + skippedRecords + " records in " + skipped
                            + " contributions accepted in an earlier run (journal " + journal.file() + ")");
        }
        ctx.err()
                .println("dsx: contributed " + progress.records() + " records in " + progress.contributions()
                        + " contributions to " + dataset + "; receipts in " + store.dir());
    }

    /** Seals (or takes the kept envelope of an interrupted upload), journals, sends, keeps the receipt. */
    private void upload(
            Contributor contributor,
            Batch batch,
            Journal.Entry earlier,
            Journal journal,
            ReceiptStore store,
            Progress progress,
            long position)
            throws GatewayException, IOException {
        SealedContribution sealed = earlier == null ? null : journal.envelope(earlier.contributionId());
        if (sealed == null) {
            sealed = contributor.sealEncoded(batch.encoded());
            if (journal != null) {
                journal.pending(batch.firstLine(), batch.lastLine(), sealed);
            }
        }
        ContributionReceipt receipt = contributor.send(sealed);
        Path file = store.save(receipt);
        if (journal != null) {
            journal.done(batch.firstLine(), batch.lastLine(), receipt.contributionId());
        }
        ctx.out()
                .println(receipt.contributionId() + " records=" + receipt.recordCount() + " lines=" + batch.firstLine()
                        + "-" + batch.lastLine() + " ledger=" + receipt.ledgerTopic() + "/" + receipt.ledgerPartition()
                        + "@"
                        + receipt.ledgerOffset() + " root=" + receipt.merkleRootHex() + " receipt=" + file);
        progress.accepted(batch.records().size(), position);
    }

    private String sofar(Progress progress) {
        if (dryRun) {
            return " (dry run: nothing was sent)";
        }
        return progress.contributions() == 0
                ? " (nothing was contributed)"
                : " (" + progress.contributions() + " earlier contributions with " + progress.records()
                        + " records were accepted; receipts in " + receipts + ")";
    }
}
