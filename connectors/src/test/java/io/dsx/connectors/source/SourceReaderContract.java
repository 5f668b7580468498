package io.dsx.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.schemas.dataset.DatasetSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SourceReader} promises, whatever its format. A format's test extends this and
 * says how to write rows in that format and where its first record sits.
 */
abstract class SourceReaderContract {

    static final DatasetSchema SCHEMA = schema();

    /** One source row: the raw text of each field; null = left empty (CSV) / JSON null. */
    record Row(String subject, String age, String diagnosis) {}

    /** The rows written in the reader's format (with a header if the format has one). */
    abstract String write(List<Row> rows);

    abstract SourceReader open(String text, String name) throws Exception;

    /** Line of the first record in the text {@link #write} produces. */
    abstract long firstRecordLine();

    static DatasetSchema schema() {
        try {
            return DatasetSchema.parse("""
          {"type":"record","name":"Visit","namespace":"org.example","fields":[
            {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
            {"name":"age","type":"int","dsx.sensitivity":"quasi_identifier"},
            {"name":"diagnosis","type":["null","string"],"default":null,"dsx.sensitivity":"sensitive"}]}""");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<SourceRecord> readAll(SourceReader reader) throws Exception {
        List<SourceRecord> out = new ArrayList<>();
        for (SourceRecord r = reader.next(); r != null; r = reader.next()) {
            out.add(r);
        }
        return out;
    }

    @Test
    void readsEveryRecordInOrderWithTheLineItStartsOn() throws Exception {
        String text =
                write(List.of(new Row("p-0", "30", "I10"), new Row("p-1", "31", "E11"), new Row("p-2", "32", "J45")));
        try (SourceReader reader = open(text, "visits.src")) {
            List<SourceRecord> records = readAll(reader);
            assertThat(records)
                    .extracting(r -> r.record().get("subject").toString())
                    .containsExactly("p-0", "p-1", "p-2");
            assertThat(records).extracting(r -> r.record().get("age")).containsExactly(30, 31, 32);
            assertThat(records)
                    .extracting(SourceRecord::line)
                    .containsExactly(firstRecordLine(), firstRecordLine() + 1, firstRecordLine() + 2);
            assertThat(reader.next()).as("stays at the end").isNull();
        }
    }

    @Test
    void anEmptyNullableValueIsNull() throws Exception {
        try (SourceReader reader = open(write(List.of(new Row("p-0", "30", null))), "visits.src")) {
            assertThat(reader.next().record().get("diagnosis")).isNull();
        }
    }

    @Test
    void textKeepsItsUnicode() throws Exception {
        try (SourceReader reader = open(write(List.of(new Row("Zoë-Ørsted, \"Jr\"", "30", "naïve"))), "visits.src")) {
            var r = reader.next().record();
            assertThat(r.get("subject").toString()).isEqualTo("Zoë-Ørsted, \"Jr\"");
            assertThat(r.get("diagnosis").toString()).isEqualTo("naïve");
        }
    }

    @Test
    void aValueOfTheWrongTypeNamesFileLineAndFieldButNotTheValue() throws Exception {
        String text = write(List.of(new Row("p-0", "30", "I10"), new Row("p-1", "abc", "I10")));
        try (SourceReader reader = open(text, "visits.src")) {
            assertThat(reader.next()).as("the good row before it is returned").isNotNull();
            assertThatThrownBy(reader::next)
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("visits.src:" + (firstRecordLine() + 1) + ": field 'age': expected int")
                    .hasMessageNotContaining("abc")
                    .satisfies(e -> assertThat(((SourceException) e).line()).isEqualTo(firstRecordLine() + 1));
        }
    }

    @Test
    void anIntegerOutOfRangeIsRefused() throws Exception {
        try (SourceReader reader = open(write(List.of(new Row("p-0", "99999999999", null))), "visits.src")) {
            assertThatThrownBy(reader::next).isInstanceOf(SourceException.class).hasMessageContaining("field 'age'");
        }
    }

    @Test
    void positionAdvancesAsRecordsAreRead() throws Exception {
        try (SourceReader reader = open(write(List.of(new Row("p-0", "30", null), new Row("p-1", "31", null))), "v")) {
            reader.next();
            long afterFirst = reader.position();
            reader.next();
            assertThat(afterFirst).isPositive();
            assertThat(reader.position()).isGreaterThan(afterFirst);
        }
    }
}
