package io.dsx.schemas.events;

import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.events.CatalogChange.DatasetRegistered;
import io.dsx.schemas.events.CatalogChange.InstitutionRegistered;
import io.dsx.schemas.events.CatalogChange.KeyRevoked;
import io.dsx.schemas.events.CatalogChange.SchemaVersionAdded;
import io.dsx.schemas.events.CatalogChange.SignerCertificate;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** One change on {@code dsx.catalog} (schema {@code CatalogEvent.avsc}). */
public record CatalogEvent(int version, String eventId, Instant occurredAt, String actor, CatalogChange change) {
    public static final int VERSION = 1;
    private static final Schema UNION =
            DsxSchemas.CATALOG_EVENT.getField("event").schema();

    public CatalogEvent {
        occurredAt = Instant.ofEpochMilli(occurredAt.toEpochMilli());
    }

    public byte[] toBytes() {
        GenericRecord r = new GenericData.Record(DsxSchemas.CATALOG_EVENT);
        r.put("version", version);
        r.put("eventId", eventId);
        r.put("occurredAt", occurredAt.toEpochMilli());
        r.put("actor", actor);
        r.put("event", toAvro(change));
        return AvroBinary.encode(DsxSchemas.CATALOG_EVENT, r);
    }

    /** Parses an event strictly; refuses versions other than 1. */
    public static CatalogEvent parse(byte[] bytes) throws WireFormatException {
        GenericRecord r = Versioned.decode(DsxSchemas.CATALOG_EVENT, bytes, "catalog event", VERSION);
        return new CatalogEvent(
                VERSION,
                (String) r.get("eventId"),
                Instant.ofEpochMilli((Long) r.get("occurredAt")),
                (String) r.get("actor"),
                fromAvro((GenericRecord) r.get("event")));
    }

    private static GenericRecord toAvro(CatalogChange change) {
        if (change instanceof InstitutionRegistered c) {
            GenericRecord g = branch(0);
            g.put("institutionId", c.institutionId());
            g.put("displayName", c.displayName());
            Schema item = g.getSchema().getField("certificates").schema().getElementType();
            g.put(
                    "certificates",
                    c.certificates().stream()
                            .map(cert -> {
                                GenericRecord gc = new GenericData.Record(item);
                                gc.put("keyId", cert.keyId());
                                gc.put("certificateDer", ByteBuffer.wrap(cert.certificateDer()));
                                return gc;
                            })
                            .toList());
            return g;
        } else if (change instanceof KeyRevoked c) {
            GenericRecord g = branch(1);
            g.put("institutionId", c.institutionId());
            g.put("keyId", c.keyId());
            g.put("reason", c.reason());
            return g;
        } else if (change instanceof DatasetRegistered c) {
            GenericRecord g = branch(2);
            g.put("datasetId", c.datasetId());
            g.put("ownerInstitutionId", c.ownerInstitutionId());
            g.put("title", c.title());
            g.put("description", c.description());
            g.put("duo", c.duo());
            g.put("schema", c.schema());
            return g;
        }
        SchemaVersionAdded c = (SchemaVersionAdded) change;
        GenericRecord g = branch(3);
        g.put("datasetId", c.datasetId());
        g.put("schemaVersion", c.schemaVersion());
        g.put("schema", c.schema());
        return g;
    }

    private static GenericRecord branch(int index) {
        return new GenericData.Record(UNION.getTypes().get(index));
    }

    @SuppressWarnings("unchecked")
    private static CatalogChange fromAvro(GenericRecord g) {
        return switch (g.getSchema().getName()) {
            case "InstitutionRegistered" ->
                new InstitutionRegistered(
                        (String) g.get("institutionId"),
                        (String) g.get("displayName"),
                        ((List<GenericRecord>) g.get("certificates"))
                                .stream()
                                        .map(c -> new SignerCertificate(
                                                (String) c.get("keyId"),
                                                ((ByteBuffer) c.get("certificateDer")).array()))
                                        .toList());
            case "KeyRevoked" ->
                new KeyRevoked((String) g.get("institutionId"), (String) g.get("keyId"), (String) g.get("reason"));
            case "DatasetRegistered" ->
                new DatasetRegistered(
                        (String) g.get("datasetId"),
                        (String) g.get("ownerInstitutionId"),
                        (String) g.get("title"),
                        (String) g.get("description"),
                        ((List<?>) g.get("duo"))
                                .stream().map(String.class::cast).toList(),
                        (String) g.get("schema"));
            case "SchemaVersionAdded" ->
                new SchemaVersionAdded(
                        (String) g.get("datasetId"), (Integer) g.get("schemaVersion"), (String) g.get("schema"));
            default -> throw new IllegalStateException("CatalogEvent.avsc has a branch this code does not know");
        };
    }
}
