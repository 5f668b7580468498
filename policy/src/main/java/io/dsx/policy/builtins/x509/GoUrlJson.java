package io.dsx.policy.builtins.x509;

import static io.dsx.policy.builtins.x509.GoKeyJson.map;

import java.net.URI;
import java.util.Map;

/** A URI as Go's {@code url.URL} struct marshals to JSON. */
final class GoUrlJson {

    private GoUrlJson() {}

    static Map<String, Object> of(String text) {
        URI u = GoCertExtensions.uri(text);
        if (u == null) {
            return map(
                    "Scheme",
                    "",
                    "Opaque",
                    text,
                    "User",
                    null,
                    "Host",
                    "",
                    "Path",
                    "",
                    "RawPath",
                    "",
                    "OmitHost",
                    false,
                    "ForceQuery",
                    false,
                    "RawQuery",
                    "",
                    "Fragment",
                    "",
                    "RawFragment",
                    "");
        }
        return map(
                "Scheme",
                nz(u.getScheme()),
                "Opaque",
                u.isOpaque() ? nz(u.getRawSchemeSpecificPart()) : "",
                "User",
                null,
                "Host",
                nz(u.getRawAuthority()),
                "Path",
                nz(u.getPath()),
                "RawPath",
                "",
                "OmitHost",
                false,
                "ForceQuery",
                false,
                "RawQuery",
                nz(u.getRawQuery()),
                "Fragment",
                nz(u.getFragment()),
                "RawFragment",
                "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
