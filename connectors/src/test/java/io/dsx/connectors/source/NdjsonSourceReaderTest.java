package io.dsx.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsx.schemas.record.RecordConverter;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonSourceReaderTest extends SourceReaderContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String write(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        for (Row r : rows) {
            ObjectNode o = JSON.createObjectNode().put("subject", r.subject());
            if (r.age().matches("-?[0-9]+")) {
                o.put("age", new java.math.BigInteger(r.age()));
            } else {
                o.put("age", r.age());
            }
            o.put("diagnosis", r.diagnosis());
            s.append(o).append('\n');
        }
        return s.toString();
    }

    @Override
    SourceReader open(String text, String name) {
        return new NdjsonSourceReader(new StringReader(text), name, SCHEMA, ColumnMapping.none());
    }

    @Override
    long firstRecordLine() {
        return 1;
    }

    private static NdjsonSourceReader open(String text, ColumnMapping mapping) {
        return new NdjsonSourceReader(new StringReader(text), "in.ndjson", SCHEMA, mapping);
    }

    @Test
    void blankLinesAreSkippedAndLinesStillCountThem() throws Exception {
        try (NdjsonSourceReader reader =
                open("\n{\"subject\":\"a\",\"age\":1}\r\n   \n{\"subject\":\"b\",\"age\":2}\n", ColumnMapping.none())) {
            assertThat(reader.next().line()).isEqualTo(2);
            assertThat(reader.next().line()).isEqualTo(4);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void mappedPropertiesFeedTheirFields() throws Exception {
        try (NdjsonSourceReader reader =
                open("{\"pid\":\"p-1\",\"age\":5}\n", ColumnMapping.parse(List.of("pid=subject")))) {
            assertThat(reader.next().record().get("subject").toString()).isEqualTo("p-1");
        }
    }

    @Test
    void invalidJsonNamesTheLineAndColumnOnly() throws Exception {
        try (NdjsonSourceReader reader =
                open("{\"subject\":\"a\",\"age\":1}\n{\"subject\": secret-value}\n", ColumnMapping.none())) {
            reader.next();
            assertThatThrownBy(reader::next)
                    .hasMessageStartingWith("in.ndjson:2: not valid JSON (column")
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void anUnknownPropertyIsRefused() throws Exception {
        try (NdjsonSourceReader reader = open("{\"subject\":\"a\",\"age\":1,\"shoe\":3}\n", ColumnMapping.none())) {
            assertThatThrownBy(reader::next)
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("in.ndjson:1: ")
                    .hasMessageContaining("shoe");
        }
    }

    @Test
    void anOverlongLineIsRefusedWithoutStoppingTheLineCount() throws Exception {
        String longLine = "{\"subject\":\"" + "x".repeat(RecordConverter.MAX_LINE_CHARS) + "\",\"age\":1}";
        try (NdjsonSourceReader reader = open(longLine + "\n", ColumnMapping.none())) {
            assertThatThrownBy(reader::next)
                    .hasMessage("in.ndjson:1: line longer than " + RecordConverter.MAX_LINE_CHARS + " characters");
        }
    }
}
