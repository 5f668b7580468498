/**
 * The local stack without Docker: a real single-node KRaft Kafka broker and a real Keycloak, each run
 * as a plain child process from Maven Central artifacts, plus the demo realm and its generated
 * credentials. {@link io.dsx.compose.LocalStackMain} runs the exchange on a developer's machine;
 * {@link io.dsx.compose.junit.LocalStackExtension} hands the same stack to tests, started once per run.
 *
 * <p>Promises: every process it starts is stopped when the stack is closed or the JVM exits normally
 * (Ctrl-C included); no secret is printed except where the operator asked for the demo credentials.
 */
package io.dsx.compose;
