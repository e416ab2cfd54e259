package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.meaning.Clauses;
import dev.rehearse.assessment.meaning.SentenceEncoder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An answer's clauses with their vectors, each marked when it is said as not done (negated) or
 * when it only repeats the question's words (an echo, which earns nothing). The whole answer's
 * vector is the mean of its clauses that are not echoes.
 */
final class AnswerUnits {
  /** A clause whose content words are at least this share of the question's words is an echo. */
  static final double ECHO_SHARE = 0.75;

  final List<Clauses.Unit> units;
  final float[][] vectors;
  final boolean[] negated;
  final boolean[] echo;

  AnswerUnits(String answer, Set<String> questionTerms, SentenceEncoder encoder) {
    this.units = Clauses.of(answer);
    this.vectors = encoder.encode(units.stream().map(Clauses.Unit::text).toList());
    this.negated = new boolean[units.size()];
    this.echo = new boolean[units.size()];
    for (int i = 0; i < units.size(); i++) {
      negated[i] = Negation.of(units.get(i).text());
      echo[i] = echoes(units.get(i).text(), questionTerms);
    }
  }

  static boolean echoes(String text, Set<String> questionTerms) {
    Set<String> terms = contentTerms(text);
    if (terms.isEmpty()) {
      return true;
    }
    long from = terms.stream().filter(questionTerms::contains).count();
    return from >= ECHO_SHARE * terms.size();
  }

  static Set<String> contentTerms(String text) {
    Set<String> out = new HashSet<>();
    new AnswerText(text).content().forEach(t -> out.add(t.term()));
    return out;
  }
}
