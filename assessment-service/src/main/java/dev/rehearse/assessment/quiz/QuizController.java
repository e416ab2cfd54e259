package dev.rehearse.assessment.quiz;

import dev.rehearse.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

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
  public HttpResponse<QuizResult> submit(Caller caller, @Body @Valid QuizRequest request) {
    return HttpResponse.created(marking.mark(caller.id(), request));
  }
}
