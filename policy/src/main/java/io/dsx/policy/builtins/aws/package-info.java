/**
 * {@code providers.aws.sign_req}: AWS Signature Version 4 over a Rego request object, as OPA
 * signs it (the S3/Glacier content-hash header, session tokens, optional unsigned payload), plus
 * the request-object checks it shares with {@code http.send}. The signing time is an operand,
 * never the system clock.
 */
package io.dsx.policy.builtins.aws;
