package io.dsx.gateway.audit;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.keys.Pkcs12File;
import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.crypto.sign.Ed25519Raw;
import io.dsx.crypto.sign.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log's two secrets, kept in one PKCS#12 file: the Ed25519 key that signs checkpoints (as a
 * 32-byte seed), and the secret the per-dataset subject keys are derived from (the keyed hashes of
 * {@code subjects_served}). Both are created on first start; gateways writing one exchange's logs share
 * the file, as they share the other key stores.
 */
public final class AuditKeys {

    static final String SIGNING_ALIAS = "dsx-audit-signing";
    static final String SUBJECTS_ALIAS = "dsx-audit-subjects";
    private static final byte[] SUBJECT_LABEL = "dsx/audit/subject-key/v1\n".getBytes(StandardCharsets.UTF_8);

    private final String keyName;
    private final SigningKey signingKey;
    private final NoteVerifierKey verifierKey;
    private final byte[] subjectSecret;

    AuditKeys(String keyName, byte[] seed, byte[] subjectSecret) {
        this.keyName = keyName;
        this.signingKey = SigningKey.ed25519FromSeed(seed);
        this.verifierKey = NoteVerifierKey.of(keyName, Ed25519Raw.raw(signingKey.publicKey()));
        this.subjectSecret = subjectSecret.clone();
    }

    /** Opens {@code file}, adding whichever of the two secrets it does not hold yet. */
    public static synchronized AuditKeys openOrCreate(Path file, char[] password, String keyName, SecureRandom random)
            throws CryptoException {
        KeyStore ks = Pkcs12File.loadOrEmpty(file, password);
        boolean changed = false;
        byte[] seed = secret(ks, SIGNING_ALIAS, password);
        if (seed == null) {
            seed = fresh(ks, SIGNING_ALIAS, password, random);
            changed = true;
        }
        byte[] subjects = secret(ks, SUBJECTS_ALIAS, password);
        if (subjects == null) {
            subjects = fresh(ks, SUBJECTS_ALIAS, password, random);
            changed = true;
        }
        if (changed) {
            Pkcs12File.save(ks, file, password);
        }
        try {
            return new AuditKeys(keyName, seed, subjects);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(subjects, (byte) 0);
        }
    }

    private static byte[] secret(KeyStore ks, String alias, char[] password) throws CryptoException {
        try {
            if (!ks.containsAlias(alias)) {
                return null;
            }
            byte[] bytes = ks.getKey(alias, password).getEncoded();
            if (bytes == null || bytes.length != 32) {
                throw new CryptoException(CryptoException.Reason.KEY_STORE, alias + " is not a 32-byte secret");
            }
            return bytes;
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot read " + alias, e);
        }
    }

    private static byte[] fresh(KeyStore ks, String alias, char[] password, SecureRandom random)
            throws CryptoException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        try {
            ks.setEntry(
                    alias,
                    new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, "HmacSHA256")),
                    new KeyStore.PasswordProtection(password));
        } catch (java.security.KeyStoreException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot add " + alias, e);
        }
        return bytes;
    }

    /** The note key name checkpoints are signed under. */
    public String keyName() {
        return keyName;
    }

    SigningKey signingKey() {
        return signingKey;
    }

    /** The C2SP note verifier key of the checkpoints, as served to auditors. */
    public NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    /**
     * {@code HMAC-SHA256(auditSubjectKey(dataset), subjectId)} as 64 lower-case hex: the only form in which a
     * released subject appears in the log. {@code auditSubjectKey(dataset) = HMAC-SHA256(secret, label ||
     * dataset)}.
     */
    public String subjectHash(String datasetId, String subjectId) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(subjectSecret, "HmacSHA256"));
            derive.update(SUBJECT_LABEL);
            byte[] datasetKey = derive.doFinal(datasetId.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(datasetKey, "HmacSHA256"));
            Arrays.fill(datasetKey, (byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(subjectId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKeys[" + verifierKey.name() + "]";
    }
}
