package dev.rehearse.assessment.session;

import dev.rehearse.assessment.Level;
import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.coachquestion.CoachQuestionAccess;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks a session's questions: open questions and scenarios of the role, questions the candidate
 * never answered first, then the weakest sub-skills first (lowest average score; a sub-skill never
 * answered counts as the weakest), with both types in the mix whenever the role has both.
 */
@Singleton
public class QuestionChooser {
  static final Set<String> INTERVIEW_TYPES = Set.of("OPEN", "SCENARIO");

  private final CatalogRepository catalog;
  private final AttemptRepository attempts;
  private final CoachQuestionAccess access;

  public QuestionChooser(
      CatalogRepository catalog, AttemptRepository attempts, CoachQuestionAccess access) {
    this.catalog = catalog;
    this.attempts = attempts;
    this.access = access;
  }

  public List<CatalogQuestion> choose(Caller caller, NewSession request) {
    if (request.questionIds() != null) {
      return named(caller, request.questionIds());
    }
    List<CatalogQuestion> roleItems = catalog.findByRole(request.roleId());
    if (roleItems.isEmpty()) {
      throw ProblemException.badRequest("roleId", "no role with id " + request.roleId());
    }
    Level level = request.level() == null ? null : level(request.level());
    List<CatalogQuestion> pool =
        roleItems.stream()
            .filter(QuestionChooser::interview)
            .filter(q -> request.skills() == null || request.skills().contains(q.skillId()))
            .filter(q -> level == null || Level.parse(q.level()) == level)
            .collect(Collectors.toCollection(ArrayList::new));
    int count = request.count();
    if (pool.size() < count) {
      throw ProblemException.badRequest(
          "questionCount",
          "only "
              + pool.size()
              + " questions of role "
              + request.roleId()
              + " match: ask for fewer or widen the skills and level");
    }
    Collections.shuffle(pool); // variety among equals; the sort below is stable
    pool.sort(order(attempts.findByCandidateIdOrderByCreatedAt(caller.id())));
    return mixed(pool, count);
  }

  /** Unseen questions first, then by the candidate's average in the question's sub-skill. */
  static Comparator<CatalogQuestion> order(List<Attempt> history) {
    Set<String> answered = history.stream().map(Attempt::questionId).collect(Collectors.toSet());
    Map<String, Double> average = new HashMap<>();
    history.stream()
        .filter(a -> a.skillId() != null)
        .collect(Collectors.groupingBy(Attempt::skillId))
        .forEach(
            (skill, list) ->
                average.put(
                    skill, list.stream().mapToInt(Attempt::effectiveScore).average().orElse(0)));
    return Comparator.<CatalogQuestion>comparingInt(q -> answered.contains(q.questionId()) ? 1 : 0)
        .thenComparingDouble(q -> average.getOrDefault(q.skillId(), -1.0));
  }

  /** The first {@code count}, but with at least one of each type when both are available. */
  static List<CatalogQuestion> mixed(List<CatalogQuestion> ordered, int count) {
    List<CatalogQuestion> chosen = new ArrayList<>(ordered.subList(0, count));
    if (count < 2) {
      return chosen;
    }
    for (String type : INTERVIEW_TYPES) {
      if (chosen.stream().noneMatch(q -> type.equals(q.type()))) {
        ordered.stream()
            .skip(count)
            .filter(q -> type.equals(q.type()))
            .findFirst()
            .ifPresent(q -> chosen.set(chosen.size() - 1, q));
      }
    }
    return chosen;
  }

  /** A coach's question outside the caller's cohorts is as unknown as a missing one. */
  private List<CatalogQuestion> named(Caller caller, List<String> ids) {
    if (ids.stream().distinct().count() < ids.size()) {
      throw ProblemException.badRequest("questionIds", "a question is named twice");
    }
    List<CatalogQuestion> chosen = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String field = "questionIds[" + i + "]";
      String id = ids.get(i);
      CatalogQuestion q =
          catalog
              .findById(id)
              .filter(found -> access.canSee(caller, id))
              .orElseThrow(() -> ProblemException.badRequest(field, "no question with id " + id));
      if (!interview(q)) {
        throw ProblemException.badRequest(
            field, "question " + id + " is not an open question or a scenario");
      }
      chosen.add(q);
    }
    return chosen;
  }

  private static boolean interview(CatalogQuestion q) {
    return INTERVIEW_TYPES.contains(q.type())
        && (!q.concepts().isEmpty() || q.modelAnswer() != null);
  }

  private static Level level(String label) {
    for (Level l : Level.values()) {
      if (l.label().equalsIgnoreCase(label.trim()) || l.name().equalsIgnoreCase(label.trim())) {
        return l;
      }
    }
    throw ProblemException.badRequest(
        "level", "level must be Beginner, Intermediate, Advanced or Expert");
  }
}
