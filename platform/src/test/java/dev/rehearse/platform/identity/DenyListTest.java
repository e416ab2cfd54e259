package dev.rehearse.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.contracts.AccessRevoked;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DenyListTest {
  private final DenyList denyList = new DenyList();

  @Test
  void aTokenFromTheSecondOfTheChangeIsRefusedAndTheNextTokenIsIssuedAfterIt() {
    Instant change = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(400);
    denyList.apply(revoked("u-1", null, change));

    assertThat(denyList.denies(token("u-1", "s-1", change.truncatedTo(ChronoUnit.SECONDS))))
        .isTrue();
    Instant next = denyList.firstValidIssue("u-1", change);
    assertThat(next).isEqualTo(change.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    assertThat(denyList.denies(token("u-1", "s-1", next))).isFalse();
    assertThat(denyList.firstValidIssue("u-2", change))
        .isEqualTo(change.truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void aSecondChangeInTheSameSecondEndsTheTokenIssuedBetweenTheTwo() {
    Instant now = Instant.now();
    denyList.apply(revoked("u-4", null, denyList.firstValidIssue("u-4", now)));
    Instant between = denyList.firstValidIssue("u-4", now);
    assertThat(denyList.denies(token("u-4", "s-4", between))).isFalse();

    denyList.apply(revoked("u-4", null, denyList.firstValidIssue("u-4", now)));
    assertThat(denyList.denies(token("u-4", "s-4", between))).isTrue();
    assertThat(denyList.firstValidIssue("u-4", now)).isEqualTo(between.plusSeconds(1));
  }

  @Test
  void aRevokedSessionRefusesItsTokensWhateverTheirTimeAndOnlyThose() {
    Instant now = Instant.now();
    denyList.apply(revoked("u-3", "s-3", null));

    assertThat(denyList.denies(token("u-3", "s-3", now.plusSeconds(60)))).isTrue();
    assertThat(denyList.denies(token("u-3", "s-4", now))).isFalse();
  }

  @Test
  void aRevocationWhoseTokensHaveAllExpiredIsIgnored() {
    Instant past = Instant.now().minusSeconds(3600);
    denyList.apply(
        new AccessRevoked(
            UUID.randomUUID(), 1, past, "u-5", "s-5", past, "old", past.plusSeconds(900)));

    assertThat(denyList.denies(token("u-5", "s-5", past))).isFalse();
  }

  private static AccessRevoked revoked(String subject, String session, Instant issuedBefore) {
    Instant now = Instant.now();
    return new AccessRevoked(
        UUID.randomUUID(), 1, now, subject, session, issuedBefore, "test", now.plusSeconds(900));
  }

  private static VerifiedToken token(String subject, String session, Instant issuedAt) {
    return new VerifiedToken(
        new Caller(subject, Role.COACH, "Test"),
        UUID.randomUUID().toString(),
        session,
        issuedAt,
        issuedAt.plusSeconds(900),
        null);
  }
}
