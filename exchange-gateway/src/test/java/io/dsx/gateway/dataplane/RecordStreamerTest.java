package io.dsx.gateway.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class RecordStreamerTest {

    static final DataPlaneSettings SETTINGS =
            new DataPlaneSettings(Path.of("unused"), 10, Duration.ofHours(1), 1000, 1000);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    /** n records of ReadShapeTest's schema; every 4th without consent. */
    static RecordSource.Reader reader(int n) {
        AtomicInteger i = new AtomicInteger();
        return new RecordSource.Reader() {
            @Override
            public RecordSource.Positioned next() {
                int k = i.getAndIncrement();
                if (k >= n) {
                    return null;
                }
                return new RecordSource.Positioned(
                        ReadShapeTest.visit("p-" + k, 1980 + k, "PC" + k, k % 4 != 0), new Cursor(0, k + 1));
            }

            @Override
            public void close() {}
        };
    }

    static ReadShape shape() throws Exception {
        return ReadShape.of(ReadShapeTest.SCHEMA, List.of("ward", "postcode"), ReadShapeTest.OBLIGATIONS);
    }

    @Test
    void ndjsonStatesTheSchemaThenRecordsWithCursorsThenTheEnd() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordStreamer.Ended ended = new RecordStreamer(SETTINGS, CLOCK)
                .stream(
                        shape(),
                        MaskKey.forGrant(new byte[32], "g"),
                        reader(8),
                        Cursor.START,
                        0,
                        100,
                        RecordStreamer.Format.NDJSON,
                        () -> true,
                        RecordStreamer.Pages.NONE,
                        out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0))
                .startsWith("{\"schema\":{")
                .contains("\"ward\"")
                .doesNotContain("\"patient\"");
        assertThat(lines).hasSize(1 + 6 + 1);
        assertThat(lines.get(1)).startsWith("{\"cursor\":\"" + new Cursor(0, 2).encode() + "\",\"record\":{\"ward\":");
        assertThat(lines.get(7)).isEqualTo("{\"end\":{\"cursor\":null,\"reason\":\"end of data\"}}");
        assertThat(ended.records()).isEqualTo(6);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("p-1").doesNotContain("PC1");
    }

    @Test
    void aRevocationEndsAnOpenStreamAtTheNextCheck() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger checks = new AtomicInteger();
        RecordStreamer.Ended ended = new RecordStreamer(SETTINGS, CLOCK)
                .stream(
                        shape(),
                        MaskKey.forGrant(new byte[32], "g"),
                        reader(1000),
                        Cursor.START,
                        0,
                        10_000,
                        RecordStreamer.Format.NDJSON,
                        () -> checks.incrementAndGet() < 3,
                        RecordStreamer.Pages.NONE,
                        out);
        // checks after 10 and 20 records allow, the one after 30 refuses: 30 read, 22 of them consenting
        assertThat(checks.get()).isEqualTo(3);
        assertThat(ended.records()).isEqualTo(22);
        assertThat(ended.resume()).isNull();
        assertThat(ended.reason()).contains("no longer allows");
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).contains("no longer allows");
    }

    @Test
    void aPageEndsAtItsLimitWithTheCursorToContinue() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordStreamer.Ended ended = new RecordStreamer(SETTINGS, CLOCK)
                .stream(
                        shape(),
                        MaskKey.forGrant(new byte[32], "g"),
                        reader(100),
                        Cursor.START,
                        0,
                        3,
                        RecordStreamer.Format.NDJSON,
                        () -> true,
                        RecordStreamer.Pages.NONE,
                        out);
        assertThat(ended.records()).isEqualTo(3);
        assertThat(ended.resume()).isEqualTo(new Cursor(0, 4));
    }

    @Test
    void avroIsAContainerOfTheProjectedSchemaAndSkipResumes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RecordStreamer(SETTINGS, CLOCK)
                .stream(
                        shape(),
                        MaskKey.forGrant(new byte[32], "g"),
                        reader(8),
                        Cursor.START,
                        2,
                        100,
                        RecordStreamer.Format.AVRO,
                        () -> true,
                        RecordStreamer.Pages.NONE,
                        out);
        try (DataFileStream<GenericRecord> in =
                new DataFileStream<>(new ByteArrayInputStream(out.toByteArray()), new GenericDatumReader<>())) {
            assertThat(in.getSchema()).isEqualTo(shape().projected());
            int n = 0;
            for (GenericRecord r : in) {
                n++;
            }
            assertThat(n).isEqualTo(4);
        }
    }

    @Test
    void cursorsRoundTripAndForgeriesAreRefused() {
        assertThat(Cursor.parse(new Cursor(7, 42).encode())).isEqualTo(new Cursor(7, 42));
        assertThat(Cursor.parse("AAAAAAAAAAAA")).isNull();
        assertThat(Cursor.parse("not a cursor")).isNull();
        assertThat(Cursor.parse(null)).isNull();
    }
}
