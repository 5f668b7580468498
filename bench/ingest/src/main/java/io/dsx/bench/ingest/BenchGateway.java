package io.dsx.bench.ingest;

import io.dsx.compose.GatewayProcess;
import io.dsx.compose.KafkaBroker;
import io.dsx.compose.LocalStack;
import io.dsx.compose.Ports;
import io.dsx.compose.StackCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a benchmark runs against: its own Kafka broker (a real KRaft process, locked down as
 * everywhere: SASL/SCRAM, ACLs), a token issuer in this JVM and the gateway as its own process, as
 * deployed ({@code -Ddsx.gateway.jar}; {@code DSX_BENCH_GATEWAY_JAVA_OPTS} adds JVM options to it).
 * The gateway and the baselines all use the gateway's Kafka login, so a ratio compares like with like.
 */
public final class BenchGateway implements AutoCloseable {

    private final KafkaBroker broker;
    private final BenchIssuer issuer;
    private final GatewayProcess gateway;

    private BenchGateway(KafkaBroker broker, BenchIssuer issuer, GatewayProcess gateway) {
        this.broker = broker;
        this.issuer = issuer;
        this.gateway = gateway;
    }

    /** Starts all three in {@code work}; {@code settings} are more gateway settings ({@code --name=value}). */
    public static BenchGateway start(Path work, String bench, List<String> settings) throws Exception {
        System.err.println("bench " + bench + ": starting a Kafka broker ...");
        KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Options(
                LocalStack.locateStackDir().resolve("kafka-libs"),
                work.resolve("kafka"),
                Ports.freePort(),
                Ports.freePort(),
                Ports.freePort(),
                StackCredentials.generate(),
                Duration.ofMinutes(3)));
        BenchIssuer issuer = null;
        try {
            issuer = new BenchIssuer();
            System.err.println("bench " + bench + ": starting the gateway (its own process, as deployed) ...");
            Path jar = Path.of(System.getProperty("dsx.gateway.jar", "exchange-gateway/target/missing.jar"));
            List<String> jvm = new ArrayList<>();
            String gatewayOpts = System.getenv().getOrDefault("DSX_BENCH_GATEWAY_JAVA_OPTS", "");
            if (!gatewayOpts.isBlank()) {
                jvm.addAll(List.of(gatewayOpts.trim().split("\\s+")));
            }
            List<String> all = new ArrayList<>(settings);
            all.addAll(List.of(
                    "--logging.level.root=WARN", "--logging.level.io.dsx=WARN", "--spring.main.banner-mode=off"));
            GatewayProcess gateway = GatewayProcess.start(
                    jar,
                    work.resolve("gateway"),
                    broker.bootstrapServers(),
                    broker.gatewayLogin(),
                    issuer.issuer(),
                    Ports.freePort(),
                    Ports.freePort(),
                    "bench-" + work.getFileName(),
                    jvm,
                    all,
                    Duration.ofMinutes(3));
            return new BenchGateway(broker, issuer, gateway);
        } catch (Exception | Error e) {
            if (issuer != null) {
                issuer.close();
            }
            broker.close();
            throw e;
        }
    }

    public KafkaBroker broker() {
        return broker;
    }

    public BenchIssuer issuer() {
        return issuer;
    }

    public GatewayProcess gateway() {
        return gateway;
    }

    /**
     * CPU time of this JVM (the load generator, the baselines, the clients), of the gateway's process
     * and of the broker (every other child process).
     */
    public record CpuClock(long self, long gateway, long broker) {
        public static CpuClock start(long gatewayPid) {
            long gw = ProcessHandle.of(gatewayPid).map(BenchGateway::cpu).orElse(0L);
            long children = ProcessHandle.current()
                    .descendants()
                    .mapToLong(BenchGateway::cpu)
                    .sum();
            return new CpuClock(cpu(ProcessHandle.current()), gw, children - gw);
        }

        public String perRecord(long gatewayPid, long records) {
            CpuClock end = start(gatewayPid);
            return String.format(
                    "bench-jvm %.1f, gateway %.1f, broker %.1f",
                    (end.self - self) / 1e3 / records,
                    (end.gateway - gateway) / 1e3 / records,
                    (end.broker - broker) / 1e3 / records);
        }
    }

    private static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    public static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    @Override
    public void close() throws Exception {
        try {
            gateway.close();
        } finally {
            try {
                issuer.close();
            } finally {
                broker.close();
            }
        }
    }
}
