package io.dsx.policy.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.policy.Policy;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
    @TempDir
    Path dir;

    private static final String POLICY = "package dsx.read\nlimit := data.dsx.limits.max\n";

    @Test
    void loadsModulesAndDataFromADirectoryWithAStableRevision() throws IOException {
        Files.createDirectories(dir.resolve("dsx/limits"));
        Files.writeString(dir.resolve("policy.rego"), POLICY);
        Files.writeString(dir.resolve("dsx/limits/data.json"), "{\"max\": 10}");
        Bundle a = Bundle.load(dir);

        Files.writeString(dir.resolve("dsx/limits/data.json"), "{\n  \"max\" : 10\n}\n");
        Bundle reformatted = Bundle.load(dir);
        Files.writeString(dir.resolve("dsx/limits/data.json"), "{\"max\": 11}");
        Bundle changed = Bundle.load(dir);

        assertThat(a.revision()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(reformatted.revision()).isEqualTo(a.revision());
        assertThat(changed.revision()).isNotEqualTo(a.revision());
        Policy p = Policy.fromBundle(a);
        assertThat(p.evalRef("data.dsx.read.limit", EvalOptions.defaults())).isEqualTo(Json.parse("10"));
        assertThat(p.revision()).isEqualTo(a.revision());
    }

    @Test
    void loadsATarGzBundleWithTheSameRevisionAsTheDirectory() throws IOException {
        Files.writeString(dir.resolve("policy.rego"), POLICY);
        Files.createDirectories(dir.resolve("dsx/limits"));
        Files.writeString(dir.resolve("dsx/limits/data.json"), "{\"max\": 10}");
        Path tgz = dir.resolveSibling(dir.getFileName() + ".tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            tarEntry(out, "policy.rego", POLICY);
            tarEntry(out, "dsx/limits/data.json", "{\"max\": 10}");
            out.write(new byte[1024]);
        }
        assertThat(Bundle.load(tgz).revision()).isEqualTo(Bundle.load(dir).revision());
        assertThat(Bundle.load(tgz).modules()).containsKey("/policy.rego");
    }

    private static void tarEntry(OutputStream out, String name, String content) throws IOException {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", body.length));
        put(h, 136, "00000000000");
        h[156] = '0';
        put(h, 257, "ustar");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        out.write(h);
        out.write(body);
        out.write(new byte[(512 - body.length % 512) % 512]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
