/**
 * The gateway's key material, loaded (or created on first run) at start: its HPKE keys and receipt
 * key ({@code GatewayKeyStore}), the KEKs behind the key-management SPI, and the per-dataset DEK ring,
 * whose wrapped DEKs are replayed from {@code dsx.keys}. Nothing here ever logs or returns key bytes.
 */
package io.dsx.gateway.keys;
