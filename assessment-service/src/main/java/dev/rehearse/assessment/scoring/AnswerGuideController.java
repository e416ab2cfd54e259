package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.coachquestion.CoachQuestionAccess;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;

/** The scorer's own length rules for one question, so the answer box's hint cannot disagree. */
@Controller("/api/answer-guides")
public class AnswerGuideController {
  private final CatalogRepository catalog;
  private final CoachQuestionAccess access;
  private final RubricScorer scorer;

  public AnswerGuideController(
      CatalogRepository catalog, CoachQuestionAccess access, RubricScorer scorer) {
    this.catalog = catalog;
    this.access = access;
    this.scorer = scorer;
  }

  @Operation(summary = "How long an answer to this question must be for each score cap to lift")
  @Get("/{questionId}")
  public AnswerGuide get(@Size(max = 100) String questionId, Caller caller) {
    return catalog
        .findById(questionId)
        .filter(q -> access.canSee(caller, q.questionId()))
        .map(scorer::guide)
        .orElseThrow(
            () -> ProblemException.notFound("questionId", "no question with id " + questionId));
  }
}
