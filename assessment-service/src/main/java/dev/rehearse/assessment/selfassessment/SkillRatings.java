package dev.rehearse.assessment.selfassessment;

import dev.rehearse.assessment.Level;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.Overall;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.SkillResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns ratings of self-check statements into per-skill scores and levels and a weighted overall
 * level.
 */
final class SkillRatings {
  /** "Confidently on my own": the rating at which a statement's level counts as reached. */
  static final double CONFIDENT = 3.0;

  /** One rated statement: its skill, its level and the rating. */
  record Rated(String itemId, String skillId, Level level, int rating) {}

  private SkillRatings() {}

  static List<SkillResult> skills(List<Rated> rated, Map<String, Integer> weights) {
    Map<String, List<Rated>> bySkill =
        rated.stream()
            .collect(Collectors.groupingBy(Rated::skillId, TreeMap::new, Collectors.toList()));
    List<SkillResult> out = new ArrayList<>();
    bySkill.forEach(
        (skill, list) -> {
          double mean = list.stream().mapToInt(Rated::rating).average().orElse(1);
          int score = (int) Math.round((mean - 1) / 3 * 100);
          Level reached = null;
          for (Level level : Level.values()) {
            double atLevel =
                list.stream()
                    .filter(r -> r.level() == level)
                    .mapToInt(Rated::rating)
                    .average()
                    .orElse(-1);
            if (atLevel >= CONFIDENT) {
              reached = level;
            }
          }
          String reason =
              reached == null
                  ? "no level of statements is rated 3 (confident) or more on average yet"
                  : "statements at " + reached.label() + " level average 3 (confident) or more";
          out.add(
              new SkillResult(
                  skill,
                  weights.getOrDefault(skill, 0),
                  list.size(),
                  Math.round(mean * 100) / 100.0,
                  score,
                  (reached == null ? Level.BEGINNER : reached).label(),
                  reason));
        });
    out.sort(
        Comparator.comparing(SkillResult::weight).reversed().thenComparing(SkillResult::skillId));
    return out;
  }

  /**
   * Role-weighted overall score and level over the rated skills; coverage is the share of the
   * role's total weight that was rated. Without published weights every skill weighs the same.
   */
  static Overall overall(
      List<SkillResult> skills, Map<String, Integer> roleWeights, List<String> roleSkills) {
    boolean published = !roleWeights.isEmpty();
    double totalWeight = 0;
    double weightedScore = 0;
    double weightedRank = 0;
    for (SkillResult s : skills) {
      double w = published ? roleWeights.getOrDefault(s.skillId(), 0) : 1;
      totalWeight += w;
      weightedScore += w * s.score();
      weightedRank += w * Level.parse(s.level()).rank();
    }
    if (totalWeight == 0) {
      return new Overall(0, Level.BEGINNER.label(), 0, published ? "role" : "equal");
    }
    double roleTotal =
        published
            ? roleWeights.values().stream().mapToInt(Integer::intValue).sum()
            : roleSkills.size();
    int coverage = roleTotal == 0 ? 100 : (int) Math.round(100 * totalWeight / roleTotal);
    return new Overall(
        (int) Math.round(weightedScore / totalWeight),
        Level.ofRank(weightedRank / totalWeight).label(),
        Math.min(100, coverage),
        published ? "role" : "equal");
  }
}
