package dev.rehearse.assessment.review;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.review.AttemptReview.ConceptMark;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.MarkedScore;
import dev.rehearse.assessment.scoring.RubricScorer;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.platform.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a coach's marks against the concepts the machine judged (every one marked once, each with
 * a reason) and recomputes the score from them with the scorer's own rules.
 */
@Singleton
public class ConceptMarking {
  private final RubricScorer scorer;
  private final CatalogRepository catalog;

  public ConceptMarking(RubricScorer scorer, CatalogRepository catalog) {
    this.scorer = scorer;
    this.catalog = catalog;
  }

  /** The marks as stored, beside what the machine found, with the score they give. */
  public record Marked(List<ConceptMark> marks, List<String> cleared, MarkedScore score) {}

  public Marked mark(Attempt attempt, ReviewRequest request) {
    Map<String, ConceptMark> machine = machineView(attempt);
    Map<String, ReviewRequest.Mark> given = new LinkedHashMap<>();
    for (ReviewRequest.Mark m : request.marksOrNone()) {
      if (!machine.containsKey(m.concept())) {
        throw ProblemException.badRequest(
            "marks", "this attempt has no concept " + m.concept() + "; mark only its concepts");
      }
      if (given.put(m.concept(), m) != null) {
        throw ProblemException.badRequest("marks", "concept " + m.concept() + " is marked twice");
      }
    }
    List<String> unmarked = machine.keySet().stream().filter(c -> !given.containsKey(c)).toList();
    if (!unmarked.isEmpty()) {
      throw ProblemException.badRequest(
          "marks", "mark every concept, covered or not: " + String.join(", ", unmarked));
    }
    Set<String> raised =
        attempt.redFlags().stream().map(RaisedFlag::rule).collect(Collectors.toSet());
    List<String> cleared = request.clearedOrNone().stream().distinct().toList();
    cleared.stream()
        .filter(f -> !raised.contains(f))
        .findFirst()
        .ifPresent(
            f -> {
              throw ProblemException.badRequest(
                  "clearedFlags", "no red flag " + f + " was raised on this attempt");
            });
    List<ConceptMark> marks = new ArrayList<>();
    machine.forEach(
        (id, m) -> {
          ReviewRequest.Mark g = given.get(id);
          marks.add(
              new ConceptMark(
                  id, m.label(), m.weight(), m.machineCredit(), g.covered(), g.reason().trim()));
        });
    CatalogQuestion question =
        catalog
            .findById(attempt.questionId())
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "marks", "the question of this attempt is no longer in the catalog"));
    MarkedScore score =
        scorer.fromMarks(
            question,
            attempt.answerText(),
            marks.stream()
                .collect(
                    Collectors.toMap(
                        ConceptMark::concept,
                        ConceptMark::weight,
                        Integer::sum,
                        LinkedHashMap::new)),
            marks.stream()
                .filter(ConceptMark::covered)
                .map(ConceptMark::concept)
                .collect(Collectors.toSet()),
            raised.stream().filter(f -> !cleared.contains(f)).toList());
    return new Marked(marks, cleared, score);
  }

  /** The attempt's concepts in the machine's order (found, then missed), unmarked. */
  private static Map<String, ConceptMark> machineView(Attempt attempt) {
    Map<String, ConceptMark> out = new LinkedHashMap<>();
    attempt
        .conceptsHit()
        .forEach(
            h ->
                out.put(
                    h.concept(),
                    new ConceptMark(
                        h.concept(),
                        h.label(),
                        weight(h.weight()),
                        Objects.requireNonNullElse(h.credit(), 1.0),
                        true,
                        "")));
    attempt
        .conceptsMissed()
        .forEach(
            m ->
                out.putIfAbsent(
                    m.concept(),
                    new ConceptMark(m.concept(), m.label(), weight(m.weight()), 0, false, "")));
    return out;
  }

  /** Attempts scored before weights were stored count each concept once. */
  private static int weight(Integer w) {
    return w == null ? 1 : w;
  }
}
