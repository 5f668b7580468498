package io.dsx.connectors.contributor;

/** Supplies the bearer token of each gateway call. */
@FunctionalInterface
public interface TokenSource {
    /** A currently valid access token. */
    String token() throws GatewayException;
}
