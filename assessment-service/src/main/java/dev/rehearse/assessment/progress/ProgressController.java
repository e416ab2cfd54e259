package dev.rehearse.assessment.progress;

import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.assessment.quiz.QuizResponse;
import dev.rehearse.assessment.quiz.QuizResponseRepository;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.ScoreResult;
import dev.rehearse.platform.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Controller("/api/progress")
public class ProgressController {
  private final AttemptRepository attempts;
  private final QuizResponseRepository quiz;
  private final CohortAccess access;

  public ProgressController(
      AttemptRepository attempts, QuizResponseRepository quiz, CohortAccess access) {
    this.attempts = attempts;
    this.quiz = quiz;
    this.access = access;
  }

  @Operation(
      summary =
          "Progress of the calling candidate, or (for a coach, with ?candidateId=) of a candidate in their cohorts")
  @Get
  public Progress progress(
      Caller caller, @Nullable @QueryValue @Size(max = 100) String candidateId) {
    String candidate = caller.id();
    if (candidateId != null) {
      access.requireSees(caller, candidateId);
      candidate = candidateId;
    }
    return of(
        candidate,
        attempts.findByCandidateIdOrderByCreatedAt(candidate),
        quiz.findByCandidateId(candidate));
  }

  static Progress of(String candidate, List<Attempt> history, List<QuizResponse> answers) {
    Map<String, List<Attempt>> bySkill = new LinkedHashMap<>();
    history.forEach(
        a ->
            bySkill
                .computeIfAbsent(
                    a.skillId() == null ? "unknown" : a.skillId(), k -> new java.util.ArrayList<>())
                .add(a));
    List<Progress.SkillProgress> skills =
        bySkill.entrySet().stream()
            .map(
                e -> {
                  List<Integer> scores =
                      e.getValue().stream().map(Attempt::effectiveScore).toList();
                  return new Progress.SkillProgress(
                      e.getKey(),
                      scores.size(),
                      average(scores),
                      scores.get(scores.size() - 1),
                      Trend.of(scores),
                      e.getValue().stream()
                          .map(
                              a ->
                                  new Progress.Point(
                                      a.id(),
                                      a.questionId(),
                                      a.createdAt(),
                                      a.effectiveScore(),
                                      ScoreResult.Band.of(a.effectiveScore()).label()))
                          .toList());
                })
            .toList();
    List<Integer> all = history.stream().map(Attempt::effectiveScore).toList();
    int correct = (int) answers.stream().filter(QuizResponse::correct).count();
    return new Progress(
        candidate,
        all.size(),
        all.isEmpty() ? null : average(all),
        Trend.of(all),
        skills,
        new Progress.QuizProgress(
            answers.size(),
            correct,
            answers.isEmpty() ? null : Math.round(100f * correct / answers.size())));
  }

  private static int average(List<Integer> scores) {
    return (int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
  }
}
