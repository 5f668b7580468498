package io.dsx.gateway.jobs;

import java.time.Instant;

/**
 * A compute job submitted under a grant, as kept on {@code dsx.grants} (key {@code job:<id>}, format
 * v1, docs/formats.md).
 *
 * @param version     format version (1)
 * @param id          UUIDv7
 * @param revision    1 when submitted
 * @param grantId     the grant it reads under (the access request's id)
 * @param dataset     the grant's dataset
 * @param researcher  the submitting researcher's token subject
 * @param codeDigest  {@code sha256:<hex>} of the job's code, as the researcher declared it
 * @param description what the job does, in the researcher's words
 * @param createdAt   when it was submitted
 */
public record JobRecord(
        int version,
        String id,
        long revision,
        String grantId,
        String dataset,
        String researcher,
        String codeDigest,
        String description,
        Instant createdAt) {}
