package io.dsx.bench.read;

import io.dsx.bench.ingest.BenchGateway;
import io.dsx.bench.ingest.BenchGateway.CpuClock;
import io.dsx.bench.ingest.BenchIssuer;
import io.dsx.bench.ingest.BenchRecords;
import io.dsx.bench.ingest.WarmUp;
import io.dsx.compose.KafkaBroker;
import io.dsx.connectors.job.JobRecords;
import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.record.RecordCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the same records three ways on one broker, in one run, alternating rounds: (plane) through
 * the data plane end to end — the job client library over HTTP, the gateway authenticating the job
 * token, asking the read policy, fetching and decrypting stored segments, decoding, projecting,
 * masking, encoding, and the client decoding again; (a) a {@code KafkaConsumer} reading the records
 * stored as plaintext Avro, one Kafka record each, and decoding each into a {@code GenericRecord};
 * (b) a bare {@code KafkaConsumer} that decodes nothing. Reports the medians and the ratios.
 */
public final class ReadBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLAIN_TOPIC = "dsx.bench.plain";
    private static final String SCHEMA = BenchRecords.SCHEMA;

    record Options(
            int records,
            int perContribution,
            int recordBytes,
            int rounds,
            int warmup,
            int warmupSeconds,
            String format) {
        static Options parse(String[] args) {
            int n = 200_000, c = 1000, b = 500, r = 5, w = 2, ws = 120;
            String f = "avro";
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--records" -> n = Integer.parseInt(v);
                    case "--per-contribution" -> c = Integer.parseInt(v);
                    case "--record-bytes" -> b = Integer.parseInt(v);
                    case "--rounds" -> r = Integer.parseInt(v);
                    case "--warmup" -> w = Integer.parseInt(v);
                    case "--warmup-seconds" -> ws = Integer.parseInt(v);
                    case "--format" -> f = v;
                    case "-h", "--help" -> {
                        System.out.println(
                                "usage: bench/read/run [--records N] [--per-contribution N]"
                                        + " [--record-bytes N] [--rounds N] [--warmup N] [--warmup-seconds N] [--format avro|ndjson]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (n < 1 || c < 1 || b < 1 || r < 1 || w < 0 || ws < 0) {
                throw new IllegalArgumentException("every count must be positive (--warmup may be 0)");
            }
            if (!f.equals("avro") && !f.equals("ndjson")) {
                throw new IllegalArgumentException("--format is avro or ndjson");
            }
            return new Options(n, c, b, r, w, ws, f);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("bench read: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("dsx-bench-read-");
        int exit = 0;
        try (BenchGateway stack = BenchGateway.start(work, "read", List.of())) {
            try {
                new ReadBench(o, stack).run();
            } catch (Exception e) {
                System.err.println("bench read: failed: " + e);
                exit = 1;
            }
        }
        if (exit != 0) {
            System.exit(exit);
        }
    }

    private final Options o;
    private final KafkaBroker broker;
    private final BenchIssuer issuer;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final long gatewayPid;

    private ReadBench(Options o, BenchGateway stack) {
        this.o = o;
        this.broker = stack.broker();
        this.issuer = stack.issuer();
        this.base = stack.gateway().baseUrl();
        this.gatewayPid = stack.gateway().process().pid();
    }

    private void run() throws Exception {
        DatasetSchema schema = DatasetSchema.parse(SCHEMA);
        String institution = issuer.token("bench-hospital", "institution", "bench-hospital");
        String researcher = issuer.token("bench-researcher", "researcher", null);
        InstitutionCredentials creds = register(institution);
        int recordSize = load(schema, creds, institution);
        log("records of " + recordSize + " bytes (Avro), " + o.records() + " per round; data plane as " + o.format()
                + " through connectors.job.JobRecords");

        List<Double> bare = new ArrayList<>();
        List<Double> decoded = new ArrayList<>();
        List<Double> plane = new ArrayList<>();
        JobRecords.Format format = o.format().equals("avro") ? JobRecords.Format.AVRO : JobRecords.Format.NDJSON;
        WarmUp warmUp = WarmUp.start(o.warmup(), o.warmupSeconds());
        for (int round = 0, measured = 0; measured < o.rounds(); round++) {
            boolean warmup = warmUp.covers(round);
            if (!warmup) {
                measured++;
            }
            CpuClock bareCpu = CpuClock.start(gatewayPid);
            double bareRps = consumerRound(null);
            String bareCost = bareCpu.perRecord(gatewayPid, o.records());
            CpuClock decodedCpu = CpuClock.start(gatewayPid);
            double decodedRps = consumerRound(schema.avro());
            String decodedCost = decodedCpu.perRecord(gatewayPid, o.records());
            // a job per round under a grant per round: the grant's max_records counts every read
            String[] job = job(researcher);
            CpuClock planeCpu = CpuClock.start(gatewayPid);
            double planeRps = planeRound(job[0], job[1], format);
            String planeCost = planeCpu.perRecord(gatewayPid, o.records());
            log(String.format(
                    "round %d%s: bare consumer %.0f rec/s, consumer+decode %.0f rec/s, data plane %.0f rec/s,"
                            + " ratio %.3f, bare_ratio %.3f; CPU µs/record bare [%s] decode [%s] plane [%s]",
                    round,
                    warmup ? " (warm-up)" : "",
                    bareRps,
                    decodedRps,
                    planeRps,
                    planeRps / decodedRps,
                    planeRps / bareRps,
                    bareCost,
                    decodedCost,
                    planeCost));
            if (!warmup) {
                bare.add(bareRps);
                decoded.add(decodedRps);
                plane.add(planeRps);
            }
        }
        double b = BenchGateway.median(bare);
        double a = BenchGateway.median(decoded);
        double p = BenchGateway.median(plane);
        log(String.format(
                "medians: bare consumer %.0f rec/s, consumer+decode %.0f rec/s, data plane %.0f rec/s", b, a, p));
        System.out.printf("RESULT read ratio=%.3f bare_ratio=%.3f plane_rps=%.0f raw_rps=%.0f%n", p / a, p / b, p, a);
    }

    private InstitutionCredentials register(String institution) throws Exception {
        InstitutionCredentials creds = InstitutionKeys.generate(
                SignatureAlgorithm.ED25519,
                "CN=bench-hospital",
                Duration.ofDays(1),
                Clock.systemUTC(),
                new SecureRandom());
        String operator = issuer.token("bench-operator", "operator", null);
        BenchRecords.expect(
                post(
                        "/v1/admin/institutions",
                        operator,
                        Map.of(
                                "id",
                                "bench-hospital",
                                "name",
                                "Bench Hospital",
                                "certificates",
                                List.of(Pem.writeCertificate(creds.certificate())))),
                201);
        BenchRecords.expect(
                post(
                        "/v1/datasets",
                        institution,
                        Map.of(
                                "id",
                                "bench",
                                "title",
                                "bench",
                                "description",
                                "",
                                "duo",
                                List.of("DUO:0000004"),
                                "schema",
                                JSON.readTree(SCHEMA))),
                201);
        return creds;
    }

    /**
     * The same records into the dataset (through the gateway's contribution path) and, Avro-encoded,
     * one Kafka record each, into a plaintext topic with as many partitions as the dataset's topic.
     */
    private int load(DatasetSchema schema, InstitutionCredentials creds, String institution) throws Exception {
        JsonNode wk = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(base + "/.well-known/dsx"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        HpkePublicKey hpke = HpkePublicKey.of(Base64.getUrlDecoder()
                .decode(wk.get("hpkeKeys").get(0).get("publicKey").asText()));
        int partitions;
        try (Admin admin = Admin.create(broker.gatewayLogin().clientConfig())) {
            partitions = admin.describeTopics(List.of("dsx.data.bench"))
                    .allTopicNames()
                    .get()
                    .get("dsx.data.bench")
                    .partitions()
                    .size();
            admin.createTopics(List.of(new NewTopic(PLAIN_TOPIC, partitions, (short) 1)))
                    .all()
                    .get();
        }
        ContributionBuilder builder = new ContributionBuilder(Clock.systemUTC(), new SecureRandom());
        ContributionBuilder.Target target = new ContributionBuilder.Target(
                "bench-hospital", "bench", schema, 1, hpke, creds.signingKey(), creds.keyId());
        RecordCodec codec = RecordCodec.of(schema);
        Random random = new Random(42);
        int size = 0;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            for (int done = 0; done < o.records(); ) {
                List<GenericRecord> batch = new ArrayList<>();
                for (int i = 0; i < o.perContribution() && done < o.records(); i++, done++) {
                    GenericRecord r = BenchRecords.record(schema, random, done, o.recordBytes());
                    byte[] value = codec.encode(r);
                    size = value.length;
                    producer.send(new ProducerRecord<>(PLAIN_TOPIC, value));
                    batch.add(r);
                }
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/v1/datasets/bench/contributions"))
                                .header("Authorization", "Bearer " + institution)
                                .header("Content-Type", ContributionEnvelope.MEDIA_TYPE)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        builder.build(target, batch).toBytes()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                BenchRecords.expect(r, 201);
                if (done % (o.records() / 10 + 1) < o.perContribution()) {
                    log("loaded " + done + " of " + o.records() + " records");
                }
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (JSON.readTree(get("/v1/datasets/bench", issuer.token("bench-researcher", "researcher", null))
                                .body())
                        .path("recordCount")
                        .asLong()
                < o.records()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dataset did not reach " + o.records() + " records");
            }
            Thread.sleep(200);
        }
        log(String.format(
                "loaded %d records in %.1f s (%d partition(s))",
                o.records(), (System.nanoTime() - start) / 1e9, partitions));
        return size;
    }

    /** A grant for every field a researcher may have (the direct identifier is withheld) and a job under it. */
    private String[] job(String researcher) throws Exception {
        HttpResponse<String> r = post(
                "/v1/access-requests",
                researcher,
                Map.of(
                        "dataset",
                        "bench",
                        "fields",
                        List.of("age", "postcode", "diagnosis", "medication", "notes", "ward"),
                        "purpose",
                        Map.of("code", "HMB"),
                        "project",
                        "bench",
                        "ethicsApproval",
                        "BENCH-1",
                        "durationDays",
                        1));
        JsonNode grant = JSON.readTree(r.body());
        if (!"granted".equals(grant.path("status").asText())) {
            throw new IllegalStateException("the access request was not granted: " + r.body());
        }
        HttpResponse<String> j = post(
                "/v1/jobs",
                researcher,
                Map.of(
                        "grant",
                        grant.get("id").asText(),
                        "codeDigest",
                        "sha256:" + "be".repeat(32),
                        "description",
                        "bench read"));
        BenchRecords.expect(j, 201);
        JsonNode job = JSON.readTree(j.body());
        return new String[] {job.get("id").asText(), job.get("token").asText()};
    }

    /** The data plane: every record of the job through the job client library; counts what the handler got. */
    private double planeRound(String jobId, String token, JobRecords.Format format) throws Exception {
        long[] n = {0};
        JobRecords client = new JobRecords(URI.create(base), () -> token, http, 3);
        long start = System.nanoTime();
        client.read(jobId, null, format, new JobRecords.Handler() {
            @Override
            public void schema(Schema projected) {}

            @Override
            public void record(Object record, String cursor) {
                n[0]++;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (n[0] != o.records()) {
            throw new IllegalStateException("the data plane served " + n[0] + " of " + o.records() + " records");
        }
        return n[0] / seconds;
    }

    /**
     * A consumer reading the plaintext topic from the beginning, all partitions assigned, no group;
     * with {@code schema} it decodes each value into a GenericRecord (path a), without it nothing (b).
     */
    private double consumerRound(Schema schema) {
        Map<String, Object> config = new HashMap<>(broker.gatewayLogin().clientConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        GenericDatumReader<GenericRecord> reader = schema == null ? null : new GenericDatumReader<>(schema);
        BinaryDecoder decoder = null;
        long n = 0;
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> parts = consumer.partitionsFor(PLAIN_TOPIC).stream()
                    .map(p -> new TopicPartition(PLAIN_TOPIC, p.partition()))
                    .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (n < o.records()) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    if (reader != null) {
                        decoder = DecoderFactory.get().binaryDecoder(r.value(), decoder);
                        try {
                            GenericRecord g = reader.read(null, decoder);
                            bytes += g.getSchema().getFields().size();
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException("a plaintext record does not decode", e);
                        }
                    } else {
                        bytes += r.value().length;
                    }
                    n++;
                }
            }
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing read");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(broker.gatewayLogin().clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private HttpResponse<String> post(String path, String token, Object body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void log(String message) {
        System.err.println("bench read: " + message);
    }
}
