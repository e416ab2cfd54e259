package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

@Controller("/api/attempts")
public class AttemptController {
  static final String CANDIDATE_HEADER = "X-Candidate-Id";
  private final CatalogRepository catalog;
  private final AttemptScoring scoring;
  private final AttemptRepository attempts;

  public AttemptController(CatalogRepository catalog, AttemptScoring scoring, AttemptRepository attempts) {
    this.catalog = catalog;
    this.scoring = scoring;
    this.attempts = attempts;
  }

  @Operation(summary = "Score a typed answer at once")
  @Post
  public HttpResponse<AttemptView> submit(
      @Header(CANDIDATE_HEADER) @NotBlank @Size(max = 100) String candidateId, @Body @Valid TypedAnswer answer) {
    var question = catalog.findById(answer.questionId())
        .orElseThrow(() -> ProblemException.notFound("questionId", "no question with id " + answer.questionId()));
    Attempt attempt = scoring.score(UUID.randomUUID(), candidateId, question, answer.answerText(), null);
    return HttpResponse.created(AttemptView.of(attempt));
  }

  @Operation(summary = "A scored attempt, typed or spoken")
  @Get("/{id}")
  public AttemptView get(UUID id) {
    return attempts.findById(id).map(AttemptView::of)
        .orElseThrow(() -> ProblemException.notFound("id", "no scored attempt with id " + id));
  }
}
