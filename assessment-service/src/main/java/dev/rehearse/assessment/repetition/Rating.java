package dev.rehearse.assessment.repetition;

/** How well a card was recalled, as FSRS grades it (1 to 4). */
public enum Rating {
  AGAIN,
  HARD,
  GOOD,
  EASY;

  /** FSRS's grade G: AGAIN 1 .. EASY 4. */
  int grade() {
    return ordinal() + 1;
  }
}
