package dev.rehearse.assessment.repetition;

import dev.rehearse.platform.repetition.Fsrs;
import dev.rehearse.platform.repetition.Rating;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One thing a candidate is scheduled to recall, with its FSRS memory state. */
@MappedEntity("repetition_card")
public record Card(
    @Id UUID id,
    String candidateId,
    CardKind kind,
    String itemRef,
    String label,
    State state,
    @Nullable Double stability,
    @Nullable Double difficulty,
    Instant due,
    int reps,
    int lapses,
    @Nullable Instant lastReview,
    Instant createdAt) {

  /** NEW: never reviewed; LEARNING: not yet recalled; REVIEW: recalled last time; RELEARNING. */
  public enum State {
    NEW,
    LEARNING,
    REVIEW,
    RELEARNING
  }

  /** The memory FSRS works from; null for a card never reviewed. */
  @Nullable
  Fsrs.Memory memory() {
    return lastReview == null ? null : new Fsrs.Memory(stability, difficulty, lastReview);
  }

  Card reviewed(Rating rating, Fsrs.Outcome o) {
    State next =
        rating != Rating.AGAIN
            ? State.REVIEW
            : state == State.REVIEW || state == State.RELEARNING
                ? State.RELEARNING
                : State.LEARNING;
    return new Card(
        id,
        candidateId,
        kind,
        itemRef,
        label,
        next,
        o.memory().stability(),
        o.memory().difficulty(),
        o.due(),
        reps + 1,
        lapses + (o.lapse() ? 1 : 0),
        o.memory().lastReview(),
        createdAt);
  }
}
