package io.dsx.schemas.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.schemas.wire.WireFormatException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFramingTest {
    private static byte[] salt(int b) {
        byte[] s = new byte[RecordFraming.SALT_BYTES];
        Arrays.fill(s, (byte) b);
        return s;
    }

    @Test
    void framesEachRecordAsSaltThenLeb128LengthThenBytes() throws Exception {
        byte[] big = new byte[200];
        List<FramedRecord> records =
                List.of(new FramedRecord(salt(0xAA), new byte[] {1, 2, 3}), new FramedRecord(salt(0xBB), big));

        byte[] plaintext = RecordFraming.frame(records);

        assertThat(plaintext).hasSize(16 + 1 + 3 + 16 + 2 + 200);
        assertThat(plaintext[16]).isEqualTo((byte) 3);
        assertThat(Arrays.copyOfRange(plaintext, 36, 38)).containsExactly(0xC8, 0x01);
        assertThat(RecordFraming.split(plaintext, 10)).containsExactlyElementsOf(records);
    }

    @Test
    void splitsAnEmptyPlaintextIntoNoRecords() throws Exception {
        assertThat(RecordFraming.split(new byte[0], 10)).isEmpty();
    }

    @Test
    void refusesEveryTruncation() {
        byte[] plaintext = RecordFraming.frame(List.of(new FramedRecord(salt(1), new byte[300])));
        for (int cut = 1; cut < plaintext.length; cut++) {
            byte[] prefix = Arrays.copyOf(plaintext, cut);
            assertThatThrownBy(() -> RecordFraming.split(prefix, 10)).isInstanceOf(WireFormatException.class);
        }
    }

    @Test
    void refusesALengthOverTheLimitWithoutReadingIt() {
        byte[] plaintext = Arrays.copyOf(salt(1), 16 + 4);
        System.arraycopy(new byte[] {(byte) 0x81, (byte) 0x80, (byte) 0x80, 0x01}, 0, plaintext, 16, 4);
        assertThatThrownBy(() -> RecordFraming.split(plaintext, 10))
                .hasMessageContaining("record 0 claims 2097153 bytes");
    }

    @Test
    void refusesMoreRecordsThanAllowed() {
        byte[] plaintext = RecordFraming.frame(
                List.of(new FramedRecord(salt(1), new byte[0]), new FramedRecord(salt(2), new byte[0])));
        assertThatThrownBy(() -> RecordFraming.split(plaintext, 1)).hasMessageContaining("more than 1 records");
    }

    @Test
    void neverPrintsRecordBytes() {
        assertThat(new FramedRecord(salt(1), new byte[] {'s', 'e', 'c'}).toString())
                .isEqualTo("FramedRecord[3 bytes]");
    }
}
