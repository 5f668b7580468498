package io.dsx.crypto.kms;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.aead.AesGcmKey;
import io.dsx.crypto.keys.Pkcs12File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default KMS: AES-256 KEKs as secret-key entries of a local PKCS#12 file, created on first run,
 * password from configuration. Wrapped form: {@code 0x01 || AES-256-GCM(KEK, DEK)} as
 * {@code nonce || ciphertext || tag}, with aad {@code "dsx/dek/v1|" + kekName} so a wrapped DEK cannot
 * be passed off as wrapped under another KEK.
 *
 * <p>For one machine and development; in production the KEKs belong in an external KMS.
 */
public final class Pkcs12KeyManagementService implements KeyManagementService {

    static final byte FORMAT_VERSION = 0x01;
    /** PKCS#12 aliases are case-insensitive, so KEK names are lowercase by rule. */
    private static final Pattern KEK_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final String ALIAS_PREFIX = "kek-";

    private final Path file;
    private final char[] password;
    private final SecureRandom random;
    private final KeyStore keyStore;

    private Pkcs12KeyManagementService(Path file, char[] password, SecureRandom random, KeyStore keyStore) {
        this.file = file;
        this.password = password;
        this.random = random;
        this.keyStore = keyStore;
    }

    /** Opens the keystore file, creating it (empty) on first run. */
    public static Pkcs12KeyManagementService openOrCreate(Path file, char[] password, SecureRandom random)
            throws CryptoException {
        char[] pw = password.clone();
        boolean firstRun = !java.nio.file.Files.exists(file);
        KeyStore ks = Pkcs12File.loadOrEmpty(file, pw);
        if (firstRun) {
            Pkcs12File.save(ks, file, pw);
        }
        return new Pkcs12KeyManagementService(file, pw, random, ks);
    }

    @Override
    public synchronized boolean hasKek(String kekName) throws CryptoException {
        try {
            return keyStore.containsAlias(alias(kekName));
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "keystore " + file + " unreadable", e);
        }
    }

    @Override
    public synchronized void createKek(String kekName) throws CryptoException {
        if (hasKek(kekName)) {
            return;
        }
        byte[] raw = new byte[AesGcmKey.KEY_LENGTH];
        random.nextBytes(raw);
        try {
            keyStore.setEntry(
                    alias(kekName),
                    new KeyStore.SecretKeyEntry(new SecretKeySpec(raw, "AES")),
                    new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot add KEK " + kekName, e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        Pkcs12File.save(keyStore, file, password);
    }

    @Override
    public DekPair generateDek(String kekName) throws CryptoException {
        AesGcmKey kek = kek(kekName);
        byte[] raw = new byte[AesGcmKey.KEY_LENGTH];
        random.nextBytes(raw);
        try {
            byte[] sealed = kek.seal(raw, aad(kekName));
            byte[] wrapped = new byte[sealed.length + 1];
            wrapped[0] = FORMAT_VERSION;
            System.arraycopy(sealed, 0, wrapped, 1, sealed.length);
            return new DekPair(AesGcmKey.of(new SecretKeySpec(raw, "AES"), random), new WrappedKey(kekName, wrapped));
        } finally {
            Arrays.fill(raw, (byte) 0);
            kek.destroy();
        }
    }

    @Override
    public AesGcmKey unwrap(WrappedKey wrapped) throws CryptoException {
        byte[] bytes = wrapped.ciphertext();
        if (bytes.length == 0 || bytes[0] != FORMAT_VERSION) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "wrapped DEK has an unknown format");
        }
        AesGcmKey kek = kek(wrapped.kekName());
        byte[] raw = kek.open(Arrays.copyOfRange(bytes, 1, bytes.length), aad(wrapped.kekName()));
        try {
            return AesGcmKey.of(new SecretKeySpec(raw, "AES"), random);
        } finally {
            Arrays.fill(raw, (byte) 0);
            kek.destroy();
        }
    }

    private synchronized AesGcmKey kek(String kekName) throws CryptoException {
        try {
            KeyStore.Entry entry = keyStore.getEntry(alias(kekName), new KeyStore.PasswordProtection(password));
            if (entry instanceof KeyStore.SecretKeyEntry s) {
                SecretKey key = s.getSecretKey();
                return AesGcmKey.of(key, random);
            }
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot read KEK " + kekName, e);
        }
        throw new CryptoException(CryptoException.Reason.UNKNOWN_KEY, "no KEK named " + kekName);
    }

    private static String alias(String kekName) throws CryptoException {
        if (kekName == null || !KEK_NAME.matcher(kekName).matches()) {
            throw new CryptoException(
                    CryptoException.Reason.UNKNOWN_KEY, "KEK names are 1-64 of [a-z0-9._-], starting alphanumeric");
        }
        return ALIAS_PREFIX + kekName;
    }

    private static byte[] aad(String kekName) {
        return ("dsx/dek/v1|" + kekName).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Pkcs12KeyManagementService[" + file + ", ***]";
    }
}
