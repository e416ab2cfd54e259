package dev.rehearse.assessment.quiz;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

@Controller("/api/admin/item-stats")
public class ItemStatsController {
  private final QuizResponseRepository responses;
  private final int minResponses;

  public ItemStatsController(
      QuizResponseRepository responses,
      @Value("${rehearse.item-stats.min-responses:10}") int minResponses) {
    this.responses = responses;
    this.minResponses = minResponses;
  }

  @Operation(summary = "Facility and discrimination index of every quiz item with responses")
  @Get
  public List<ItemStats> stats(Caller caller) {
    if (!caller.isAdmin()) {
      throw ProblemException.forbidden("only admins may see item statistics");
    }
    return ItemStats.of(responses.findAll(), minResponses);
  }
}
