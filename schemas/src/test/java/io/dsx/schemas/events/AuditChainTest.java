package io.dsx.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static List<byte[]> chain(int n) {
    AuditChain.Appender appender = AuditChain.Appender.start();
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(appender.append(AuditEvents.read(i)));
    }
    return out;
  }

  private static Optional<String> firstProblem(List<byte[]> events) {
    AuditChain.Verifier v = new AuditChain.Verifier();
    for (byte[] e : events) {
      Optional<String> problem = v.accept(e);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  @Test
  void verifiesAnUnbrokenChain() {
    AuditChain.Verifier v = new AuditChain.Verifier();
    for (byte[] e : chain(4)) {
      assertThat(v.accept(e)).isEmpty();
    }
    assertThat(v.verified()).isEqualTo(4);
  }

  @Test
  void detectsAnAlteredEventAtTheNextLink() {
    List<byte[]> events = chain(3);
    byte[] altered = events.get(1).clone();
    altered[altered.length - 3] ^= 1;
    events.set(1, altered);
    assertThat(firstProblem(events)).contains("event 2: prev is not the hash of event 1 (an event was altered)");
  }

  @Test
  void detectsADroppedOrReorderedEvent() {
    List<byte[]> events = chain(3);
    assertThat(firstProblem(List.of(events.get(0), events.get(2))))
        .contains("expected seq 1, found 2 (an event was dropped or reordered)");
    assertThat(firstProblem(List.of(events.get(1), events.get(0))))
        .contains("expected seq 0, found 1 (an event was dropped or reordered)");
  }

  @Test
  void reportsBytesThatAreNotAnAuditEvent() {
    List<byte[]> events = chain(1);
    events.add(new byte[] {0x02, 0x02});
    assertThat(firstProblem(events)).hasValueSatisfying(
        p -> assertThat(p).startsWith("the event expected at seq 1 is not a valid audit event: AuditEvent: truncated"));
  }

  @Test
  void resumesAfterTheLastEventWithTheSameLinkAsAnUninterruptedAppender() throws Exception {
    List<byte[]> straight = chain(3);
    AuditChain.Appender resumed = AuditChain.Appender.resumeAfter(straight.get(1));
    assertThat(resumed.append(AuditEvents.read(2))).isEqualTo(straight.get(2));
  }
}
