package io.dsx.bench.ingest;

import io.dsx.compose.GatewayProcess;
import io.dsx.compose.KafkaBroker;
import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes the same records through a raw {@code KafkaProducer} (acks=all, idempotent, same batching as
 * the gateway) and through the gateway's whole contribution path, on one broker, in one run,
 * alternating rounds; reports the median of each and their ratio. Building the envelopes (the
 * contributor's work) happens before the clock starts; everything the gateway does is inside it.
 */
public final class IngestBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMA = BenchRecords.SCHEMA;

    record Options(
            int contributions, int records, int recordBytes, int clients, int rounds, int warmup, int warmupSeconds) {
        static Options parse(String[] args) {
            int c = 100, r = 1000, b = 500, k = 4, n = 5, w = 2, ws = 120;
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--contributions" -> c = Integer.parseInt(v);
                    case "--records" -> r = Integer.parseInt(v);
                    case "--record-bytes" -> b = Integer.parseInt(v);
                    case "--clients" -> k = Integer.parseInt(v);
                    case "--rounds" -> n = Integer.parseInt(v);
                    case "--warmup" -> w = Integer.parseInt(v);
                    case "--warmup-seconds" -> ws = Integer.parseInt(v);
                    case "-h", "--help" -> {
                        System.out.println(
                                "usage: bench/ingest/run [--contributions N] [--records N] [--record-bytes N] [--clients N] [--rounds N] [--warmup N] [--warmup-seconds N]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (c < 1 || r < 1 || b < 1 || k < 1 || n < 1 || w < 0 || ws < 0) {
                throw new IllegalArgumentException("every count must be positive (--warmup may be 0)");
            }
            return new Options(c, r, b, k, n, w, ws);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("bench ingest: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("dsx-bench-ingest-");
        try (BenchGateway stack = BenchGateway.start(
                work, "ingest", List.of("--dsx.kafka.producers=" + System.getProperty("dsx.bench.producers", "2")))) {
            new IngestBench(o, stack.broker(), stack.issuer(), work, stack.gateway()).run();
        } catch (Exception e) {
            Throwable cause =
                    e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("bench ingest: failed: " + cause.getMessage());
            System.exit(1);
        }
    }

    private final Options o;
    private final KafkaBroker broker;
    private final BenchIssuer issuer;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path work;

    private final GatewayProcess gateway;

    private IngestBench(Options o, KafkaBroker broker, BenchIssuer issuer, Path work, GatewayProcess gateway) {
        this.work = work;
        this.o = o;
        this.broker = broker;
        this.issuer = issuer;
        this.gateway = gateway;
        this.base = gateway.baseUrl();
    }

    private void run() throws Exception {
        InstitutionCredentials creds = InstitutionKeys.generate(
                SignatureAlgorithm.ED25519,
                "CN=bench-hospital",
                Duration.ofDays(1),
                Clock.systemUTC(),
                new SecureRandom());
        String operator = issuer.token("bench-operator", "operator", null);
        String institution = issuer.token("bench-hospital", "institution", "bench-hospital");
        BenchRecords.expect(
                post(
                        "/v1/admin/institutions",
                        operator,
                        "application/json",
                        JSON.writeValueAsBytes(Map.of(
                                "id",
                                "bench-hospital",
                                "name",
                                "Bench Hospital",
                                "certificates",
                                List.of(Pem.writeCertificate(creds.certificate()))))),
                201);
        BenchRecords.expect(
                post(
                        "/v1/datasets",
                        institution,
                        "application/json",
                        JSON.writeValueAsBytes(Map.of(
                                "id",
                                "bench",
                                "title",
                                "bench",
                                "description",
                                "",
                                "duo",
                                List.of("DUO:0000042"),
                                "schema",
                                JSON.readTree(SCHEMA)))),
                201);
        JsonNode wk = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(base + "/.well-known/dsx"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        HpkePublicKey hpke = HpkePublicKey.of(Base64.getUrlDecoder()
                .decode(wk.get("hpkeKeys").get(0).get("publicKey").asText()));
        DatasetSchema schema = DatasetSchema.parse(SCHEMA);
        try (Admin admin = Admin.create(broker.gatewayLogin().clientConfig())) {
            admin.createTopics(List.of(
                            new NewTopic("dsx.bench.raw", 1, (short) 1),
                            new NewTopic("dsx.bench.txn", 1, (short) 1),
                            new NewTopic("dsx.bench.txn-ledger", 1, (short) 1)))
                    .all()
                    .get();
        }
        ContributionBuilder builder = new ContributionBuilder(Clock.systemUTC(), new SecureRandom());
        ContributionBuilder.Target target = new ContributionBuilder.Target(
                "bench-hospital", "bench", schema, 1, hpke, creds.signingKey(), creds.keyId());
        Random random = new Random(42);
        int recordSize = RecordCodec.of(schema).encode(BenchRecords.record(schema, random, 0, o.recordBytes())).length;
        log("records of " + recordSize + " bytes (Avro), " + o.records() + " per contribution, " + o.contributions()
                + " contributions per round, " + o.clients() + " concurrent uploaders");

        List<Double> raw = new ArrayList<>();
        List<Double> txn = new ArrayList<>();
        List<Double> gw = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        Path keyFile = Files.writeString(work.resolve("key.pem"), Pem.writePrivateKey(creds.signingKey()));
        Path certFile = Files.writeString(work.resolve("cert.pem"), Pem.writeCertificate(creds.certificate()));
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            WarmUp warmUp = WarmUp.start(o.warmup(), o.warmupSeconds());
            for (int round = 0, measured = 0; measured < o.rounds(); round++) {
                boolean warmup = warmUp.covers(round);
                if (!warmup) {
                    measured++;
                }
                int contributions = o.contributions();
                List<List<GenericRecord>> batches = new ArrayList<>();
                for (int c = 0; c < contributions; c++) {
                    List<GenericRecord> batch = new ArrayList<>(o.records());
                    for (int i = 0; i < o.records(); i++) {
                        batch.add(BenchRecords.record(schema, random, c * o.records() + i, o.recordBytes()));
                    }
                    batches.add(batch);
                }
                long records = (long) contributions * o.records();
                BenchGateway.CpuClock rawCpu =
                        BenchGateway.CpuClock.start(gateway.process().pid());
                double rawRps = rawRound(producer, schema, batches);
                String rawCost = rawCpu.perRecord(gateway.process().pid(), records);
                BenchGateway.CpuClock txnCpu =
                        BenchGateway.CpuClock.start(gateway.process().pid());
                double txnRps = txnRound(schema, batches, round);
                String txnCost = txnCpu.perRecord(gateway.process().pid(), records);
                List<byte[]> bodies = batches.stream()
                        .map(b -> builder.build(target, b).toBytes())
                        .toList();
                BenchGateway.CpuClock gwCpu =
                        BenchGateway.CpuClock.start(gateway.process().pid());
                double gwRps = gatewayRound(institution, bodies);
                String gwCost = gwCpu.perRecord(gateway.process().pid(), records);
                Path csv = writeCsv(work.resolve("round-" + round + ".csv"), batches);
                double cliRps =
                        cliRound(institution, csv, keyFile, certFile, work.resolve("receipts-" + round), records);
                log(String.format(
                        "round %d%s: raw %.0f rec/s, gateway %.0f rec/s, ratio %.3f (Kafka segment writes alone %.0f rec/s,"
                                + " ratio %.3f); dsx CLI from CSV %.0f rec/s (%.3f of gateway); CPU µs/record raw [%s]"
                                + " kafka-segments [%s] gateway [%s]",
                        round,
                        warmup ? " (warm-up)" : "",
                        rawRps,
                        gwRps,
                        gwRps / rawRps,
                        txnRps,
                        txnRps / rawRps,
                        cliRps,
                        cliRps / gwRps,
                        rawCost,
                        txnCost,
                        gwCost));
                if (!warmup) {
                    raw.add(rawRps);
                    gw.add(gwRps);
                    txn.add(txnRps);
                    cli.add(cliRps);
                }
            }
        }
        StringBuilder phases = new StringBuilder("gateway phases, mean ms per contribution:");
        GatewayMetrics metrics = GatewayMetrics.scrape(http, gateway.managementUrl(), operator);
        metrics.meanMillis().forEach((phase, ms) -> phases.append(String.format(" %s=%.1f", phase, ms)));
        phases.append(String.format(
                "; orphaned segments %.0f; sent again after a 5xx/409: %d", metrics.orphanSegments(), retries.get()));
        log(phases.toString());
        double rawMedian = BenchGateway.median(raw);
        double txnMedian = BenchGateway.median(txn);
        log(String.format(
                "medians: raw %.0f rec/s, Kafka segment writes alone %.0f rec/s (%.3f of raw), gateway %.0f rec/s"
                        + " (%.3f of raw, %.3f of Kafka segment writes alone)",
                rawMedian,
                txnMedian,
                txnMedian / rawMedian,
                BenchGateway.median(gw),
                BenchGateway.median(gw) / rawMedian,
                BenchGateway.median(gw) / txnMedian));
        double gwMedian = BenchGateway.median(gw);
        double cliMedian = BenchGateway.median(cli);
        log(String.format(
                "dsx CLI (path d) median %.0f rec/s = %.3f of the gateway path (b)", cliMedian, cliMedian / gwMedian));
        System.out.printf(
                "RESULT ingest ratio=%.3f gateway_rps=%.0f raw_rps=%.0f cli_rps=%.0f%n",
                gwMedian / rawMedian, gwMedian, rawMedian, cliMedian);
    }

    private KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(producerConfig(null));
    }

    /** The gateway's producer settings (exchange-gateway ProducerPool), transactional when {@code transactionalId} is set. */
    private Map<String, Object> producerConfig(String transactionalId) {
        Map<String, Object> config =
                new java.util.HashMap<>(broker.gatewayLogin().clientConfig());
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                2,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                16 << 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return config;
    }

    /** The baseline: the same records, Avro-encoded, straight into Kafka. */
    private double rawRound(
            KafkaProducer<byte[], byte[]> producer, DatasetSchema schema, List<List<GenericRecord>> batches)
            throws Exception {
        RecordCodec codec = RecordCodec.of(schema);
        List<byte[][]> encoded = new ArrayList<>();
        long n = 0;
        for (List<GenericRecord> batch : batches) {
            for (GenericRecord r : batch) {
                encoded.add(new byte[][] {r.get("subject").toString().getBytes(), codec.encode(r)});
                n++;
            }
        }
        long start = System.nanoTime();
        List<Future<?>> acks = new ArrayList<>(encoded.size());
        for (byte[][] kv : encoded) {
            acks.add(producer.send(new ProducerRecord<>("dsx.bench.raw", kv[0], kv[1])));
        }
        producer.flush();
        for (Future<?> f : acks) {
            f.get();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Not part of the ratio: the gateway's Kafka write pattern alone, to tell Kafka's share of the gap
     * from the gateway's. {@code clients} threads on one idempotent producer, per contribution: its
     * records as stored segments (random bytes of the sealed size, about {@code SEGMENT_BYTES} each),
     * every ack, then one ledger-sized record and its ack. No HTTP, no crypto, no validation.
     */
    private double txnRound(DatasetSchema schema, List<List<GenericRecord>> batches, int round) throws Exception {
        RecordCodec codec = RecordCodec.of(schema);
        Random random = new Random(round);
        List<List<ProducerRecord<byte[], byte[]>>> contributions = new ArrayList<>();
        long n = 0;
        for (List<GenericRecord> batch : batches) {
            List<ProducerRecord<byte[], byte[]>> segments = new ArrayList<>();
            byte[] key = new byte[16];
            random.nextBytes(key);
            int framed = 0;
            for (GenericRecord r : batch) {
                int size = codec.encode(r).length + 16 + 2;
                if (framed > 0 && framed + size > SEGMENT_BYTES) {
                    segments.add(segment(random, key, framed));
                    framed = 0;
                }
                framed += size;
                n++;
            }
            segments.add(segment(random, key, framed));
            contributions.add(segments);
        }
        ConcurrentLinkedQueue<List<ProducerRecord<byte[], byte[]>>> queue = new ConcurrentLinkedQueue<>(contributions);
        ExecutorService pool = Executors.newFixedThreadPool(o.clients());
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerConfig(null))) {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < o.clients(); i++) {
                done.add(pool.submit(() -> {
                    for (List<ProducerRecord<byte[], byte[]>> c; (c = queue.poll()) != null; ) {
                        List<Future<?>> acks = new ArrayList<>(c.size());
                        for (ProducerRecord<byte[], byte[]> record : c) {
                            acks.add(p.send(record));
                        }
                        for (Future<?> f : acks) {
                            f.get();
                        }
                        p.send(new ProducerRecord<>("dsx.bench.txn-ledger", new byte[36], new byte[LEDGER_ENTRY_BYTES]))
                                .get();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            queue.clear();
            pool.shutdownNow();
        }
    }

    private static ProducerRecord<byte[], byte[]> segment(Random random, byte[] key, int framed) {
        byte[] value = new byte[framed + SEGMENT_OVERHEAD];
        random.nextBytes(value);
        return new ProducerRecord<>("dsx.bench.txn", key, value);
    }

    private static final int MAX_ATTEMPTS = 5;
    /** Transactions (path c) and contributions (path b) sent again after an abort, over the whole run. */
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

    /** The gateway's default dsx.ingest.segment-bytes. */
    private static final int SEGMENT_BYTES = 131_072;
    /** Bytes a stored segment adds to its framed records: header, key id, nonce, tag (docs/formats.md §8). */
    private static final int SEGMENT_OVERHEAD = 1 + 16 + 12 + 1 + 28 + io.dsx.crypto.aead.AesGcmKey.sealedLength(0);

    private static final int LEDGER_ENTRY_BYTES = 400;

    private static org.apache.kafka.common.header.Header header(String name, String value) {
        return new org.apache.kafka.common.header.internals.RecordHeader(
                name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The gateway: every contribution over HTTP, {@code clients} at a time, until every receipt is back. */
    private double gatewayRound(String token, List<byte[]> bodies) throws Exception {
        ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>(bodies);
        ExecutorService pool = Executors.newFixedThreadPool(o.clients());
        try {
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < o.clients(); i++) {
                done.add(pool.submit(() -> {
                    long records = 0;
                    for (byte[] body; (body = queue.poll()) != null; ) {
                        HttpResponse<String> r = post(
                                "/v1/datasets/bench/contributions",
                                token,
                                io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE,
                                body);
                        // a 5xx (transaction aborted) or 409 contribution_in_progress is retried with the same
                        // body, as the dsx CLI does; the contribution id makes that safe
                        for (int attempt = 1;
                                attempt < MAX_ATTEMPTS && (r.statusCode() >= 500 || r.statusCode() == 409);
                                attempt++) {
                            retries.incrementAndGet();
                            r = post(
                                    "/v1/datasets/bench/contributions",
                                    token,
                                    io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE,
                                    body);
                        }
                        if (r.statusCode() != 200) {
                            BenchRecords.expect(r, 201);
                        }
                        records += JSON.readTree(r.body()).get("recordCount").asLong();
                    }
                    return records;
                }));
            }
            long records = 0;
            for (Future<Long> f : done) {
                records += f.get();
            }
            return records / ((System.nanoTime() - start) / 1e9);
        } finally {
            queue.clear();
            pool.shutdownNow();
        }
    }

    /** The round's records as the CSV a hospital would export (written before any clock starts). */
    private static Path writeCsv(Path file, List<List<GenericRecord>> batches) throws java.io.IOException {
        try (java.io.Writer w = Files.newBufferedWriter(file)) {
            w.write("subject,age,postcode,diagnosis,medication,notes,ward\n");
            for (List<GenericRecord> batch : batches) {
                for (GenericRecord r : batch) {
                    w.write(r.get("subject") + "," + r.get("age") + "," + r.get("postcode") + "," + r.get("diagnosis")
                            + "," + r.get("medication") + "," + r.get("notes") + "," + r.get("ward") + "\n");
                }
            }
        }
        return file;
    }

    /**
     * Path (d): the participant's whole side with the CLI's defaults, in this JVM: {@code dsx contribute}
     * reads the CSV, converts and batches rows, seals and signs each contribution, uploads them (4 at a
     * time) and verifies every receipt. Counts the records accepted per second of the whole run.
     */
    private double cliRound(String token, Path csv, Path key, Path cert, Path receipts, long records) {
        java.io.StringWriter err = new java.io.StringWriter();
        io.dsx.connectors.cli.CliContext ctx = new io.dsx.connectors.cli.CliContext(
                Map.of("DSX_TOKEN", token),
                new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(err, true),
                false,
                Clock.systemUTC(),
                new SecureRandom(),
                io.dsx.connectors.cli.CliContext.defaultHttp(),
                io.dsx.connectors.contributor.RetryPolicy.DEFAULT);
        long start = System.nanoTime();
        int exit = io.dsx.connectors.cli.DsxCli.run(
                ctx,
                "contribute",
                "--gateway",
                base,
                "--dataset",
                "bench",
                "--key",
                key.toString(),
                "--cert",
                cert.toString(),
                "--input",
                csv.toString(),
                "--receipts",
                receipts.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(
                    "dsx contribute failed: " + err.toString().strip());
        }
        return records / seconds;
    }

    private HttpResponse<String> post(String path, String token, String type, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void log(String message) {
        System.err.println("bench ingest: " + message);
    }
}
