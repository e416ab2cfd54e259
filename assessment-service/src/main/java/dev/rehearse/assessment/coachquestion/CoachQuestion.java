package dev.rehearse.assessment.coachquestion;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.contracts.CoachQuestionIds;
import dev.rehearse.contracts.QuestionPublished.QuizOption;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RoleWeight;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/**
 * A coach's own question: a row of the catalog copy (so the scorer reads it like a pack question)
 * with its author and the cohorts that may see it. It has no roles, so role-based choices
 * (sessions, self-assessment) never pick it, and it is never published, so question-service never
 * lists it.
 */
@MappedEntity("catalog_question")
public record CoachQuestion(
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
    @Nullable String modelAnswer,
    @Nullable String ownerId,
    @Nullable @TypeDef(type = DataType.JSON) List<String> cohortIds) {

  /** Pack ids never start with this (the catalog listener refuses them). */
  public static final String ID_PREFIX = CoachQuestionIds.PREFIX;

  public static boolean isCoachId(@Nullable String questionId) {
    return CoachQuestionIds.isCoachQuestion(questionId);
  }

  /** The row as scoring sees every catalog question. */
  public CatalogQuestion asCatalogQuestion() {
    return new CatalogQuestion(
        questionId,
        skillId,
        level,
        text,
        concepts,
        redFlags,
        updatedAt,
        type,
        roleIds,
        roleWeights,
        options,
        modelAnswer);
  }
}
