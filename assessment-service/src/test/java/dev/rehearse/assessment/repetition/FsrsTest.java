package dev.rehearse.assessment.repetition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearse.assessment.repetition.Fsrs.Memory;
import dev.rehearse.assessment.repetition.Fsrs.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsrsTest {
  static final Instant DAY0 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void aFirstRatingSetsTheStabilityToItsDefaultWeight() {
    assertThat(Fsrs.review(null, Rating.AGAIN, DAY0).memory().stability()).isEqualTo(0.40255);
    assertThat(Fsrs.review(null, Rating.HARD, DAY0).memory().stability()).isEqualTo(1.18385);
    assertThat(Fsrs.review(null, Rating.GOOD, DAY0).memory().stability()).isEqualTo(3.173);
    assertThat(Fsrs.review(null, Rating.EASY, DAY0).memory().stability()).isEqualTo(15.69105);
    // D0(G) = w4 - e^(w5 (G - 1)) + 1: 7.1949 - e^1.069 + 1 for GOOD, worked out by hand
    assertThat(Fsrs.review(null, Rating.GOOD, DAY0).memory().difficulty())
        .isCloseTo(5.2824, within(1e-4));
    assertThat(Fsrs.preview(null, DAY0)).containsExactly(0, 1, 3, 16);
  }

  @Test
  void theIntervalEqualsTheStabilityAtNinetyPercentRetention() {
    assertThat(Fsrs.retrievability(3.173, 3.173)).isCloseTo(0.9, within(1e-12));
    assertThat(Fsrs.interval(new Memory(10.4, 5, DAY0))).isEqualTo(10);
  }

  @Test
  void intervalsGrowWithEachGoodReviewOnTime() {
    Outcome o = Fsrs.review(null, Rating.GOOD, DAY0);
    List<Integer> days = new ArrayList<>(List.of(o.days()));
    for (int i = 0; i < 5; i++) {
      o = Fsrs.review(o.memory(), Rating.GOOD, o.due());
      days.add(o.days());
    }
    // the second: S' = 3.173 (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1)) = 10.74, by hand
    assertThat(days.subList(0, 2)).containsExactly(3, 11);
    assertThat(days).isSorted().doesNotHaveDuplicates();
    assertThat(days.get(5)).isLessThanOrEqualTo(Fsrs.MAX_DAYS);
  }

  @Test
  void easyOutlastsGoodWhichOutlastsHardFromTheSameState() {
    Outcome good = Fsrs.review(null, Rating.GOOD, DAY0);
    Instant later = good.due();
    int hard = Fsrs.review(good.memory(), Rating.HARD, later).days();
    int again = Fsrs.review(good.memory(), Rating.GOOD, later).days();
    int easy = Fsrs.review(good.memory(), Rating.EASY, later).days();
    assertThat(hard).isLessThan(again);
    assertThat(again).isLessThan(easy);
    assertThat(Fsrs.preview(good.memory(), later)).containsExactly(0, hard, again, easy);
  }

  @Test
  void againCountsALapseAndShrinksTheNextInterval() {
    Outcome o = Fsrs.review(null, Rating.GOOD, DAY0);
    o = Fsrs.review(o.memory(), Rating.GOOD, o.due());
    o = Fsrs.review(o.memory(), Rating.GOOD, o.due());
    double before = o.memory().stability();
    int goodDays = Fsrs.review(o.memory(), Rating.GOOD, o.due()).days();

    Outcome lapse = Fsrs.review(o.memory(), Rating.AGAIN, o.due());
    assertThat(lapse.lapse()).isTrue();
    assertThat(lapse.days()).isZero();
    assertThat(lapse.due()).isEqualTo(o.due().plus(Fsrs.RELEARN));
    assertThat(lapse.memory().stability()).isLessThan(before);
    assertThat(lapse.memory().difficulty()).isGreaterThan(o.memory().difficulty());
    Outcome relearnt =
        Fsrs.review(lapse.memory(), Rating.GOOD, lapse.due().plus(Duration.ofDays(1)));
    assertThat(relearnt.days()).isLessThan(goodDays);
    assertThat(Fsrs.review(null, Rating.AGAIN, DAY0).lapse()).isFalse();
  }

  @Test
  void aSecondReviewOnTheSameDayUsesTheShortTermFormula() {
    Outcome again = Fsrs.review(null, Rating.AGAIN, DAY0);
    Outcome good = Fsrs.review(again.memory(), Rating.GOOD, again.due());
    // S' = S e^(w17 (G - 3 + w18))
    assertThat(good.memory().stability())
        .isCloseTo(0.40255 * Math.exp(0.51655 * 0.6621), within(1e-9));
    // 0.57 days rounds to 1 for GOOD, which then stays a day beyond HARD (also 1)
    assertThat(good.days()).isEqualTo(2);
  }
}
