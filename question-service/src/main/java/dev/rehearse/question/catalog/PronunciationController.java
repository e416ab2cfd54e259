package dev.rehearse.question.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

@Controller("/api/pronunciation")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PronunciationController {
  private final ItemRepository items;

  public PronunciationController(ItemRepository items) {
    this.items = items;
  }

  /** A term to drill: how it is said and the spoken forms a recogniser should accept. */
  @Serdeable
  public record PronunciationTerm(
      String id,
      String term,
      String saidAs,
      List<String> spokenForms,
      @Nullable String stress,
      @Nullable String commonMistake,
      @Nullable String kind,
      String skill,
      String level,
      List<String> roles) {}

  @Operation(summary = "Pronunciation drill terms in alphabetical order, optionally for one role")
  @Get("/terms")
  public List<PronunciationTerm> terms(@QueryValue @Nullable String role) {
    return items.findByTypeAndRetiredAtIsNullOrderByText(ItemType.PRONUNCIATION).stream()
        .filter(i -> role == null || role.isBlank() || i.roles().contains(role.trim()))
        .map(
            i ->
                new PronunciationTerm(
                    i.id(),
                    i.content().term(),
                    i.content().saidAs(),
                    i.content().spokenForms(),
                    i.content().stress(),
                    i.content().commonMistake(),
                    i.content().kind(),
                    i.skillId(),
                    i.level(),
                    i.roles()))
        .toList();
  }
}
