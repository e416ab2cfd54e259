package dev.rehearse.question.pack;

import io.micronaut.serde.annotation.Serdeable;

/** What an import did: {@code UNCHANGED} when this version was already in the bank, {@code VALID} for a dry run. */
@Serdeable
public record ImportResult(
    String packId, int version, Outcome outcome, int added, int changed, int retired, int unchanged, int published) {

  public enum Outcome {
    IMPORTED,
    UPDATED,
    UNCHANGED,
    VALID
  }
}
