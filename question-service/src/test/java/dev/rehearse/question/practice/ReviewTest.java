package dev.rehearse.question.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void recalledItemsComeBackAfterOneThenSixDaysThenGrowByTheEaseFactor() {
    Review first = Review.next(null, 80, T0);
    Review second = Review.next(first, 80, T0.plus(Duration.ofDays(1)));
    Review third = Review.next(second, 80, T0.plus(Duration.ofDays(7)));

    assertThat(first.intervalDays()).isEqualTo(1);
    assertThat(first.dueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(second.intervalDays()).isEqualTo(6);
    assertThat(third.intervalDays()).isEqualTo((int) Math.round(6 * second.easeFactor()));
    assertThat(third.reviews()).isEqualTo(3);
    assertThat(first.easeFactor()).isEqualTo(2.5); // quality 4 leaves the ease where it was
  }

  @Test
  void aFailedItemStartsOverTomorrowAndGetsHarder() {
    Review learned = Review.next(Review.next(null, 100, T0), 100, T0.plus(Duration.ofDays(1)));
    Review failed = Review.next(learned, 30, T0.plus(Duration.ofDays(7)));

    assertThat(failed.repetitions()).isZero();
    assertThat(failed.intervalDays()).isEqualTo(1);
    assertThat(failed.easeFactor()).isLessThan(learned.easeFactor());
  }

  @Test
  void easeNeverDropsBelowTheSm2Floor() {
    Review r = null;
    for (int i = 0; i < 20; i++) {
      r = Review.next(r, 0, T0.plus(Duration.ofDays(i)));
    }
    assertThat(r.easeFactor()).isEqualTo(1.3);
  }

  @Test
  void scoresMapOntoSm2Quality() {
    assertThat(Review.quality(0)).isZero();
    assertThat(Review.quality(59)).isEqualTo(2);
    assertThat(Review.quality(60)).isEqualTo(3);
    assertThat(Review.quality(100)).isEqualTo(5);
  }
}
