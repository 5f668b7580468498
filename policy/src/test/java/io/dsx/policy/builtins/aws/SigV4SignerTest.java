package io.dsx.policy.builtins.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4SignerTest {

    private static final SigV4Signer.Credentials CREDS =
            new SigV4Signer.Credentials("MYAWSACCESSKEYGOESHERE", "MYAWSSECRETACCESSKEYGOESHERE", "us-east-1", "");
    private static final Instant TIME = Instant.ofEpochSecond(1451311705L);

    @Test
    void s3RequestWithoutBodyMatchesOpasSignature() {
        SigV4Signer.Signature sig = SigV4Signer.sign(
                Map.of(), "get", URI.create("http://example.com"), new byte[0], "s3", CREDS, TIME, false);
        assertThat(sig.authorization())
                .isEqualTo("AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/"
                        + "aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                        + "Signature=0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3");
        assertThat(sig.awsHeaders())
                .containsEntry("x-amz-date", "20151228T140825Z")
                .containsEntry("host", "example.com")
                .containsEntry(
                        "x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void requestHeadersAreSignedLowerCasedExceptUserAgent() {
        SigV4Signer.Signature sig = SigV4Signer.sign(
                Map.of("Foo", "bar", "User-Agent", "x"),
                "get",
                URI.create("http://example.com"),
                new byte[0],
                "s3",
                CREDS,
                TIME,
                false);
        assertThat(sig.authorization()).contains("SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,");
    }

    @Test
    void unsignedPayloadAndSessionTokenChangeTheHeaders() {
        SigV4Signer.Credentials withToken = new SigV4Signer.Credentials("AK", "SK", "eu-west-1", "TOKEN");
        SigV4Signer.Signature sig = SigV4Signer.sign(
                Map.of(), "post", URI.create("https://h.example/p?q=1"), "{}".getBytes(), "s3", withToken, TIME, true);
        assertThat(sig.awsHeaders())
                .containsEntry("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .containsEntry("x-amz-security-token", "TOKEN");
        assertThat(withToken.toString()).doesNotContain("SK").doesNotContain("TOKEN");
    }

    @Test
    void otherServicesGetNoContentHashHeader() {
        SigV4Signer.Signature sig = SigV4Signer.sign(
                Map.of(), "get", URI.create("https://sts.amazonaws.com/"), new byte[0], "sts", CREDS, TIME, false);
        assertThat(sig.awsHeaders()).doesNotContainKey("x-amz-content-sha256");
        assertThat(sig.authorization()).contains("SignedHeaders=host;x-amz-date,");
    }
}
