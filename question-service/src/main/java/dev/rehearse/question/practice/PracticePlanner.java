package dev.rehearse.question.practice;

import dev.rehearse.question.catalog.ItemType;
import dev.rehearse.question.catalog.RoleSkill;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chooses a practice set. Slots are shared among the role's sub-skills in proportion to {@code
 * weight x weakness} (D'Hondt), so weak sub-skills get most of the set and come first while strong
 * ones still appear. Within a sub-skill: items due for review (most overdue first), then new items
 * nearest the candidate's level, then items reviewed early (soonest due first). Each item at most
 * once.
 */
public final class PracticePlanner {
  /** Mastery assumed for a sub-skill with no scored answers yet: neither weak nor strong. */
  static final double UNKNOWN_MASTERY = 50;

  /** A mastered sub-skill keeps a little weight so it is still revisited. */
  static final double MIN_WEAKNESS = 0.05;

  public record Candidate(String id, ItemType type, String skill, int levelRank, String text) {}

  public enum Reason {
    DUE,
    NEW,
    AHEAD
  }

  public record Planned(Candidate item, Reason reason, @Nullable Review review) {}

  public record SkillNeed(
      String skill, int weight, @Nullable Double mastery, int attempts, double need, int slots) {}

  public record Plan(List<Planned> items, List<SkillNeed> skills) {}

  private PracticePlanner() {}

  public static Plan plan(
      String candidateId,
      List<RoleSkill> roleSkills,
      List<Candidate> items,
      Map<String, Review> reviews,
      Map<String, SkillProgress> progress,
      int size,
      Instant now) {
    Map<String, Double> need = new LinkedHashMap<>();
    for (RoleSkill rs : roleSkills) {
      SkillProgress p = progress.get(rs.skill());
      double mastery = p == null ? UNKNOWN_MASTERY : p.mastery();
      need.put(rs.skill(), rs.weight() * Math.max(MIN_WEAKNESS, (100 - mastery) / 100));
    }
    Map<String, List<Candidate>> bySkill =
        items.stream()
            .filter(c -> need.containsKey(c.skill()))
            .collect(Collectors.groupingBy(Candidate::skill));
    Map<String, Deque<Planned>> queues = new HashMap<>();
    bySkill.forEach(
        (skill, candidates) ->
            queues.put(skill, queue(candidateId, candidates, reviews, progress.get(skill), now)));

    Map<String, List<Planned>> picked = new HashMap<>();
    for (int n = 0; n < size; n++) {
      String next =
          need.keySet().stream()
              .filter(s -> queues.containsKey(s) && !queues.get(s).isEmpty())
              .max(
                  Comparator.<String>comparingDouble(
                          s -> need.get(s) / (picked.getOrDefault(s, List.of()).size() + 1))
                      .thenComparing(Comparator.<String>naturalOrder().reversed()))
              .orElse(null);
      if (next == null) {
        break;
      }
      picked.computeIfAbsent(next, s -> new ArrayList<>()).add(queues.get(next).poll());
    }

    List<String> weakestFirst =
        need.keySet().stream()
            .sorted(
                Comparator.<String>comparingDouble(need::get)
                    .reversed()
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    List<Planned> ordered = new ArrayList<>();
    List<SkillNeed> skills = new ArrayList<>();
    for (String skill : weakestFirst) {
      List<Planned> chosen = picked.getOrDefault(skill, List.of());
      ordered.addAll(chosen);
      SkillProgress p = progress.get(skill);
      int weight =
          roleSkills.stream()
              .filter(rs -> rs.skill().equals(skill))
              .findFirst()
              .orElseThrow()
              .weight();
      skills.add(
          new SkillNeed(
              skill,
              weight,
              p == null ? null : p.mastery(),
              p == null ? 0 : p.attempts(),
              need.get(skill),
              chosen.size()));
    }
    return new Plan(ordered, skills);
  }

  private static Deque<Planned> queue(
      String candidateId,
      List<Candidate> candidates,
      Map<String, Review> reviews,
      @Nullable SkillProgress progress,
      Instant now) {
    int target = targetLevel(progress);
    List<Planned> due = new ArrayList<>();
    List<Planned> fresh = new ArrayList<>();
    List<Planned> ahead = new ArrayList<>();
    for (Candidate c : candidates) {
      Review r = reviews.get(c.id());
      if (r == null) {
        fresh.add(new Planned(c, Reason.NEW, null));
      } else if (r.dueBy(now)) {
        due.add(new Planned(c, Reason.DUE, r));
      } else {
        ahead.add(new Planned(c, Reason.AHEAD, r));
      }
    }
    Comparator<Planned> byDue =
        Comparator.comparing((Planned p) -> p.review().dueAt()).thenComparing(p -> p.item().id());
    due.sort(byDue);
    ahead.sort(byDue);
    // a stable per-candidate shuffle among items of the same level: candidates do not all start
    // alike
    fresh.sort(
        Comparator.<Planned>comparingInt(p -> Math.abs(p.item().levelRank() - target))
            .thenComparingInt(p -> (candidateId + "|" + p.item().id()).hashCode())
            .thenComparing(p -> p.item().id()));
    Deque<Planned> queue = new ArrayDeque<>(due);
    queue.addAll(fresh);
    queue.addAll(ahead);
    return queue;
  }

  /**
   * The level new items should start at: Intermediate for an unknown sub-skill, else by mastery.
   */
  static int targetLevel(@Nullable SkillProgress progress) {
    if (progress == null) {
      return 1;
    }
    double m = progress.mastery();
    return m < 40 ? 0 : m < 60 ? 1 : m < 80 ? 2 : 3;
  }
}
