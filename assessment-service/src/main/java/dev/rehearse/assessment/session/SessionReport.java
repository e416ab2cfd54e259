package dev.rehearse.assessment.session;

import dev.rehearse.assessment.scoring.AttemptView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The end-of-session report: each question with its scored attempt, a summary per sub-skill,
 * strengths, what to work on with practice items, delivery of spoken answers, and the change since
 * the candidate's previous completed session for the same role ({@code null} when there is none).
 */
@Serdeable
public record SessionReport(
    UUID sessionId,
    String candidateId,
    String roleId,
    MockSession.Status status,
    Instant createdAt,
    @Nullable Instant completedAt,
    @Nullable Integer averageScore,
    int answered,
    int skipped,
    List<QuestionResult> questions,
    List<SkillSummary> skills,
    List<Strength> strengths,
    List<WorkOn> workOn,
    List<Delivery> delivery,
    @Nullable Change change) {

  @Serdeable
  public record QuestionResult(
      int position,
      String questionId,
      String text,
      @Nullable String type,
      String skillId,
      SessionQuestion.Status status,
      @Nullable AttemptView attempt) {}

  @Serdeable
  public record SkillSummary(String skillId, int average, int count) {}

  /** A concept an answer covered in full. */
  @Serdeable
  public record Strength(String skillId, String questionId, String concept, String label) {}

  /** A sub-skill to work on: what its answers missed or got wrong, and items that train it. */
  @Serdeable
  public record WorkOn(
      String skillId,
      List<String> missedConcepts,
      List<String> redFlags,
      int skipped,
      List<PracticeItem> practice) {}

  @Serdeable
  public record PracticeItem(String id, @Nullable String type, String text) {}

  /** How a spoken answer was delivered (from its transcript's timing). */
  @Serdeable
  public record Delivery(
      int position,
      String questionId,
      double wordsPerMinute,
      String pace,
      int fillerCount,
      double fillerRate,
      int longPauses,
      double longestPause) {}

  @Serdeable
  public record Change(
      UUID previousSessionId,
      Instant previousCompletedAt,
      @Nullable Integer previousAverage,
      @Nullable Integer averageDelta,
      List<SkillChange> skills) {}

  /** A sub-skill scored in both sessions. */
  @Serdeable
  public record SkillChange(String skillId, int previous, int now, int delta) {}
}
