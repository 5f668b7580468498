package io.dsx.schemas.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.wire.WireFormatException;
import java.util.Arrays;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static final String SCHEMA = """
      {"type":"record","name":"R","fields":[
        {"name":"id","type":"string","dsx.sensitivity":"direct_identifier"},
        {"name":"n","type":"long","dsx.sensitivity":"non_sensitive"}]}
      """;

    @Test
    void decodesExactlyWhatItEncodes() throws Exception {
        DatasetSchema schema = DatasetSchema.parse(SCHEMA);
        GenericRecord r = new GenericData.Record(schema.avro());
        r.put("id", "x");
        r.put("n", 300L);

        byte[] bytes = RecordCodec.of(schema).encode(r);

        assertThat(bytes).containsExactly(0x02, 'x', 0xD8, 0x04);
        assertThat(RecordCodec.of(schema).decode(bytes)).isEqualTo(r);
    }

    @Test
    void refusesTrailingAndTruncatedBytes() throws Exception {
        DatasetSchema schema = DatasetSchema.parse(SCHEMA);
        byte[] good = {0x02, 'x', (byte) 0xD8, 0x04};
        assertThatThrownBy(() -> RecordCodec.of(schema).decode(Arrays.copyOf(good, 5)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> RecordCodec.of(schema).decode(Arrays.copyOf(good, 3)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesToEncodeARecordWhoseFieldDoesNotFitAndNamesTheField() throws Exception {
        DatasetSchema schema = DatasetSchema.parse(SCHEMA);
        GenericRecord r = new GenericData.Record(schema.avro());
        r.put("id", "x");
        r.put("n", "not a long");
        assertThatThrownBy(() -> RecordCodec.of(schema).encode(r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'n' does not hold a value of type long");
    }

    @Test
    void theKafkaKeyIsTheUtf8OfTheKeyFieldOrNoneWithoutAKeyField() throws Exception {
        DatasetSchema keyed = DatasetSchema.parse(SCHEMA.replace(
                "\"dsx.sensitivity\":\"direct_identifier\"",
                "\"dsx.sensitivity\":\"direct_identifier\",\"dsx.key\":true"));
        GenericRecord r = new GenericData.Record(keyed.avro());
        r.put("id", "subject-ä");
        r.put("n", 1L);
        assertThat(RecordCodec.of(keyed).keyOf(r))
                .hasValueSatisfying(
                        k -> assertThat(k).isEqualTo("subject-ä".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(RecordCodec.of(DatasetSchema.parse(SCHEMA)).keyOf(r)).isEmpty();
    }
}
