package io.dsx.connectors.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.policy.Policy;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.error.RegoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policy bundles of an export, by revision, compiled once each. A bundle is used only if its files
 * hash to the revision it is filed under ({@link Bundle#revision()}): a replay never runs a policy that
 * is not provably the one a decision names. Two stored forms are read: the {@code dsx.policies} record
 * ({@code {"version":1,"revision":..,"files":{path:text}}}, docs/formats.md) and a {@code .tar.gz} bundle.
 */
final class PolicyRevisions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditExport export;
    private final Map<String, Object> compiled = new HashMap<>();

    PolicyRevisions(AuditExport export) {
        this.export = export;
    }

    /** The compiled policy of {@code revision}; AuditToolException says why there is none. */
    Policy policy(String revision) throws AuditToolException {
        Object cached = compiled.get(revision);
        if (cached == null) {
            try {
                cached = compile(load(export.policyFile(revision)), revision);
            } catch (AuditToolException e) {
                cached = e.getMessage();
            }
            if (compiled.size() >= ExportLimits.MAX_POLICIES) {
                throw new AuditToolException(
                        "decisions name more than " + ExportLimits.MAX_POLICIES + " policy revisions");
            }
            compiled.put(revision, cached);
        }
        if (cached instanceof String why) {
            throw new AuditToolException(why);
        }
        return (Policy) cached;
    }

    /** A bundle file or directory given by the user (what-if), compiled. */
    static Policy compileUserBundle(Path path) throws AuditToolException {
        Bundle bundle;
        try {
            bundle = Files.isDirectory(path) ? Bundle.load(path) : load(path);
        } catch (IOException | RuntimeException e) {
            throw new AuditToolException("cannot read bundle " + path + ": " + e.getMessage());
        }
        return compile(bundle, null);
    }

    private static Policy compile(Bundle bundle, String revision) throws AuditToolException {
        String what = revision == null ? "the what-if bundle" : "policy revision " + revision;
        if (revision != null && !revision.equals(bundle.revision())) {
            throw new AuditToolException(what + ": the exported files hash to " + bundle.revision()
                    + ", not to the revision they are filed under");
        }
        if (bundle.modules().isEmpty()) {
            throw new AuditToolException(what + " holds no .rego module");
        }
        try {
            return Policy.fromBundle(bundle);
        } catch (RegoException e) {
            throw new AuditToolException(what + " does not compile: " + AuditExport.printable(e.getMessage()));
        }
    }

    /** Reads one stored bundle (dsx.policies JSON or .tar.gz), bounded. */
    static Bundle load(Path file) throws AuditToolException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(ExportLimits.MAX_POLICY_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new AuditToolException(file + " is missing (the export lacks that policy revision)");
        } catch (IOException e) {
            throw new AuditToolException(
                    "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        if (bytes.length > ExportLimits.MAX_POLICY_BYTES) {
            throw new AuditToolException(file + " is larger than " + ExportLimits.MAX_POLICY_BYTES + " bytes");
        }
        try {
            if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                return Bundle.load(file);
            }
            return fromPolicyRecord(JSON.readTree(bytes), file);
        } catch (IOException | RuntimeException e) {
            throw new AuditToolException(
                    file + " is not a policy bundle: " + AuditExport.printable(String.valueOf(e.getMessage())));
        }
    }

    private static Bundle fromPolicyRecord(JsonNode record, Path file) throws AuditToolException {
        JsonNode files = record == null ? null : record.get("files");
        if (record == null || record.path("version").asInt() != 1 || files == null || !files.isObject()) {
            throw new AuditToolException(file + " is not a dsx.policies record (version 1 with \"files\")");
        }
        Map<String, byte[]> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual()) {
                throw new AuditToolException(file + ": file " + AuditExport.printable(f.getKey()) + " is not text");
            }
            out.put(f.getKey(), f.getValue().asText().getBytes(StandardCharsets.UTF_8));
        }
        return Bundle.of(out);
    }
}
