package io.dsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class DsxSchemasTest {

    @Test
    void everyRecordFieldAndNamedTypeCarriesADoc() {
        List<String> missing = new ArrayList<>();
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        for (Schema schema : DsxSchemas.all()) {
            collectMissingDocs(schema, missing, seen);
        }
        assertThat(seen).hasSizeGreaterThan(15);
        assertThat(missing).isEmpty();
    }

    @Test
    void everySchemaLivesInTheDsxAvroNamespace() {
        assertThat(DsxSchemas.all()).extracting(Schema::getNamespace).containsOnly("io.dsx.schemas.avro");
    }

    @Test
    void manifestIsTheFirstFieldOfTheContributionSoItsBinaryIsAPrefix() {
        Schema.Field first = DsxSchemas.CONTRIBUTION.getFields().get(0);
        assertThat(first.name()).isEqualTo("manifest");
        assertThat(first.schema()).isSameAs(DsxSchemas.CONTRIBUTION_MANIFEST);
        assertThat(DsxSchemas.CONTRIBUTION_MANIFEST.getFields().get(0).name()).isEqualTo("version");
        assertThat(DsxSchemas.RECEIPT.getFields().get(0).schema()).isSameAs(DsxSchemas.RECEIPT_BODY);
    }

    private static void collectMissingDocs(Schema s, List<String> missing, Map<Schema, Boolean> seen) {
        if (seen.put(s, Boolean.TRUE) != null) {
            return;
        }
        switch (s.getType()) {
            case RECORD -> {
                requireDoc(s.getFullName(), s.getDoc(), missing);
                for (Schema.Field f : s.getFields()) {
                    requireDoc(s.getFullName() + "." + f.name(), f.doc(), missing);
                    collectMissingDocs(f.schema(), missing, seen);
                }
            }
            case ENUM, FIXED -> requireDoc(s.getFullName(), s.getDoc(), missing);
            case ARRAY -> collectMissingDocs(s.getElementType(), missing, seen);
            case MAP -> collectMissingDocs(s.getValueType(), missing, seen);
            case UNION -> s.getTypes().forEach(t -> collectMissingDocs(t, missing, seen));
            default -> {}
        }
    }

    private static void requireDoc(String what, String doc, List<String> missing) {
        if (doc == null || doc.isBlank()) {
            missing.add(what);
        }
    }
}
