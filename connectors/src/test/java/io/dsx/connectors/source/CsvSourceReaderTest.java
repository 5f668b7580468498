package io.dsx.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSourceReaderTest extends SourceReaderContract {

    @Override
    String write(List<Row> rows) {
        StringBuilder s = new StringBuilder("subject,age,diagnosis\r\n");
        for (Row r : rows) {
            s.append(cell(r.subject()))
                    .append(',')
                    .append(cell(r.age()))
                    .append(',')
                    .append(cell(r.diagnosis()))
                    .append("\r\n");
        }
        return s.toString();
    }

    private static String cell(String v) {
        if (v == null) {
            return "";
        }
        return v.matches("[A-Za-z0-9 ._-]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }

    @Override
    SourceReader open(String text, String name) throws Exception {
        return new CsvSourceReader(new StringReader(text), name, SCHEMA, ColumnMapping.none());
    }

    @Override
    long firstRecordLine() {
        return 2;
    }

    private static CsvSourceReader open(String text, ColumnMapping mapping) throws Exception {
        return new CsvSourceReader(new StringReader(text), "in.csv", SCHEMA, mapping);
    }

    @Test
    void mappedColumnsFeedTheirFields() throws Exception {
        ColumnMapping m = ColumnMapping.parse(List.of("PatientID=subject", "AgeYears=age"));
        try (CsvSourceReader reader = open("AgeYears,PatientID\n41,p-9\n", m)) {
            var r = reader.next().record();
            assertThat(r.get("subject").toString()).isEqualTo("p-9");
            assertThat(r.get("age")).isEqualTo(41);
            assertThat(r.get("diagnosis")).as("a left-out field with a default").isNull();
        }
    }

    @Test
    void anUnknownColumnIsRefusedAtTheHeaderWithAHint() {
        assertThatThrownBy(() -> open("subject,years\np-0,3\n", ColumnMapping.none()))
                .isInstanceOf(SourceException.class)
                .hasMessage("in.csv:1: column 'years' is not a field of Visit (rename it with --map years=FIELD)");
    }

    @Test
    void aMappingOfAMissingColumnIsRefused() {
        assertThatThrownBy(() -> open("subject,age\np-0,3\n", ColumnMapping.parse(List.of("Age=age"))))
                .hasMessage("in.csv:1: --map names column 'Age', which the header does not have");
    }

    @Test
    void twoColumnsFeedingOneFieldAreRefused() {
        assertThatThrownBy(() -> open("subject,age,Age\np-0,3,4\n", ColumnMapping.parse(List.of("Age=age"))))
                .hasMessage("in.csv:1: field 'age' is fed by two columns");
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThatThrownBy(() -> open("", ColumnMapping.none()))
                .hasMessage("in.csv:1: no header row (the file is empty)");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() throws Exception {
        try (CsvSourceReader reader = open("\uFEFFsubject,age\np-0,3\n", ColumnMapping.none())) {
            assertThat(reader.next().record().get("age")).isEqualTo(3);
        }
    }

    @Test
    void aRowWithTheWrongNumberOfCellsNamesItsLine() throws Exception {
        try (CsvSourceReader reader = open("subject,age\np-0,3\n\"multi\nline\",4,extra\n", ColumnMapping.none())) {
            reader.next();
            assertThatThrownBy(reader::next).hasMessage("in.csv:3: row has 3 cells, the header has 2");
        }
    }

    @Test
    void aMissingRequiredFieldIsReportedOnTheRow() throws Exception {
        try (CsvSourceReader reader = open("subject\np-0\n", ColumnMapping.none())) {
            assertThatThrownBy(reader::next)
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("in.csv:2: ")
                    .hasMessageContaining("age");
        }
    }
}
