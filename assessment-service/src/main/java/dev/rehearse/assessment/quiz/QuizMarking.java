package dev.rehearse.assessment.quiz;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.contracts.QuestionPublished.QuizOption;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Marks a quiz submission against the options' correctness and stores every response. */
@Singleton
public class QuizMarking {
  private final CatalogRepository catalog;
  private final QuizSubmissionRepository submissions;
  private final QuizResponseRepository responses;

  public QuizMarking(
      CatalogRepository catalog,
      QuizSubmissionRepository submissions,
      QuizResponseRepository responses) {
    this.catalog = catalog;
    this.submissions = submissions;
    this.responses = responses;
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
    Map<String, String> chosen = new HashMap<>();
    for (int i = 0; i < request.answers().size(); i++) {
      QuizRequest.Answer a = request.answers().get(i);
      CatalogQuestion q = items.get(a.itemId());
      if (q == null) {
        throw ProblemException.badRequest(
            "answers[" + i + "].itemId", "item " + a.itemId() + " is not in itemIds");
      }
      if (chosen.containsKey(a.itemId())) {
        throw ProblemException.badRequest(
            "answers[" + i + "].itemId", "item " + a.itemId() + " is answered twice");
      }
      if (q.options().stream().noneMatch(o -> o.id().equals(a.optionId()))) {
        throw ProblemException.badRequest(
            "answers[" + i + "].optionId", "item " + a.itemId() + " has no option " + a.optionId());
      }
      chosen.put(a.itemId(), a.optionId());
    }

    UUID submissionId = UUID.randomUUID();
    Instant now = Instant.now();
    List<QuizResult.Marked> marked = new ArrayList<>();
    List<QuizResponse> rows = new ArrayList<>();
    for (CatalogQuestion q : items.values()) {
      QuizOption right =
          q.options().stream().filter(QuizOption::correct).findFirst().orElse(q.options().get(0));
      String optionId = chosen.get(q.questionId());
      QuizOption picked =
          optionId == null
              ? null
              : q.options().stream().filter(o -> o.id().equals(optionId)).findFirst().orElseThrow();
      boolean correct = picked != null && picked.correct();
      marked.add(
          picked == null
              ? QuizResult.Marked.unanswered(q.questionId(), q.skillId(), q.level())
              : new QuizResult.Marked(
                  q.questionId(),
                  q.skillId(),
                  q.level(),
                  optionId,
                  correct,
                  picked.explanation(),
                  correct ? picked.id() : right.id(),
                  correct ? null : right.explanation()));
      rows.add(
          new QuizResponse(
              UUID.randomUUID(),
              submissionId,
              candidateId,
              q.questionId(),
              q.skillId(),
              q.level(),
              optionId,
              correct,
              now));
    }
    int correct = (int) marked.stream().filter(QuizResult.Marked::correct).count();
    submissions.save(new QuizSubmission(submissionId, candidateId, correct, marked.size(), now));
    responses.saveAll(rows);
    return new QuizResult(
        submissionId,
        marked,
        new QuizResult.Total(correct, marked.size(), percent(correct, marked.size())),
        perSkill(marked));
  }

  private static List<QuizResult.SkillResult> perSkill(List<QuizResult.Marked> marked) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (QuizResult.Marked m : marked) {
      int[] c = counts.computeIfAbsent(m.skillId(), k -> new int[2]);
      c[0] += m.correct() ? 1 : 0;
      c[1]++;
    }
    return counts.entrySet().stream()
        .map(
            e ->
                new QuizResult.SkillResult(
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1],
                    percent(e.getValue()[0], e.getValue()[1])))
        .toList();
  }

  private static int percent(int part, int whole) {
    return whole == 0 ? 0 : Math.round(100f * part / whole);
  }
}
