package dev.rehearse.assessment.scoring;

import java.util.HashSet;
import java.util.Set;

/**
 * The form of an answer, apart from what it covers: a list of terms rather than sentences, a
 * restatement of the question, or brief for what the question asks.
 */
record AnswerShape(
    boolean keywordList,
    boolean echo,
    boolean veryBrief,
    boolean brief,
    int contentWords,
    int expectedWords) {
  /**
   * In running English about a third of the words are function words; a term list has almost none.
   */
  static final double LIST_MAX_FUNCTION_SHARE = 0.2;

  /** Items of a term list are short: at most this many words between separators, on average. */
  static final double LIST_MAX_ITEM_WORDS = 4.5;

  /** An answer whose own words are mostly the question's repeats it. */
  static final double ECHO_SHARE = 0.6;

  /**
   * Fewer new terms than this, on top of the question's, add nothing; with a model answer, fewer
   * than half the new terms it brings (a one-line reference answer adds only two or three).
   */
  static final int ECHO_MAX_NEW_TERMS = 8;

  /**
   * An answer is very brief under this many content words, or a third of the expected length if
   * less.
   */
  static final int VERY_BRIEF_WORDS = 6;

  /**
   * Without a model answer, Excellent needs this many content words (the reasoning as well as the
   * concepts).
   */
  static final int DEFAULT_EXPECTED_WORDS = 40;

  /** With one, the expected length is this share of the model answer's content words. */
  static final double EXPECTED_SHARE = 0.45;

  static AnswerShape of(AnswerText answer, ScoringTexts texts) {
    Set<String> questionTerms = texts.questionTerms();
    int words = answer.tokens().size();
    int content = answer.content().size();
    double functionShare = words == 0 ? 0 : (double) (words - content) / words;
    long items = answer.text().split("[,;\\n•|/]+|\\s[-*]\\s|[.!?]+\\s").length;
    boolean list =
        content >= 2
            && functionShare < LIST_MAX_FUNCTION_SHARE
            && (double) words / Math.max(1, items) <= LIST_MAX_ITEM_WORDS;

    Set<String> own = new HashSet<>();
    answer.content().forEach(t -> own.add(t.term()));
    long fromQuestion = own.stream().filter(questionTerms::contains).count();
    long fresh = own.size() - fromQuestion;
    long freshNeeded = ECHO_MAX_NEW_TERMS;
    if (texts.modelWords() > 0) {
      long modelFresh = texts.modelTerms().stream().filter(t -> !questionTerms.contains(t)).count();
      freshNeeded = Math.min(freshNeeded, (modelFresh + 1) / 2);
    }
    boolean echo =
        own.isEmpty() || (fromQuestion >= ECHO_SHARE * own.size() && fresh < freshNeeded);

    int expected = expectedWords(texts);
    return new AnswerShape(
        list, echo, content < veryBriefWords(expected), content < expected, content, expected);
  }

  /** How many content words Excellent needs for a question. */
  static int expectedWords(ScoringTexts texts) {
    return texts.modelWords() == 0
        ? DEFAULT_EXPECTED_WORDS
        : (int) Math.min(DEFAULT_EXPECTED_WORDS, Math.round(EXPECTED_SHARE * texts.modelWords()));
  }

  /** Under this many content words an answer is very brief. */
  static int veryBriefWords(int expected) {
    return Math.min(VERY_BRIEF_WORDS, expected / 3);
  }
}
