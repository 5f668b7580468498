package io.dsx.schemas.events;

import java.util.List;

/** The change a {@link CatalogEvent} carries: one branch of the {@code event} union. */
public sealed interface CatalogChange {

    /** One registered signing key: its id and DER X.509 certificate. */
    record SignerCertificate(String keyId, byte[] certificateDer) {
        public SignerCertificate {
            certificateDer = certificateDer.clone();
        }

        @Override
        public byte[] certificateDer() {
            return certificateDer.clone();
        }
    }

    record InstitutionRegistered(String institutionId, String displayName, List<SignerCertificate> certificates)
            implements CatalogChange {
        public InstitutionRegistered {
            certificates = List.copyOf(certificates);
        }
    }

    record KeyRevoked(String institutionId, String keyId, String reason) implements CatalogChange {}

    record DatasetRegistered(
            String datasetId,
            String ownerInstitutionId,
            String title,
            String description,
            List<String> duo,
            String schema)
            implements CatalogChange {
        public DatasetRegistered {
            duo = List.copyOf(duo);
        }
    }

    record SchemaVersionAdded(String datasetId, int schemaVersion, String schema) implements CatalogChange {}
}
