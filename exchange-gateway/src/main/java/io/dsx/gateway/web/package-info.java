/**
 * The REST API. Controllers stay thin; {@link io.dsx.gateway.web.Problems} is the one place where a
 * failure becomes an RFC 9457 {@code application/problem+json} answer with a stable {@code code}.
 */
package io.dsx.gateway.web;
