package dev.rehearse.assessment.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * Per-skill self-rating, the role-weighted overall level, self-check red flags and calibration;
 * {@code levels} names the scale, lowest first, so a page labels its rings without a copy of it.
 */
@Serdeable
public record SelfAssessmentResult(
    UUID id,
    String roleId,
    List<SkillResult> skills,
    Overall overall,
    List<Flag> redFlags,
    List<Calibration> calibration,
    @Nullable List<String> levels) {

  /**
   * Score 0-100 from the mean rating; level: the highest level whose statements average 3 or more.
   */
  @Serdeable
  public record SkillResult(
      String skillId,
      int weight,
      int statements,
      double averageRating,
      int score,
      String level,
      String levelReason) {}

  /**
   * Weighted by the role's skill weights ({@code weights}: "role", or "equal" when none are
   * published).
   */
  @Serdeable
  public record Overall(int score, String level, int coveragePercent, String weights) {}

  /** {@code skillId} names the skill a flag is about; null for flags about the whole form. */
  @Serdeable
  public record Flag(
      String rule, String title, String explanation, String evidence, @Nullable String skillId) {}

  /**
   * Self-rated level against what scored answers and quiz results show for the same skill. {@code
   * gap} is self minus measured in levels (positive: rates themself higher).
   */
  @Serdeable
  public record Calibration(
      String skillId,
      String selfLevel,
      @Nullable String measuredLevel,
      @Nullable Integer measuredScore,
      @Nullable String measuredBand,
      int evidence,
      @Nullable Integer gap,
      String verdict,
      String message) {}
}
