package io.dsx.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's secrets: client secrets of the two hospitals, passwords of the demo users, of
 * Keycloak's bootstrap admin and of the broker's and the gateway's Kafka principals. They are generated at random on first run (never committed, never
 * defaults) and kept, readable by the owner only, in the stack's data folder so that a restarted local
 * stack keeps working; tests generate fresh ones for every run.
 */
public final class StackCredentials {

    /** Password of the broker's own principal (inter-broker, controller, the one super user). */
    public static final String KAFKA_BROKER_PASSWORD = "DSX_KAFKA_BROKER_PASSWORD";
    /** Password of the gateway's Kafka principal, the only one with access to {@code dsx.*}. */
    public static final String KAFKA_GATEWAY_PASSWORD = "DSX_KAFKA_GATEWAY_PASSWORD";

    /** Every secret; the first are the placeholder names in {@code compose/keycloak/dataspace-realm.json}. */
    public static final List<String> KEYS = List.of(
            "DSX_HOSPITAL_A_SECRET",
            "DSX_HOSPITAL_B_SECRET",
            "DSX_RESEARCHER_PASSWORD",
            "DSX_STEWARD_A_PASSWORD",
            "DSX_STEWARD_B_PASSWORD",
            "DSX_AUDITOR_PASSWORD",
            "DSX_OPERATOR_PASSWORD",
            "DSX_KEYCLOAK_ADMIN_PASSWORD",
            "DSX_KEYS_PASSWORD",
            KAFKA_BROKER_PASSWORD,
            KAFKA_GATEWAY_PASSWORD);

    private final Map<String, String> values;

    private StackCredentials(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static StackCredentials generate() {
        return new StackCredentials(fillMissing(new LinkedHashMap<>()));
    }

    private static Map<String, String> fillMissing(Map<String, String> values) {
        SecureRandom random = new SecureRandom();
        for (String key : KEYS) {
            if (values.get(key) == null || values.get(key).isBlank()) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                values.put(key, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
        }
        return values;
    }

    /**
     * Loads the credentials kept in {@code file}, or generates and stores them there (owner-only). A
     * file from an older version gets the secrets it lacks added, so an existing local stack upgrades.
     */
    public static StackCredentials loadOrCreate(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, OwnerOnly.FILE);
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            for (String key : KEYS) {
                values.put(key, p.getProperty(key));
            }
            if (values.values().stream().noneMatch(v -> v == null || v.isBlank())) {
                return new StackCredentials(values);
            }
        }
        StackCredentials created = new StackCredentials(fillMissing(values));
        OwnerOnly.directories(file.toAbsolutePath().getParent());
        Properties p = new Properties();
        created.values.forEach(p::setProperty);
        OwnerOnly.createFile(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "dsx local stack credentials (generated; local use only)");
        }
        return created;
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown credential " + key);
        }
        return value;
    }

    public String hospitalSecret(String clientId) {
        return get("DSX_" + clientId.toUpperCase().replace('-', '_') + "_SECRET");
    }

    public String userPassword(String username) {
        return get("DSX_" + username.toUpperCase().replace('-', '_') + "_PASSWORD");
    }

    public String keycloakAdminPassword() {
        return get("DSX_KEYCLOAK_ADMIN_PASSWORD");
    }

    /** Replaces every {@code ${DSX_...}} placeholder of the realm template; fails on one left unknown. */
    public String render(String template) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        int left = out.indexOf("${DSX_");
        if (left >= 0) {
            throw new IllegalStateException("realm template has an unknown placeholder at offset " + left);
        }
        return out;
    }

    @Override
    public String toString() {
        return "StackCredentials***";
    }
}
