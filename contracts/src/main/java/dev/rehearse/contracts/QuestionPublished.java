package dev.rehearse.contracts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A question as published on {@link Topics#CATALOG_QUESTIONS}, with what scoring needs. */
@Serdeable
public record QuestionPublished(
    @NotNull UUID eventId,
    int schemaVersion,
    @NotNull Instant occurredAt,
    @NotBlank String questionId,
    List<String> roleIds,
    @NotBlank String skillId,
    @NotBlank String level,
    @NotBlank String text,
    @Valid List<RubricConcept> concepts,
    @Valid List<RedFlagRule> redFlags)
    implements Event {

  public static final int SCHEMA_VERSION = 1;

  /** Serializers may drop empty lists; absent means empty. */
  public QuestionPublished {
    roleIds = roleIds == null ? List.of() : roleIds;
    concepts = concepts == null ? List.of() : concepts;
    redFlags = redFlags == null ? List.of() : redFlags;
  }

  /** A concept the answer should cover; any synonym counts as covering it. */
  @Serdeable
  public record RubricConcept(
      @NotBlank String id, @NotBlank String label, int weight, List<String> synonyms) {
    public RubricConcept {
      synonyms = synonyms == null ? List.of() : synonyms;
    }
  }

  /**
   * A red-flag rule: MENTIONS fires when any phrase appears, MISSING when none does, NO_NUMBERS
   * when the answer quantifies nothing.
   */
  @Serdeable
  public record RedFlagRule(
      @NotBlank String id,
      @NotBlank String title,
      @NotBlank String explanation,
      @NotNull Kind kind,
      List<String> phrases) {
    public RedFlagRule {
      phrases = phrases == null ? List.of() : phrases;
    }

    public enum Kind {
      MENTIONS,
      MISSING,
      NO_NUMBERS
    }
  }
}
