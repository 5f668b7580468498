package io.dsx.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobTokensTest {

    static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    static final JobSettings SETTINGS =
            new JobSettings(Path.of("unused"), Duration.ofMinutes(15), Duration.ofDays(30), "urn:dsx:gateway");
    static final JobRecord JOB = new JobRecord(
            1,
            "0193a0d2-0000-7000-8000-00000000000a",
            1,
            "0193a0d2-0000-7000-8000-00000000000b",
            "ds",
            "u-1",
            "sha256:" + "0".repeat(64),
            "d",
            T0);

    static JobTokens tokens(Path dir, Instant now) throws Exception {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        JobTokenKeys keys = JobTokenKeys.openOrCreate(
                dir.resolve("k.p12"), "pw".toCharArray(), Duration.ofDays(30), clock, new SecureRandom());
        return new JobTokens(keys, SETTINGS, clock, new SecureRandom());
    }

    @Test
    void aFreshTokenVerifiesWithItsScope(@TempDir Path dir) throws Exception {
        JobTokens t = tokens(dir, T0);
        String token = t.issue(JOB, T0.plus(Duration.ofDays(1)));
        JobTokens.Verified v = t.verify(token);
        assertThat(v.failure()).isNull();
        assertThat(v.claims().job()).isEqualTo(JOB.id());
        assertThat(v.claims().grant()).isEqualTo(JOB.grantId());
        assertThat(v.claims().expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aTokenNeverOutlivesItsGrant(@TempDir Path dir) throws Exception {
        JobTokens t = tokens(dir, T0);
        assertThat(t.verify(t.issue(JOB, T0.plusSeconds(60))).claims().expiresAt())
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anExpiredTokenIsRefused(@TempDir Path dir) throws Exception {
        String token = tokens(dir, T0).issue(JOB, T0.plus(Duration.ofDays(1)));
        assertThat(tokens(dir, T0.plus(Duration.ofMinutes(15))).verify(token).failure())
                .isEqualTo(JobTokens.Failure.EXPIRED);
    }

    @Test
    void alteredClaimsOrHeaderAreRefused(@TempDir Path dir) throws Exception {
        JobTokens t = tokens(dir, T0);
        String[] parts = t.issue(JOB, T0.plus(Duration.ofDays(1))).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherGrant = claims.replace(JOB.grantId(), "0193a0d2-0000-7000-8000-00000000000c");
        assertThat(t.verify(parts[0] + "." + b64(otherGrant) + "." + parts[2]).failure())
                .isEqualTo(JobTokens.Failure.BAD_SIGNATURE);
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertThat(t.verify(none + "." + parts[1] + ".").failure()).isEqualTo(JobTokens.Failure.MALFORMED);
        assertThat(t.verify("a.b").failure()).isEqualTo(JobTokens.Failure.MALFORMED);
        assertThat(t.verify("x".repeat(5000)).failure()).isEqualTo(JobTokens.Failure.MALFORMED);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused(@TempDir Path a, @TempDir Path b) throws Exception {
        String token = tokens(a, T0).issue(JOB, T0.plus(Duration.ofDays(1)));
        assertThat(tokens(b, T0).verify(token).failure()).isEqualTo(JobTokens.Failure.UNKNOWN_KEY);
    }

    @Test
    void keysRotateAfterTheirPeriodAndTheOldOneStillVerifies(@TempDir Path dir) throws Exception {
        JobTokens first = tokens(dir, T0);
        String old = first.issue(JOB, T0.plus(Duration.ofDays(100)));
        Instant later = T0.plus(Duration.ofDays(31));
        JobTokens second = tokens(dir, later);
        assertThat(second.jwks().get("keys")).asList().hasSize(2);
        assertThat(second.verify(second.issue(JOB, later.plus(Duration.ofDays(1))))
                        .failure())
                .isNull();
        // the old token is expired by now, but its key is still known: the failure is expiry, not the key
        assertThat(second.verify(old).failure()).isEqualTo(JobTokens.Failure.EXPIRED);
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
