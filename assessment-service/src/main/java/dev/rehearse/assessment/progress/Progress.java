package dev.rehearse.assessment.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A candidate's progress: effective scores (after coach overrides) over time, overall and per
 * skill.
 */
@Serdeable
public record Progress(
    String candidateId,
    int attempts,
    @Nullable Integer averageScore,
    Trend trend,
    List<SkillProgress> skills,
    QuizProgress quizzes) {

  @Serdeable
  public record SkillProgress(
      String skillId,
      int attempts,
      int averageScore,
      int latestScore,
      Trend trend,
      List<Point> points) {}

  @Serdeable
  public record Point(UUID attemptId, String questionId, Instant at, int score, String band) {}

  @Serdeable
  public record QuizProgress(int answered, int correct, @Nullable Integer percent) {}
}
