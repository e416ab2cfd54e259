package dev.rehearse.assessment.coachquestion;

import static dev.rehearse.assessment.cohort.CohortAccess.requireStaff;

import dev.rehearse.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Coaches' own questions: the author writes them for some of their cohorts; members answer them
 * like pack questions (POST /api/attempts) but never see their answer key before answering.
 */
@Controller
public class CoachQuestionController {
  private final CoachQuestions questions;

  public CoachQuestionController(CoachQuestions questions) {
    this.questions = questions;
  }

  @Operation(summary = "Write a question for some of your cohorts (model answer, optional rubric)")
  @Post("/api/coach/questions")
  public HttpResponse<CoachQuestionView> create(
      Caller caller, @Body @Valid QuestionDraft question) {
    return HttpResponse.created(questions.create(requireStaff(caller), question));
  }

  @Operation(summary = "Your own questions with their answer keys (an admin's: every coach's)")
  @Get("/api/coach/questions")
  public List<CoachQuestionView> mine(Caller caller) {
    return questions.of(requireStaff(caller));
  }

  @Operation(summary = "Change one of your questions; later answers are scored on the new version")
  @Put("/api/coach/questions/{id}")
  public CoachQuestionView update(
      @Size(max = 100) String id, Caller caller, @Body @Valid QuestionDraft question) {
    return questions.update(requireStaff(caller), id, question);
  }

  @Operation(summary = "Delete one of your questions (answers already given keep their scores)")
  @Delete("/api/coach/questions/{id}")
  @Status(HttpStatus.NO_CONTENT)
  public void delete(@Size(max = 100) String id, Caller caller) {
    questions.delete(requireStaff(caller), id);
  }

  @Operation(summary = "Questions your coaches wrote for your cohorts (no answer keys)")
  @Get("/api/cohort-questions")
  public List<CohortQuestionView> shared(Caller caller) {
    return questions.sharedWith(caller);
  }

  @Operation(summary = "One coach's question, if it is shared with one of your cohorts")
  @Get("/api/cohort-questions/{id}")
  public CohortQuestionView one(@Size(max = 100) String id, Caller caller) {
    return questions.one(caller, id);
  }
}
