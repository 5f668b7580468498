package io.dsx.crypto.keys;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hpke.HpkeKeyPair;
import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.SigningKey;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The gateway's own long-lived keys in one PKCS#12 file: X25519 HPKE recipient keys (contributors
 * seal to the current one; older ones still open what was sealed to them) and the Ed25519 key that
 * signs receipts and audit checkpoints.
 *
 * <p>Design note: PKCS#12 stores private keys with a certificate chain, and an X25519 key cannot sign
 * its own certificate. So the receipt key's certificate is self-signed and each HPKE key's certificate
 * is issued by the receipt key: the file then also records that the gateway vouched for its HPKE keys.
 * HPKE entries are named {@code hpke-0001}, {@code hpke-0002}, ...; the highest number is current.
 */
public final class GatewayKeyStore {

    static final String RECEIPT_ALIAS = "receipt-ed25519";
    static final String HPKE_PREFIX = "hpke-";
    static final String RECEIPT_DN = "CN=dsx gateway receipt key";
    static final String HPKE_DN = "CN=dsx gateway HPKE recipient key";
    /** Certificates only carry keys here; they are not validated against a date, so they are long. */
    static final Duration VALIDITY = Duration.ofDays(3650);

    private final Path file;
    private final char[] password;
    private final Clock clock;
    private final SecureRandom random;
    private final KeyStore keyStore;
    private final SigningKey receiptKey;
    private final X509Certificate receiptCertificate;
    /** Alias to key pair, ordered so the last entry is current. */
    private final TreeMap<String, HpkeKeyPair> hpkeKeys = new TreeMap<>();

    private GatewayKeyStore(
            Path file,
            char[] password,
            Clock clock,
            SecureRandom random,
            KeyStore keyStore,
            SigningKey receiptKey,
            X509Certificate receiptCertificate) {
        this.file = file;
        this.password = password;
        this.clock = clock;
        this.random = random;
        this.keyStore = keyStore;
        this.receiptKey = receiptKey;
        this.receiptCertificate = receiptCertificate;
    }

    /**
     * Opens the keystore at {@code file}; on first run (no file) creates it with one HPKE key and the
     * receipt key. A wrong password or a damaged file is KEY_STORE.
     */
    public static synchronized GatewayKeyStore openOrCreate(
            Path file, char[] password, Clock clock, SecureRandom random) throws CryptoException {
        char[] pw = password.clone();
        KeyStore ks = Pkcs12File.loadOrEmpty(file, pw);
        try {
            GatewayKeyStore store;
            boolean created = !ks.containsAlias(RECEIPT_ALIAS);
            if (created) {
                SigningKey receipt = InstitutionKeys.generateKey(SignatureAlgorithm.ED25519, random);
                X509Certificate cert = Certificates.issue(
                        RECEIPT_DN,
                        receipt.publicKey(),
                        RECEIPT_DN,
                        receipt,
                        KeyUsage.digitalSignature,
                        clock.instant(),
                        VALIDITY,
                        random);
                ks.setKeyEntry(
                        RECEIPT_ALIAS, privateKey("Ed25519", receipt.exportPkcs8()), pw, new Certificate[] {cert});
                store = new GatewayKeyStore(file, pw, clock, random, ks, receipt, cert);
            } else {
                X509Certificate cert = (X509Certificate) ks.getCertificate(RECEIPT_ALIAS);
                PrivateKey key = (PrivateKey) ks.getKey(RECEIPT_ALIAS, pw);
                store = new GatewayKeyStore(file, pw, clock, random, ks, SigningKey.of(key, cert.getPublicKey()), cert);
            }
            store.loadHpkeKeys();
            if (store.hpkeKeys.isEmpty()) {
                store.addHpkeKey();
                created = true;
            }
            if (created) {
                Pkcs12File.save(ks, file, pw);
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot read gateway keys from " + file, e);
        }
    }

    /** The key contributors should seal to now. */
    public synchronized HpkePublicKey currentHpkeKey() {
        return hpkeKeys.lastEntry().getValue().publicKey();
    }

    /** Every HPKE public key still held, oldest first. */
    public synchronized List<HpkePublicKey> hpkeKeys() {
        List<HpkePublicKey> out = new ArrayList<>();
        hpkeKeys.values().forEach(k -> out.add(k.publicKey()));
        return Collections.unmodifiableList(out);
    }

    /** Adds a new HPKE key, makes it current, saves the file, and returns its public key. */
    public synchronized HpkePublicKey rotateHpkeKey() throws CryptoException {
        HpkePublicKey key = addHpkeKey();
        Pkcs12File.save(keyStore, file, password);
        return key;
    }

    /** Opens a message sealed to the HPKE key {@code recipientKeyId}: UNKNOWN_KEY if not held. */
    public byte[] open(String recipientKeyId, Sealed sealed, byte[] info, byte[] aad) throws CryptoException {
        Optional<HpkeKeyPair> key = hpkeKey(recipientKeyId);
        if (key.isEmpty()) {
            throw new CryptoException(CryptoException.Reason.UNKNOWN_KEY, "no HPKE key " + recipientKeyId);
        }
        return key.get().open(sealed, info, aad);
    }

    public SigningKey receiptKey() {
        return receiptKey;
    }

    public X509Certificate receiptCertificate() {
        return receiptCertificate;
    }

    /** SHA-256 of the receipt certificate's DER. */
    public String receiptKeyId() {
        return KeyIds.of(receiptCertificate);
    }

    /** The 32 raw bytes of the Ed25519 receipt public key (RFC 8032 encoding), for publishing. */
    public byte[] receiptPublicKeyRaw() {
        byte[] spki = receiptKey.publicKey().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    private synchronized Optional<HpkeKeyPair> hpkeKey(String keyId) {
        for (Map.Entry<String, HpkeKeyPair> e : hpkeKeys.entrySet()) {
            if (e.getValue().keyId().equals(keyId)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private void loadHpkeKeys() throws GeneralSecurityException, CryptoException {
        for (String alias : Collections.list(keyStore.aliases())) {
            if (alias.startsWith(HPKE_PREFIX)) {
                PrivateKey key = (PrivateKey) keyStore.getKey(alias, password);
                hpkeKeys.put(alias, HpkeKeyPair.fromPkcs8(key.getEncoded()));
            }
        }
    }

    private HpkePublicKey addHpkeKey() throws CryptoException {
        HpkeKeyPair pair = HpkeKeyPair.generate(random);
        String alias = String.format("%s%04d", HPKE_PREFIX, hpkeKeys.size() + 1);
        try {
            PrivateKey jdkKey = privateKey("X25519", pair.exportPkcs8());
            PublicKey jdkPublic = KeyFactory.getInstance("X25519")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(
                            x25519Spki(pair.publicKey().bytes())));
            X509Certificate cert = Certificates.issue(
                    HPKE_DN,
                    jdkPublic,
                    RECEIPT_DN,
                    receiptKey,
                    KeyUsage.keyAgreement,
                    clock.instant(),
                    VALIDITY,
                    random);
            keyStore.setKeyEntry(alias, jdkKey, password, new Certificate[] {cert, receiptCertificate});
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot store a new HPKE key", e);
        }
        hpkeKeys.put(alias, pair);
        return pair.publicKey();
    }

    /** RFC 8410 SubjectPublicKeyInfo for a raw X25519 key: fixed 12-byte prefix, then the key. */
    private static byte[] x25519Spki(byte[] raw) {
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00};
        byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }

    private static PrivateKey privateKey(String family, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    @Override
    public String toString() {
        return "GatewayKeyStore[" + file + ", hpkeKeys=" + hpkeKeys.size() + ", private=***]";
    }
}
