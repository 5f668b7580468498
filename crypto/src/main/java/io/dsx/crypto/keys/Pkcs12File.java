package io.dsx.crypto.keys;

import io.dsx.crypto.CryptoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Loading and saving a PKCS#12 keystore file. Saves go to a temporary file in the same folder, made
 * owner-only where the file system has POSIX permissions, then atomically replace the old file, so a
 * crash never leaves a half-written keystore.
 */
public final class Pkcs12File {

    private Pkcs12File() {}

    /** The keystore at {@code file}, or an empty one when the file does not exist yet. */
    public static KeyStore loadOrEmpty(Path file, char[] password) throws CryptoException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, password);
                }
            } else {
                ks.load(null, password);
            }
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows up as an IOException whose cause is UnrecoverableKeyException.
            throw new CryptoException(
                    CryptoException.Reason.KEY_STORE,
                    "cannot open keystore " + file + " (wrong password or damaged file)",
                    e);
        }
    }

    /** Writes {@code ks} to {@code file} atomically, creating parent folders. */
    public static void save(KeyStore ks, Path file, char[] password) throws CryptoException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                restrict(tmp);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ks.store(out, password);
                }
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot write keystore " + file, e);
        }
    }

    private static void restrict(Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own protection applies.
        }
    }

    private static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
