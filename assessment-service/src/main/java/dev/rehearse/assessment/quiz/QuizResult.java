package dev.rehearse.assessment.quiz;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * A marked quiz: each question with the explanation of the chosen option, the total and per skill.
 * Percentages count partial credit: {@code points} is the sum of the items' credit.
 */
@Serdeable
public record QuizResult(
    UUID submissionId, List<Marked> questions, Total total, List<SkillResult> skills) {

  /**
   * One question: the option chosen and why it is right or wrong; when wrong, also the right option
   * and its explanation. {@code credit} is the share earned: for an item with several right
   * answers, (right picks - wrong picks) / right options, at least 0. {@code options} explains each
   * option picked and each right one missed. An unanswered item says only that: its key stays
   * hidden, so a submission with no answers cannot be used to read the answers.
   */
  @Serdeable
  public record Marked(
      String itemId,
      String skillId,
      String level,
      @Nullable String chosenOptionId,
      boolean correct,
      String explanation,
      @Nullable String correctOptionId,
      @Nullable String correctExplanation,
      List<String> chosenOptionIds,
      double credit,
      boolean multipleAnswers,
      List<OptionMark> options) {

    static Marked unanswered(String itemId, String skillId, String level) {
      return new Marked(
          itemId,
          skillId,
          level,
          null,
          false,
          "Not answered.",
          null,
          null,
          List.of(),
          0,
          false,
          List.of());
    }
  }

  /** An option picked or a right one missed: whether it is right, picked, and why. */
  @Serdeable
  public record OptionMark(String optionId, boolean chosen, boolean correct, String explanation) {}

  @Serdeable
  public record Total(int correct, int total, int percent, double points) {}

  @Serdeable
  public record SkillResult(String skillId, int correct, int total, int percent, double points) {}
}
