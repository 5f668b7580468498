package io.dsx.gateway.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON views of institutions and their keys (status active or revoked). */
final class InstitutionViews {

    private InstitutionViews() {}

    static Map<String, Object> view(Catalog catalog, Catalog.Institution i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("name", i.name());
        List<Map<String, Object>> keys =
                i.keys().values().stream().map(k -> key(catalog, i.id(), k)).toList();
        out.put("keys", keys);
        return out;
    }

    static Map<String, Object> key(Catalog catalog, String institutionId, Catalog.SignerKey k) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keyId", k.keyId());
        out.put("algorithm", k.algorithm());
        out.put("status", catalog.isRevoked(institutionId, k.keyId()) ? "revoked" : "active");
        return out;
    }
}
