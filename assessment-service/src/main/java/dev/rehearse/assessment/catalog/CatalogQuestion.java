package dev.rehearse.assessment.catalog;

import dev.rehearse.contracts.QuestionPublished.QuizOption;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RoleWeight;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/** assessment's own copy of a published item: what scoring, quizzes and self-assessment need. */
@MappedEntity("catalog_question")
public record CatalogQuestion(
    @Id String questionId,
    String skillId,
    String level,
    String text,
    @TypeDef(type = DataType.JSON) List<RubricConcept> concepts,
    @TypeDef(type = DataType.JSON) List<RedFlagRule> redFlags,
    Instant updatedAt,
    @Nullable String type,
    @TypeDef(type = DataType.JSON) List<String> roleIds,
    @TypeDef(type = DataType.JSON) List<RoleWeight> roleWeights,
    @TypeDef(type = DataType.JSON) List<QuizOption> options,
    @Nullable String modelAnswer) {

  public static final String QUIZ = "QUIZ";
  public static final String SELF_CHECK = "SELF_CHECK";

  @Creator
  public CatalogQuestion {
    roleIds = roleIds == null ? List.of() : roleIds;
    roleWeights = roleWeights == null ? List.of() : roleWeights;
    options = options == null ? List.of() : options;
  }

  /** A rubric-only question, as scoring tests and the benchmark build one. */
  public CatalogQuestion(
      String questionId,
      String skillId,
      String level,
      String text,
      List<RubricConcept> concepts,
      List<RedFlagRule> redFlags,
      Instant updatedAt) {
    this(questionId, skillId, level, text, concepts, redFlags, updatedAt, null);
  }

  /**
   * The same with a model answer; {@code concepts} may be empty (key points then come from the
   * model answer).
   */
  public CatalogQuestion(
      String questionId,
      String skillId,
      String level,
      String text,
      List<RubricConcept> concepts,
      List<RedFlagRule> redFlags,
      Instant updatedAt,
      @Nullable String modelAnswer) {
    this(
        questionId,
        skillId,
        level,
        text,
        concepts,
        redFlags,
        updatedAt,
        null,
        List.of(),
        List.of(),
        List.of(),
        modelAnswer);
  }
}
