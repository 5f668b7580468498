package io.dsx.policy.tool;

import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Collects Rego modules and JSON data from files and directories given on a command line. */
final class Sources {
    final Map<String, String> modules = new TreeMap<>();
    ObjectValue data = ObjectValue.EMPTY;

    void add(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    if (f.toString().endsWith(".rego")
                            || f.getFileName().toString().equals("data.json")) {
                        add(f);
                    }
                }
            }
        } else if (p.toString().endsWith(".rego")) {
            modules.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        } else {
            Value v = Json.parse(Files.readString(p, StandardCharsets.UTF_8));
            if (v instanceof ObjectValue o) {
                for (var e : o.entries().entrySet()) {
                    data = data.with(e.getKey(), e.getValue());
                }
            } else {
                throw new IOException(p + ": data must be a JSON object");
            }
        }
    }

    void addAll(List<Path> paths) throws IOException {
        for (Path p : paths) {
            add(p);
        }
    }
}
