package io.dsx.gateway.catalog;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** The changes recorded on {@code dsx.catalog} (schema {@code CatalogEvent.avsc}). */
public sealed interface CatalogEvent {

    /** The compaction key: the latest event per key is all a replay needs. */
    String key();

    record InstitutionRegistered(String institutionId, String displayName, List<X509Certificate> certificates)
            implements CatalogEvent {
        public String key() {
            return "institution:" + institutionId;
        }
    }

    record KeyRevoked(String institutionId, String keyId, String reason) implements CatalogEvent {
        public String key() {
            return "revocation:" + institutionId + ":" + keyId;
        }
    }

    record DatasetRegistered(String datasetId, String ownerInstitutionId, String title, String description,
                             List<String> duo, String schema) implements CatalogEvent {
        public String key() {
            return "dataset:" + datasetId;
        }
    }

    record SchemaVersionAdded(String datasetId, int schemaVersion, String schema) implements CatalogEvent {
        public String key() {
            return "schema:" + datasetId + ":" + schemaVersion;
        }
    }

    /** An event with its envelope fields. */
    record Envelope(String eventId, Instant occurredAt, String actor, CatalogEvent event) {
    }
}
