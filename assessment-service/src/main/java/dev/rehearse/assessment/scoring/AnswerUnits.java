package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.meaning.Clauses;
import dev.rehearse.assessment.meaning.SentenceEncoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An answer's clauses with their vectors, each marked when it is said as not done (negated) or when
 * it only repeats the question's words (an echo, which earns nothing), with its content terms.
 */
final class AnswerUnits {
  /** A clause whose content words are at least this share of the question's words is an echo. */
  static final double ECHO_SHARE = 0.75;

  final List<Clauses.Unit> units;
  final float[][] vectors;
  final boolean[] negated;
  final boolean[] echo;
  final List<Set<String>> terms;

  AnswerUnits(AnswerText answer, Set<String> questionTerms, SentenceEncoder encoder) {
    this.units = Clauses.of(answer.text());
    this.vectors = encoder.encode(units.stream().map(Clauses.Unit::text).toList());
    this.negated = new boolean[units.size()];
    this.echo = new boolean[units.size()];
    this.terms = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Clauses.Unit u = units.get(i);
      Set<String> own = new HashSet<>();
      answer.content().stream()
          .filter(t -> t.start() >= u.start() && t.end() <= u.end())
          .forEach(t -> own.add(t.term()));
      terms.add(own);
      negated[i] = Negation.of(u.text());
      echo[i] =
          own.isEmpty()
              || own.stream().filter(questionTerms::contains).count() >= ECHO_SHARE * own.size();
    }
  }
}
