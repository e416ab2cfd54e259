package dev.rehearse.question.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A sub-skill; roles weight it, items practise it. */
@MappedEntity("skill")
public record Skill(@Id String id, String packId, String title, String description) {}
