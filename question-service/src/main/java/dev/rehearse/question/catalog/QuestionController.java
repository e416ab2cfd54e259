package dev.rehearse.question.catalog;

import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Controller("/api/questions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class QuestionController {
  private final QuestionSearch search;
  private final ItemRepository items;
  private final RoleRepository roles;
  private final SkillRepository skills;
  private final RedFlagRepository rules;

  public QuestionController(
      QuestionSearch search,
      ItemRepository items,
      RoleRepository roles,
      SkillRepository skills,
      RedFlagRepository rules) {
    this.search = search;
    this.items = items;
    this.roles = roles;
    this.skills = skills;
    this.rules = rules;
  }

  @Operation(
      summary =
          "Items by role, skill, type and level; q is ranked full-text search over text, tags and vocabulary")
  @Get
  public QuestionPage list(
      @QueryValue @Nullable @Size(max = 100) String role,
      @QueryValue @Nullable @Size(max = 100) String skill,
      @QueryValue @Nullable String type,
      @QueryValue @Nullable String level,
      @QueryValue @Nullable @Size(max = 200) String q,
      @QueryValue(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
    QuestionFilter filter =
        new QuestionFilter(
            blankToNull(role),
            blankToNull(skill),
            type(type),
            level(level),
            blankToNull(q),
            page,
            size);
    QuestionPage result = search.search(filter);
    if (result.items().isEmpty()) {
      // only an empty page can hide a wrong filter: check names then, not on every search
      if (filter.role() != null && !roles.existsById(filter.role())) {
        throw ProblemException.badRequest("role", "no role with id " + filter.role());
      }
      if (filter.skill() != null && !skills.existsById(filter.skill())) {
        throw ProblemException.badRequest("skill", "no skill with id " + filter.skill());
      }
      if (page > 0) {
        long total = search.count(filter);
        return new QuestionPage(List.of(), page, size, total, (int) ((total + size - 1) / size));
      }
    }
    return result;
  }

  @Operation(
      summary =
          "One item with its type-specific content and resolved red-flag rules; the answer key "
              + "(rubric, model answer, scenario steps, option correctness and explanations, red-flag phrases) only for coaches and admins")
  @Get("/{id}")
  public QuestionDetail get(String id, @Nullable Caller caller) {
    Item item =
        items
            .findByIdAndRetiredAtIsNull(id)
            .orElseThrow(() -> ProblemException.notFound("id", "no question with id " + id));
    List<RedFlagRule> flags =
        item.content().redFlagsOrEmpty().stream()
            .map(rules::findById)
            .flatMap(Optional::stream)
            .map(RedFlag::rule)
            .toList();
    return QuestionDetail.of(item, flags, Audience.of(caller));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static @Nullable ItemType type(@Nullable String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    return ItemType.parse(value)
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "type",
                    "must be one of "
                        + Arrays.toString(ItemType.values())
                        + ", not '"
                        + value
                        + "'"));
  }

  private static @Nullable Level level(@Nullable String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    return Level.parse(value)
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "level", "must be one of " + Level.NAMES + ", not '" + value + "'"));
  }
}
