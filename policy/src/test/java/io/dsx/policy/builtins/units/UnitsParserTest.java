package io.dsx.policy.builtins.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class UnitsParserTest {

    @Test
    void parseKeepsMilliApartFromMega() {
        assertThat(UnitsParser.parse("500m")).isEqualByComparingTo("0.5");
        assertThat(UnitsParser.parse("200M")).isEqualByComparingTo("200000000");
        assertThat(UnitsParser.parse("\"100TI\"")).isEqualByComparingTo("109951162777600");
    }

    @Test
    void parseKeepsFractionsOfBinaryUnits() {
        assertThat(UnitsParser.parse("1.1Ki")).isEqualByComparingTo("1126.4");
        assertThat(UnitsParser.parse(".0")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(UnitsParser.parse("0.0000005M")).isEqualByComparingTo("0.5");
    }

    @Test
    void parseBytesTruncatesToWholeBytes() {
        assertThat(UnitsParser.parseBytes("1.1KiB")).isEqualTo(BigInteger.valueOf(1126));
        assertThat(UnitsParser.parseBytes("10ei")).isEqualTo(new BigInteger("11529215046068469760"));
        assertThat(UnitsParser.parseBytes("1e-2KB")).isEqualTo(BigInteger.TEN);
        assertThat(UnitsParser.parseBytes("3.2E2MiB")).isEqualTo(BigInteger.valueOf(335544320));
    }

    @Test
    void parseBytesReadsTrailingExponentLetterAsExaUnit() {
        assertThat(UnitsParser.parseBytes("5E")).isEqualTo(new BigInteger("5000000000000000000"));
    }

    @Test
    void rejectsMalformedAmountsWithGoTexts() {
        assertThatThrownBy(() -> UnitsParser.parseBytes("GB")).hasMessage("no byte amount provided");
        assertThatThrownBy(() -> UnitsParser.parseBytes(".5.2")).hasMessage("could not parse byte amount to a number");
        assertThatThrownBy(() -> UnitsParser.parseBytes("100 kb")).hasMessage("spaces not allowed in resource strings");
        assertThatThrownBy(() -> UnitsParser.parseBytes("10e10000000EiB")).hasMessage("exponent too large");
        assertThatThrownBy(() -> UnitsParser.parseBytes("10xb")).hasMessage("byte unit xb not recognized");
        assertThatThrownBy(() -> UnitsParser.parse("10Qi")).hasMessage("unit Qi not recognized");
    }

    @Test
    void handlesSixDigitExponentsAsGoFloatsDo() {
        BigInteger huge = UnitsParser.parseBytes("1e999999EiB");
        assertThat(huge.bitLength()).isEqualTo(3321985);
        assertThat(huge.getLowestSetBit()).isGreaterThanOrEqualTo(huge.bitLength() - 64);
        assertThat(UnitsParser.parseBytes("1e-999999")).isZero();
        assertThat(UnitsParser.parse("1e-999999m")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(UnitsParser.parse("1e999999")).isEqualByComparingTo(new BigDecimal("1e999999"));
    }

    @Test
    void parseBytesRoundsTo64BitMantissaBeforeTruncating() {
        // 0.1 is not exact in binary; its 64-bit mantissa rounds up, so 0.1 kB stays 100 bytes, not 99.
        assertThat(UnitsParser.parseBytes("0.1kb")).isEqualTo(BigInteger.valueOf(100));
        assertThat(UnitsParser.parseBytes("-2KiB")).isEqualTo(BigInteger.valueOf(-2048));
    }
}
