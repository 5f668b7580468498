/**
 * The stored layout of {@code dsx.data.<datasetId>} (DESIGN §3.2), one owner for the gateway's writer
 * (ingest) and reader (data plane): {@link io.dsx.schemas.stored.StoredSegment} seals a run of one
 * contribution's framed records under a dataset DEK into one Kafka record value and opens it again,
 * checking it against what the ledger entry says it is; {@link io.dsx.schemas.stored.SegmentPlan}
 * cuts a contribution into such runs.
 */
package io.dsx.schemas.stored;
