package io.dsx.policy.builtins.x509;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/** A distinguished name as Go's {@code pkix.Name} marshals to JSON. */
final class GoNameJson {

    private static final Map<String, String> LIST_FIELDS = Map.of(
            "2.5.4.6",
            "Country",
            "2.5.4.10",
            "Organization",
            "2.5.4.11",
            "OrganizationalUnit",
            "2.5.4.7",
            "Locality",
            "2.5.4.8",
            "Province",
            "2.5.4.9",
            "StreetAddress",
            "2.5.4.17",
            "PostalCode");

    private GoNameJson() {}

    static Map<String, Object> of(byte[] encodedName) {
        Map<String, List<Object>> lists = new LinkedHashMap<>();
        String serial = "";
        String commonName = "";
        List<Object> names = new ArrayList<>();
        for (RDN rdn : X500Name.getInstance(encodedName).getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                String oid = atv.getType().getId();
                String value = text(atv.getValue());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("Type", GoAsn1.oidArray(oid));
                entry.put("Value", value);
                names.add(entry);
                if (LIST_FIELDS.containsKey(oid)) {
                    lists.computeIfAbsent(LIST_FIELDS.get(oid), k -> new ArrayList<>())
                            .add(value);
                } else if (oid.equals("2.5.4.5")) {
                    serial = value;
                } else if (oid.equals("2.5.4.3")) {
                    commonName = value;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : Arrays.asList(
                "Country",
                "Organization",
                "OrganizationalUnit",
                "Locality",
                "Province",
                "StreetAddress",
                "PostalCode")) {
            out.put(field, lists.get(field));
        }
        out.put("SerialNumber", serial);
        out.put("CommonName", commonName);
        out.put("Names", names);
        out.put("ExtraNames", null);
        return out;
    }

    private static String text(ASN1Encodable v) {
        return v instanceof ASN1String s ? s.getString() : v.toString();
    }
}
