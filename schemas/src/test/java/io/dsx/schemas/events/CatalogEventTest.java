package io.dsx.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.schemas.events.CatalogChange.DatasetRegistered;
import io.dsx.schemas.events.CatalogChange.InstitutionRegistered;
import io.dsx.schemas.events.CatalogChange.KeyRevoked;
import io.dsx.schemas.events.CatalogChange.SchemaVersionAdded;
import io.dsx.schemas.events.CatalogChange.SignerCertificate;
import io.dsx.schemas.wire.WireFormatException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogEventTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    static CatalogEvent event(CatalogChange change) {
        return new CatalogEvent(CatalogEvent.VERSION, "0190c0de-1234-7abc-8def-0123456789ab", AT, "operator", change);
    }

    @Test
    void everyKindOfChangeRoundTripsThroughItsBytes() throws Exception {
        List<CatalogChange> changes = List.of(
                new InstitutionRegistered("hospital-a", "Hospital A", List.of(new SignerCertificate("k1", new byte[] {
                    0x30, 0x03, 0x02, 0x01, 0x00
                }))),
                new KeyRevoked("hospital-a", "k1", "device lost"),
                new DatasetRegistered(
                        "visits", "hospital-a", "Visits", "Outpatient visits", List.of("DUO:0000042"), "{}"),
                new SchemaVersionAdded("visits", 2, "{}"));
        for (CatalogChange change : changes) {
            CatalogEvent back = CatalogEvent.parse(event(change).toBytes());
            assertThat(back.change().getClass()).isEqualTo(change.getClass());
            assertThat(back.toBytes()).isEqualTo(event(change).toBytes());
            assertThat(back.occurredAt()).isEqualTo(AT);
        }
    }

    @Test
    void certificatesSurviveByteForByte() throws Exception {
        byte[] der = {0x30, 0x03, 0x02, 0x01, 0x07};
        CatalogEvent back =
                CatalogEvent.parse(event(new InstitutionRegistered("h", "H", List.of(new SignerCertificate("k", der))))
                        .toBytes());
        assertThat(((InstitutionRegistered) back.change()).certificates().get(0).certificateDer())
                .isEqualTo(der);
    }

    @Test
    void refusesAnotherVersion() {
        byte[] bytes = new CatalogEvent(2, "e", AT, "a", new KeyRevoked("h", "k", "r")).toBytes();
        assertThatThrownBy(() -> CatalogEvent.parse(bytes))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("version 2");
    }
}
