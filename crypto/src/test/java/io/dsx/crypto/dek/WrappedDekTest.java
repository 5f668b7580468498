package io.dsx.crypto.dek;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.kms.WrappedKey;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WrappedDekTest {

    private final WrappedDek dek = new WrappedDek(
            "dek-01", "ds-1", Instant.ofEpochMilli(1_700_000_000_123L), new WrappedKey("kek", new byte[] {1, 2, 3}));

    /** Byte layout frozen by hand so a format change is a deliberate act (STYLE habit 6). */
    @Test
    void encodesToTheDocumentedLayout() {
        assertThat(Hex.encode(dek.toBytes()))
                .isEqualTo("01" + "0006" + Hex.encode("dek-01".getBytes())
                        + "0004" + Hex.encode("ds-1".getBytes()) + "0000018bcfe5687b" + "0003"
                        + Hex.encode("kek".getBytes())
                        + "00000003" + "010203");
    }

    @Test
    void roundTripsAndRejectsTruncationTrailingBytesAndOtherVersions() throws Exception {
        byte[] bytes = dek.toBytes();
        WrappedDek back = WrappedDek.fromBytes(bytes);
        assertThat(back).isEqualTo(dek);
        DekManagerTest.assertFails(
                () -> WrappedDek.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)), CryptoException.Reason.MALFORMED);
        DekManagerTest.assertFails(
                () -> WrappedDek.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)), CryptoException.Reason.MALFORMED);
        byte[] v2 = bytes.clone();
        v2[0] = 2;
        DekManagerTest.assertFails(() -> WrappedDek.fromBytes(v2), CryptoException.Reason.MALFORMED);
        DekManagerTest.assertFails(() -> WrappedDek.fromBytes(new byte[0]), CryptoException.Reason.MALFORMED);
    }
}
