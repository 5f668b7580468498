package io.dsx.schemas.dataset;

import static org.assertj.core.api.Assertions.assertThat;

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
      StringBuilder text = new StringBuilder(base);
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        int at = random.nextInt(text.length());
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        switch (random.nextInt(3)) {
          case 0 -> text.setCharAt(at, c);
          case 1 -> text.insert(at, c);
          default -> text.deleteCharAt(at);
        }
      }
      try {
        DatasetSchema.parse(text.toString());
      } catch (DatasetSchemaException expected) {
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(500);
  }
}
