package io.dsx.schemas.envelope;

import java.util.List;

/**
 * A verified, decrypted contribution whose records all checked out: count, Merkle root and
 * decoding under the manifest's schema version.
 */
public record OpenedContribution(VerifiedEnvelope envelope, List<OpenedRecord> records) {
  public OpenedContribution {
    records = List.copyOf(records);
  }

  public Manifest manifest() {
    return envelope.manifest();
  }

  @Override
  public String toString() {
    return "OpenedContribution[" + envelope.manifest().contributionId() + ", " + records.size() + " records]";
  }
}
