package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.AnswerText.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether words are said as not done. A negator shortly before a phrase ("no canary", "we would
 * never roll back") turns it around, as do several ("no checkpoints and no retries"); "without"
 * after another negator turns it back ("never ship without a canary"). A whole clause is read the
 * same way.
 */
final class Negation {
  /** Words that turn a whole clause around. */
  private static final Set<String> CLAUSE_NEGATORS =
      Set.of(
          "not",
          "no",
          "never",
          "don't",
          "didn't",
          "doesn't",
          "won't",
          "wouldn't",
          "shouldn't",
          "can't",
          "cannot",
          "isn't",
          "aren't",
          "wasn't",
          "without",
          "nor",
          "neither",
          "skip",
          "unnecessary",
          "needless",
          "pointless",
          "overkill",
          "useless");

  /** Shortly before a phrase, these also reject it ("rather than", "instead of", "avoid"). */
  private static final Set<String> NEGATORS =
      union(
          CLAUSE_NEGATORS,
          Set.of(
              "instead",
              "rather",
              "avoid",
              "avoided",
              "avoiding",
              "stop",
              "stopped",
              "against",
              "mistake",
              "wrong",
              "myth"));

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

  /**
   * True when a negator stands within {@link #REACH} words before {@code first}, in its sentence.
   */
  static boolean before(AnswerText text, Token first) {
    List<Token> all = text.tokens();
    int at = all.indexOf(first);
    List<String> words = new java.util.ArrayList<>();
    for (int i = at - 1;
        i >= Math.max(0, at - REACH) && all.get(i).sentence() == first.sentence();
        i--) {
      words.add(all.get(i).surface());
    }
    return negates(words, NEGATORS);
  }

  /**
   * After a thing and a negator, these dismiss it: "seeds do not matter", "checks are not needed".
   */
  private static final Set<String> DISMISSED_WHEN_NEGATED =
      Set.of("matter", "matters", "necessary", "needed", "required", "important", "worth");

  /** After a thing, these dismiss it on their own: "a canary is overkill". */
  private static final Set<String> DISMISSIVE =
      Set.of("unnecessary", "needless", "pointless", "overkill", "useless");

  /**
   * True when the few words after {@code last}, in its sentence, dismiss what it names. Only
   * dismissing words count, not any negator: "checkpoints do not slow training" keeps checkpoints.
   */
  static boolean dismissedAfter(AnswerText text, Token last) {
    List<Token> all = text.tokens();
    int at = all.indexOf(last);
    boolean negator = false;
    for (int i = at + 1;
        i <= Math.min(all.size() - 1, at + REACH) && all.get(i).sentence() == last.sentence();
        i++) {
      String w = all.get(i).surface().toLowerCase(Locale.ROOT);
      negator |= in(CLAUSE_NEGATORS, w);
      if (DISMISSIVE.contains(w) || (negator && DISMISSED_WHEN_NEGATED.contains(w))) {
        return true;
      }
    }
    return false;
  }

  /** True when a piece of text is said as not done. */
  static boolean of(String text) {
    return negates(List.of(text.split("[^\\p{L}'\u2019]+")), CLAUSE_NEGATORS);
  }

  private static boolean negates(List<String> words, Set<String> negators) {
    boolean other = false;
    boolean without = false;
    for (String w : words) {
      if (w.equalsIgnoreCase("without")) {
        without = true;
      } else if (!w.isEmpty() && in(negators, w)) {
        other = true;
      }
    }
    return other != without;
  }
}
