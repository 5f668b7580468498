/**
 * The exchange gateway: a Spring Boot service, the only part of dsx that touches Kafka on behalf of
 * others. Sub-packages: {@code config} (typed, validated settings), {@code security} (Keycloak JWT
 * validation and the mapping of a token to a {@link io.dsx.gateway.security.DsxPrincipal}),
 * {@code web} (REST controllers and the single place where failures become RFC 9457 problems).
 */
package io.dsx.gateway;
