package io.dsx.schemas.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.dataset.DatasetSchemaException;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** The record check cannot be made to allocate or recurse without bound, whatever the schema. */
class RecordValidatorTest {

    @Test
    void acceptsExactlyWhatTheStrictDecoderAccepts() throws Exception {
        Schema s = new Schema.Parser().parse("""
        {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":["null","int"]},
         {"name":"c","type":{"type":"map","values":"long"}},{"name":"d","type":{"type":"enum","name":"E","symbols":["X","Y"]}}]}""");
        GenericRecord r = new GenericData.Record(s);
        r.put("a", "héllo ✓");
        r.put("b", 7);
        r.put("c", java.util.Map.of("k", 1L));
        r.put("d", new GenericData.EnumSymbol(s.getField("d").schema(), "Y"));
        byte[] bytes = AvroBinary.encode(s, r);
        assertThatCode(() -> new RecordValidator(s).check(bytes, 0, bytes.length))
                .doesNotThrowAnyException();
        byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> new RecordValidator(s).check(trailing, 0, trailing.length))
                .isInstanceOf(WireFormatException.class);
        byte[] badEnum = bytes.clone();
        badEnum[badEnum.length - 1] = 4; // index 2 of 2 symbols
        assertThatThrownBy(() -> new RecordValidator(s).check(badEnum, 0, badEnum.length))
                .hasMessageContaining("enum index");
        byte[] badUtf8 = bytes.clone();
        badUtf8[2] = (byte) 0xC3;
        badUtf8[3] = (byte) 0x28;
        assertThatThrownBy(() -> new RecordValidator(s).check(badUtf8, 0, badUtf8.length))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void nullItemsCannotMultiplyASmallRecordIntoMillions() {
        // what a dataset schema may no longer declare, checked directly: array<array<null>>
        Schema s = new Schema.Parser().parse("""
        {"type":"record","name":"Z","fields":[{"name":"x","type":{"type":"array","items":{"type":"array","items":"null"}}}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int outer = 2000;
        writeLong(out, outer);
        for (int i = 0; i < outer; i++) {
            writeLong(out, 5000); // each inner array claims 5,000 nulls of zero bytes
            writeLong(out, 0);
        }
        writeLong(out, 0);
        byte[] bytes = out.toByteArray();
        assertThatThrownBy(() -> new RecordValidator(s).check(bytes, 0, bytes.length))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("more collection items than it has bytes");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNotOverflowed() {
        Schema s = new Schema.Parser().parse("""
        {"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}""");
        byte[] deep = new byte[20_001];
        java.util.Arrays.fill(deep, 0, 20_000, (byte) 2); // union branch 1 (Node), 20,000 times
        deep[20_000] = 0; // then null
        assertThatThrownBy(() -> new RecordValidator(s).check(deep, 0, deep.length))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("deeper than " + RecordValidator.MAX_DEPTH);
    }

    @Test
    void datasetSchemasRefuseRecursionAndZeroSizeArrayItems() {
        assertThatThrownBy(() -> DatasetSchema.parse("""
        {"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"],"dsx.sensitivity":"non_sensitive"}]}"""))
                .isInstanceOfSatisfying(
                        DatasetSchemaException.class,
                        e -> assertThat(e.problem()).isEqualTo(DatasetSchemaException.Problem.RECURSIVE));
        assertThatThrownBy(() -> DatasetSchema.parse("""
        {"type":"record","name":"Z","fields":[{"name":"x","type":{"type":"array","items":{"type":"array","items":"null"}},
         "dsx.sensitivity":"non_sensitive"}]}"""))
                .isInstanceOfSatisfying(
                        DatasetSchemaException.class,
                        e -> assertThat(e.problem()).isEqualTo(DatasetSchemaException.Problem.ZERO_SIZE_ITEMS));
        assertThatThrownBy(() -> DatasetSchema.parse("""
        {"type":"record","name":"E","fields":[{"name":"x","type":{"type":"array","items":{"type":"record","name":"Empty","fields":[]}},
         "dsx.sensitivity":"non_sensitive"}]}""")).isInstanceOf(DatasetSchemaException.class);
        assertThatCode(() -> DatasetSchema.parse("""
        {"type":"record","name":"A","fields":[{"name":"x","type":{"type":"array","items":"int"},"dsx.sensitivity":"non_sensitive"},
         {"name":"y","type":{"type":"map","values":"null"},"dsx.sensitivity":"non_sensitive"}]}""")).doesNotThrowAnyException();
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.write((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.write((int) z);
    }
}
