package dev.rehearse.assessment.repetition;

import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.platform.repetition.Fsrs;
import dev.rehearse.platform.repetition.Rating;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each candidate's spaced-repetition cards: enrolled when something is missed, listed when due,
 * rescheduled by FSRS when reviewed. Time comes from the {@link Clock} bean, so tests can move
 * days.
 */
@Singleton
public class Repetition {
  static final int LABEL_MAX = 500;
  private final CardRepository cards;
  private final CatalogRepository catalog;
  private final Clock clock;

  public Repetition(CardRepository cards, CatalogRepository catalog, Clock clock) {
    this.cards = cards;
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * Schedules {@code itemRef} for the candidate now, once: enrolling again changes nothing else.
   */
  @Transactional
  public void enrol(String candidateId, CardKind kind, String itemRef, String label) {
    String shown = label.length() > LABEL_MAX ? label.substring(0, LABEL_MAX - 1) + "…" : label;
    cards.enrol(UUID.randomUUID(), candidateId, kind.name(), itemRef, shown, clock.instant());
  }

  /**
   * Grades a due card GOOD when it was passed elsewhere (a pronunciation drill heard right). A card
   * not yet due is left alone: reviewing it early would stretch its interval for no recall.
   */
  @Transactional
  public void passed(String candidateId, CardKind kind, String itemRef) {
    Instant now = clock.instant();
    cards
        .findForReview(candidateId, kind.name(), itemRef)
        .filter(card -> !card.due().isAfter(now))
        .ifPresent(
            card ->
                cards.update(
                    card.reviewed(Rating.GOOD, Fsrs.review(card.memory(), Rating.GOOD, now))));
  }

  /** Cards due by {@code until} (default: the end of today, UTC), soonest first. */
  @Transactional
  public DueCards due(String candidateId, Instant until) {
    Instant now = clock.instant();
    Instant by = until != null ? until : endOfDay(now);
    List<DueCards.DueCard> due =
        cards.findByCandidateIdAndDueLessThanEqualsOrderByDue(candidateId, by).stream()
            .map(c -> DueCards.DueCard.of(c, intervals(c.memory(), now)))
            .toList();
    Map<CardKind, Integer> counts = new EnumMap<>(CardKind.class);
    for (CardKind k : CardKind.values()) {
      counts.put(k, (int) due.stream().filter(c -> c.kind() == k).count());
    }
    List<String> carded =
        cards.findByCandidateIdAndKind(candidateId, CardKind.VOCABULARY).stream()
            .map(Card::itemRef)
            .toList();
    return new DueCards(by, due, counts, carded, intervals(null, now));
  }

  /**
   * Grades a card and schedules it. A vocabulary card is created by its first grade
   * (question-service owns vocabulary; an id this service knows as another kind of item is
   * refused); other kinds exist only once something was missed.
   */
  @Transactional
  public ReviewResult review(String candidateId, ReviewRequest request) {
    Instant now = clock.instant();
    String kind = request.kind().name();
    Card card =
        cards
            .findForReview(candidateId, kind, request.itemRef())
            .orElseGet(() -> newVocabularyCard(candidateId, request));
    Fsrs.Outcome o = Fsrs.review(card.memory(), request.rating(), now);
    Card after = cards.update(card.reviewed(request.rating(), o));
    return new ReviewResult(
        after.kind(),
        after.itemRef(),
        request.rating(),
        after.state(),
        o.days(),
        after.due(),
        after.reps(),
        after.lapses());
  }

  private Card newVocabularyCard(String candidateId, ReviewRequest request) {
    if (request.kind() != CardKind.VOCABULARY) {
      throw ProblemException.notFound(
          "itemRef", "no " + request.kind() + " card " + request.itemRef() + " to review");
    }
    if (catalog.existsById(request.itemRef())) {
      throw ProblemException.badRequest("itemRef", request.itemRef() + " is not a vocabulary item");
    }
    if (request.label() == null || request.label().isBlank()) {
      throw ProblemException.badRequest(
          "label", "give the term: the first grade of a vocabulary card creates it");
    }
    enrol(candidateId, CardKind.VOCABULARY, request.itemRef(), request.label().strip());
    return cards.findForReview(candidateId, request.kind().name(), request.itemRef()).orElseThrow();
  }

  private static Map<Rating, Integer> intervals(Fsrs.Memory memory, Instant now) {
    int[] days = Fsrs.preview(memory, now);
    Map<Rating, Integer> out = new EnumMap<>(Rating.class);
    for (Rating r : Rating.values()) {
      out.put(r, days[r.ordinal()]);
    }
    return out;
  }

  private static Instant endOfDay(Instant now) {
    return now.atZone(ZoneOffset.UTC)
        .toLocalDate()
        .plusDays(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .minusNanos(1000);
  }
}
