package dev.rehearse.assessment.repetition;

import dev.rehearse.platform.repetition.Rating;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The cards due by {@code until}, soonest first, with counts per kind; {@code vocabularyCarded}
 * lists the vocabulary items that have a card at all (the rest are new to the candidate), and
 * {@code newCardDays} the days each rating gives a card reviewed for the first time.
 */
@Serdeable
public record DueCards(
    Instant until,
    List<DueCard> cards,
    Map<CardKind, Integer> counts,
    List<String> vocabularyCarded,
    Map<Rating, Integer> newCardDays) {

  /**
   * One due card. {@code target} is what to open to practise it: the vocabulary or quiz item id,
   * the question id of a concept, the pronunciation term. {@code days}: what each rating would
   * schedule (0: again later today).
   */
  @Serdeable
  public record DueCard(
      CardKind kind,
      String itemRef,
      String label,
      String target,
      Card.State state,
      Instant due,
      int reps,
      int lapses,
      Map<Rating, Integer> days) {

    static DueCard of(Card c, Map<Rating, Integer> days) {
      String target =
          c.kind() == CardKind.CONCEPT
              ? c.itemRef().substring(0, Math.max(0, c.itemRef().lastIndexOf('/')))
              : c.itemRef();
      return new DueCard(
          c.kind(), c.itemRef(), c.label(), target, c.state(), c.due(), c.reps(), c.lapses(), days);
    }
  }
}
