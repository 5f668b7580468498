/**
 * The job client library: reads a job's records from the gateway's data plane
 * ({@code GET /v1/jobs/{id}/records}) with a job token, as NDJSON or as an Avro object container,
 * page after page, resuming from the last cursor when a stream breaks.
 */
package io.dsx.connectors.job;
