package dev.rehearse.assessment.quiz;

import dev.rehearse.assessment.access.Identity;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
  public List<ItemStats> stats(@Nullable @Header(Identity.ROLE) String role) {
    Identity.admin(role);
    return ItemStats.of(responses.findAll(), minResponses);
  }
}
