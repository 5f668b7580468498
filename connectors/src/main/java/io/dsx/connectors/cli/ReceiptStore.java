package io.dsx.connectors.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dsx.connectors.contributor.ContributionReceipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/** Keeps each verified receipt as {@code DIR/<contributionId>.json}, the gateway's JSON as received. */
final class ReceiptStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path dir;

    ReceiptStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Writes atomically (temp file, then move), so a crash never leaves half a receipt. */
    Path save(ContributionReceipt receipt) throws IOException {
        if (!UUID.matcher(receipt.contributionId()).matches()) {
            throw new IOException("receipt contribution id is not a UUID"); // it names a file
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(receipt.contributionId() + ".json");
        Path tmp = dir.resolve(receipt.contributionId() + ".json.tmp");
        Files.write(tmp, JSON.writeValueAsBytes(receipt.json()));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
