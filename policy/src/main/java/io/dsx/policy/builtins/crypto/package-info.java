/**
 * {@code crypto.md5/sha1/sha256}, {@code crypto.hmac.md5/sha1/sha256/sha512} and
 * {@code crypto.hmac.equal}: digests over the UTF-8 bytes of strings, hex-encoded lower case as
 * OPA returns them. MAC comparison is constant time.
 */
package io.dsx.policy.builtins.crypto;
