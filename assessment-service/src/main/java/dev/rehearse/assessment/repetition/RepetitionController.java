package dev.rehearse.assessment.repetition;

import dev.rehearse.platform.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Instant;

@Controller("/api/repetition")
public class RepetitionController {
  private final Repetition repetition;

  public RepetitionController(Repetition repetition) {
    this.repetition = repetition;
  }

  @Operation(
      summary =
          "The caller's spaced-repetition cards due by `until` (default: end of today, UTC), with"
              + " counts per kind and the days each rating would schedule")
  @Get("/due")
  public DueCards due(Caller caller, @Nullable @QueryValue Instant until) {
    return repetition.due(caller.id(), until);
  }

  @Operation(
      summary =
          "Grade one card AGAIN, HARD, GOOD or EASY; FSRS schedules it (a vocabulary card is"
              + " created by its first grade)")
  @Post("/reviews")
  public ReviewResult review(Caller caller, @Body @Valid ReviewRequest request) {
    return repetition.review(caller.id(), request);
  }
}
