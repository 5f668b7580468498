package io.dsx.gateway.ingest;

import io.dsx.schemas.events.Receipt;

/** An accepted contribution's signed receipt; {@code replayed} when the id had been accepted before. */
public record Accepted(Receipt receipt, String institutionId, boolean replayed) {}
