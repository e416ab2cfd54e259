package dev.rehearse.question.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.question.catalog.ItemType;
import dev.rehearse.question.catalog.RoleSkill;
import dev.rehearse.question.practice.PracticePlanner.Candidate;
import dev.rehearse.question.practice.PracticePlanner.Plan;
import dev.rehearse.question.practice.PracticePlanner.Planned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PracticePlannerTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final List<RoleSkill> SKILLS =
      List.of(new RoleSkill("a", 50), new RoleSkill("b", 30), new RoleSkill("c", 20));

  static List<Candidate> bank() {
    List<Candidate> items = new ArrayList<>();
    for (String skill : List.of("a", "b", "c")) {
      for (int i = 0; i < 20; i++) {
        items.add(new Candidate(skill + i, ItemType.QUIZ, skill, i % 4, "item " + skill + i));
      }
    }
    return items;
  }

  @Test
  void withoutHistorySlotsFollowTheRoleWeights() {
    Plan plan = PracticePlanner.plan("c1", SKILLS, bank(), Map.of(), Map.of(), 10, NOW);
    assertThat(plan.skills()).extracting(PracticePlanner.SkillNeed::slots).containsExactly(5, 3, 2);
    assertThat(plan.items()).extracting(p -> p.item().id()).doesNotHaveDuplicates();
  }

  @Test
  void aWeakSubSkillTakesMostSlotsAndComesFirst() {
    Map<String, SkillProgress> progress =
        Map.of(
            "a",
            new SkillProgress(5, 95, 95, NOW),
            "b",
            new SkillProgress(5, 90, 90, NOW),
            "c",
            new SkillProgress(5, 10, 10, NOW));
    Plan plan = PracticePlanner.plan("c1", SKILLS, bank(), Map.of(), progress, 10, NOW);

    assertThat(plan.skills().get(0).skill()).isEqualTo("c");
    assertThat(plan.skills().get(0).slots()).isGreaterThanOrEqualTo(7);
    assertThat(plan.items().get(0).item().skill()).isEqualTo("c");
    // a weak sub-skill starts with Beginner items, a strong one with Expert ones
    assertThat(plan.items().get(0).item().levelRank()).isZero();
    assertThat(
            plan.items().stream()
                .filter(p -> p.item().skill().equals("a"))
                .findFirst()
                .orElseThrow()
                .item()
                .levelRank())
        .isEqualTo(3);
  }

  @Test
  void dueItemsComeBeforeNewOnesAndItemsNotYetDueOnlyWhenNothingElseIsLeft() {
    Review overdue = Review.next(null, 30, NOW.minus(Duration.ofDays(5)));
    Review later = Review.next(Review.next(null, 100, NOW.minus(Duration.ofDays(2))), 100, NOW);
    List<Candidate> items =
        List.of(
            new Candidate("x1", ItemType.OPEN, "a", 1, "x1"),
            new Candidate("x2", ItemType.OPEN, "a", 1, "x2"),
            new Candidate("x3", ItemType.OPEN, "a", 1, "x3"));
    Plan plan =
        PracticePlanner.plan(
            "c1",
            List.of(new RoleSkill("a", 100)),
            items,
            Map.of("x2", overdue, "x3", later),
            Map.of(),
            3,
            NOW);

    assertThat(plan.items()).extracting(p -> p.item().id()).containsExactly("x2", "x1", "x3");
    assertThat(plan.items())
        .extracting(Planned::reason)
        .containsExactly(
            PracticePlanner.Reason.DUE, PracticePlanner.Reason.NEW, PracticePlanner.Reason.AHEAD);
  }
}
