package io.dsx.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The demo realm's secrets: client secrets of the two hospitals, passwords of the demo users and of
 * Keycloak's bootstrap admin. They are generated at random on first run (never committed, never
 * defaults) and kept, readable by the owner only, in the stack's data folder so that a restarted local
 * stack keeps working; tests generate fresh ones for every run.
 */
public final class StackCredentials {

    /** Placeholder names in {@code compose/keycloak/dataspace-realm.json}. */
    public static final List<String> KEYS = List.of(
            "DSX_HOSPITAL_A_SECRET", "DSX_HOSPITAL_B_SECRET",
            "DSX_RESEARCHER_PASSWORD", "DSX_STEWARD_A_PASSWORD", "DSX_STEWARD_B_PASSWORD",
            "DSX_AUDITOR_PASSWORD", "DSX_OPERATOR_PASSWORD", "DSX_KEYCLOAK_ADMIN_PASSWORD",
            "DSX_KEYS_PASSWORD");

    private final Map<String, String> values;

    private StackCredentials(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static StackCredentials generate() {
        SecureRandom random = new SecureRandom();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            values.put(key, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return new StackCredentials(values);
    }

    /** Loads the credentials kept in {@code file}, or generates and stores them there. */
    public static StackCredentials loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : KEYS) {
                String value = p.getProperty(key);
                if (value == null || value.isBlank()) {
                    throw new IOException(file + " lacks " + key + "; delete the data folder to start afresh");
                }
                values.put(key, value);
            }
            return new StackCredentials(values);
        }
        StackCredentials created = generate();
        Files.createDirectories(file.getParent());
        Properties p = new Properties();
        created.values.forEach(p::setProperty);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "dsx local stack demo credentials (generated; local use only)");
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
