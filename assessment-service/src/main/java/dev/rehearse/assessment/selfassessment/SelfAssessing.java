package dev.rehearse.assessment.selfassessment;

import dev.rehearse.assessment.Level;
import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.quiz.QuizResponseRepository;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.Calibration;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.SkillResult;
import dev.rehearse.assessment.selfassessment.SkillRatings.Rated;
import dev.rehearse.contracts.QuestionPublished.RoleWeight;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Validates, scores and stores a self-assessment; a bad request stores nothing. */
@Singleton
public class SelfAssessing {
  private final CatalogRepository catalog;
  private final AttemptRepository attempts;
  private final QuizResponseRepository quiz;
  private final SelfAssessmentRepository store;

  public SelfAssessing(
      CatalogRepository catalog,
      AttemptRepository attempts,
      QuizResponseRepository quiz,
      SelfAssessmentRepository store) {
    this.catalog = catalog;
    this.attempts = attempts;
    this.quiz = quiz;
    this.store = store;
  }

  @Transactional
  public SelfAssessmentResult assess(String candidateId, SelfAssessmentRequest request) {
    List<CatalogQuestion> roleItems = catalog.findByRole(request.roleId());
    if (roleItems.isEmpty()) {
      throw ProblemException.notFound("roleId", "no role with id " + request.roleId());
    }
    List<Rated> rated = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.ratings().size(); i++) {
      SelfAssessmentRequest.Rating r = request.ratings().get(i);
      String field = "ratings[" + i + "].itemId";
      if (!seen.add(r.itemId())) {
        throw ProblemException.badRequest(field, "item " + r.itemId() + " is rated twice");
      }
      CatalogQuestion item =
          catalog
              .findById(r.itemId())
              .orElseThrow(() -> ProblemException.notFound(field, "no item with id " + r.itemId()));
      if (!CatalogQuestion.SELF_CHECK.equals(item.type())) {
        throw ProblemException.badRequest(
            field, "item " + r.itemId() + " is not a self-check statement");
      }
      if (!item.roleIds().isEmpty() && !item.roleIds().contains(request.roleId())) {
        throw ProblemException.badRequest(
            field, "item " + r.itemId() + " is not part of role " + request.roleId());
      }
      rated.add(
          new Rated(item.questionId(), item.skillId(), Level.parse(item.level()), r.rating()));
    }

    Map<String, Integer> weights = roleWeights(request.roleId(), roleItems);
    List<String> roleSkills = roleItems.stream().map(CatalogQuestion::skillId).distinct().toList();
    List<SkillResult> skills = SkillRatings.skills(rated, weights);
    var overall = SkillRatings.overall(skills, weights, roleSkills);
    List<Attempt> history = attempts.findByCandidateIdOrderByCreatedAt(candidateId);
    List<Calibration> calibration =
        skills.stream()
            .map(
                s ->
                    Calibrator.calibrate(
                        s,
                        forSkill(history, s.skillId()),
                        quiz.findByCandidateIdAndSkillId(candidateId, s.skillId())))
            .toList();
    var flags = SelfCheckRules.check(rated, skills, overall, calibration);
    SelfAssessmentResult result =
        new SelfAssessmentResult(
            UUID.randomUUID(),
            request.roleId(),
            skills,
            overall,
            flags,
            calibration,
            Arrays.stream(Level.values()).map(Level::label).toList());
    store.save(
        new SelfAssessment(
            result.id(), candidateId, request.roleId(), request.ratings(), result, Instant.now()));
    return result;
  }

  /** Skill weights of the role as its items publish them; empty when no item carries them. */
  private static Map<String, Integer> roleWeights(String roleId, List<CatalogQuestion> roleItems) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (CatalogQuestion q : roleItems) {
      for (RoleWeight w : q.roleWeights()) {
        if (w.roleId().equals(roleId)) {
          weights.put(q.skillId(), w.weight());
        }
      }
    }
    return weights;
  }

  private static List<Attempt> forSkill(List<Attempt> all, String skillId) {
    return all.stream().filter(a -> skillId.equals(a.skillId())).toList();
  }
}
