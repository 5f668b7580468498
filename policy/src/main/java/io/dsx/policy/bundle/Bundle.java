package io.dsx.policy.bundle;

import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A loaded bundle: modules by path and the merged data document.
 *
 * <p>Revision: {@code sha256:} of, for each file in path order, the UTF-8 bytes of
 * {@code <path>\n<sha256 hex of canonical content>\n}; a module's canonical content is its bytes,
 * a data file's is its compact JSON with sorted keys (so formatting does not change the revision).
 * {@code .manifest} and other files are ignored.
 */
public final class Bundle {
    private static final long MAX_FILE = 64L << 20;

    private final Map<String, String> modules;
    private final ObjectValue data;
    private final String revision;

    private Bundle(Map<String, String> modules, ObjectValue data, String revision) {
        this.modules = Collections.unmodifiableMap(modules);
        this.data = data;
        this.revision = revision;
    }

    /** Modules by bundle path ({@code /authz/policy.rego}), in path order. */
    public Map<String, String> modules() {
        return modules;
    }

    public ObjectValue data() {
        return data;
    }

    public String revision() {
        return revision;
    }

    /**
     * Loads a directory or a {@code .tar.gz} file.
     *
     * @throws IOException when unreadable; IllegalArgumentException for invalid JSON data
     */
    public static Bundle load(Path path) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    String rel = "/" + path.relativize(p).toString().replace('\\', '/');
                    if (relevant(rel)) {
                        files.put(rel, Files.readAllBytes(p));
                    }
                }
            }
        } else {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path)))) {
                Tar.read(in, MAX_FILE, (name, bytes) -> {
                    String rel = name.startsWith("/") ? name : "/" + name;
                    if (relevant(rel)) {
                        files.put(rel, bytes);
                    }
                });
            }
        }
        return of(files);
    }

    /** A bundle from in-memory files (path to bytes). */
    public static Bundle of(Map<String, byte[]> files) {
        Map<String, String> modules = new TreeMap<>();
        ObjectValue data = ObjectValue.EMPTY;
        StringBuilder canon = new StringBuilder();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            String path = e.getKey();
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            byte[] canonical;
            if (path.endsWith(".rego")) {
                modules.put(path, text);
                canonical = e.getValue();
            } else if (path.endsWith("/data.json") || path.equals("data.json")) {
                Value v = Json.parse(text);
                data = mergeAt(data, dirSegments(path), v);
                canonical = Json.write(v).getBytes(StandardCharsets.UTF_8);
            } else {
                continue;
            }
            canon.append(path).append('\n').append(sha256Hex(canonical)).append('\n');
        }
        return new Bundle(modules, data, "sha256:" + sha256Hex(canon.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean relevant(String rel) {
        return rel.endsWith(".rego") || rel.endsWith("/data.json");
    }

    private static List<String> dirSegments(String path) {
        List<String> segs = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segs.add(s);
            }
        }
        segs.remove(segs.size() - 1);
        return segs;
    }

    private static ObjectValue mergeAt(ObjectValue root, List<String> at, Value v) {
        if (at.isEmpty()) {
            if (!(v instanceof ObjectValue o)) {
                throw new IllegalArgumentException("root data.json must hold an object");
            }
            ObjectValue out = root;
            for (var en : o.entries().entrySet()) {
                out = out.with(en.getKey(), en.getValue());
            }
            return out;
        }
        Value child = root.get(at.get(0));
        ObjectValue c = child instanceof ObjectValue co ? co : ObjectValue.EMPTY;
        return root.with(
                io.dsx.policy.value.StringValue.of(at.get(0)),
                at.size() == 1 && !(v instanceof ObjectValue) ? v : mergeAt(c, at.subList(1, at.size()), v));
    }

    static String sha256Hex(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static byte[] readAll(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                throw new IOException("bundle file too large");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
