package io.dsx.policy.builtins.x509;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OPA's {@code verifyX509CertificateChain}: the first certificate is the trusted root, the last
 * the leaf, the ones between intermediates (in any order). The chain is built and checked with
 * PKIX (RFC 5280) at the given instant, without revocation checks; the result runs leaf to root.
 */
final class ChainVerifier {

    private ChainVerifier() {}

    static Optional<List<X509Certificate>> verify(List<X509Certificate> certs, Instant at) {
        if (certs.size() < 2) {
            return Optional.empty();
        }
        X509Certificate root = certs.get(0);
        X509Certificate leaf = certs.get(certs.size() - 1);
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(Set.of(new TrustAnchor(root, null)), target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            params.addCertStore(CertStore.getInstance(
                    "Collection", new CollectionCertStoreParameters(certs.subList(1, certs.size()))));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(params);
            List<X509Certificate> chain = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> chain.add((X509Certificate) c));
            chain.add(root);
            return Optional.of(chain);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
