package io.dsx.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class StrictBinaryDecoderTest {
    private static final Schema ALL_TYPES = new Schema.Parser().parse("""
              {"type":"record","name":"T","fields":[
                {"name":"b","type":"boolean"},{"name":"i","type":"int"},{"name":"l","type":"long"},
                {"name":"f","type":"float"},{"name":"d","type":"double"},{"name":"s","type":"string"},
                {"name":"y","type":"bytes"},{"name":"x","type":{"type":"fixed","name":"F","size":3}},
                {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}},
                {"name":"a","type":{"type":"array","items":"long"}},
                {"name":"m","type":{"type":"map","values":"string"}},
                {"name":"u","type":["null","string"]}]}
              """);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);

    @Test
    void decodesWhatAvroEncodesAndReEncodesToTheSameBytes() throws Exception {
        GenericRecord r = new GenericData.Record(ALL_TYPES);
        r.put("b", true);
        r.put("i", -123456);
        r.put("l", Long.MIN_VALUE);
        r.put("f", 1.5f);
        r.put("d", -2.25);
        r.put("s", "grüße");
        r.put("y", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        r.put("x", new GenericData.Fixed(ALL_TYPES.getField("x").schema(), new byte[] {7, 8, 9}));
        r.put("e", new GenericData.EnumSymbol(ALL_TYPES.getField("e").schema(), "B"));
        r.put("a", List.of(1L, -1L, Long.MAX_VALUE));
        r.put("m", Map.of("k", "v"));
        r.put("u", "present");
        byte[] bytes = AvroBinary.encode(ALL_TYPES, r);

        GenericRecord back = (GenericRecord) AvroBinary.decode(ALL_TYPES, bytes);

        assertThat(back.get("s")).isEqualTo("grüße");
        assertThat(back.get("l")).isEqualTo(Long.MIN_VALUE);
        assertThat(back.get("u")).isEqualTo("present");
        assertThat(AvroBinary.encode(ALL_TYPES, back)).isEqualTo(bytes);
    }

    @Test
    void refusesTrailingBytes() {
        byte[] bytes = {0x02, 0x00};
        assertThatThrownBy(() -> AvroBinary.decode(LONG, bytes))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("1 trailing bytes");
    }

    @Test
    void refusesAVarintPaddedWithAZeroGroup() {
        // 0x82 0x00 is 2 written in two bytes; Avro accepts it, we do not.
        assertThatThrownBy(() -> AvroBinary.decode(LONG, new byte[] {(byte) 0x82, 0x00}))
                .hasMessageContaining("minimal form");
    }

    @Test
    void refusesAVarintLongerThanTenBytes() {
        byte[] bytes = new byte[11];
        java.util.Arrays.fill(bytes, (byte) 0xFF);
        assertThatThrownBy(() -> AvroBinary.decode(LONG, bytes)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void refusesAStringLengthPastTheEndWithoutAllocatingIt() {
        // length 2^30 zig-zagged, then nothing
        byte[] bytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        assertThatThrownBy(() -> AvroBinary.decode(STRING, bytes)).hasMessageContaining("runs past the end");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = {0x02, (byte) 0xC3};
        assertThatThrownBy(() -> AvroBinary.decode(STRING, bytes)).hasMessageContaining("UTF-8");
    }

    @Test
    void refusesABooleanOtherThanZeroOrOne() {
        assertThatThrownBy(() -> AvroBinary.decode(Schema.create(Schema.Type.BOOLEAN), new byte[] {2}))
                .hasMessageContaining("0 or 1");
    }

    @Test
    void refusesAnArrayBlockClaimingMoreItemsThanBytesLeft() {
        Schema array = Schema.createArray(Schema.create(Schema.Type.NULL));
        byte[] bytes = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, 0x7F};
        assertThatThrownBy(() -> AvroBinary.decode(array, bytes)).hasMessageContaining("more items than bytes left");
    }

    @Test
    void refusesArraysSplitIntoBlocksOrWithSizedBlocksSoEachValueHasOneEncoding() {
        Schema array = Schema.createArray(LONG);
        // [1, 2] as one block is 04 02 04 00; as two blocks 02 02 02 04 00; sized: 03 02 02 04 00
        assertThat(decodes(array, new byte[] {0x04, 0x02, 0x04, 0x00})).isTrue();
        assertThatThrownBy(() -> AvroBinary.decode(array, new byte[] {0x02, 0x02, 0x02, 0x04, 0x00}))
                .hasMessageContaining("several blocks");
        assertThatThrownBy(() -> AvroBinary.decode(array, new byte[] {0x03, 0x04, 0x02, 0x04, 0x00}))
                .hasMessageContaining("sized block");
    }

    private static boolean decodes(Schema schema, byte[] bytes) {
        try {
            AvroBinary.decode(schema, bytes);
            return true;
        } catch (WireFormatException e) {
            return false;
        }
    }

    @Test
    void refusesAUnionIndexOutOfRangeWithoutEchoingData() {
        Schema union = ALL_TYPES.getField("u").schema();
        assertThatThrownBy(() -> AvroBinary.decode(union, new byte[] {0x04}))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("malformed binary");
    }

    @Test
    void refusesTruncationAtEveryCutOfARecord() {
        GenericRecord r = new GenericData.Record(ALL_TYPES);
        r.put("b", false);
        r.put("i", 1);
        r.put("l", 2L);
        r.put("f", 0f);
        r.put("d", 0d);
        r.put("s", "s");
        r.put("y", ByteBuffer.wrap(new byte[] {1}));
        r.put("x", new GenericData.Fixed(ALL_TYPES.getField("x").schema(), new byte[] {1, 2, 3}));
        r.put("e", new GenericData.EnumSymbol(ALL_TYPES.getField("e").schema(), "A"));
        r.put("a", List.of(5L));
        r.put("m", Map.of());
        r.put("u", null);
        byte[] bytes = AvroBinary.encode(ALL_TYPES, r);
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> AvroBinary.decode(ALL_TYPES, prefix)).isInstanceOf(WireFormatException.class);
        }
    }

    @Test
    void leb128WritesSevenBitGroupsLowFirstAndReadsOnlyTheMinimalForm() throws Exception {
        assertThat(Leb128.encode(0)).containsExactly(0x00);
        assertThat(Leb128.encode(127)).containsExactly(0x7F);
        assertThat(Leb128.encode(128)).containsExactly(0x80, 0x01);
        assertThat(Leb128.encode(300)).containsExactly(0xAC, 0x02);
        assertThat(new StrictBinaryDecoder(Leb128.encode(Long.MAX_VALUE)).readUnsignedLeb128())
                .isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new StrictBinaryDecoder(new byte[] {(byte) 0x80, 0x00}).readUnsignedLeb128())
                .hasMessageContaining("minimal");
    }
}
