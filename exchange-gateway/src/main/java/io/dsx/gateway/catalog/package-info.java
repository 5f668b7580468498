/**
 * The catalog: institutions with their signing certificates and revocations, datasets with their
 * schema versions. Its only store is the compacted topic {@code dsx.catalog}; every gateway replays it
 * at start and tails it afterwards, so any gateway may serve any request. Metadata only, never data.
 */
package io.dsx.gateway.catalog;
