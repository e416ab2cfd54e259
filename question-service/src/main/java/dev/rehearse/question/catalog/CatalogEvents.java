package dev.rehearse.question.catalog;

import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.QuestionPublished.Pronunciation;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RoleWeight;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an item into the event its consumers (assessment, speech) need, red-flag rules resolved.
 */
public final class CatalogEvents {
  private CatalogEvents() {}

  /**
   * @param skillWeights role id -> skill id -> weight, so consumers can weight this item's skill
   *     within each of its roles
   */
  public static QuestionPublished published(
      Item item, Map<String, RedFlagRule> rules, Map<String, Map<String, Integer>> skillWeights) {
    ItemContent c = item.content();
    List<RedFlagRule> flags = c.redFlagsOrEmpty().stream().map(rules::get).toList();
    Pronunciation pronunciation =
        item.type() == ItemType.PRONUNCIATION
            ? new Pronunciation(
                c.term(),
                c.saidAs(),
                c.spokenForms(),
                c.stress(),
                c.commonMistake(),
                c.kind(),
                c.mistakes())
            : null;
    return new QuestionPublished(
        UUID.randomUUID(),
        QuestionPublished.SCHEMA_VERSION,
        Instant.now(),
        item.id(),
        item.roles(),
        item.skillId(),
        item.level(),
        item.text(),
        c.rubricOrEmpty(),
        flags,
        item.type().name(),
        pronunciation,
        c.options() == null
            ? List.of()
            : c.options().stream().map(ItemContent.Option::published).toList(),
        roleWeights(item, skillWeights),
        modelAnswer(c));
  }

  /** What a strong answer says: the model answer, or a scenario's steps read as sentences. */
  static String modelAnswer(ItemContent c) {
    if (c.modelAnswer() != null || c.steps() == null || c.steps().isEmpty()) {
      return c.modelAnswer();
    }
    return c.steps().stream()
        .map(s -> s.strip().endsWith(".") ? s.strip() : s.strip() + ".")
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private static List<RoleWeight> roleWeights(
      Item item, Map<String, Map<String, Integer>> skillWeights) {
    return item.roles().stream()
        .filter(role -> skillWeights.getOrDefault(role, Map.of()).containsKey(item.skillId()))
        .map(role -> new RoleWeight(role, skillWeights.get(role).get(item.skillId())))
        .toList();
  }
}
