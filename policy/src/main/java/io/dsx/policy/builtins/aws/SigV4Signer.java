package io.dsx.policy.builtins.aws;

import io.dsx.policy.builtins.crypto.Digests;
import io.dsx.policy.builtins.crypto.Digests.HashFunction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 (docs.aws.amazon.com/general/latest/gr/sigv4_signing.html) with the
 * choices OPA's signer makes: every request header is signed except those proxies rewrite, the
 * path is used as escaped, the query string raw.
 */
public final class SigV4Signer {

    /** What to sign with; {@code toString} hides the secret. */
    public record Credentials(String accessKey, String secretKey, String region, String sessionToken) {
        @Override
        public String toString() {
            return "Credentials[accessKey=" + accessKey + ", region=" + region + ", secretKey=***, sessionToken=***]";
        }
    }

    /** The Authorization header value and the headers the signer adds. */
    public record Signature(String authorization, Map<String, String> awsHeaders) {}

    private static final Set<String> UNSIGNED_HEADERS = Set.of("authorization", "user-agent", "x-amzn-trace-id");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4Signer() {}

    public static Signature sign(
            Map<String, String> headers,
            String method,
            URI url,
            byte[] body,
            String service,
            Credentials creds,
            Instant time,
            boolean unsignedPayload) {
        String contentHash = unsignedPayload ? "UNSIGNED-PAYLOAD" : sha256Hex(body);
        String date = DATE.format(time);
        String stamp = STAMP.format(time);
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("host", hostOf(url));
        aws.put("x-amz-date", stamp);
        if (service.equals("s3") || service.equals("glacier")) {
            aws.put("x-amz-content-sha256", contentHash);
        }
        if (!creds.sessionToken().isEmpty()) {
            aws.put("x-amz-security-token", creds.sessionToken());
        }
        Map<String, String> toSign = new TreeMap<>(aws);
        headers.forEach((k, v) -> {
            String lower = k.toLowerCase(Locale.ROOT);
            if (!UNSIGNED_HEADERS.contains(lower)) {
                toSign.put(lower, v);
            }
        });
        StringBuilder canonical = new StringBuilder()
                .append(method)
                .append('\n')
                .append(url.getRawPath() == null ? "" : url.getRawPath())
                .append('\n')
                .append(url.getRawQuery() == null ? "" : url.getRawQuery())
                .append('\n');
        toSign.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
        String signedHeaders = String.join(";", toSign.keySet());
        canonical.append('\n').append(signedHeaders).append('\n').append(contentHash);
        String scope = date + "/" + creds.region() + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
                + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        byte[] key = mac(("AWS4" + creds.secretKey()).getBytes(StandardCharsets.UTF_8), date);
        key = mac(key, creds.region());
        key = mac(key, service);
        key = mac(key, "aws4_request");
        String signature = HexFormat.of().formatHex(mac(key, stringToSign));
        String authorization = "AWS4-HMAC-SHA256 Credential=" + creds.accessKey() + "/" + scope + "," + "SignedHeaders="
                + signedHeaders + "," + "Signature=" + signature;
        return new Signature(authorization, aws);
    }

    /** Go's {@code url.URL.Host}: host and port, without user info. */
    private static String hostOf(URI url) {
        String authority = url.getRawAuthority();
        if (authority == null) {
            return "";
        }
        int at = authority.lastIndexOf('@');
        return at >= 0 ? authority.substring(at + 1) : authority;
    }

    private static byte[] mac(byte[] key, String data) {
        return Digests.hmac(HashFunction.SHA256, key, data.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }
}
