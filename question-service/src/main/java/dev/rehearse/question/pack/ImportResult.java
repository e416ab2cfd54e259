package dev.rehearse.question.pack;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an import did: {@code UNCHANGED} when this version was already in the bank, {@code VALID}
 * for a dry run. {@code derivedKeyPoints} lists the items without a rubric, scored on key points
 * derived from their model answer (or a scenario's steps): worth a look before importing.
 */
@Serdeable
public record ImportResult(
    String packId,
    int version,
    Outcome outcome,
    int added,
    int changed,
    int retired,
    int unchanged,
    int published,
    List<String> derivedKeyPoints) {

  public enum Outcome {
    IMPORTED,
    UPDATED,
    UNCHANGED,
    VALID
  }
}
