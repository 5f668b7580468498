package io.dsx.compose;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One SASL/SCRAM-SHA-512 identity on a local broker, and the client settings that use it: a Kafka
 * client's config map, or the gateway's {@code spring.kafka.*} settings. {@code toString} hides the
 * password.
 */
public record KafkaLogin(String bootstrapServers, String user, String password) {

    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";

    public KafkaLogin {
        if (!user.matches("[a-z][a-z0-9-]{0,63}") || !password.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalArgumentException(
                    "a Kafka user is [a-z][a-z0-9-]*, a password 16-128 url-safe characters");
        }
    }

    /** The JAAS line of a SCRAM client (the characters checked above need no escaping). */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Settings for a plain Kafka client (producer, consumer, admin): bootstrap servers and SASL. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", SECURITY_PROTOCOL);
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", jaasConfig());
        return config;
    }

    /** The same as Spring Boot's {@code spring.kafka.*} settings, for a gateway. */
    public Map<String, String> springProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", bootstrapServers);
        p.put("spring.kafka.security.protocol", SECURITY_PROTOCOL);
        p.put("spring.kafka.properties.sasl.mechanism", MECHANISM);
        p.put("spring.kafka.properties.sasl.jaas.config", jaasConfig());
        return p;
    }

    /**
     * Writes {@link #springProperties()} to an owner-only file that a gateway process imports
     * ({@code --spring.config.import=file:...}), so the password never appears on a command line.
     */
    public Path writeSpringConfig(Path file) throws IOException {
        Properties p = new Properties();
        p.putAll(springProperties());
        OwnerOnly.createFile(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Kafka login of the dsx gateway (generated; owner-readable only)");
        }
        return file;
    }

    @Override
    public String toString() {
        return "KafkaLogin[" + user + "@" + bootstrapServers + ", password=***]";
    }
}
