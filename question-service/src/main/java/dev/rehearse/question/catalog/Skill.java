package dev.rehearse.question.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.List;

/**
 * A sub-skill; roles weight it, items practise it. {@code levels} says what each proficiency level
 * means for it, Beginner to Expert, or is empty when the pack does not say.
 */
@MappedEntity("skill")
public record Skill(
    @Id String id,
    String packId,
    String title,
    String description,
    @TypeDef(type = DataType.JSON) List<LevelDescription> levels) {}
