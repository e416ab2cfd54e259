package dev.rehearse.assessment.catalog;

import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/** assessment's own copy of a published question: what scoring needs, nothing more. */
@MappedEntity("catalog_question")
public record CatalogQuestion(
    @Id String questionId,
    String skillId,
    String level,
    String text,
    @TypeDef(type = DataType.JSON) List<RubricConcept> concepts,
    @TypeDef(type = DataType.JSON) List<RedFlagRule> redFlags,
    Instant updatedAt) {}
