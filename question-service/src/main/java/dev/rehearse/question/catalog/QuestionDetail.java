package dev.rehearse.question.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A whole item: its type-specific content and the red-flag rules it raises, resolved. Staff see the
 * answer key and each rule's detection phrases; candidates see neither ({@link #of}). {@code
 * multipleAnswers}: a quiz item with more than one right option, answered with checkboxes (everyone
 * sees this much; which options are right stays in the key).
 */
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
    List<Flag> redFlagRules,
    boolean multipleAnswers) {

  /** A red-flag rule as shown with an item; {@code phrases} (what triggers it) only for staff. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Flag(
      String id,
      String title,
      String explanation,
      RedFlagRule.Kind kind,
      @Nullable List<String> phrases) {}

  public static QuestionDetail of(Item item, List<RedFlagRule> rules, Audience audience) {
    boolean staff = audience == Audience.STAFF;
    List<Flag> flags =
        rules.stream()
            .map(
                r ->
                    new Flag(
                        r.id(), r.title(), r.explanation(), r.kind(), staff ? r.phrases() : null))
            .toList();
    return new QuestionDetail(
        item.id(),
        item.type(),
        item.packId(),
        item.roles(),
        item.skillId(),
        item.level(),
        item.tags(),
        item.text(),
        staff ? item.content() : item.content().withoutKey(),
        flags,
        item.content().options() != null
            && item.content().options().stream()
                    .filter(o -> Boolean.TRUE.equals(o.correct()))
                    .count()
                > 1);
  }
}
