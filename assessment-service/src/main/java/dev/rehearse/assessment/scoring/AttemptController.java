package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.coachquestion.CoachQuestionAccess;
import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.assessment.review.SecondReviews;
import dev.rehearse.assessment.session.SessionAnswers;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;

@Controller("/api/attempts")
public class AttemptController {
  private final CatalogRepository catalog;
  private final AttemptViews views;
  private final AttemptScoring scoring;
  private final AttemptRepository attempts;
  private final CohortAccess access;
  private final SessionAnswers sessionAnswers;
  private final SecondReviews secondReviews;
  private final CoachQuestionAccess questionAccess;

  public AttemptController(
      CatalogRepository catalog,
      AttemptViews views,
      AttemptScoring scoring,
      AttemptRepository attempts,
      CohortAccess access,
      SessionAnswers sessionAnswers,
      SecondReviews secondReviews,
      CoachQuestionAccess questionAccess) {
    this.catalog = catalog;
    this.views = views;
    this.scoring = scoring;
    this.attempts = attempts;
    this.access = access;
    this.sessionAnswers = sessionAnswers;
    this.secondReviews = secondReviews;
    this.questionAccess = questionAccess;
  }

  /** A coach's own question outside the caller's cohorts is as unknown as a missing one. */
  @Operation(summary = "Score a typed answer at once; with sessionId, as a mock interview's answer")
  @Post
  public HttpResponse<AttemptView> submit(Caller caller, @Body @Valid TypedAnswer answer) {
    var question =
        catalog
            .findById(answer.questionId())
            .filter(q -> questionAccess.canSee(caller, q.questionId()))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "questionId", "no question with id " + answer.questionId()));
    Attempt attempt =
        answer.sessionId() == null
            ? scoring.score(UUID.randomUUID(), caller.id(), question, answer.answerText(), null)
            : sessionAnswers.typed(caller.id(), answer.sessionId(), question, answer.answerText());
    return HttpResponse.created(AttemptView.of(attempt, question.modelAnswer()));
  }

  /**
   * Candidates see their own attempts, coaches their cohorts' (anything else answers 404, revealing
   * nothing). A blind second reviewer sees it as the machine scored it.
   */
  @Operation(summary = "A scored attempt, typed or spoken")
  @Get("/{id}")
  public AttemptView get(UUID id, Caller caller) {
    return attempts
        .findById(id)
        .filter(a -> access.mayRead(caller, a.candidateId()))
        .map(a -> views.of(secondReviews.blindTo(caller, id) ? a.asScored() : a))
        .orElseThrow(() -> ProblemException.notFound("id", "no scored attempt with id " + id));
  }
}
