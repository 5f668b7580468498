package io.dsx.schemas.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.schemas.TextMutations;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever text arrives, parse gives a schema or a DatasetSchemaException: no other exception. */
class DatasetSchemaMutationTest {
    private static final String ALPHABET = "{}[]\",:0123456789abcdefghijklmnopqrstuvwxyz_.- \\";

    @Test
    void mutatedSchemaTextNeverThrowsAnythingButADatasetSchemaException() {
        String base = DatasetSchemaTest.PATIENTS;
        Random random = new Random(7);
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            String text = TextMutations.mutate(base, 1 + random.nextInt(3), ALPHABET, random);
            try {
                DatasetSchema.parse(text);
            } catch (DatasetSchemaException expected) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(500);
    }
}
