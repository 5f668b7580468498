package io.dsx.crypto.keys;

import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Bridges Bouncy Castle's certificate and CSR builders to a {@link SigningKey}: the builder writes
 * the to-be-signed bytes, the handle signs them, and the private key never leaves the handle.
 */
final class HandleContentSigner implements ContentSigner {

    private final SigningKey key;
    private final AlgorithmIdentifier algorithmIdentifier;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    HandleContentSigner(SigningKey key) {
        this.key = key;
        this.algorithmIdentifier = new DefaultSignatureAlgorithmIdentifierFinder().find(x509Name(key.algorithm()));
    }

    /** X.509 signature algorithm names; RSA-PSS "andMGF1" carries SHA-256/MGF1-SHA-256/salt 32. */
    private static String x509Name(SignatureAlgorithm algorithm) {
        switch (algorithm) {
            case ED25519:
                return "Ed25519";
            case ECDSA_P256_SHA256:
                return "SHA256withECDSA";
            case RSA_PSS_SHA256:
                return "SHA256withRSAandMGF1";
            default:
                throw new IllegalArgumentException("no X.509 name for " + algorithm);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithmIdentifier;
    }

    @Override
    public OutputStream getOutputStream() {
        return buffer;
    }

    @Override
    public byte[] getSignature() {
        return key.sign(buffer.toByteArray());
    }
}
