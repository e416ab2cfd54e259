package dev.rehearse.question.practice;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.question.catalog.ItemType;
import dev.rehearse.question.catalog.Level;
import dev.rehearse.question.catalog.Role;
import dev.rehearse.question.catalog.RoleRepository;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Controller("/api/practice-sets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PracticeSetController {
  private static final int DEFAULT_SIZE = 10;
  private final RoleRepository roles;
  private final PracticeStore store;

  public PracticeSetController(RoleRepository roles, PracticeStore store) {
    this.roles = roles;
    this.store = store;
  }

  @Operation(
      summary =
          "A practice set for the candidate: spaced repetition (FSRS), weak sub-skills first, no item twice")
  @Post
  public HttpResponse<PracticeSet> create(Caller caller, @Body @Valid PracticeSetRequest request) {
    String candidateId = caller.id();
    Role role =
        roles
            .findById(request.role())
            .orElseThrow(
                () -> ProblemException.notFound("role", "no role with id " + request.role()));
    Set<ItemType> types = types(request.types());
    Instant now = Instant.now();
    PracticeStore.Snapshot snapshot = store.snapshot(candidateId, role.id(), types);
    PracticePlanner.Plan plan =
        PracticePlanner.plan(
            candidateId,
            role.skills(),
            snapshot.items(),
            snapshot.reviews(),
            snapshot.progress(),
            request.size() == null ? DEFAULT_SIZE : request.size(),
            now);
    List<PracticeSet.Entry> entries =
        plan.items().stream()
            .map(
                p ->
                    new PracticeSet.Entry(
                        p.item().id(),
                        p.item().type(),
                        p.item().skill(),
                        Level.ofRank(p.item().levelRank()).label(),
                        p.item().text(),
                        p.reason(),
                        p.review() == null ? null : p.review().dueAt()))
            .toList();
    List<PracticeSet.SkillFocus> skills =
        plan.skills().stream()
            .map(
                s ->
                    new PracticeSet.SkillFocus(
                        s.skill(), s.weight(), s.mastery(), s.attempts(), s.slots()))
            .toList();
    return HttpResponse.created(new PracticeSet(candidateId, role.id(), now, entries, skills));
  }

  private static Set<ItemType> types(List<String> names) {
    if (names == null || names.isEmpty()) {
      return EnumSet.allOf(ItemType.class);
    }
    Set<ItemType> types = EnumSet.noneOf(ItemType.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      ItemType type = name == null ? null : ItemType.parse(name).orElse(null);
      if (type == null) {
        throw ProblemException.badRequest(
            "types[" + i + "]",
            "must be one of " + Arrays.toString(ItemType.values()) + ", not '" + name + "'");
      }
      types.add(type);
    }
    return types;
  }
}
