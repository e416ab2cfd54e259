package dev.rehearse.contracts;

/**
 * A coach's own questions live only in assessment-service and never go out on {@link
 * Topics#CATALOG_QUESTIONS}; their ids start with {@link #PREFIX}, so speech-service can take a
 * spoken answer to one it has never seen. Assessment decides, when it scores, whether the candidate
 * may answer it.
 */
public final class CoachQuestionIds {
  public static final String PREFIX = "coach-";

  private CoachQuestionIds() {}

  public static boolean isCoachQuestion(String questionId) {
    return questionId != null && questionId.startsWith(PREFIX);
  }
}
