package io.dsx.policy.builtins.jwt;

import io.dsx.policy.builtins.encoding.GoBase64;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import io.dsx.policy.builtins.plain.PlainJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A JWS in compact serialization split into its three base64url parts (RFC 7519 section 7.2
 * steps 1-2), with OPA's error texts for each decoding step.
 */
record CompactJws(String header, String payload, String signature) {

    static CompactJws split(String token) {
        if (!token.contains(".")) {
            throw new BuiltinFailure("encoded JWT had no period separators");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new BuiltinFailure("encoded JWT must have 3 sections, found " + parts.length);
        }
        return new CompactJws(parts[0], parts[1], parts[2]);
    }

    /** The decoded header, refusing JWE (RFC 7516 section 9: an {@code enc} member). */
    Map<String, Object> decodedHeader() {
        byte[] raw;
        try {
            raw = GoBase64.decodeUrlLenient(header);
        } catch (BuiltinFailure e) {
            throw new BuiltinFailure("JWT header had invalid encoding: " + e.getMessage());
        }
        Map<String, Object> h;
        try {
            h = jsonObject(raw);
        } catch (BuiltinFailure e) {
            throw new BuiltinFailure("bad JWT header: " + e.getMessage());
        }
        if (h.containsKey("enc")) {
            throw new BuiltinFailure("JWT is a JWE object, which is not supported");
        }
        return h;
    }

    byte[] decodedPayload() {
        try {
            return GoBase64.decodeUrlLenient(payload);
        } catch (BuiltinFailure e) {
            throw new BuiltinFailure("JWT payload had invalid encoding: " + e.getMessage());
        }
    }

    byte[] decodedSignature() {
        try {
            return GoBase64.decodeUrlLenient(signature);
        } catch (BuiltinFailure e) {
            throw new BuiltinFailure("JWT signature had invalid encoding: " + e.getMessage());
        }
    }

    byte[] signingInput() {
        return (header + "." + payload).getBytes(StandardCharsets.UTF_8);
    }

    /** OPA's {@code extractJSONObject}: JSON text that must be an object. */
    static Map<String, Object> jsonObject(byte[] raw) {
        Object v;
        try {
            v = PlainJson.parse(new String(raw, StandardCharsets.UTF_8));
        } catch (BuiltinFailure e) {
            throw new BuiltinFailure("invalid JSON: " + e.getMessage());
        }
        return PlainJson.asObject(v).orElseThrow(() -> new BuiltinFailure("decoded JSON type was not an Object"));
    }
}
