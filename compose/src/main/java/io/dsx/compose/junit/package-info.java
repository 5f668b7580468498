/**
 * JUnit 5 support: {@link io.dsx.compose.junit.LocalStackExtension} starts the real broker and the real
 * Keycloak once per test run and injects the {@link io.dsx.compose.LocalStack} into tests.
 */
package io.dsx.compose.junit;
