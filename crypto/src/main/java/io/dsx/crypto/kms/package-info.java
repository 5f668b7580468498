/**
 * The key-management SPI: data keys (DEKs) are generated and returned together with their form
 * wrapped under a named key-encryption key (KEK), and unwrapped again on demand; KEK material never
 * leaves the service. {@link io.dsx.crypto.kms.Pkcs12KeyManagementService} is the default, a local
 * PKCS#12 file created on first run. A HashiCorp Vault Transit adapter (DESIGN 3.2) would implement the
 * same interface; it is not built yet. Every implementation must pass the contract test {@code KeyManagementServiceContract}
 * (published in this module's test jar).
 */
package io.dsx.crypto.kms;
