package io.dsx.policy.builtins.x509;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** The certificate fields Go derives from extensions (RFC 5280 section 4.2). */
final class GoCertExtensions {

    private static final Map<String, Integer> EXT_KEY_USAGES = Map.ofEntries(
            Map.entry("2.5.29.37.0", 0),
            Map.entry("1.3.6.1.5.5.7.3.1", 1),
            Map.entry("1.3.6.1.5.5.7.3.2", 2),
            Map.entry("1.3.6.1.5.5.7.3.3", 3),
            Map.entry("1.3.6.1.5.5.7.3.4", 4),
            Map.entry("1.3.6.1.5.5.7.3.5", 5),
            Map.entry("1.3.6.1.5.5.7.3.6", 6),
            Map.entry("1.3.6.1.5.5.7.3.7", 7),
            Map.entry("1.3.6.1.5.5.7.3.8", 8),
            Map.entry("1.3.6.1.5.5.7.3.9", 9),
            Map.entry("1.3.6.1.4.1.311.10.3.3", 10),
            Map.entry("2.16.840.1.113730.4.1", 11),
            Map.entry("1.3.6.1.4.1.311.2.1.22", 12),
            Map.entry("1.3.6.1.4.1.311.61.1.1", 13));

    private GoCertExtensions() {}

    static void addTo(Map<String, Object> m, X509Certificate cert, Extensions ext) {
        extKeyUsage(m, cert);
        BasicConstraints bc = ext == null ? null : BasicConstraints.fromExtensions(ext);
        m.put("BasicConstraintsValid", bc != null);
        m.put("IsCA", bc != null && bc.isCA());
        int maxPathLen = bc == null
                ? 0
                : bc.getPathLenConstraint() == null
                        ? -1
                        : bc.getPathLenConstraint().intValue();
        m.put("MaxPathLen", maxPathLen);
        m.put("MaxPathLenZero", bc != null && bc.getPathLenConstraint() != null && maxPathLen == 0);
        SubjectKeyIdentifier ski = ext == null ? null : SubjectKeyIdentifier.fromExtensions(ext);
        m.put("SubjectKeyId", ski == null ? null : GoAsn1.bytes(ski.getKeyIdentifier()));
        AuthorityKeyIdentifier aki = ext == null ? null : AuthorityKeyIdentifier.fromExtensions(ext);
        m.put("AuthorityKeyId", aki == null ? null : GoAsn1.bytes(aki.getKeyIdentifier()));
        authorityInfo(m, ext);
        subjectAltNames(m, cert);
        m.put("PermittedDNSDomainsCritical", false);
        m.put("CRLDistributionPoints", crlDistributionPoints(ext));
        m.put("PolicyIdentifiers", null);
    }

    private static void extKeyUsage(Map<String, Object> m, X509Certificate cert) {
        List<Object> known = null;
        List<Object> unknown = null;
        try {
            List<String> oids = cert.getExtendedKeyUsage();
            if (oids != null) {
                for (String oid : oids) {
                    if (EXT_KEY_USAGES.containsKey(oid)) {
                        known = known == null ? new ArrayList<>() : known;
                        known.add(EXT_KEY_USAGES.get(oid));
                    } else {
                        unknown = unknown == null ? new ArrayList<>() : unknown;
                        unknown.add(GoAsn1.oidArray(oid));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable EKU extension stays in Extensions only
        }
        m.put("ExtKeyUsage", known);
        m.put("UnknownExtKeyUsage", unknown);
    }

    private static void authorityInfo(Map<String, Object> m, Extensions ext) {
        List<Object> ocsp = null;
        List<Object> issuers = null;
        AuthorityInformationAccess aia = ext == null ? null : AuthorityInformationAccess.fromExtensions(ext);
        if (aia != null) {
            for (AccessDescription d : aia.getAccessDescriptions()) {
                if (d.getAccessLocation().getTagNo() != GeneralName.uniformResourceIdentifier) {
                    continue;
                }
                String uri = d.getAccessLocation().getName().toString();
                if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                    ocsp = ocsp == null ? new ArrayList<>() : ocsp;
                    ocsp.add(uri);
                } else if (d.getAccessMethod().equals(AccessDescription.id_ad_caIssuers)) {
                    issuers = issuers == null ? new ArrayList<>() : issuers;
                    issuers.add(uri);
                }
            }
        }
        m.put("OCSPServer", ocsp);
        m.put("IssuingCertificateURL", issuers);
    }

    private static void subjectAltNames(Map<String, Object> m, X509Certificate cert) {
        List<Object> dns = null;
        List<Object> emails = null;
        List<Object> ips = null;
        List<Object> uris = null;
        List<Object> uriStrings = null;
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    int tag = (Integer) n.get(0);
                    String value = String.valueOf(n.get(1));
                    switch (tag) {
                        case 1 -> (emails = emails == null ? new ArrayList<>() : emails).add(value);
                        case 2 -> (dns = dns == null ? new ArrayList<>() : dns).add(value);
                        case 6 -> {
                            (uris = uris == null ? new ArrayList<>() : uris).add(GoUrlJson.of(value));
                            (uriStrings = uriStrings == null ? new ArrayList<>() : uriStrings).add(value);
                        }
                        case 7 -> (ips = ips == null ? new ArrayList<>() : ips).add(value);
                        default -> {}
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // unreadable SANs stay in Extensions only
        }
        m.put("DNSNames", dns);
        m.put("EmailAddresses", emails);
        m.put("IPAddresses", ips);
        m.put("URIs", uris);
        m.put("URIStrings", uriStrings);
    }

    private static List<Object> crlDistributionPoints(Extensions ext) {
        Extension e = ext == null ? null : ext.getExtension(Extension.cRLDistributionPoints);
        if (e == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (DistributionPoint dp : CRLDistPoint.getInstance(e.getParsedValue()).getDistributionPoints()) {
            DistributionPointName name = dp.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        out.add(g.getName().toString());
                    }
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    static URI uri(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
