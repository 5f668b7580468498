package io.dsx.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.schemas.record.RecordCodec;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatcherTest {

    private static SourceReader csv(int rows, int subjectChars) throws Exception {
        StringBuilder s = new StringBuilder("subject,age\n");
        for (int i = 0; i < rows; i++) {
            String id = "p" + i;
            s.append(id)
                    .append("x".repeat(Math.max(0, subjectChars - id.length())))
                    .append(',')
                    .append(i)
                    .append('\n');
        }
        return new CsvSourceReader(
                new StringReader(s.toString()), "in.csv", SourceReaderContract.SCHEMA, ColumnMapping.none());
    }

    private static List<Batch> all(Batcher b) throws Exception {
        List<Batch> out = new ArrayList<>();
        for (Batch x = b.next(); x != null; x = b.next()) {
            out.add(x);
        }
        return out;
    }

    @Test
    void batchesHoldAtMostTheRecordLimitAndLoseNothing() throws Exception {
        List<Batch> batches = all(new Batcher(csv(2500, 4), SourceReaderContract.SCHEMA, 1000, 1 << 20));
        assertThat(batches).extracting(b -> b.records().size()).containsExactly(1000, 1000, 500);
        assertThat(batches.get(1).firstLine()).isEqualTo(1002);
        assertThat(batches.get(2).lastLine()).isEqualTo(2501);
    }

    @Test
    void batchesStayWithinTheByteLimitCountingSaltAndLength() throws Exception {
        // each record: subject 100 chars (1 length byte + 100) + union/ int bytes; framed = 16 + 1 + avro
        List<Batch> batches = all(new Batcher(csv(100, 100), SourceReaderContract.SCHEMA, 1000, 1000));
        assertThat(batches).allSatisfy(b -> assertThat(b.framedBytes()).isLessThanOrEqualTo(1000));
        assertThat(batches.stream().mapToInt(b -> b.records().size()).sum()).isEqualTo(100);
        for (Batch b : batches) {
            long framed = b.genericRecords().stream()
                    .mapToLong(r -> Batcher.framedSize(
                            RecordCodec.of(SourceReaderContract.SCHEMA).encode(r).length))
                    .sum();
            assertThat(b.framedBytes()).isEqualTo(framed);
        }
        // and no batch could have taken the next record
        for (int i = 0; i + 1 < batches.size(); i++) {
            long next = Batcher.framedSize(RecordCodec.of(SourceReaderContract.SCHEMA)
                    .encode(batches.get(i + 1).genericRecords().get(0))
                    .length);
            assertThat(batches.get(i).framedBytes() + next).isGreaterThan(1000);
        }
    }

    @Test
    void aRecordLargerThanTheByteLimitIsAnErrorNamingItsLine() throws Exception {
        Batcher b = new Batcher(csv(3, 200), SourceReaderContract.SCHEMA, 10, 100);
        assertThatThrownBy(b::next)
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("in.csv:2: record takes")
                .hasMessageContaining("raise --batch-bytes");
    }

    @Test
    void framedSizeCountsTheLeb128LengthBytes() {
        assertThat(Batcher.framedSize(10)).isEqualTo(16 + 1 + 10);
        assertThat(Batcher.framedSize(127)).isEqualTo(16 + 1 + 127);
        assertThat(Batcher.framedSize(200)).isEqualTo(16 + 2 + 200); // c8 01, docs/formats.md section 4
        assertThat(Batcher.framedSize(1 << 20)).isEqualTo(16 + 3 + (1 << 20));
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new Batcher(null, SourceReaderContract.SCHEMA, 0, 1000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Batcher(null, SourceReaderContract.SCHEMA, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
