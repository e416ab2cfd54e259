package dev.rehearse.assessment.selfassessment;

import dev.rehearse.assessment.Level;
import dev.rehearse.assessment.quiz.QuizResponse;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.ScoreResult.Band;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.Calibration;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.SkillResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a self-rated level with the level the candidate's work shows in the same skill. Each
 * scored answer shows its question's level when it is Strong or Excellent, one level lower when
 * Developing and two lower when Weak; a quiz item shows its level when right, one lower when wrong.
 * The measured level is the mean of these, rounded. Coach overrides count, not machine scores.
 */
final class Calibrator {
  private Calibrator() {}

  static Calibration calibrate(SkillResult self, List<Attempt> attempts, List<QuizResponse> quiz) {
    Level selfLevel = Level.parse(self.level());
    List<Double> ranks = new ArrayList<>();
    List<Integer> scores = new ArrayList<>();
    for (Attempt a : attempts) {
      int score = a.effectiveScore();
      int drop =
          switch (Band.of(score)) {
            case EXCELLENT, STRONG -> 0;
            case DEVELOPING -> 1;
            case WEAK -> 2;
          };
      ranks.add((double) Level.parse(a.level()).rank() - drop);
      scores.add(score);
    }
    for (QuizResponse r : quiz) {
      ranks.add((double) Level.parse(r.level()).rank() - (r.correct() ? 0 : 1));
      scores.add(r.correct() ? 100 : 0);
    }
    String skill = self.skillId().replace('-', ' ');
    if (ranks.isEmpty()) {
      return new Calibration(
          self.skillId(),
          selfLevel.label(),
          null,
          null,
          null,
          0,
          null,
          "not measured yet",
          "You rate yourself "
              + selfLevel.label()
              + " in "
              + skill
              + "; answer a question or take a quiz in this skill"
              + " to see how your work compares.");
    }
    Level measured =
        Level.ofRank(ranks.stream().mapToDouble(Double::doubleValue).average().orElse(1));
    int measuredScore =
        (int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
    String band = Band.of(measuredScore).label();
    int gap = selfLevel.rank() - measured.rank();
    String verdict =
        gap > 0
            ? "rates higher than the evidence"
            : gap < 0 ? "rates lower than the evidence" : "calibrated";
    String evidence =
        String.format(
            Locale.ROOT,
            "%d answer%s and %d quiz item%s",
            attempts.size(),
            attempts.size() == 1 ? "" : "s",
            quiz.size(),
            quiz.size() == 1 ? "" : "s");
    String message =
        String.format(
            Locale.ROOT,
            "You rate yourself %s in %s; your work scores %s (%d on average over %s),"
                + " which shows %s.",
            selfLevel.label(),
            skill,
            band,
            measuredScore,
            evidence,
            measured.label());
    return new Calibration(
        self.skillId(),
        selfLevel.label(),
        measured.label(),
        measuredScore,
        band,
        ranks.size(),
        gap,
        verdict,
        message);
  }
}
