package dev.rehearse.assessment.repetition;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock standing still at noon UTC until a test moves it, in the tests that ask for it. */
@Singleton
@Replaces(Clock.class)
@Requires(property = MovingClock.ENABLED, value = "true")
public class MovingClock extends Clock {
  static final String ENABLED = "rehearse.test.moving-clock";
  private volatile Instant now = Instant.parse("2030-01-07T12:00:00Z");

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
