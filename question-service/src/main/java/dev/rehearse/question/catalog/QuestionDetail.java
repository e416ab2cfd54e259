package dev.rehearse.question.catalog;

import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A whole item: its type-specific content and the red-flag rules it raises, resolved. */
@Serdeable
public record QuestionDetail(
    String id,
    ItemType type,
    String packId,
    List<String> roles,
    String skill,
    String level,
    List<String> tags,
    String text,
    ItemContent content,
    List<RedFlagRule> redFlagRules) {}
