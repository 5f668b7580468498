package io.dsx.policy.builtins.semver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SemVerTest {

    @Test
    void ordersBySemVerPrecedence() {
        assertThat(SemVer.parse("1.0.0").compareTo(SemVer.parse("2.0.0"))).isEqualTo(-1);
        assertThat(SemVer.parse("1.0.0-alpha").compareTo(SemVer.parse("1.0.0"))).isEqualTo(-1);
        assertThat(SemVer.parse("1.0.0-alpha.2").compareTo(SemVer.parse("1.0.0-alpha.10")))
                .isEqualTo(-1);
        assertThat(SemVer.parse("1.0.0-1").compareTo(SemVer.parse("1.0.0-a"))).isEqualTo(-1);
        assertThat(SemVer.parse("1.0.0+build").compareTo(SemVer.parse("1.0.0"))).isZero();
    }

    @Test
    void rejectsIncompleteOrZeroPaddedVersions() {
        assertThat(SemVer.parse("1")).isNull();
        assertThat(SemVer.parse("01.0.0")).isNull();
        assertThat(SemVer.parse("vv1.0.0")).isNull();
    }

    /** OPA's builtin reference: {@code semver.is_valid("v1.1.12-rc1+foo")} is true. */
    @Test
    void acceptsOneLeadingVAsOpasDocumentedExampleDoes() {
        assertThat(SemVer.parse("v1.1.12-rc1+foo")).isNotNull();
        assertThat(SemVer.parse("v1.1.12-rc1+foo").compareTo(SemVer.parse("1.1.12-rc1")))
                .isZero();
    }
}
