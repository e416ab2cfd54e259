package dev.rehearse.assessment.quiz;

import dev.rehearse.assessment.access.Identity;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Controller("/api/quiz-submissions")
public class QuizController {
  private final QuizMarking marking;

  public QuizController(QuizMarking marking) {
    this.marking = marking;
  }

  @Operation(
      summary =
          "Mark a quiz: correctness and the explanation of each chosen option, total, per skill")
  @Post
  public HttpResponse<QuizResult> submit(
      @Header(Identity.CANDIDATE) @NotBlank @Size(max = 100) String candidateId,
      @Body @Valid QuizRequest request) {
    return HttpResponse.created(marking.mark(candidateId, request));
  }
}
