package io.dsx.gateway.catalog;

import io.dsx.crypto.keys.KeyIds;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Avro binary of {@link CatalogEvent.Envelope} against {@code CatalogEvent.avsc}, version 1. */
public final class CatalogCodec {

    private static final Schema SCHEMA = DsxSchemas.CATALOG_EVENT;
    private static final Schema UNION = SCHEMA.getField("event").schema();

    private CatalogCodec() {
    }

    public static byte[] encode(CatalogEvent.Envelope envelope) {
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("version", 1);
        r.put("eventId", envelope.eventId());
        r.put("occurredAt", envelope.occurredAt().toEpochMilli());
        r.put("actor", envelope.actor());
        r.put("event", body(envelope.event()));
        return AvroBinary.encode(SCHEMA, r);
    }

    private static GenericRecord body(CatalogEvent event) {
        GenericRecord b = new GenericData.Record(branch(event.getClass().getSimpleName()));
        if (event instanceof CatalogEvent.InstitutionRegistered e) {
                b.put("institutionId", e.institutionId());
                b.put("displayName", e.displayName());
                Schema certSchema = b.getSchema().getField("certificates").schema();
                GenericData.Array<GenericRecord> certs = new GenericData.Array<>(e.certificates().size(), certSchema);
                for (X509Certificate c : e.certificates()) {
                    GenericRecord cr = new GenericData.Record(certSchema.getElementType());
                    cr.put("keyId", KeyIds.of(c));
                    try {
                        cr.put("certificateDer", ByteBuffer.wrap(c.getEncoded()));
                    } catch (java.security.cert.CertificateEncodingException ex) {
                        throw new IllegalArgumentException("certificate cannot be encoded", ex);
                    }
                    certs.add(cr);
                }
                b.put("certificates", certs);
        } else if (event instanceof CatalogEvent.KeyRevoked e) {
                b.put("institutionId", e.institutionId());
                b.put("keyId", e.keyId());
                b.put("reason", e.reason());
        } else if (event instanceof CatalogEvent.DatasetRegistered e) {
                b.put("datasetId", e.datasetId());
                b.put("ownerInstitutionId", e.ownerInstitutionId());
                b.put("title", e.title());
                b.put("description", e.description());
                b.put("duo", new GenericData.Array<>(b.getSchema().getField("duo").schema(), e.duo()));
                b.put("schema", e.schema());
        } else if (event instanceof CatalogEvent.SchemaVersionAdded e) {
                b.put("datasetId", e.datasetId());
                b.put("schemaVersion", e.schemaVersion());
                b.put("schema", e.schema());
        }
        return b;
    }

    public static CatalogEvent.Envelope decode(byte[] bytes) throws WireFormatException {
        GenericRecord r = (GenericRecord) AvroBinary.decode(SCHEMA, bytes);
        if ((Integer) r.get("version") != 1) {
            throw new WireFormatException("catalog event version " + r.get("version") + " is not supported");
        }
        GenericRecord b = (GenericRecord) r.get("event");
        CatalogEvent event = switch (b.getSchema().getName()) {
            case "InstitutionRegistered" -> new CatalogEvent.InstitutionRegistered(str(b, "institutionId"),
                    str(b, "displayName"), certificates((List<?>) b.get("certificates")));
            case "KeyRevoked" -> new CatalogEvent.KeyRevoked(str(b, "institutionId"), str(b, "keyId"), str(b, "reason"));
            case "DatasetRegistered" -> new CatalogEvent.DatasetRegistered(str(b, "datasetId"),
                    str(b, "ownerInstitutionId"), str(b, "title"), str(b, "description"),
                    ((List<?>) b.get("duo")).stream().map(String::valueOf).toList(), str(b, "schema"));
            case "SchemaVersionAdded" -> new CatalogEvent.SchemaVersionAdded(str(b, "datasetId"),
                    (Integer) b.get("schemaVersion"), str(b, "schema"));
            default -> throw new WireFormatException("unknown catalog event " + b.getSchema().getName());
        };
        return new CatalogEvent.Envelope(str(r, "eventId"), Instant.ofEpochMilli((Long) r.get("occurredAt")),
                str(r, "actor"), event);
    }

    private static List<X509Certificate> certificates(List<?> records) throws WireFormatException {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Object o : records) {
                ByteBuffer der = (ByteBuffer) ((GenericRecord) o).get("certificateDer");
                byte[] bytes = new byte[der.remaining()];
                der.duplicate().get(bytes);
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes)));
            }
        } catch (CertificateException e) {
            throw new WireFormatException("catalog certificate is not valid DER X.509");
        }
        return out;
    }

    private static Schema branch(String name) {
        return UNION.getTypes().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("CatalogEvent.avsc has no branch " + name));
    }

    private static String str(GenericRecord r, String field) {
        Object v = r.get(field);
        return v == null ? null : v.toString();
    }
}
