package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3.2 on disk: after contributions, every byte of the broker's log directory (segments,
 * indexes, snapshots, metadata, of every topic) is read, and none of the test data's field values,
 * subject identifiers included, appears in it.
 */
class BrokerLogScanIT extends GatewayIT {

    private static final String SCHEMA = """
            {"type":"record","name":"Visit","namespace":"scan","fields":[
              {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
              {"name":"postcode","type":"string","dsx.sensitivity":"quasi_identifier"},
              {"name":"diagnosis","type":"string","dsx.sensitivity":"sensitive","dsx.tags":["diagnosis"]},
              {"name":"born","type":"int","dsx.sensitivity":"quasi_identifier"}]}""";

    @Test
    void noFieldValueOrIdentifierReachesTheBrokersDisk() throws Exception {
        String marker = "scan" + UUID.randomUUID().toString().substring(0, 8);
        InstitutionCredentials hospital = enrol("hospital-b");
        String dataset = registerDataset("hospital-b", SCHEMA);
        DatasetSchema schema = DatasetSchema.parse(SCHEMA);
        ContributionBuilder builder = new ContributionBuilder(Clock.systemUTC(), new SecureRandom());
        ContributionBuilder.Target target = new ContributionBuilder.Target(
                "hospital-b", dataset, schema, 1, gatewayHpkeKey(), hospital.signingKey(), hospital.keyId());
        List<String> values = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            List<GenericRecord> records = new ArrayList<>();
            for (int i = 0; i < 700; i++) {
                int n = c * 700 + i;
                GenericRecord r = new GenericData.Record(schema.avro());
                r.put("subject", "MRN-" + marker + "-" + n);
                r.put("postcode", "PC" + marker + n);
                r.put("diagnosis", "dx " + marker + " #" + n);
                r.put("born", 1900 + n % 100);
                records.add(r);
                if (n % 97 == 0) {
                    values.add("MRN-" + marker + "-" + n);
                    values.add("PC" + marker + n);
                }
            }
            ContributionEnvelope envelope = builder.build(target, records);
            HttpResponse<String> r = send(
                    "POST",
                    "/v1/datasets/" + dataset + "/contributions",
                    stack().tokens().forInstitution("hospital-b"),
                    ContributionEnvelope.MEDIA_TYPE,
                    envelope.toBytes());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }

        Path logs = stack().broker().logDir();
        long bytes = 0;
        int files = 0;
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> all = Files.walk(logs)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException rolledAway) {
                    continue;
                }
                files++;
                bytes += content.length;
                assertThat(indexOf(content, needle))
                        .as("%s holds test data", file)
                        .isEqualTo(-1);
                String latin1 = new String(content, StandardCharsets.ISO_8859_1);
                for (String v : values) {
                    assertThat(latin1).as("%s", file).doesNotContain(v);
                }
            }
        }
        assertThat(files).isGreaterThan(10);
        assertThat(bytes).as("the contributions are on disk, encrypted").isGreaterThan(3 * 700 * 30L);
        System.out.printf("BrokerLogScanIT: %d files, %d bytes scanned, no test value found%n", files, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
