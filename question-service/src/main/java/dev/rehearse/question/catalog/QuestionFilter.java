package dev.rehearse.question.catalog;

import io.micronaut.core.annotation.Nullable;

/** A checked search request: every filter is optional, {@code q} is free text. */
public record QuestionFilter(
    @Nullable String role,
    @Nullable String skill,
    @Nullable ItemType type,
    @Nullable Level level,
    @Nullable String q,
    int page,
    int size) {}
