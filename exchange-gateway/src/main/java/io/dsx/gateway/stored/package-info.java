/**
 * Reading stored records back by position: {@link io.dsx.gateway.stored.SegmentReader} fetches the
 * stored segments a ledger entry lists (and nothing else: the ledger entry is the commit marker) and
 * opens them through dsx-schemas' {@code StoredSegment}, the one codec of the stored layout. The data
 * plane and the tests read through it.
 */
package io.dsx.gateway.stored;
