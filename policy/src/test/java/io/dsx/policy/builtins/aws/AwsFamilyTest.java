package io.dsx.policy.builtins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinContext;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import org.junit.jupiter.api.Test;

class AwsFamilyTest {

    private static final ObjectValue CONFIG = ObjectValue.builder()
            .put("aws_access_key", StringValue.of("MYAWSACCESSKEYGOESHERE"))
            .put("aws_secret_access_key", StringValue.of("MYAWSSECRETACCESSKEYGOESHERE"))
            .put("aws_service", StringValue.of("s3"))
            .put("aws_region", StringValue.of("us-east-1"))
            .build();

    private static Value sign(ObjectValue req, ObjectValue config, long ns) {
        BuiltinContext ctx = BuiltinContext.builder().nowNs(0).build();
        return AwsFamily.signReq(
                new BuiltinCall("providers.aws.sign_req", new Value[] {req, config, NumberValue.of(ns)}, ctx));
    }

    @Test
    void signedRequestKeepsHeadersAndAddsTheSignature() {
        ObjectValue req = ObjectValue.builder()
                .put("method", StringValue.of("get"))
                .put("url", StringValue.of("http://example.com"))
                .put(
                        "headers",
                        ObjectValue.builder().put("foo", StringValue.of("bar")).build())
                .build();
        ObjectValue headers = (ObjectValue) ((ObjectValue) sign(req, CONFIG, 1451311705000000000L)).get("headers");
        assertThat(headers.get("foo")).isEqualTo(StringValue.of("bar"));
        assertThat(((StringValue) headers.get("Authorization")).value())
                .endsWith("Signature=8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952");
    }

    @Test
    void missingRequestKeysAreOperandTypeErrors() {
        assertThatThrownBy(() -> sign(ObjectValue.EMPTY, CONFIG, 1L))
                .isInstanceOfSatisfying(
                        BuiltinException.class, e -> assertThat(e.code()).isEqualTo("eval_type_error"))
                .hasMessage(
                        "providers.aws.sign_req: operand 1 missing required request parameters(s): {\"method\", \"url\"}");
    }

    @Test
    void missingConfigKeysAreNamedInOrder() {
        ObjectValue req = ObjectValue.builder()
                .put("method", StringValue.of("get"))
                .put("url", StringValue.of("http://example.com"))
                .build();
        assertThatThrownBy(() -> sign(req, ObjectValue.EMPTY, 1L))
                .hasMessage(
                        "providers.aws.sign_req: operand 2 missing required"
                                + " AWS config parameters(s): {\"aws_access_key\", \"aws_region\", \"aws_secret_access_key\", \"aws_service\"}");
    }
}
