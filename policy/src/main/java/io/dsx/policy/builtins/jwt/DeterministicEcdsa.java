package io.dsx.policy.builtins.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * ECDSA signing with RFC 6979 deterministic nonces, output as JOSE {@code r || s}. Builtins get
 * only the query's injected (possibly seeded) random source, which must never pick an ECDSA
 * nonce: a repeated nonce reveals the private key.
 */
final class DeterministicEcdsa {

    private DeterministicEcdsa() {}

    static byte[] sign(ECPrivateKey key, String digestName, byte[] input) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance(digestName).digest(input);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(bcDigest(digestName)));
        signer.init(true, ECUtil.generatePrivateKeyParameter(key));
        BigInteger[] rs = signer.generateSignature(hash);
        int size = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] out = new byte[2 * size];
        place(rs[0], out, 0, size);
        place(rs[1], out, size, size);
        return out;
    }

    private static void place(BigInteger v, byte[] out, int off, int size) {
        byte[] u = v.toByteArray();
        int start = u.length > size ? u.length - size : 0;
        int n = u.length - start;
        System.arraycopy(u, start, out, off + size - n, n);
    }

    private static Digest bcDigest(String name) {
        return switch (name) {
            case "SHA-256" -> new SHA256Digest();
            case "SHA-384" -> new SHA384Digest();
            default -> new SHA512Digest();
        };
    }
}
