package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.AnswerText.Span;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies a question's red-flag rules to an answer. MENTIONS fires on a phrase said as a claim, not
 * on one that is negated or rejected ("rather than just adding more GPUs"). MISSING fires unless
 * the answer says what the rule asks for: a phrase of two or more words (not negated; phrase words
 * of four letters or more also match as prefixes: "resum" finds "resumed"), a one-word phrase in a
 * clause that is about the rule ("but" alone does not clear "no trade-offs"), or a clause that says
 * it by meaning alone. NO_NUMBERS fires when the answer has no digit and no number word.
 */
final class RedFlagDetector {
  private static final int SLOP = 1;

  /** Whether the answer clears a MISSING rule by meaning, around a span or (null) anywhere. */
  interface Clearing {
    boolean clears(RedFlagRule rule, Span at);
  }

  private RedFlagDetector() {}

  /**
   * The rules raised by an answer. A MISSING rule about a concept the answer covers (in {@code
   * found}, however it was found) stays quiet: "no mention of rollback" beside "rollback plan:
   * covered" would contradict itself.
   */
  static List<RaisedFlag> detect(
      List<RedFlagRule> rules, AnswerText text, Clearing meaning, List<RubricConcept> found) {
    return rules.stream()
        .filter(
            rule ->
                rule.kind() != RedFlagRule.Kind.MISSING
                    || found.stream().noneMatch(c -> about(rule, c)))
        .map(rule -> raised(rule, text, meaning))
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * Whether a MISSING rule asks for what a concept stands for: one of the rule's phrases is in the
   * concept's label or synonyms ("rollback" in "Rollback plan").
   */
  static boolean about(RedFlagRule rule, RubricConcept concept) {
    if (rule.kind() != RedFlagRule.Kind.MISSING) {
      return false;
    }
    AnswerText described = new AnswerText(String.join(". ", ScoringTexts.phrases(concept)));
    return rule.phrases().stream()
        .anyMatch(p -> !Phrase.of(p).findAllInOrder(described, SLOP, true).isEmpty());
  }

  private static Optional<RaisedFlag> raised(RedFlagRule rule, AnswerText text, Clearing meaning) {
    return switch (rule.kind()) {
      case MENTIONS ->
          rule.phrases().stream()
              .map(Phrase::of)
              .flatMap(p -> p.findAllInOrder(text, SLOP, false).stream())
              .filter(found -> !Negation.before(text, found.first()))
              .min(Comparator.comparingInt(found -> found.span().start()))
              .map(
                  found ->
                      flag(
                          rule,
                          "\"" + found.span().text() + "\"",
                          found.span().start(),
                          found.span().end()));
      case MISSING ->
          cleared(rule, text, meaning)
              ? Optional.empty()
              : Optional.of(flag(rule, "no mention of " + listed(rule.phrases()), null, null));
      case NO_NUMBERS ->
          text.firstNumber().isPresent()
              ? Optional.empty()
              : Optional.of(
                  flag(
                      rule,
                      "the answer gives no figures (no digits, no number words)",
                      null,
                      null));
    };
  }

  private static boolean cleared(RedFlagRule rule, AnswerText text, Clearing meaning) {
    for (String source : rule.phrases()) {
      Phrase p = Phrase.of(source);
      for (Phrase.Found found : p.findAllInOrder(text, SLOP, true)) {
        if (!Negation.before(text, found.first())
            && (p.size() >= 2 || meaning.clears(rule, found.span()))) {
          return true;
        }
      }
    }
    return meaning.clears(rule, null);
  }

  private static String listed(List<String> phrases) {
    String shown =
        phrases.stream().limit(6).map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
    return phrases.size() > 6 ? shown + " or similar" : shown;
  }

  private static RaisedFlag flag(RedFlagRule rule, String evidence, Integer start, Integer end) {
    return new RaisedFlag(rule.id(), rule.title(), rule.explanation(), evidence, start, end);
  }
}
