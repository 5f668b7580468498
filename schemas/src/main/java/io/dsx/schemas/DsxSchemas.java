package io.dsx.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The envelope and event schemas, parsed once from the {@code .avsc} resources. Files are parsed
 * in dependency order with one parser so later files can name earlier types ({@code Sha256},
 * {@code ContributionManifest}).
 */
public final class DsxSchemas {

    /** Resource names in dependency order. */
    static final List<String> FILES = List.of(
            "Sha256", "ContributionManifest", "Contribution", "LedgerEntry", "Receipt", "CatalogEvent", "AuditEvent");

    private static final Schema.Parser PARSER = parseAll();

    public static final Schema SHA256 = named("Sha256");
    public static final Schema CONTRIBUTION_MANIFEST = named("ContributionManifest");
    public static final Schema CONTRIBUTION = named("Contribution");
    public static final Schema LEDGER_ENTRY = named("LedgerEntry");
    public static final Schema RECEIPT = named("Receipt");
    public static final Schema RECEIPT_BODY = named("ReceiptBody");
    public static final Schema CATALOG_EVENT = named("CatalogEvent");
    public static final Schema AUDIT_EVENT = named("AuditEvent");

    private DsxSchemas() {}

    /** Every top-level schema, in dependency order. */
    public static List<Schema> all() {
        return FILES.stream().map(DsxSchemas::named).toList();
    }

    private static Schema named(String simpleName) {
        Schema schema = PARSER.getTypes().get("io.dsx.schemas.avro." + simpleName);
        if (schema == null) {
            throw new IllegalStateException("schema io.dsx.schemas.avro." + simpleName + " not found");
        }
        return schema;
    }

    private static Schema.Parser parseAll() {
        Schema.Parser parser = new Schema.Parser();
        for (String file : FILES) {
            String path = "/avro/" + file + ".avsc";
            try (InputStream in = DsxSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema resource " + path);
                }
                parser.parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema resource " + path, e);
            }
        }
        return parser;
    }
}
