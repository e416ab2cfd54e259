package dev.rehearse.question.pack;

import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.question.catalog.ItemContent;
import dev.rehearse.question.catalog.ItemType;
import dev.rehearse.question.catalog.Level;
import dev.rehearse.question.catalog.LevelDescription;
import dev.rehearse.question.catalog.RoleSkill;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A content pack as read and validated from its files, before anything is stored. */
@Serdeable
public record ContentPack(
    String id,
    int version,
    String title,
    String description,
    List<SkillDef> skills,
    List<RoleDef> roles,
    List<RedFlagRule> rules,
    List<ItemDef> items) {

  /**
   * The OPEN and SCENARIO items with no rubric: scoring derives their key points from the model
   * answer or steps.
   */
  public List<String> derivedKeyPoints() {
    return items.stream()
        .filter(
            i ->
                (i.type() == ItemType.OPEN || i.type() == ItemType.SCENARIO)
                    && i.content().rubricOrEmpty().isEmpty())
        .map(ItemDef::id)
        .toList();
  }

  /** {@code levels}: every level from Beginner to Expert, or none. */
  @Serdeable
  public record SkillDef(
      String id, String title, String description, List<LevelDescription> levels) {}

  @Serdeable
  public record RoleDef(String id, String title, String focus, List<RoleSkill> skills) {}

  @Serdeable
  public record ItemDef(
      String id,
      ItemType type,
      List<String> roles,
      String skill,
      Level level,
      List<String> tags,
      ItemContent content) {}
}
