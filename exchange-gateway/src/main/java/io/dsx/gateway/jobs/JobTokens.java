package io.dsx.gateway.jobs;

import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job tokens: compact JWS (RFC 7515) JWTs (RFC 7519) signed with EdDSA over Ed25519 (RFC 8037).
 * Checks made on every token, in order, each failing closed (RFC 8725):
 * <ol>
 *   <li>three base64url parts, each bounded; header {@code alg} exactly {@code EdDSA} (never
 *       {@code none}, never an HMAC: §3.1), {@code typ} {@code JWT}, a {@code kid} the gateway holds;</li>
 *   <li>the Ed25519 signature over {@code header.payload};</li>
 *   <li>{@code iss} this gateway's job issuer (§3.8), {@code aud} {@code dsx-data-plane} (§3.9);</li>
 *   <li>{@code exp} after now, {@code nbf}/{@code iat} not after now (no skew: the gateway is the clock);</li>
 *   <li>{@code dsx_job} and {@code dsx_grant} present and well-formed.</li>
 * </ol>
 * Claims: {@code iss, aud, sub} (the job id), {@code dsx_job, dsx_grant, dsx_dataset, iat, nbf, exp, jti}.
 */
public final class JobTokens {

    public static final String AUDIENCE = "dsx-data-plane";
    private static final int MAX_TOKEN = 4096;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A verified token's scope. */
    public record Claims(String job, String grant, String dataset, Instant expiresAt) {}

    /** Why a token was refused; the message never echoes the token. */
    public enum Failure {
        MALFORMED,
        BAD_SIGNATURE,
        UNKNOWN_KEY,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        EXPIRED,
        NOT_YET_VALID
    }

    /** A verification result: claims, or a failure. */
    public record Verified(Claims claims, Failure failure) {}

    private final JobTokenKeys keys;
    private final JobSettings settings;
    private final Clock clock;
    private final SecureRandom random;

    public JobTokens(JobTokenKeys keys, JobSettings settings, Clock clock, SecureRandom random) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** A token for the job, valid for the configured lifetime (never past {@code notAfter}, the grant's end). */
    public String issue(JobRecord job, Instant notAfter) {
        Instant now = clock.instant();
        Instant exp = now.plus(settings.tokenTtl());
        if (exp.isAfter(notAfter)) {
            exp = notAfter;
        }
        JobTokenKeys.Held key = keys.current();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", "JWT");
        header.put("kid", key.kid());
        byte[] jti = new byte[16];
        random.nextBytes(jti);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("aud", AUDIENCE);
        claims.put("sub", job.id());
        claims.put("dsx_job", job.id());
        claims.put("dsx_grant", job.grantId());
        claims.put("dsx_dataset", job.dataset());
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("jti", JobTokenKeys.b64(jti));
        String signingInput = JobTokenKeys.b64(JSON.writeValueAsBytes(header)) + "."
                + JobTokenKeys.b64(JSON.writeValueAsBytes(claims));
        byte[] signature = key.key().sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + JobTokenKeys.b64(signature);
    }

    /** Verifies a token as the data plane does; never throws for a bad token. */
    public Verified verify(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return fail(Failure.MALFORMED);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return fail(Failure.MALFORMED);
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            header = JSON.readTree(d.decode(parts[0]));
            claims = JSON.readTree(d.decode(parts[1]));
            signature = d.decode(parts[2]);
        } catch (RuntimeException e) {
            return fail(Failure.MALFORMED);
        }
        if (!header.isObject()
                || !claims.isObject()
                || !"EdDSA".equals(text(header, "alg"))
                || !"JWT".equals(text(header, "typ"))
                || text(header, "kid") == null) {
            return fail(Failure.MALFORMED);
        }
        Optional<JobTokenKeys.Held> key = keys.find(text(header, "kid"));
        if (key.isEmpty()) {
            return fail(Failure.UNKNOWN_KEY);
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!Signatures.verify(key.get().key().publicKey(), SignatureAlgorithm.ED25519, signed, signature)) {
            return fail(Failure.BAD_SIGNATURE);
        }
        if (!settings.issuer().equals(text(claims, "iss"))) {
            return fail(Failure.WRONG_ISSUER);
        }
        if (!audience(claims.get("aud"))) {
            return fail(Failure.WRONG_AUDIENCE);
        }
        long now = clock.instant().getEpochSecond();
        if (!claims.path("exp").isIntegralNumber() || claims.get("exp").asLong() <= now) {
            return fail(Failure.EXPIRED);
        }
        if (!claims.path("nbf").isIntegralNumber() || claims.get("nbf").asLong() > now) {
            return fail(Failure.NOT_YET_VALID);
        }
        String job = text(claims, "dsx_job");
        String grant = text(claims, "dsx_grant");
        String dataset = text(claims, "dsx_dataset");
        if (job == null
                || grant == null
                || dataset == null
                || !ID.matcher(job).matches()
                || !ID.matcher(grant).matches()
                || !job.equals(text(claims, "sub"))) {
            return fail(Failure.MALFORMED);
        }
        return new Verified(
                new Claims(
                        job,
                        grant,
                        dataset,
                        Instant.ofEpochSecond(claims.get("exp").asLong())),
                null);
    }

    /** The JWKS (RFC 7517) of every key that verifies job tokens. */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> out = keys.all().stream()
                .map(k -> {
                    Map<String, Object> jwk = new LinkedHashMap<>();
                    jwk.put("kty", "OKP");
                    jwk.put("crv", "Ed25519");
                    jwk.put("x", JobTokenKeys.b64(k.publicRaw()));
                    jwk.put("kid", k.kid());
                    jwk.put("alg", "EdDSA");
                    jwk.put("use", "sig");
                    return jwk;
                })
                .toList();
        return Map.of("keys", out);
    }

    private static boolean audience(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isString()) {
            return AUDIENCE.equals(aud.asString());
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isString() && AUDIENCE.equals(a.asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isString() && v.asString().length() <= 256 ? v.asString() : null;
    }

    private static Verified fail(Failure f) {
        return new Verified(null, f);
    }
}
