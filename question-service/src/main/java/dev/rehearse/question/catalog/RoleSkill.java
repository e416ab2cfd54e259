package dev.rehearse.question.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** A skill's share of a role, in percent. */
@Serdeable
public record RoleSkill(String skill, int weight) {}
