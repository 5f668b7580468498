package io.dsx.policy.builtins.strings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoFmtTest {

    @Test
    void formatsIntegersWithWidthsFlagsAndBases() {
        assertThat(GoFmt.sprintf("hi %02X.%02X", List.of(127L, 1L))).isEqualTo("hi 7F.01");
        assertThat(GoFmt.sprintf("%05d|%-4d|%+d|%x|%o|%b", List.of(-42L, 7L, 3L, 255L, 8L, 5L)))
                .isEqualTo("-0042|7   |+3|ff|10|101");
        assertThat(GoFmt.sprintf("%s", List.of(new BigInteger("123456789123456789123"))))
                .isEqualTo("123456789123456789123");
    }

    @Test
    void formatsFloatsAsGoDoes() {
        assertThat(GoFmt.sprintf("%.2f %v %v %v", List.of(3.1415, 3.14, 1e6, 0.00001)))
                .isEqualTo("3.14 3.14 1e+06 1e-05");
        assertThat(GoFmt.sprintf("%e %g %.3g", List.of(1234.5678, 123456.0, 3.14159)))
                .isEqualTo("1.234568e+03 123456 3.14");
    }

    @Test
    void printsGoDiagnosticsForWrongVerbsAndArgumentCounts() {
        assertThat(GoFmt.sprintf("%d", List.of("x"))).isEqualTo("%!d(string=x)");
        assertThat(GoFmt.sprintf("%f", List.of(1L))).isEqualTo("%!f(int=1)");
        assertThat(GoFmt.sprintf("%s %s", List.of("a"))).isEqualTo("a %!s(MISSING)");
        assertThat(GoFmt.sprintf("%s", List.of("a", 2L))).isEqualTo("a%!(EXTRA int=2)");
    }

    @Test
    void quotesAndPadsStrings() {
        assertThat(GoFmt.sprintf("%q|%5s|%-5s|%.2s|%x", List.of("a\"b\n", "ab", "ab", "abc", "hi")))
                .isEqualTo("\"a\\\"b\\n\"|   ab|ab   |ab|6869");
    }

    @Test
    void printsGoTypeNamesAndZeroPadsNumbersForV() {
        assertThat(GoFmt.sprintf("%T %T %T %T", List.of(1L, 1.5, "s", new BigInteger("99999999999999999999"))))
                .isEqualTo("int float64 string *big.Int");
        assertThat(GoFmt.sprintf("%05v|%06.2f|%-5d|", List.of(-42L, 3.14159, 7L)))
                .isEqualTo("-0042|003.14|7    |");
    }

    @Test
    void rejectsWidthsAndPrecisionsAboveAMillionAsGoDoes() {
        assertThat(GoFmt.sprintf("%9999999d|%.99999999f", List.of(1L, 1.5)))
                .isEqualTo("%!(BADWIDTH)1|%!(BADPREC)1.500000");
    }
}
