package io.dsx.gateway.jobs;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.keys.Pkcs12File;
import io.dsx.crypto.sign.SigningKey;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * The job-token signing keys: Ed25519, each kept as its 32-byte RFC 8032 seed in a PKCS#12 file
 * (alias {@code job-token-<epoch seconds>}), held here only as {@link SigningKey} handles. The newest
 * key signs; every held key verifies and is published. At start, a current key older than the
 * rotation period gets a successor; the two newest are kept (a token lives at most an hour, far
 * less than a rotation period). A token naming an unknown key makes this re-read the file once a
 * minute at most, so a key another gateway created is found.
 */
public final class JobTokenKeys {

    private static final String PREFIX = "job-token-";
    private static final int KEEP = 2;
    private static final Duration RELOAD_EVERY = Duration.ofMinutes(1);

    /** A held key: its id (RFC 7638 thumbprint), its creation time and the handle. */
    public record Held(String kid, Instant created, SigningKey key, byte[] publicRaw) {}

    private final Path file;
    private final char[] password;
    private final Clock clock;
    private volatile List<Held> keys;
    private volatile Instant lastReload;

    private JobTokenKeys(Path file, char[] password, Clock clock, List<Held> keys) {
        this.file = file;
        this.password = password;
        this.clock = clock;
        this.keys = keys;
        this.lastReload = clock.instant();
    }

    public static JobTokenKeys openOrCreate(
            Path file, char[] password, Duration rotation, Clock clock, SecureRandom random) throws CryptoException {
        KeyStore ks = Pkcs12File.loadOrEmpty(file, password);
        TreeMap<Long, byte[]> seeds = seeds(ks, password);
        Instant now = clock.instant();
        if (seeds.isEmpty()
                || Instant.ofEpochSecond(seeds.lastKey()).plus(rotation).isBefore(now)) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            long at = Math.max(now.getEpochSecond(), seeds.isEmpty() ? 0 : seeds.lastKey() + 1);
            seeds.put(at, seed);
            try {
                ks.setEntry(
                        PREFIX + at,
                        new KeyStore.SecretKeyEntry(new SecretKeySpec(seed, "HmacSHA256")),
                        new KeyStore.PasswordProtection(password));
                while (seeds.size() > KEEP) {
                    ks.deleteEntry(PREFIX + seeds.pollFirstEntry().getKey());
                }
            } catch (java.security.KeyStoreException e) {
                throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot add a job-token key to " + file, e);
            }
            Pkcs12File.save(ks, file, password);
        }
        return new JobTokenKeys(file, password.clone(), clock, held(seeds));
    }

    private static TreeMap<Long, byte[]> seeds(KeyStore ks, char[] password) throws CryptoException {
        TreeMap<Long, byte[]> seeds = new TreeMap<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (alias.startsWith(PREFIX)) {
                    byte[] seed = ks.getKey(alias, password).getEncoded();
                    if (seed.length != 32) {
                        throw new CryptoException(
                                CryptoException.Reason.KEY_STORE,
                                "job-token key " + alias + " is not a 32-byte Ed25519 seed");
                    }
                    seeds.put(Long.parseLong(alias.substring(PREFIX.length())), seed);
                }
            }
        } catch (java.security.GeneralSecurityException | NumberFormatException e) {
            throw new CryptoException(CryptoException.Reason.KEY_STORE, "cannot read the job-token keys", e);
        }
        return seeds;
    }

    private static List<Held> held(TreeMap<Long, byte[]> seeds) {
        List<Held> out = new ArrayList<>();
        for (Map.Entry<Long, byte[]> e : seeds.descendingMap().entrySet()) {
            SigningKey key = SigningKey.ed25519FromSeed(e.getValue());
            Arrays.fill(e.getValue(), (byte) 0);
            byte[] raw = raw(key.publicKey());
            out.add(new Held(thumbprint(raw), Instant.ofEpochSecond(e.getKey()), key, raw));
        }
        return List.copyOf(out);
    }

    /** The key that signs new tokens. */
    public Held current() {
        return keys.get(0);
    }

    /** Every key that verifies, newest first. */
    public List<Held> all() {
        return keys;
    }

    /** The key with this id, re-reading the file (rate-limited) when it is not held. */
    public Optional<Held> find(String kid) {
        Optional<Held> k = keys.stream().filter(h -> h.kid().equals(kid)).findFirst();
        if (k.isEmpty() && clock.instant().isAfter(lastReload.plus(RELOAD_EVERY))) {
            synchronized (this) {
                lastReload = clock.instant();
                try {
                    keys = held(seeds(Pkcs12File.loadOrEmpty(file, password), password));
                } catch (CryptoException e) {
                    return Optional.empty();
                }
            }
            k = keys.stream().filter(h -> h.kid().equals(kid)).findFirst();
        }
        return k;
    }

    static byte[] raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** RFC 7638 JWK thumbprint of an Ed25519 key (RFC 8037 §2): SHA-256 over {"crv","kty","x"}. */
    static String thumbprint(byte[] raw) {
        String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + b64(raw) + "\"}";
        try {
            return b64(
                    MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() {
        return "JobTokenKeys[file=" + file + ", keys="
                + keys.stream().map(Held::kid).toList() + ", password=***]";
    }
}
