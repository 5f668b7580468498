package io.dsx.gateway.dataplane;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.keys.Pkcs12File;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * The root secret of the keyed-hash mask (32 random bytes, alias {@code mask-root} in a PKCS#12
 * file, created on first start). Per-grant keys are derived from it ({@link MaskKey}); it never
 * leaves this class.
 */
public final class MaskRoot {

    private static final String ALIAS = "mask-root";
    private final byte[] root;

    private MaskRoot(byte[] root) {
        this.root = root;
    }

    public static MaskRoot openOrCreate(Path file, char[] password, SecureRandom random) throws CryptoException {
        KeyStore ks = Pkcs12File.loadOrEmpty(file, password);
        try {
            if (ks.containsAlias(ALIAS)) {
                return new MaskRoot(ks.getKey(ALIAS, password).getEncoded());
            }
            byte[] root = new byte[32];
            random.nextBytes(root);
            ks.setEntry(
                    ALIAS,
                    new KeyStore.SecretKeyEntry(new SecretKeySpec(root, "HmacSHA256")),
                    new KeyStore.PasswordProtection(password));
            Pkcs12File.save(ks, file, password);
            return new MaskRoot(root);
        } catch (java.security.GeneralSecurityException e) {
            throw new CryptoException(
                    CryptoException.Reason.KEY_STORE, "cannot read or create the mask root in " + file, e);
        }
    }

    /** The mask key of one grant. */
    public MaskKey forGrant(String grantId) {
        return MaskKey.forGrant(root, grantId);
    }

    /** Wipes the secret (at shutdown). */
    public void destroy() {
        Arrays.fill(root, (byte) 0);
    }

    @Override
    public String toString() {
        return "MaskRoot[***]";
    }
}
