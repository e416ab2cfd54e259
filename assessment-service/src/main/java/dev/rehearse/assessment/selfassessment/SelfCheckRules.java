package dev.rehearse.assessment.selfassessment;

import dev.rehearse.assessment.Level;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.Calibration;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.Flag;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.Overall;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.SkillResult;
import dev.rehearse.assessment.selfassessment.SkillRatings.Rated;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The self-check rule catalogue: patterns in a self-assessment that a coach would question. */
final class SelfCheckRules {
  static final int SAME_RATING_MIN_STATEMENTS = 5;
  static final double HARDER_HIGHER_MARGIN = 1.0;
  static final int CORE_SKILL_WEIGHT = 20;
  static final int OVERRATING_LEVELS = 2;
  static final int MIN_COVERAGE_PERCENT = 50;

  private SelfCheckRules() {}

  static List<Flag> check(
      List<Rated> rated, List<SkillResult> skills, Overall overall, List<Calibration> calibration) {
    List<Flag> flags = new ArrayList<>();
    if (rated.size() >= SAME_RATING_MIN_STATEMENTS
        && rated.stream().map(Rated::rating).distinct().count() == 1) {
      flags.add(
          new Flag(
              "same-rating-everywhere",
              "Every statement rated the same",
              "Rating every statement alike usually means the list was skimmed; real profiles have strengths and gaps.",
              "all " + rated.size() + " statements rated " + rated.get(0).rating(),
              null));
    }
    Map<String, List<Rated>> bySkill =
        rated.stream().collect(Collectors.groupingBy(Rated::skillId));
    bySkill.forEach(
        (skill, list) -> {
          for (Level lower : Level.values()) {
            for (Level higher : Level.values()) {
              double low = mean(list, lower);
              double high = mean(list, higher);
              if (higher.rank() > lower.rank()
                  && low > 0
                  && high > 0
                  && high - low >= HARDER_HIGHER_MARGIN) {
                flags.add(
                    new Flag(
                        "harder-rated-higher",
                        "Advanced statements rated above the basics",
                        "Rating harder statements higher than the basics they build on is inconsistent; recheck both.",
                        String.format(
                            Locale.ROOT,
                            "%s statements average %.1f, %s statements %.1f (ratings 1-4)",
                            higher.label(),
                            high,
                            lower.label(),
                            low),
                        skill));
                return;
              }
            }
          }
        });
    skills.stream()
        .filter(s -> s.weight() >= CORE_SKILL_WEIGHT && s.averageRating() < 2.5)
        .forEach(
            s ->
                flags.add(
                    new Flag(
                        "core-skill-gap",
                        "Gap in a core skill of the role",
                        "This skill carries a large weight in the role; a low self-rating here matters more than elsewhere.",
                        String.format(
                            Locale.ROOT,
                            "weighs %d%% of the role; its statements average %.1f (ratings 1-4)",
                            s.weight(),
                            s.averageRating()),
                        s.skillId())));
    calibration.stream()
        .filter(c -> c.gap() != null && c.gap() >= OVERRATING_LEVELS)
        .forEach(
            c ->
                flags.add(
                    new Flag(
                        "overrates-skill",
                        "Self-rating well above the evidence",
                        "The self-rating is two or more levels above what scored answers and quizzes show.",
                        "rated "
                            + c.selfLevel()
                            + "; answers and quizzes show "
                            + c.measuredLevel(),
                        c.skillId())));
    if (overall.coveragePercent() < MIN_COVERAGE_PERCENT) {
      flags.add(
          new Flag(
              "partial-coverage",
              "Less than half of the role rated",
              "The overall level rests on a small part of the role; rate the remaining skills for a fair picture.",
              "rated skills carry " + overall.coveragePercent() + "% of the role's weight",
              null));
    }
    return flags;
  }

  private static double mean(List<Rated> list, Level level) {
    return list.stream()
        .filter(r -> r.level() == level)
        .mapToInt(Rated::rating)
        .average()
        .orElse(0);
  }
}
