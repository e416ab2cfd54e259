package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.AnswerText.Span;
import dev.rehearse.assessment.scoring.ScoreBreakdown.Adjustment;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.MatchKind;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "What to add next": one to three points, ranked by the points each would gain, each quoting the
 * answer it builds on. Advice the answer already follows is never given (no "add a figure" to an
 * answer with numbers, no "name a trade-off" to one that weighs options), a MISSING flag about a
 * concept already advised on is not said twice, and no line repeats. How the score was built is in
 * {@link ScoreBreakdown}, not here.
 */
final class Feedback {
  /** A key point earning less than this share is, to the reader, not covered. */
  static final double BARELY = 0.25;

  static final int MAX_POINTS = 3;

  /** A quote longer than this many words is cut with an ellipsis. */
  static final int QUOTE_WORDS = 12;

  /** Words that show the answer already weighs one option against another. */
  private static final Pattern WEIGHS_OPTIONS =
      Pattern.compile(
          "\\b(trade[- ]?offs?|downsides?|drawbacks?|at the (cost|expense) of|instead of|rather"
              + " than|however|whereas|although|on the other hand|in exchange)\\b",
          Pattern.CASE_INSENSITIVE);

  private record Point(int gain, String text) {}

  private Feedback() {}

  static List<String> of(
      ScoringTexts texts,
      List<RedFlagRule> rules,
      AnswerText answer,
      MeaningMatch meaning,
      List<ConceptHit> hits,
      List<ConceptMiss> misses,
      List<RaisedFlag> flags,
      AnswerShape shape,
      ScoreBreakdown breakdown) {
    int totalWeight = texts.concepts().stream().mapToInt(RubricConcept::weight).sum();
    List<Point> points = new ArrayList<>();
    List<RubricConcept> advised = new ArrayList<>();
    for (ConceptMiss m : misses) {
      RubricConcept c = concept(texts, m.concept());
      advised.add(c);
      points.add(new Point(share(c.weight(), 1, totalWeight), missing(texts, c, meaning)));
    }
    for (ConceptHit h : hits) {
      if (h.credit() == null || h.credit() >= 1) {
        continue;
      }
      RubricConcept c = concept(texts, h.concept());
      advised.add(c);
      int gain = share(c.weight(), 1 - h.credit(), totalWeight);
      points.add(
          texts.derived() && h.credit() < BARELY
              ? new Point(gain, missing(texts, c, meaning))
              : new Point(
                  gain,
                  "You wrote "
                      + quote(h.matched())
                      + "; say more about "
                      + (texts.derived() ? "the key point " + quote(h.label()) : lower(h.label()))
                      + ": this touches it only in part."));
    }
    for (RaisedFlag f : flags) {
      RedFlagRule rule =
          rules.stream().filter(r -> r.id().equals(f.rule())).findFirst().orElse(null);
      if (rule == null || advised.stream().anyMatch(c -> RedFlagDetector.about(rule, c))) {
        continue; // the concept's own line already says what is missing
      }
      points.add(flag(rule, f, answer, meaning));
    }
    hits.stream()
        .filter(h -> h.how() == MatchKind.SOUND_ALIKE)
        .forEach(
            h ->
                points.add(
                    new Point(
                        0,
                        "We understood "
                            + quote(h.matched())
                            + " as "
                            + lower(h.label())
                            + "; say the term clearly so that a listener does not have to guess.")));
    shape(shape, answer, breakdown, misses.isEmpty()).ifPresent(points::add);
    if (points.isEmpty()) {
      points.add(polish(answer));
    }
    Set<String> out = new LinkedHashSet<>();
    points.stream()
        .sorted(Comparator.comparingInt(Point::gain).reversed())
        .map(Point::text)
        .forEach(
            t -> {
              if (out.size() < MAX_POINTS) {
                out.add(t);
              }
            });
    return List.copyOf(out);
  }

  private static Point flag(
      RedFlagRule rule, RaisedFlag f, AnswerText answer, MeaningMatch meaning) {
    if (rule.kind() == RedFlagRule.Kind.MENTIONS && f.start() != null) {
      return new Point(
          RubricScorer.CLAIM_PENALTY,
          "You wrote "
              + quote(answer.text().substring(f.start(), f.end()))
              + "; "
              + lower(rule.title())
              + " costs "
              + RubricScorer.CLAIM_PENALTY
              + " points: take it back or say why it holds here.");
    }
    Optional<Span> near = meaning.nearest(ScoringTexts.ruleTopics(rule));
    String advice = advice(rule.explanation());
    return new Point(
        0,
        near.map(s -> "You wrote " + quote(s.text()) + "; ").orElse("")
            + (near.isPresent() ? lower(rule.title()) : rule.title())
            + ": "
            + advice);
  }

  /** The candidate's form: an echo, a term list or an answer short for the question. */
  private static Optional<Point> shape(
      AnswerShape shape, AnswerText answer, ScoreBreakdown breakdown, boolean everyConcept) {
    Optional<Adjustment> cap =
        breakdown.adjustments().stream().filter(a -> a.cap() != null).findFirst();
    int gain = cap.map(a -> -a.points()).orElse(0);
    String start = quote(answer.text());
    // an echo or a term list caps whatever else is added, so the form comes first: the points the
    // cap keeps out of reach
    if (shape.echo()) {
      return Optional.of(
          new Point(
              100 - RubricScorer.ECHO_CAP,
              "Your answer "
                  + start
                  + " mostly repeats the question, which caps it at "
                  + RubricScorer.ECHO_CAP
                  + ": say what you would do, how and why."));
    }
    if (shape.keywordList()) {
      return Optional.of(
          new Point(
              100 - RubricScorer.KEYWORD_LIST_CAP,
              "You listed terms ("
                  + start
                  + "); a list without sentences is capped at "
                  + RubricScorer.KEYWORD_LIST_CAP
                  + ": explain in full sentences what you would do and why."));
    }
    if (shape.veryBrief() || (shape.brief() && everyConcept)) {
      return Optional.of(
          new Point(
              gain,
              "You wrote "
                  + start
                  + ": "
                  + shape.contentWords()
                  + " words that carry meaning, where this question expects about "
                  + shape.expectedWords()
                  + ": explain why each step matters here"
                  + (answer.firstNumber().isPresent() ? "." : " and give one concrete figure.")));
    }
    return Optional.empty();
  }

  /** For an answer with nothing missing: the one habit it does not show yet. */
  private static Point polish(AnswerText answer) {
    String start = "You wrote " + quote(answer.text()) + ": every key point is covered";
    if (answer.firstNumber().isEmpty()) {
      return new Point(
          0,
          start + "; add one concrete figure from your own work (GPUs, hours, cost or latency).");
    }
    if (!WEIGHS_OPTIONS.matcher(answer.text()).find()) {
      return new Point(
          0,
          start
              + ", with figures; name what your approach gives up and why that is acceptable here.");
    }
    return new Point(0, start + ", with figures and a trade-off: keep building answers this way.");
  }

  private static String missing(ScoringTexts texts, RubricConcept c, MeaningMatch meaning) {
    String lead =
        meaning
            .nearest(ScoringTexts.phrases(c))
            .map(s -> "You wrote " + quote(s.text()) + "; add ")
            .orElse("Add ");
    return texts.derived()
        ? lead + "the key point " + quote(c.label()) + "."
        : lead
            + lower(c.label())
            + ": say how it applies to this situation"
            + (c.synonyms().isEmpty() ? "" : " (for example, mention " + c.synonyms().get(0) + ")")
            + ".";
  }

  /** The last sentence of a rule's explanation: what a good answer does. */
  private static String advice(String explanation) {
    String[] sentences = explanation.strip().split("(?<=[.!?])\\s+");
    return sentences[sentences.length - 1];
  }

  private static int share(int weight, double missing, int total) {
    return total == 0 ? 0 : (int) Math.round(100.0 * weight * missing / total);
  }

  private static RubricConcept concept(ScoringTexts texts, String id) {
    return texts.concepts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  /** The answer's words in quotation marks, cut to the first few words when long. */
  static String quote(String text) {
    String[] words = text.strip().split("\\s+");
    String shown =
        words.length <= QUOTE_WORDS
            ? String.join(" ", words)
            : String.join(" ", java.util.Arrays.copyOf(words, QUOTE_WORDS - 2)) + "\u2026";
    return "\u201c" + shown + "\u201d";
  }

  /** "Mixed precision" becomes "mixed precision"; "CPU offloading" stays as it is. */
  private static String lower(String label) {
    boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
    return label.isEmpty() || acronym
        ? label
        : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
  }
}
