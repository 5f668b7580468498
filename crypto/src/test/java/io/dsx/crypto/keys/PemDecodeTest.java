package io.dsx.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Pem#decode}: the blocks Go's {@code encoding/pem.Decode} finds, on hand-written vectors. */
class PemDecodeTest {

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void firstBlockItsLabelBytesAndTheRestAfterItsEndLine() {
        Pem.Block b = Pem.decode("lead\n-----BEGIN THING-----\naGVs\nbG8=\n-----END THING-----  \r\nnext")
                .orElseThrow();
        assertThat(b.label()).isEqualTo("THING");
        assertThat(text(b.der())).isEqualTo("hello");
        assertThat(b.rest()).isEqualTo("next");
        assertThat(b.toString()).contains("***").doesNotContain("hello");
    }

    @Test
    void headersAreSkippedAndCrLfBodiesRead() {
        Pem.Block b = Pem.decode("-----BEGIN X-----\r\nProc-Type: 4,ENCRYPTED\r\n\nYWI=\r\n-----END X-----\r\n")
                .orElseThrow();
        assertThat(text(b.der())).isEqualTo("ab");
        assertThat(b.rest()).isEmpty();
    }

    @Test
    void anEmptyBodyIsABlockOfNoBytes() {
        Pem.Block b = Pem.decode("-----BEGIN E-----\n-----END E-----\n").orElseThrow();
        assertThat(b.der()).isEmpty();
    }

    @Test
    void beginNotAtALineStartUnpaddedOrCorruptBase64AndAMissingEndAreNoBlock() {
        assertThat(Pem.decode("x-----BEGIN A-----\nYWI=\n-----END A-----\n")).isEmpty();
        assertThat(Pem.decode("-----BEGIN A-----\nYWI\n-----END A-----\n")).isEmpty();
        assertThat(Pem.decode("-----BEGIN A-----\nYW*=\n-----END A-----\n")).isEmpty();
        assertThat(Pem.decode("-----BEGIN A-----\nYQ==YQ==\n-----END A-----\n")).isEmpty();
        assertThat(Pem.decode("-----BEGIN A-----\nYWI=\n-----END B-----\n")).isEmpty();
        assertThat(Pem.decode("no pem at all")).isEmpty();
    }

    @Test
    void aMalformedBlockIsSkippedAndTheNextOneFound() {
        List<Pem.Block> all =
                Pem.decodeAll("-----BEGIN A-----\nYW\n-----END A-----\n-----BEGIN B-----\nYg==\n-----END B-----\n"
                        + "-----BEGIN C-----\nYw==\n-----END C-----\n");
        assertThat(all).extracting(Pem.Block::label).containsExactly("B", "C");
        assertThat(text(all.get(1).der())).isEqualTo("c");
    }
}
