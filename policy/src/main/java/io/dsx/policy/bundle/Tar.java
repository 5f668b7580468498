package io.dsx.policy.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A minimal ustar reader: regular files only, names up to prefix+name (no PAX long names). */
final class Tar {
    interface Entry {
        void accept(String name, byte[] content) throws IOException;
    }

    private Tar() {}

    static void read(InputStream in, long maxFile, Entry sink) throws IOException {
        byte[] header = new byte[512];
        while (true) {
            if (in.readNBytes(header, 0, 512) < 512) {
                return;
            }
            if (isZero(header)) {
                return;
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = Long.parseLong(
                    field(header, 124, 12).trim().isEmpty()
                            ? "0"
                            : field(header, 124, 12).trim(),
                    8);
            if (size > maxFile) {
                throw new IOException("bundle entry too large: " + name);
            }
            char type = (char) header[156];
            byte[] content = in.readNBytes((int) size);
            long pad = (512 - size % 512) % 512;
            in.skipNBytes(pad);
            if (type == '0' || type == 0) {
                if (name.contains("..")) {
                    throw new IOException("bundle entry escapes the bundle: " + name);
                }
                sink.accept(name.startsWith("./") ? name.substring(1) : name, content);
            }
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }
}
