package dev.rehearse.contracts;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item as published on {@link Topics#CATALOG_QUESTIONS}, with what its consumers need: rubric
 * and red-flag rules (OPEN, SCENARIO), options (QUIZ), the statement in {@code text} (SELF_CHECK),
 * spoken forms (PRONUNCIATION). {@code type} is the item type; {@code level} Beginner..Expert.
 * {@code roleWeights} (added in schema 1, optional) gives the weight of this item's skill in each
 * role that uses it, so consumers can weight per-skill results into a role's overall level. {@code
 * modelAnswer} (added in schema 1, optional) is what a strong answer says (OPEN; for SCENARIO its
 * steps as sentences when it has no model answer of its own): scoring matches by meaning against
 * it, and an OPEN or SCENARIO item with no rubric is scored on key points derived from it.
 */
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
    @Valid List<RedFlagRule> redFlags,
    @Nullable String type,
    @Nullable @Valid Pronunciation pronunciation,
    @Valid List<QuizOption> options,
    @Valid List<RoleWeight> roleWeights,
    @Nullable String modelAnswer)
    implements Event {

  public static final int SCHEMA_VERSION = 1;

  /** Serializers may drop empty lists; absent means empty. */
  @Creator
  public QuestionPublished {
    roleIds = roleIds == null ? List.of() : roleIds;
    concepts = concepts == null ? List.of() : concepts;
    redFlags = redFlags == null ? List.of() : redFlags;
    options = options == null ? List.of() : options;
    roleWeights = roleWeights == null ? List.of() : roleWeights;
  }

  /**
   * The shape before {@code roleWeights}: producers that do not know role weights keep compiling.
   */
  public QuestionPublished(
      UUID eventId,
      int schemaVersion,
      Instant occurredAt,
      String questionId,
      List<String> roleIds,
      String skillId,
      String level,
      String text,
      List<RubricConcept> concepts,
      List<RedFlagRule> redFlags,
      String type,
      Pronunciation pronunciation,
      List<QuizOption> options) {
    this(
        eventId,
        schemaVersion,
        occurredAt,
        questionId,
        roleIds,
        skillId,
        level,
        text,
        concepts,
        redFlags,
        type,
        pronunciation,
        options,
        List.of());
  }

  /** The shape before {@code modelAnswer}. */
  public QuestionPublished(
      UUID eventId,
      int schemaVersion,
      Instant occurredAt,
      String questionId,
      List<String> roleIds,
      String skillId,
      String level,
      String text,
      List<RubricConcept> concepts,
      List<RedFlagRule> redFlags,
      String type,
      Pronunciation pronunciation,
      List<QuizOption> options,
      List<RoleWeight> roleWeights) {
    this(
        eventId,
        schemaVersion,
        occurredAt,
        questionId,
        roleIds,
        skillId,
        level,
        text,
        concepts,
        redFlags,
        type,
        pronunciation,
        options,
        roleWeights,
        null);
  }

  /** The weight (percent) of this item's skill in one role, as the role's skill guide sets it. */
  @Serdeable
  public record RoleWeight(@NotBlank String roleId, @Min(0) @Max(100) int weight) {}

  /** One option of a QUIZ item, with why it is right or wrong. */
  @Serdeable
  public record QuizOption(
      @NotBlank String id, @NotBlank String text, boolean correct, @NotBlank String explanation) {}

  /**
   * How a term is said, for PRONUNCIATION items: {@code spokenForms} are the accepted sayings in
   * words a recogniser knows ("nickel" for NCCL, "kates" for K8s); {@code mistakes} are the wrong
   * sayings {@code commonMistake} warns about, written the same way ("slum" for Slurm), and never
   * one of the accepted forms. {@code kind} is the drill's kind: acronym, silent-letters,
   * word-stress or minimal-pair.
   */
  @Serdeable
  public record Pronunciation(
      @NotBlank String term,
      @NotBlank String saidAs,
      List<String> spokenForms,
      @Nullable String stress,
      @Nullable String commonMistake,
      @Nullable String kind,
      List<String> mistakes) {
    public Pronunciation {
      spokenForms = spokenForms == null ? List.of() : spokenForms;
      mistakes = mistakes == null ? List.of() : mistakes;
    }
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
