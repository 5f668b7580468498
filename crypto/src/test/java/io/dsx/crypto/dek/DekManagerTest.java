package io.dsx.crypto.dek;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.kms.KeyManagementService;
import io.dsx.crypto.kms.Pkcs12KeyManagementService;
import io.dsx.crypto.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DekManagerTest {

    private static final String KEK = "gateway-kek";
    private static final byte[] RECORD = "salt-16-bytes---{\"subject\":\"p1\"}".getBytes(UTF_8);

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

    private static byte[] aad(long index) {
        return StoredRecordValue.aad("ds-1", 3, "0190c0de-0000-7000-8000-000000000001", index);
    }

    @Test
    void firstWriteCreatesADekAndHandsItOutWrappedOnly() throws Exception {
        DekManager m = manager(10, Duration.ofHours(1));
        EncryptedRecord r = m.encrypt("ds-1", RECORD, aad(0));
        assertThat(r.newDek()).isPresent();
        WrappedDek w = r.newDek().get();
        assertThat(w.keyId()).isEqualTo(r.keyId()).startsWith("dek-");
        assertThat(w.datasetId()).isEqualTo("ds-1");
        assertThat(w.createdAt()).isEqualTo(clock.instant());
        assertThat(StoredRecordValue.keyIdOf(r.value())).isEqualTo(r.keyId());
        assertThat(new String(r.value(), UTF_8)).doesNotContain("subject");
        assertThat(m.decrypt(r.value(), aad(0))).isEqualTo(RECORD);
    }

    @Test
    void dekRotatesAfterMaxRecords() throws Exception {
        DekManager m = manager(3, Duration.ofDays(1));
        List<EncryptedRecord> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            out.add(m.encrypt("ds-1", RECORD, aad(i)));
        }
        List<Boolean> rotated = out.stream().map(r -> r.newDek().isPresent()).toList();
        assertThat(rotated).containsExactly(true, false, false, true, false, false, true);
        Set<String> ids = new HashSet<>();
        out.forEach(r -> ids.add(r.keyId()));
        assertThat(ids).hasSize(3);
        for (int i = 0; i < out.size(); i++) {
            assertThat(m.decrypt(out.get(i).value(), aad(i))).isEqualTo(RECORD);
        }
    }

    @Test
    void aWholeContributionSealedAtOnceRotatesAtTheSameCountsAsOneByOne() throws Exception {
        DekManager m = manager(3, Duration.ofDays(1));
        m.encrypt("ds-1", RECORD, aad(99)); // one use of the first DEK already spent
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> aads = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            plaintexts.add(RECORD);
            aads.add(aad(i));
        }
        List<EncryptedRecord> out = m.encryptAll("ds-1", plaintexts, aads);
        assertThat(out.stream().map(r -> r.newDek().isPresent()).toList())
                .containsExactly(false, false, true, false, false, true, false);
        assertThat(out.stream().map(EncryptedRecord::keyId).distinct().count()).isEqualTo(3);
        for (int i = 0; i < out.size(); i++) {
            assertThat(m.decrypt(out.get(i).value(), aad(i))).isEqualTo(RECORD);
        }
        assertThatThrownBy(() -> m.decrypt(out.get(0).value(), aad(1))).isInstanceOf(CryptoException.class);
    }

    @Test
    void dekRotatesOnceItReachesMaxAge() throws Exception {
        DekManager m = manager(1_000, Duration.ofMinutes(10));
        EncryptedRecord first = m.encrypt("ds-1", RECORD, aad(0));
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        EncryptedRecord stillSame = m.encrypt("ds-1", RECORD, aad(1));
        clock.advance(Duration.ofSeconds(1));
        EncryptedRecord rotated = m.encrypt("ds-1", RECORD, aad(2));
        assertThat(stillSame.keyId()).isEqualTo(first.keyId());
        assertThat(stillSame.newDek()).isEmpty();
        assertThat(rotated.keyId()).isNotEqualTo(first.keyId());
        assertThat(rotated.newDek().orElseThrow().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void datasetsHaveSeparateDeks() throws Exception {
        DekManager m = manager(100, Duration.ofDays(1));
        EncryptedRecord a = m.encrypt("ds-1", RECORD, aad(0));
        EncryptedRecord b = m.encrypt("ds-2", RECORD, aad(0));
        assertThat(a.keyId()).isNotEqualTo(b.keyId());
        assertThat(m.currentKeyId("ds-1")).contains(a.keyId());
        assertThat(m.currentKeyId("ds-3")).isEmpty();
    }

    @Test
    void afterARestartLoadedWrappedDeksDecryptAndNewWritesUseAFreshDek() throws Exception {
        DekManager before = manager(100, Duration.ofDays(1));
        EncryptedRecord r = before.encrypt("ds-1", RECORD, aad(0));
        byte[] storedOnTopic = r.newDek().orElseThrow().toBytes();

        DekManager after = manager(100, Duration.ofDays(1));
        assertFails(() -> after.decrypt(r.value(), aad(0)), CryptoException.Reason.UNKNOWN_KEY);
        after.load(WrappedDek.fromBytes(storedOnTopic));
        assertThat(after.decrypt(r.value(), aad(0))).isEqualTo(RECORD);
        EncryptedRecord next = after.encrypt("ds-1", RECORD, aad(1));
        assertThat(next.newDek()).isPresent();
        assertThat(next.keyId()).isNotEqualTo(r.keyId());
    }

    @Test
    void wrongAadOrAlteredValueFailsToDecrypt() throws Exception {
        DekManager m = manager(100, Duration.ofDays(1));
        byte[] value = m.encrypt("ds-1", RECORD, aad(5)).value();
        assertFails(() -> m.decrypt(value, aad(6)), CryptoException.Reason.DECRYPTION_FAILED);
        byte[] altered = value.clone();
        altered[altered.length - 20] ^= 1;
        assertFails(() -> m.decrypt(altered, aad(5)), CryptoException.Reason.DECRYPTION_FAILED);
        byte[] badVersion = value.clone();
        badVersion[0] = 0x02;
        assertFails(() -> m.decrypt(badVersion, aad(5)), CryptoException.Reason.MALFORMED);
        assertFails(() -> m.decrypt(new byte[] {1, 5, 'a'}, aad(5)), CryptoException.Reason.MALFORMED);
    }

    @Test
    void policyRejectsNonsenseLimits() {
        assertThatThrownBy(() -> new DekPolicy(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DekPolicy(1L << 31, Duration.ofHours(1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DekPolicy(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertFails(ThrowingOp op, CryptoException.Reason reason) {
        assertThatThrownBy(op::run).isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
    }

    interface ThrowingOp {
        void run() throws Exception;
    }
}
