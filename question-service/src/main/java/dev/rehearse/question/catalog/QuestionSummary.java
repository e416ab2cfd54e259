package dev.rehearse.question.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An item in a result list; {@code rank} is the full-text relevance when searching with {@code q}.
 */
@Serdeable
public record QuestionSummary(
    String id,
    ItemType type,
    List<String> roles,
    String skill,
    String level,
    List<String> tags,
    String text,
    @Nullable Float rank) {}
