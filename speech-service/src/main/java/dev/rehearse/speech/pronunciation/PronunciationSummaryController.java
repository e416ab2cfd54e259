package dev.rehearse.speech.pronunciation;

import dev.rehearse.platform.identity.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;

@Controller("/api/pronunciation-attempts/summary")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PronunciationSummaryController {
  private final PronunciationSummaryRepository summaries;

  public PronunciationSummaryController(PronunciationSummaryRepository summaries) {
    this.summaries = summaries;
  }

  @Operation(
      summary =
          "The caller's pronunciation drilling: terms practised and passed, and per term its"
              + " attempts, best score and last verdict")
  @Get
  public PronunciationSummary summary(Caller caller) {
    return PronunciationSummary.of(summaries.terms(caller.id()));
  }
}
