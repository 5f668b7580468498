package io.dsx.policy.builtins.crypto;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.crypto.Digests.HashFunction;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.StringValue;

/** Registers the digest and HMAC builtins of {@link Digests}. */
public final class CryptoHashFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("crypto.md5", c -> digest(c, HashFunction.MD5));
        r.add("crypto.sha1", c -> digest(c, HashFunction.SHA1));
        r.add("crypto.sha256", c -> digest(c, HashFunction.SHA256));
        r.add("crypto.hmac.md5", c -> hmac(c, HashFunction.MD5));
        r.add("crypto.hmac.sha1", c -> hmac(c, HashFunction.SHA1));
        r.add("crypto.hmac.sha256", c -> hmac(c, HashFunction.SHA256));
        r.add("crypto.hmac.sha512", c -> hmac(c, HashFunction.SHA512));
        r.add("crypto.hmac.equal", c -> BoolValue.of(Digests.constantTimeEquals(c.string(0), c.string(1))));
    }

    private static StringValue digest(BuiltinCall c, HashFunction f) {
        return StringValue.of(Digests.digestHex(f, c.string(0)));
    }

    private static StringValue hmac(BuiltinCall c, HashFunction f) {
        return StringValue.of(Digests.hmacHex(f, c.string(0), c.string(1)));
    }
}
