package io.dsx.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every change to a valid envelope's bytes must come back as a refusal with a reason: never an
 * exception (the gateway would answer 500) and never an accepted contribution.
 */
class EnvelopeMutationTest {
    private final EnvelopeFixture fx = new EnvelopeFixture();

    @Test
    void everyMutatedEnvelopeIsRefusedWithAReasonAndNothingThrows() {
        byte[] body = fx.build(3).toBytes();
        Random random = new Random(20260102L);
        Map<EnvelopeFailure, Integer> seen = new EnumMap<>(EnvelopeFailure.class);
        int mutations = 0;
        for (int i = 0; i < 800; i++) {
            byte[] mutated = mutate(body, random);
            if (Arrays.equals(mutated, body)) {
                continue;
            }
            mutations++;
            EnvelopeResult<OpenedContribution> result = parseVerifyOpen(mutated);
            assertThat(result.isOk()).as("mutation %d was accepted", i).isFalse();
            seen.merge(result.failure(), 1, Integer::sum);
        }
        assertThat(mutations).isGreaterThan(750);
        assertThat(seen).containsKeys(EnvelopeFailure.MALFORMED, EnvelopeFailure.BAD_SIGNATURE);
    }

    private EnvelopeResult<OpenedContribution> parseVerifyOpen(byte[] body) {
        return ContributionEnvelope.parse(body, EnvelopeLimits.DEFAULT)
                .then(env -> ContributionOpener.verify(env, fx.institution.publicKey()))
                .then(v -> ContributionOpener.open(v, fx.decryptor(), fx.schema, EnvelopeLimits.DEFAULT));
    }

    private static byte[] mutate(byte[] body, Random random) {
        int at = random.nextInt(body.length);
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] out = body.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            case 1 -> Arrays.copyOf(body, at);
            case 2 -> {
                byte[] out = new byte[body.length + 1];
                System.arraycopy(body, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(body, at, out, at + 1, body.length - at);
                yield out;
            }
            default -> {
                byte[] out = new byte[body.length - 1];
                System.arraycopy(body, 0, out, 0, at);
                System.arraycopy(body, at + 1, out, at, body.length - at - 1);
                yield out;
            }
        };
    }
}
