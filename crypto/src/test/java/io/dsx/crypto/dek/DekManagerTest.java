package io.dsx.crypto.dek;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.aead.AesGcmKey;
import io.dsx.crypto.kms.KeyManagementService;
import io.dsx.crypto.kms.Pkcs12KeyManagementService;
import io.dsx.crypto.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DekManagerTest {

    private static final String KEK = "gateway-kek";
    private static final byte[] RECORD = "salt-16-bytes---{\"subject\":\"p1\"}".getBytes(UTF_8);
    private static final byte[] AAD = "dataset|1|contribution|0".getBytes(UTF_8);

    @TempDir
    Path dir;

    private KeyManagementService kms;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));

    @BeforeEach
    void kms() throws Exception {
        kms = Pkcs12KeyManagementService.openOrCreate(dir.resolve("kms.p12"), "pw".toCharArray(), new SecureRandom());
        kms.createKek(KEK);
    }

    private DekManager manager(long maxRecords, Duration maxAge) {
        return new DekManager(kms, KEK, new DekPolicy(maxRecords, maxAge), clock, new SecureRandom());
    }

    @Test
    void firstLeaseCreatesADekAndHandsItOutWrappedOnly() throws Exception {
        DekManager m = manager(10, Duration.ofHours(1));
        DekLease lease = m.lease("ds-1", 2);
        WrappedDek w = lease.created().orElseThrow();
        assertThat(w.keyId()).isEqualTo(lease.keyId()).startsWith("dek-");
        assertThat(w.datasetId()).isEqualTo("ds-1");
        assertThat(w.createdAt()).isEqualTo(clock.instant());
        assertThat(lease.toString()).endsWith("key=***]");
        byte[] sealed = lease.key().seal(RECORD, AAD);
        assertThat(new String(sealed, UTF_8)).doesNotContain("subject");
        assertThat(m.key(lease.keyId()).orElseThrow().open(sealed, AAD)).isEqualTo(RECORD);
    }

    @Test
    void dekRotatesByRecordCountAndNeverSplitsALease() throws Exception {
        DekManager m = manager(10, Duration.ofDays(1));
        List<DekLease> leases = new ArrayList<>();
        for (int records : new int[] {4, 4, 4, 10, 1, 25, 1}) {
            leases.add(m.lease("ds-1", records));
        }
        assertThat(leases.stream().map(l -> l.created().isPresent()).toList())
                .containsExactly(true, false, true, true, true, true, true);
        assertThat(leases.get(1).keyId()).isEqualTo(leases.get(0).keyId());
        assertThat(leases.stream().map(DekLease::keyId).distinct().count()).isEqualTo(6);
    }

    @Test
    void dekRotatesOnceItReachesMaxAge() throws Exception {
        DekManager m = manager(1_000, Duration.ofMinutes(10));
        DekLease first = m.lease("ds-1", 1);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        DekLease stillSame = m.lease("ds-1", 1);
        clock.advance(Duration.ofSeconds(1));
        DekLease rotated = m.lease("ds-1", 1);
        assertThat(stillSame.keyId()).isEqualTo(first.keyId());
        assertThat(stillSame.created()).isEmpty();
        assertThat(rotated.keyId()).isNotEqualTo(first.keyId());
        assertThat(rotated.created().orElseThrow().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void datasetsHaveSeparateDeks() throws Exception {
        DekManager m = manager(100, Duration.ofDays(1));
        DekLease a = m.lease("ds-1", 1);
        DekLease b = m.lease("ds-2", 1);
        assertThat(a.keyId()).isNotEqualTo(b.keyId());
        assertThat(m.currentKeyId("ds-1")).contains(a.keyId());
        assertThat(m.currentKeyId("ds-3")).isEmpty();
    }

    @Test
    void afterARestartLoadedWrappedDeksOpenAndNewLeasesUseAFreshDek() throws Exception {
        DekManager before = manager(100, Duration.ofDays(1));
        DekLease lease = before.lease("ds-1", 1);
        byte[] sealed = lease.key().seal(RECORD, AAD);
        byte[] storedOnTopic = lease.created().orElseThrow().toBytes();

        DekManager after = manager(100, Duration.ofDays(1));
        assertThat(after.key(lease.keyId())).isEmpty();
        after.load(WrappedDek.fromBytes(storedOnTopic));
        assertThat(after.key(lease.keyId()).orElseThrow().open(sealed, AAD)).isEqualTo(RECORD);
        DekLease next = after.lease("ds-1", 1);
        assertThat(next.created()).isPresent();
        assertThat(next.keyId()).isNotEqualTo(lease.keyId());
    }

    @Test
    void wrongAadOrAlteredBytesFailToOpen() throws Exception {
        AesGcmKey key = manager(100, Duration.ofDays(1)).lease("ds-1", 1).key();
        byte[] sealed = new byte[AesGcmKey.sealedLength(RECORD.length) + 3];
        key.seal(RECORD, 0, RECORD.length, AAD, sealed, 3);
        assertThat(key.open(sealed, 3, sealed.length - 3, AAD)).isEqualTo(RECORD);
        assertFails(
                () -> key.open(sealed, 3, sealed.length - 3, "other".getBytes(UTF_8)),
                CryptoException.Reason.DECRYPTION_FAILED);
        byte[] altered = sealed.clone();
        altered[altered.length - 20] ^= 1;
        assertFails(() -> key.open(altered, 3, altered.length - 3, AAD), CryptoException.Reason.DECRYPTION_FAILED);
        assertFails(() -> key.open(sealed, 3, 20, AAD), CryptoException.Reason.MALFORMED);
    }

    @Test
    void policyRejectsNonsenseLimits() {
        assertThatThrownBy(() -> new DekPolicy(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DekPolicy(1L << 31, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DekPolicy(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertFails(ThrowingOp op, CryptoException.Reason reason) {
        assertThatThrownBy(op::run)
                .isInstanceOfSatisfying(
                        CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    interface ThrowingOp {
        void run() throws Exception;
    }
}
