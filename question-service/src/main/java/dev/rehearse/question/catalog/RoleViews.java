package dev.rehearse.question.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What the roles API shows. */
public final class RoleViews {
  private RoleViews() {}

  @Serdeable
  public record RoleSummary(
      String id, String title, String focus, String packId, List<RoleSkill> skills) {}

  /** A role with each sub-skill's weight, the levels at which it has items, and how many. */
  @Serdeable
  public record RoleDetail(
      String id, String title, String focus, String packId, List<SkillView> skills) {}

  /**
   * {@code levels}: the levels at which the skill has items; {@code levelDescriptions}: what each
   * level means for it, Beginner to Expert (empty when its pack does not say).
   */
  @Serdeable
  public record SkillView(
      String id,
      String title,
      String description,
      int weight,
      List<String> levels,
      int items,
      List<LevelDescription> levelDescriptions) {}
}
