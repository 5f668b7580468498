/**
 * The data plane: {@code GET /v1/jobs/{id}/records}. On every request the job token is verified
 * ({@code security}), {@code data.dsx.read.decision} is evaluated against the grant as it stands, and
 * only then are stored records read through the stored-record codec, projected to the permitted
 * fields, masked, row-filtered and streamed (NDJSON, or an Avro object container file). A long
 * stream asks the policy again at a bound ({@link io.dsx.gateway.dataplane.ReadShape} documents it)
 * and ends when the answer is no longer allow.
 */
package io.dsx.gateway.dataplane;
