package dev.rehearse.question.catalog;

import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.question.catalog.RoleViews.RoleDetail;
import dev.rehearse.question.catalog.RoleViews.RoleSummary;
import dev.rehearse.question.catalog.RoleViews.SkillView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

@Controller("/api/roles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoleController {
  private final RoleRepository roles;
  private final SkillRepository skills;
  private final SkillLevels levels;

  public RoleController(RoleRepository roles, SkillRepository skills, SkillLevels levels) {
    this.roles = roles;
    this.skills = skills;
    this.levels = levels;
  }

  @Operation(summary = "Every role in the bank with its skill weights")
  @Get
  public List<RoleSummary> list() {
    return roles.listOrderByTitle().stream()
        .map(r -> new RoleSummary(r.id(), r.title(), r.focus(), r.packId(), r.skills()))
        .toList();
  }

  @Operation(
      summary =
          "A role's sub-skills with weights (summing to 100), the levels at which items exist and"
              + " what each level means for the sub-skill")
  @Get("/{id}")
  public RoleDetail get(String id) {
    Role role =
        roles
            .findById(id)
            .orElseThrow(() -> ProblemException.notFound("id", "no role with id " + id));
    Map<String, TreeMap<Integer, Integer>> counts = levels.of(id);
    Map<String, Skill> byId =
        skills.findByPackId(role.packId()).stream().collect(Collectors.toMap(Skill::id, s -> s));
    List<SkillView> views =
        role.skills().stream()
            .map(
                rs -> {
                  Skill skill = byId.get(rs.skill());
                  TreeMap<Integer, Integer> byLevel =
                      counts.getOrDefault(rs.skill(), new TreeMap<>());
                  return new SkillView(
                      skill.id(),
                      skill.title(),
                      skill.description(),
                      rs.weight(),
                      SkillLevels.labels(byLevel),
                      byLevel.values().stream().mapToInt(Integer::intValue).sum(),
                      skill.levels());
                })
            .toList();
    return new RoleDetail(role.id(), role.title(), role.focus(), role.packId(), views);
  }
}
