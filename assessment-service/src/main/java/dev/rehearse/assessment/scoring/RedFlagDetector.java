package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.AnswerText.Token;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a question's red-flag rules to an answer. MENTIONS fires on a phrase said as a claim, not
 * on one that is negated or rejected ("rather than just adding more GPUs"); MISSING fires when no
 * phrase occurs (phrase words of four letters or more also match as prefixes: "resum" finds
 * "resumed"); NO_NUMBERS fires when the answer has no digit and no number word.
 */
final class RedFlagDetector {
  /** Words that, shortly before a phrase, turn a claim into its rejection. */
  private static final Set<String> NEGATORS = Set.of("not", "no", "never", "don't", "didn't", "doesn't", "won't",
      "wouldn't", "shouldn't", "can't", "cannot", "isn't", "aren't", "wasn't", "instead", "rather", "avoid",
      "avoided", "avoiding", "without", "nor", "stop", "stopped", "against", "mistake", "wrong", "myth");
  private static final int NEGATION_REACH = 4;
  private static final int SLOP = 1;

  private RedFlagDetector() {}

  static List<RaisedFlag> detect(List<RedFlagRule> rules, AnswerText text) {
    return rules.stream().map(rule -> raised(rule, text)).flatMap(Optional::stream).toList();
  }

  private static Optional<RaisedFlag> raised(RedFlagRule rule, AnswerText text) {
    return switch (rule.kind()) {
      case MENTIONS -> rule.phrases().stream()
          .map(Phrase::of)
          .flatMap(p -> p.findAllInOrder(text, SLOP, false).stream())
          .filter(found -> !negated(text, found.first()))
          .min(Comparator.comparingInt(found -> found.span().start()))
          .map(found -> flag(rule, "\"" + found.span().text() + "\"", found.span().start(), found.span().end()));
      case MISSING -> rule.phrases().stream().map(Phrase::of).anyMatch(p -> p.findInOrder(text, SLOP, true).isPresent())
          ? Optional.empty()
          : Optional.of(flag(rule, "no mention of " + listed(rule.phrases()), null, null));
      case NO_NUMBERS -> text.firstNumber().isPresent()
          ? Optional.empty()
          : Optional.of(flag(rule, "the answer gives no figures (no digits, no number words)", null, null));
    };
  }

  /** True when a negator stands within a few words before the phrase, in the same sentence. */
  private static boolean negated(AnswerText text, Token first) {
    List<Token> all = text.tokens();
    int at = all.indexOf(first);
    for (int i = at - 1; i >= Math.max(0, at - NEGATION_REACH); i--) {
      Token t = all.get(i);
      if (t.sentence() != first.sentence()) {
        return false;
      }
      if (NEGATORS.contains(t.surface().replace('\u2019', '\'')) || t.surface().endsWith("n't")) {
        return true;
      }
    }
    return false;
  }

  private static String listed(List<String> phrases) {
    String shown = phrases.stream().limit(6).map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
    return phrases.size() > 6 ? shown + " or similar" : shown;
  }

  private static RaisedFlag flag(RedFlagRule rule, String evidence, Integer start, Integer end) {
    return new RaisedFlag(rule.id(), rule.title(), rule.explanation(), evidence, start, end);
  }
}
