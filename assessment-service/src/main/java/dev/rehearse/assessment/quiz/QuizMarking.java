package dev.rehearse.assessment.quiz;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.repetition.CardKind;
import dev.rehearse.assessment.repetition.Repetition;
import dev.rehearse.contracts.QuestionPublished.QuizOption;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Marks a quiz submission against the options' correctness, with partial credit for items with
 * several right answers, stores every response and schedules each item not fully right for review.
 */
@Singleton
public class QuizMarking {
  private final CatalogRepository catalog;
  private final QuizSubmissionRepository submissions;
  private final QuizResponseRepository responses;
  private final Repetition repetition;

  public QuizMarking(
      CatalogRepository catalog,
      QuizSubmissionRepository submissions,
      QuizResponseRepository responses,
      Repetition repetition) {
    this.catalog = catalog;
    this.submissions = submissions;
    this.responses = responses;
    this.repetition = repetition;
  }

  /** Checks everything first, so a bad submission stores nothing. */
  @Transactional
  public QuizResult mark(String candidateId, QuizRequest request) {
    Map<String, CatalogQuestion> items = new LinkedHashMap<>();
    for (int i = 0; i < request.itemIds().size(); i++) {
      String id = request.itemIds().get(i);
      String field = "itemIds[" + i + "]";
      if (items.containsKey(id)) {
        throw ProblemException.badRequest(field, "item " + id + " is listed twice");
      }
      CatalogQuestion q =
          catalog
              .findById(id)
              .orElseThrow(() -> ProblemException.notFound(field, "no item with id " + id));
      if (!CatalogQuestion.QUIZ.equals(q.type()) || q.options().isEmpty()) {
        throw ProblemException.badRequest(field, "item " + id + " is not a quiz question");
      }
      items.put(id, q);
    }
    Map<String, List<String>> chosen = new HashMap<>();
    for (int i = 0; i < request.answers().size(); i++) {
      QuizRequest.Answer a = request.answers().get(i);
      CatalogQuestion q = items.get(a.itemId());
      String at = "answers[" + i + "]";
      if (q == null) {
        throw ProblemException.badRequest(
            at + ".itemId", "item " + a.itemId() + " is not in itemIds");
      }
      if (chosen.containsKey(a.itemId())) {
        throw ProblemException.badRequest(
            at + ".itemId", "item " + a.itemId() + " is answered twice");
      }
      List<String> picks = a.picks();
      String pickField =
          at + (a.optionIds() == null || a.optionIds().isEmpty() ? ".optionId" : ".optionIds");
      if (picks.isEmpty() || a.choosesBothWays()) {
        throw ProblemException.badRequest(
            at + ".optionId", "give optionId (one option) or optionIds (several), not both");
      }
      if (new HashSet<>(picks).size() < picks.size()) {
        throw ProblemException.badRequest(pickField, "an option is picked twice");
      }
      if (rightOptions(q) < 2 && picks.size() > 1) {
        throw ProblemException.badRequest(
            pickField, "item " + a.itemId() + " has one right answer: pick one option");
      }
      for (String pick : picks) {
        if (q.options().stream().noneMatch(o -> o.id().equals(pick))) {
          throw ProblemException.badRequest(
              pickField, "item " + a.itemId() + " has no option " + pick);
        }
      }
      chosen.put(a.itemId(), picks);
    }

    UUID submissionId = UUID.randomUUID();
    Instant now = Instant.now();
    List<QuizResult.Marked> marked = new ArrayList<>();
    List<QuizResponse> rows = new ArrayList<>();
    for (CatalogQuestion q : items.values()) {
      List<String> picks = chosen.getOrDefault(q.questionId(), List.of());
      QuizResult.Marked m =
          picks.isEmpty()
              ? QuizResult.Marked.unanswered(q.questionId(), q.skillId(), q.level())
              : mark(q, picks);
      marked.add(m);
      rows.add(
          new QuizResponse(
              UUID.randomUUID(),
              submissionId,
              candidateId,
              q.questionId(),
              q.skillId(),
              q.level(),
              picks.isEmpty() ? null : String.join(",", picks),
              m.correct(),
              now,
              m.credit()));
      if (!picks.isEmpty() && !m.correct()) {
        repetition.enrol(candidateId, CardKind.QUIZ_ITEM, q.questionId(), q.text());
      }
    }
    int correct = (int) marked.stream().filter(QuizResult.Marked::correct).count();
    double points = points(marked);
    submissions.save(new QuizSubmission(submissionId, candidateId, correct, marked.size(), now));
    responses.saveAll(rows);
    return new QuizResult(
        submissionId,
        marked,
        new QuizResult.Total(correct, marked.size(), percent(points, marked.size()), points),
        perSkill(marked));
  }

  private static long rightOptions(CatalogQuestion q) {
    return q.options().stream().filter(QuizOption::correct).count();
  }

  /**
   * Credit: (right picks - wrong picks) / right options, at least 0; with one right option, 1 or 0.
   */
  private static QuizResult.Marked mark(CatalogQuestion q, List<String> picks) {
    long right = rightOptions(q);
    List<QuizResult.OptionMark> options = new ArrayList<>();
    int hits = 0;
    int misses = 0;
    for (QuizOption o : q.options()) {
      boolean picked = picks.contains(o.id());
      if (picked) {
        hits += o.correct() ? 1 : 0;
        misses += o.correct() ? 0 : 1;
      }
      if (picked || o.correct()) {
        options.add(new QuizResult.OptionMark(o.id(), picked, o.correct(), o.explanation()));
      }
    }
    double credit = right == 0 ? 0 : Math.max(0, (double) (hits - misses) / right);
    boolean correct = credit >= 1;
    QuizOption first = option(q, picks.get(0));
    QuizOption key =
        q.options().stream()
            .filter(o -> o.correct() && !picks.contains(o.id()))
            .findFirst()
            .orElse(null);
    return new QuizResult.Marked(
        q.questionId(),
        q.skillId(),
        q.level(),
        first.id(),
        correct,
        first.explanation(),
        correct || key == null ? first.id() : key.id(),
        correct || key == null ? null : key.explanation(),
        picks,
        credit,
        right > 1,
        options);
  }

  private static QuizOption option(CatalogQuestion q, String id) {
    return q.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  private static double points(List<QuizResult.Marked> marked) {
    return marked.stream().mapToDouble(QuizResult.Marked::credit).sum();
  }

  private static List<QuizResult.SkillResult> perSkill(List<QuizResult.Marked> marked) {
    Map<String, List<QuizResult.Marked>> bySkill = new LinkedHashMap<>();
    for (QuizResult.Marked m : marked) {
      bySkill.computeIfAbsent(m.skillId(), k -> new ArrayList<>()).add(m);
    }
    return bySkill.entrySet().stream()
        .map(
            e -> {
              List<QuizResult.Marked> ms = e.getValue();
              double points = points(ms);
              int correct = (int) ms.stream().filter(QuizResult.Marked::correct).count();
              return new QuizResult.SkillResult(
                  e.getKey(), correct, ms.size(), percent(points, ms.size()), points);
            })
        .toList();
  }

  private static int percent(double points, int whole) {
    return whole == 0 ? 0 : (int) Math.round(100 * points / whole);
  }
}
