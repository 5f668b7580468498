package io.dsx.connectors.cli;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import io.dsx.crypto.sign.SigningKey;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;

/** Reading and writing the institution's PEM files; a private key file is owner-only from birth. */
final class KeyFiles {
    /** A signing key and its certificate, checked to belong together. */
    record Pair(SigningKey key, X509Certificate certificate, SignatureAlgorithm algorithm) {}

    private KeyFiles() {}

    /** Writes {@code pem} to a new file created with mode 0600 (not chmod-ed afterwards). */
    static void writeSecret(Path file, String pem, boolean overwrite) throws IOException, CliFailure {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            if (!overwrite) {
                throw new CliFailure(file + " exists; use --force to replace it");
            }
            Files.delete(file);
        }
        try {
            FileAttribute<?> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(file, ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure(file + " appeared while writing it");
        }
        try (Writer w =
                Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write(pem);
        }
    }

    static void writePublic(Path file, String pem) throws IOException {
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    /** Reads both files and proves the key is the certificate's by signing a probe. */
    static Pair readPair(Path keyFile, Path certFile) throws CliFailure {
        SigningKey key;
        X509Certificate cert;
        try {
            key = Pem.readPrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CliFailure(
                    "cannot read key " + keyFile + ": " + e.getClass().getSimpleName());
        } catch (CryptoException e) {
            throw new CliFailure(keyFile + " is not a PKCS#8 PEM private key of a supported algorithm");
        }
        try {
            cert = Pem.readCertificate(Files.readString(certFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CliFailure(
                    "cannot read certificate " + certFile + ": " + e.getClass().getSimpleName());
        } catch (CryptoException e) {
            throw new CliFailure(certFile + " is not a PEM X.509 certificate");
        }
        byte[] probe = "dsx key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!Signatures.verify(cert, key.algorithm(), probe, key.sign(probe))) {
            key.destroy();
            throw new CliFailure(keyFile + " is not the private key of " + certFile);
        }
        return new Pair(key, cert, key.algorithm());
    }
}
