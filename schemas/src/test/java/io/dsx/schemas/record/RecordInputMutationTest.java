package io.dsx.schemas.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.schemas.TextMutations;
import io.dsx.schemas.wire.WireFormatException;
import java.util.Random;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Bad input of any shape is a ConversionException or a WireFormatException, never anything else. */
class RecordInputMutationTest {
    private static final String LINE =
            "{\"subject\":\"p-17\",\"age\":42,\"born\":\"1982-03-04\",\"seenAt\":1714564800000,"
                    + "\"weight\":71.5,\"cost\":12.5,\"sex\":\"F\",\"codes\":[\"I10\"]}";
    private static final String ALPHABET = "{}[]\",:0123456789.eE-+ntrufalsFMX\\";

    @Test
    void mutatedNdjsonLinesGiveARecordOrAConversionException() throws Exception {
        RecordConverterTest.parse();
        Random random = new Random(11);
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            String line = TextMutations.mutate(LINE, 1, ALPHABET, random);
            try {
                RecordConverterTest.converter.fromJson(line);
            } catch (ConversionException expected) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(500);
    }

    @Test
    void randomBytesDecodeToARecordOrAWireFormatException() throws Exception {
        RecordConverterTest.parse();
        GenericRecord valid = RecordConverterTest.converter.fromJson(LINE);
        byte[] good = RecordCodec.of(RecordConverterTest.schema).encode(valid);
        Random random = new Random(13);
        int refused = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = good.clone();
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            try {
                RecordCodec.of(RecordConverterTest.schema).decode(bytes);
            } catch (WireFormatException expected) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(40);
    }
}
