package io.dsx.compose;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the exchange on this machine: broker, Keycloak, gateway (each a child process, state under one
 * data folder), prints where each listens and how to get a token, and stops everything on Ctrl-C.
 */
public final class LocalStackMain {

    static final String USAGE = """
            Usage: compose/run-local [options]

            Runs the dsx exchange locally without Docker: a real single-node KRaft Kafka broker, a real
            Keycloak with realm 'dataspace' and the demo identities, and the gateway. State (topics,
            Keycloak's database, generated demo credentials, logs) lives in the data folder and survives
            restarts; delete the folder to start afresh. Ctrl-C stops every process it started.

            Options:
              --data-dir DIR        state folder (default: .dsx)
              --kafka-port N        broker port (default: 9092; controller on N+1,
                                    the broker's own listener on N+2)
              --keycloak-port N     Keycloak port (default: 8180)
              --gateway-port N      gateway port (default: 8080)
              --management-port N   the gateway's health and metrics port, on
                                    loopback (default: 9080)
              --no-gateway          start only the broker and Keycloak
              -h, --help            this help
            """;

    record Options(
            Path dataDir, int kafkaPort, int keycloakPort, int gatewayPort, int managementPort, boolean gateway) {

        static Options parse(String[] args) {
            Path dataDir = Path.of(".dsx");
            int kafka = 9092;
            int keycloak = 8180;
            int gateway = 8080;
            int management = 9080;
            boolean withGateway = true;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                    case "--kafka-port" -> kafka = port(value(args, ++i, a), a);
                    case "--keycloak-port" -> keycloak = port(value(args, ++i, a), a);
                    case "--gateway-port" -> gateway = port(value(args, ++i, a), a);
                    case "--management-port" -> management = port(value(args, ++i, a), a);
                    case "--no-gateway" -> withGateway = false;
                    default -> throw new IllegalArgumentException("unknown option '" + a + "' (see --help)");
                }
            }
            return new Options(dataDir.toAbsolutePath().normalize(), kafka, keycloak, gateway, management, withGateway);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int port(String value, String option) {
            try {
                int port = Integer.parseInt(value);
                if (port < 1024 || port > 65533) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        option + " must be a port between 1024 and 65533, not '" + value + "'");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dsx local: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out));
    }

    static int run(Options o, PrintStream out) throws InterruptedException {
        for (int port : List.of(
                o.kafkaPort(),
                o.kafkaPort() + 1,
                o.kafkaPort() + 2,
                o.keycloakPort(),
                o.gatewayPort(),
                o.managementPort())) {
            if (Ports.isListening(port)) {
                System.err.println("dsx local: port " + port + " is already in use (another local stack?); "
                        + "stop it or choose other ports (--help)");
                return 1;
            }
        }
        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            STOPPING.set(true); // the watch loop must not restart what this hook is stopping
                            out.println("\ndsx local: stopping ...");
                            synchronized (started) {
                                for (int i = started.size() - 1; i >= 0; i--) {
                                    try {
                                        started.get(i).close();
                                    } catch (Exception e) {
                                        System.err.println("dsx local: " + e.getMessage());
                                    }
                                }
                            }
                            out.println("dsx local: stopped.");
                            stopped.countDown();
                        },
                        "dsx-local-stop"));
        try {
            Path stackDir = LocalStack.locateStackDir();
            // everything under the data folder is the owner's alone (a folder from an older version is narrowed)
            OwnerOnly.directories(o.dataDir());
            OwnerOnly.narrowTree(o.dataDir());
            StackCredentials credentials =
                    StackCredentials.loadOrCreate(o.dataDir().resolve("credentials.properties"));
            out.println(
                    "dsx local: starting Kafka and Keycloak (first start unpacks and builds Keycloak: a minute or two) ...");
            LocalStack stack = LocalStack.start(new LocalStack.Options(
                    stackDir,
                    o.dataDir(),
                    o.dataDir().resolve("keycloak"),
                    "dev-file",
                    o.kafkaPort(),
                    o.kafkaPort() + 1,
                    o.kafkaPort() + 2,
                    o.keycloakPort(),
                    credentials,
                    Duration.ofMinutes(5)));
            started.add(stack);
            GatewayProcess gateway = null;
            List<String> demo = List.of();
            Path jar = stackDir.getParent()
                    .getParent()
                    .getParent()
                    .resolve("exchange-gateway/target/dsx-exchange-gateway-exec.jar");
            if (o.gateway()) {
                out.println("dsx local: starting the gateway ...");
                gateway = startGateway(jar, o, stack, credentials);
                started.add(gateway);
                out.println("dsx local: demo data ...");
                demo = new DemoData(gateway.baseUrl(), stack.tokens(), o.dataDir()).seedOnce();
            }
            // anything a child wrote with its own permissions despite umask 077 is narrowed too
            OwnerOnly.narrowTree(o.dataDir());
            out.print(status(o, stack, gateway, demo));
            return watch(o, stack, gateway, jar, credentials, started, stopped, out);
        } catch (Exception e) {
            System.err.println("dsx local: " + e.getMessage());
            return 1;
        }
    }

    private static GatewayProcess startGateway(Path jar, Options o, LocalStack stack, StackCredentials credentials)
            throws java.io.IOException, InterruptedException {
        return GatewayProcess.start(
                jar,
                o.dataDir().resolve("gateway"),
                stack,
                o.gatewayPort(),
                o.managementPort(),
                credentials.get("DSX_KEYS_PASSWORD"),
                Duration.ofMinutes(3));
    }

    /** Set when the stack is being stopped (Ctrl-C): a part that stops then is not restarted. */
    private static final java.util.concurrent.atomic.AtomicBoolean STOPPING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Most gateway restarts in {@link #RESTART_WINDOW} before run-local gives up and stops the stack. */
    static final int MAX_RESTARTS = 3;

    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);

    /**
     * Until Ctrl-C, checks every part every second. A gateway that died (an OutOfMemoryError ends it, a
     * kill, a crash) is reported with the end of its log and restarted, at most {@link #MAX_RESTARTS}
     * times in {@link #RESTART_WINDOW}; a dead broker or Keycloak, or a gateway that keeps dying, stops the
     * whole stack with a message and exit code 1. Nothing dies silently.
     */
    private static int watch(
            Options o,
            LocalStack stack,
            GatewayProcess first,
            Path jar,
            StackCredentials credentials,
            List<AutoCloseable> started,
            CountDownLatch stopped,
            java.io.PrintStream out)
            throws InterruptedException {
        GatewayProcess gateway = first;
        java.util.ArrayDeque<java.time.Instant> restarts = new java.util.ArrayDeque<>();
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS) && !STOPPING.get()) {
            String dead = !stack.broker().process().isAlive()
                    ? "the Kafka broker"
                    : !stack.keycloak().process().isAlive() ? "Keycloak" : null;
            if (dead != null) {
                System.err.println("dsx local: " + dead + " stopped unexpectedly; stopping the stack (logs under "
                        + o.dataDir() + ")");
                return 1;
            }
            if (gateway == null || gateway.process().isAlive() || STOPPING.get()) {
                continue;
            }
            System.err.println("dsx local: the gateway stopped unexpectedly; the end of gateway/gateway.log:\n"
                    + gateway.process().tail(8));
            java.time.Instant now = java.time.Instant.now();
            restarts.removeIf(t -> t.isBefore(now.minus(RESTART_WINDOW)));
            if (restarts.size() >= MAX_RESTARTS) {
                System.err.println("dsx local: the gateway stopped " + (MAX_RESTARTS + 1) + " times within "
                        + RESTART_WINDOW.toMinutes() + " minutes; stopping the stack");
                return 1;
            }
            restarts.add(now);
            synchronized (started) {
                started.remove(gateway);
            }
            try {
                out.println("dsx local: restarting the gateway ...");
                gateway = startGateway(jar, o, stack, credentials);
                synchronized (started) {
                    if (STOPPING.get()) { // Ctrl-C came while it was starting
                        gateway.close();
                        return 0;
                    }
                    started.add(gateway);
                }
                out.println("dsx local: the gateway is back at " + gateway.baseUrl());
            } catch (Exception e) {
                System.err.println(
                        "dsx local: the gateway did not restart (" + e.getMessage() + "); stopping the stack");
                return 1;
            }
        }
        return 0;
    }

    static String status(Options o, LocalStack stack, GatewayProcess gateway, List<String> demo) {
        String creds = o.dataDir().resolve("credentials.properties").toString();
        StringBuilder s = new StringBuilder("\n");
        s.append("dsx local stack is up (Ctrl-C stops it)\n");
        s.append("  kafka     ")
                .append(stack.bootstrapServers())
                .append("   (SASL SCRAM-SHA-512 + ACLs; only principal '")
                .append(KafkaBroker.GATEWAY_USER)
                .append("' may use dsx.*; login in gateway/kafka-client.properties)\n");
        s.append("  keycloak  ")
                .append(stack.keycloak().baseUrl())
                .append("   realm ")
                .append(KeycloakServer.REALM)
                .append(", admin console user 'admin'\n");
        if (gateway != null) {
            s.append("  gateway   ")
                    .append(gateway.baseUrl())
                    .append("   try: curl ")
                    .append(gateway.baseUrl())
                    .append("/.well-known/dsx\n");
            s.append("  health    ")
                    .append(gateway.managementUrl())
                    .append("/actuator/health   (health and metrics: loopback only)\n");
        }
        s.append("  data      ")
                .append(o.dataDir())
                .append("   (logs: kafka/broker.log, keycloak/keycloak/keycloak.log, gateway/gateway.log)\n");
        s.append("  secrets   ").append(creds).append("   (generated demo credentials, owner-readable only)\n");
        for (String line : demo) {
            s.append("  demo      ").append(line).append("\n");
        }
        s.append("\n");
        s.append("Get a token and ask the gateway who you are:\n");
        s.append("  set -a; . ").append(creds).append("; set +a\n");
        // secrets reach curl on its standard input (printf is a shell builtin): never on a command line
        s.append("  TOKEN=$(printf 'client_secret=%s' \"$DSX_HOSPITAL_A_SECRET\" | curl -s -d @- \\\n")
                .append("      -d grant_type=client_credentials -d client_id=hospital-a ")
                .append(stack.keycloak().tokenEndpoint())
                .append(" \\\n      | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        s.append("  printf 'Authorization: Bearer %s\\n' \"$TOKEN\" | curl -s -H @- http://127.0.0.1:")
                .append(o.gatewayPort())
                .append("/v1/me\n");
        s.append("Users (password grant, client dsx-cli): researcher, steward-a, steward-b, auditor, operator;\n")
                .append("  their passwords are DSX_<USER>_PASSWORD in the secrets file.\n");
        return s.toString();
    }

    private LocalStackMain() {}
}
