package io.dsx.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.keys.KeyIds;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.schemas.events.CatalogChange;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first claim on {@code dsx.catalog} wins, in the live view and in a replay of the compacted topic
 * (the last record per key), so an owner can never flip.
 */
class CatalogClaimsTest {

    private static final String SCHEMA = """
            {"type":"record","name":"V","fields":[{"name":"p","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true}]}""";

    record Rec(String key, String eventId, CatalogChange change) {}

    private static Rec claim(String eventId, CatalogChange change) {
        return new Rec(CatalogService.compactionKey(eventId, change), eventId, change);
    }

    private static Catalog replay(List<Rec> log) {
        Catalog c = new Catalog();
        for (int i = 0; i < log.size(); i++) {
            c.apply(i, log.get(i).eventId(), log.get(i).change());
        }
        return c;
    }

    /** What Kafka's log cleaner may leave: the last record per key, in offset order. */
    private static List<Rec> compacted(List<Rec> log) {
        Map<String, Integer> last = new LinkedHashMap<>();
        for (int i = 0; i < log.size(); i++) {
            last.put(log.get(i).key(), i);
        }
        List<Rec> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (last.get(log.get(i).key()) == i) {
                out.add(log.get(i));
            }
        }
        return out;
    }

    private static CatalogChange.InstitutionRegistered institution(String id, InstitutionCredentials... creds)
            throws Exception {
        List<CatalogChange.SignerCertificate> certs = new ArrayList<>();
        for (InstitutionCredentials c : creds) {
            certs.add(new CatalogChange.SignerCertificate(
                    KeyIds.of(c.certificate()), c.certificate().getEncoded()));
        }
        return new CatalogChange.InstitutionRegistered(id, id, certs);
    }

    private static InstitutionCredentials key() {
        return InstitutionKeys.generate(
                SignatureAlgorithm.ED25519, "CN=t", Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
    }

    @Test
    void theFirstDatasetClaimWinsBeforeAndAfterCompaction() {
        List<Rec> log = List.of(
                claim("e1", new CatalogChange.DatasetRegistered("ds", "hospital-a", "t", "", List.of(), SCHEMA)),
                claim("e2", new CatalogChange.DatasetRegistered("ds", "hospital-b", "t", "", List.of(), SCHEMA)));
        for (List<Rec> seen : List.of(log, compacted(log))) {
            Catalog c = replay(seen);
            assertThat(c.dataset("ds").orElseThrow().owner()).isEqualTo("hospital-a");
            assertThat(c.claimedBy("dataset:ds")).contains("e1");
        }
        assertThat(compacted(log)).hasSize(2);
    }

    @Test
    void aCompetingInstitutionRegistrationLosesButKeyAdditionsRacingEachOtherBothCount() throws Exception {
        InstitutionCredentials k1 = key();
        InstitutionCredentials k2 = key();
        InstitutionCredentials k3 = key();
        InstitutionCredentials other = key();
        List<Rec> log = List.of(
                claim("e1", institution("inst", k1)),
                claim("e2", institution("inst", other)), // another operator, same id: loses
                claim("e3", institution("inst", k1, k2)), // gateway 1 adds k2
                claim("e4", institution("inst", k1, k3))); // gateway 2 adds k3 at the same time
        for (List<Rec> seen : List.of(log, compacted(log))) {
            Catalog c = replay(seen);
            assertThat(c.institution("inst").orElseThrow().keys())
                    .containsOnlyKeys(
                            KeyIds.of(k1.certificate()), KeyIds.of(k2.certificate()), KeyIds.of(k3.certificate()));
            assertThat(c.claimedBy("institution:inst")).contains("e1");
            assertThat(c.ownerOfKey(KeyIds.of(other.certificate()))).isEmpty();
        }
    }

    @Test
    void aCertificateBelongsToTheFirstInstitutionThatClaimedIt() throws Exception {
        InstitutionCredentials shared = key();
        InstitutionCredentials own = key();
        List<Rec> log = List.of(
                claim("e1", institution("a", shared)),
                claim("e2", institution("b", shared)), // whole registration loses
                claim("e3", institution("c", own)),
                claim("e4", institution("c", own, shared))); // the shared key is not added to c
        for (List<Rec> seen : List.of(log, compacted(log))) {
            Catalog c = replay(seen);
            assertThat(c.institution("b")).isEmpty();
            assertThat(c.ownerOfKey(KeyIds.of(shared.certificate()))
                            .orElseThrow()
                            .id())
                    .isEqualTo("a");
            assertThat(c.institution("c").orElseThrow().keys()).containsOnlyKeys(KeyIds.of(own.certificate()));
        }
    }

    @Test
    void theFirstSchemaVersionClaimWins() {
        String v2a = SCHEMA.replace("\"V\"", "\"V\",\"doc\":\"a\"");
        String v2b = SCHEMA.replace("\"V\"", "\"V\",\"doc\":\"b\"");
        List<Rec> log = List.of(
                claim("e1", new CatalogChange.DatasetRegistered("ds", "hospital-a", "t", "", List.of(), SCHEMA)),
                claim("e2", new CatalogChange.SchemaVersionAdded("ds", 2, v2a)),
                claim("e3", new CatalogChange.SchemaVersionAdded("ds", 2, v2b)));
        for (List<Rec> seen : List.of(log, compacted(log))) {
            assertThat(replay(seen).claimedBy("schema:ds:2")).contains("e2");
            assertThat(replay(seen)
                            .dataset("ds")
                            .orElseThrow()
                            .version(2)
                            .orElseThrow()
                            .avro()
                            .getDoc())
                    .isEqualTo("a");
        }
    }
}
