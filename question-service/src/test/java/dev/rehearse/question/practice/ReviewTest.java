package dev.rehearse.question.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.platform.repetition.Rating;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void strongAnswersOnTimeComeBackLaterEachTime() {
    Review first = Review.next(null, 80, T0);
    Review second = Review.next(first, 80, first.dueAt());
    Review third = Review.next(second, 80, second.dueAt());

    assertThat(first.intervalDays()).isEqualTo(3); // FSRS's first GOOD: w2 = 3.173 days
    assertThat(first.dueAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(second.intervalDays()).isGreaterThan(first.intervalDays());
    assertThat(third.intervalDays()).isGreaterThan(second.intervalDays());
    assertThat(third.reviews()).isEqualTo(3);
    assertThat(third.lastScore()).isEqualTo(80);
  }

  @Test
  void aWeakAnswerBringsALearntItemBackTheSameDayAndLessStable() {
    Review learnt = Review.next(Review.next(null, 100, T0), 100, T0.plus(Duration.ofDays(16)));
    Instant later = learnt.dueAt();
    Review failed = Review.next(learnt, 10, later);

    assertThat(failed.intervalDays()).isZero();
    assertThat(failed.dueBy(later.plus(Duration.ofHours(1)))).isTrue();
    assertThat(failed.stability()).isLessThan(learnt.stability());
    assertThat(failed.difficulty()).isGreaterThan(learnt.difficulty());
  }

  @Test
  void aBetterAnswerEarnsALongerInterval() {
    Review base = Review.next(null, 70, T0);
    Instant due = base.dueAt();
    int developing = Review.next(base, 40, due).intervalDays();
    int strong = Review.next(base, 70, due).intervalDays();
    int excellent = Review.next(base, 95, due).intervalDays();
    assertThat(developing).isLessThan(strong);
    assertThat(strong).isLessThan(excellent);
  }

  @Test
  void theScoreBandIsTheRating() {
    assertThat(Review.rating(0)).isEqualTo(Rating.AGAIN);
    assertThat(Review.rating(19)).isEqualTo(Rating.AGAIN);
    assertThat(Review.rating(20)).isEqualTo(Rating.HARD);
    assertThat(Review.rating(59)).isEqualTo(Rating.HARD);
    assertThat(Review.rating(60)).isEqualTo(Rating.GOOD);
    assertThat(Review.rating(89)).isEqualTo(Rating.GOOD);
    assertThat(Review.rating(90)).isEqualTo(Rating.EASY);
  }
}
