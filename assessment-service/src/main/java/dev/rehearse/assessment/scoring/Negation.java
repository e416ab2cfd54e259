package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.AnswerText.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether words are said as not done. A negator shortly before a phrase ("no canary", "we would
 * never roll back") turns it around; two of them ("never ship without a canary") turn it back.
 * A whole clause is negated when it holds an odd number of negators.
 */
final class Negation {
  /** Words that turn a whole clause around. */
  private static final Set<String> CLAUSE_NEGATORS = Set.of("not", "no", "never", "don't", "didn't", "doesn't",
      "won't", "wouldn't", "shouldn't", "can't", "cannot", "isn't", "aren't", "wasn't", "without", "nor", "neither",
      "skip", "unnecessary", "needless");
  /** Shortly before a phrase, these also reject it ("rather than", "instead of", "avoid"). */
  private static final Set<String> NEGATORS = union(CLAUSE_NEGATORS, Set.of("instead", "rather", "avoid", "avoided",
      "avoiding", "stop", "stopped", "against", "mistake", "wrong", "myth"));
  /** How many words before a phrase a negator still reaches. */
  static final int REACH = 4;

  private Negation() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }

  private static boolean in(Set<String> words, String surface) {
    String s = surface.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    return words.contains(s) || s.endsWith("n't");
  }

  /** True when an odd number of negators stands within {@link #REACH} words before {@code first}, in its sentence. */
  static boolean before(AnswerText text, Token first) {
    List<Token> all = text.tokens();
    int at = all.indexOf(first);
    int count = 0;
    for (int i = at - 1; i >= Math.max(0, at - REACH); i--) {
      Token t = all.get(i);
      if (t.sentence() != first.sentence()) {
        break;
      }
      if (in(NEGATORS, t.surface())) {
        count++;
      }
    }
    return count % 2 == 1;
  }

  /** True when a piece of text holds an odd number of negators. */
  static boolean of(String text) {
    int count = 0;
    for (String w : text.split("[^\\p{L}'\u2019]+")) {
      if (!w.isEmpty() && in(CLAUSE_NEGATORS, w)) {
        count++;
      }
    }
    return count % 2 == 1;
  }
}
