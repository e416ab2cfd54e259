package dev.rehearse.question.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.List;

/** A role a candidate prepares for, with its sub-skills weighted to 100. */
@MappedEntity("role")
public record Role(
    @Id String id,
    String packId,
    String title,
    String focus,
    @TypeDef(type = DataType.JSON) List<RoleSkill> skills) {}
