package io.dsx.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders of the local stack that only their owner may read: folders 0700, files 0600.
 * Everything the stack keeps (credentials, the broker's configuration, Keycloak's database, key
 * stores, logs) lives under folders made here.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} and any missing parents as 0700; an existing folder is narrowed to 0700. */
    public static Path directories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                directories(parent);
            }
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIR));
        }
        Files.setPosixFilePermissions(absolute, DIR);
        return absolute;
    }

    /** Creates {@code file} as 0600 if absent, else narrows it to 0600 (content kept: for logs appended to). */
    public static Path existingFile(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
            return file;
        }
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    }

    /**
     * Takes group and other permissions off every folder and file under {@code root} (owner bits kept,
     * so scripts stay executable): for trees written before this version, or unpacked from an archive.
     */
    public static void narrowTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms = new java.util.HashSet<>(Files.getPosixFilePermissions(p));
                if (perms.removeIf(x -> !x.name().startsWith("OWNER_"))) {
                    Files.setPosixFilePermissions(p, perms);
                }
            }
        }
    }

    /** Creates (or truncates) {@code file} with mode 0600 before anything is written to it. */
    public static Path createFile(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
            Files.write(file, new byte[0]);
            return file;
        }
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    }
}
