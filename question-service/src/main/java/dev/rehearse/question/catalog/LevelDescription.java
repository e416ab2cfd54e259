package dev.rehearse.question.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** What a person at one proficiency level of a skill can do, so candidates can place themselves. */
@Serdeable
public record LevelDescription(String level, String description) {}
