package io.dsx.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

    private static List<CsvTokenizer.Row> rows(String csv) throws Exception {
        CsvTokenizer t = new CsvTokenizer(new StringReader(csv), "in.csv");
        List<CsvTokenizer.Row> out = new ArrayList<>();
        for (CsvTokenizer.Row r = t.next(); r != null; r = t.next()) {
            out.add(r);
        }
        return out;
    }

    @Test
    void splitsPlainCellsOnCommasAndRowsOnLfOrCrlf() throws Exception {
        List<CsvTokenizer.Row> rows = rows("a,b,c\r\n1,2,3\n4,,6");
        assertThat(rows)
                .extracting(CsvTokenizer.Row::cells)
                .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "", "6"));
        assertThat(rows).extracting(CsvTokenizer.Row::line).containsExactly(1L, 2L, 3L);
    }

    @Test
    void quotedCellsHoldCommasDoubledQuotesAndLineBreaks() throws Exception {
        List<CsvTokenizer.Row> rows = rows("x,y\n\"a, b\",\"say \"\"hi\"\"\"\n\"line1\nline2\",z\nlast,\"\"\n");
        assertThat(rows)
                .extracting(CsvTokenizer.Row::cells)
                .containsExactly(
                        List.of("x", "y"),
                        List.of("a, b", "say \"hi\""),
                        List.of("line1\nline2", "z"),
                        List.of("last", ""));
        // the row after a two-line cell starts on line 5, not 4
        assertThat(rows).extracting(CsvTokenizer.Row::line).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void blankLinesAreSkippedButCounted() throws Exception {
        List<CsvTokenizer.Row> rows = rows("a\n\n\r\nb\n");
        assertThat(rows).extracting(CsvTokenizer.Row::line).containsExactly(1L, 4L);
    }

    @Test
    void trailingCommaMakesAnEmptyLastCell() throws Exception {
        assertThat(rows("a,b,\n").get(0).cells()).containsExactly("a", "b", "");
    }

    @Test
    void unclosedQuoteIsAnErrorAtTheRowWhereItOpened() {
        assertThatThrownBy(() -> rows("a\n\"never closed\nmore\n"))
                .isInstanceOf(SourceException.class)
                .hasMessage("in.csv:2: quoted cell is not closed before the end of the file");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThatThrownBy(() -> rows("a,b\n\"x\"y,1\n"))
                .isInstanceOf(SourceException.class)
                .hasMessage("in.csv:2: text after the closing quote of a cell");
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsAnErrorNamingTheColumn() {
        assertThatThrownBy(() -> rows("a,b\n1,x\"y\n"))
                .isInstanceOf(SourceException.class)
                .hasMessage("in.csv:2: quote inside an unquoted cell (column 2)");
    }

    @Test
    void aRowLongerThanTheLimitIsRefused() {
        String huge = "\"" + "x".repeat(CsvTokenizer.MAX_ROW_CHARS + 1) + "\"\n";
        assertThatThrownBy(() -> rows(huge))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("row longer than");
    }

    @Test
    void anUnquotedCellLongerThanTheLimitIsRefusedBeforeItIsRead() {
        // no comma, quote or line break anywhere: the cell must not grow past the limit
        java.io.Reader endless = new java.io.Reader() {
            @Override
            public int read(char[] buf, int off, int len) {
                java.util.Arrays.fill(buf, off, off + len, 'x');
                return len;
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> new CsvTokenizer(endless, "in.csv").next())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("row longer than");
    }

    /** Rows come out the same whether the text arrives at once or a character at a time (chunk edges anywhere). */
    @Test
    void rowsDoNotDependOnWhereTheReadAheadChunksEnd() throws Exception {
        java.util.Random random = new java.util.Random(11);
        String[] pieces = {"a", "bc", ",", "\n", "\r\n", "\"q,\"\"x\"", "\"line\nbreak\"", "", "é", "1234567890"};
        for (int n = 0; n < 200; n++) {
            StringBuilder csv = new StringBuilder();
            for (int i = random.nextInt(400); i > 0; i--) {
                String p = pieces[random.nextInt(pieces.length)];
                // a quoted piece only where a cell starts, as the format requires
                boolean cellStart = csv.length() == 0 || ",\n".indexOf(csv.charAt(csv.length() - 1)) >= 0;
                csv.append(p.startsWith("\"") && !cellStart ? "z" : p);
            }
            String text = csv.toString();
            Object whole = outcome(new StringReader(text));
            Object trickled = outcome(new java.io.Reader() {
                private int at;

                @Override
                public int read(char[] buf, int off, int len) {
                    if (at >= text.length()) {
                        return -1;
                    }
                    buf[off] = text.charAt(at++);
                    return 1;
                }

                @Override
                public void close() {}
            });
            assertThat(trickled).as(text).isEqualTo(whole);
        }
    }

    private static Object outcome(java.io.Reader in) {
        CsvTokenizer t = new CsvTokenizer(in, "in.csv");
        List<CsvTokenizer.Row> out = new ArrayList<>();
        try {
            for (CsvTokenizer.Row r = t.next(); r != null; r = t.next()) {
                out.add(r);
            }
            return out;
        } catch (Exception e) {
            return e.getMessage() + " after " + out;
        }
    }
}
