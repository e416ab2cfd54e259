package dev.rehearse.assessment.session;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.assessment.scoring.AttemptViews;
import dev.rehearse.assessment.scoring.FluencyReport;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.assessment.session.SessionReport.Change;
import dev.rehearse.assessment.session.SessionReport.Delivery;
import dev.rehearse.assessment.session.SessionReport.PracticeItem;
import dev.rehearse.assessment.session.SessionReport.QuestionResult;
import dev.rehearse.assessment.session.SessionReport.SkillChange;
import dev.rehearse.assessment.session.SessionReport.SkillSummary;
import dev.rehearse.assessment.session.SessionReport.Strength;
import dev.rehearse.assessment.session.SessionReport.WorkOn;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a session's report from its questions, their attempts and the local catalog. */
@Singleton
public class SessionReports {
  /** Practice items offered per sub-skill to work on. */
  static final int PRACTICE_ITEMS = 4;

  /** A hit with at least this share of its concept's weight counts as covered well. */
  static final double WELL_COVERED = 0.75;

  private final MockSessionRepository sessions;
  private final SessionQuestionRepository questions;
  private final AttemptRepository attempts;
  private final AttemptViews views;
  private final CatalogRepository catalog;

  public SessionReports(
      MockSessionRepository sessions,
      SessionQuestionRepository questions,
      AttemptRepository attempts,
      AttemptViews views,
      CatalogRepository catalog) {
    this.sessions = sessions;
    this.questions = questions;
    this.attempts = attempts;
    this.views = views;
    this.catalog = catalog;
  }

  public SessionReport of(MockSession s) {
    List<QuestionResult> results = results(s);
    List<SkillSummary> skills = skills(results);
    Integer average = average(results);
    return new SessionReport(
        s.id(),
        s.candidateId(),
        s.roleId(),
        s.status(),
        s.createdAt(),
        s.completedAt(),
        average,
        (int) results.stream().filter(r -> r.attempt() != null).count(),
        (int) results.stream().filter(r -> r.status() == SessionQuestion.Status.SKIPPED).count(),
        results,
        skills,
        strengths(results),
        workOn(results),
        delivery(results),
        change(s, average, skills));
  }

  private List<QuestionResult> results(MockSession s) {
    List<SessionQuestion> qs = questions.findBySessionIdOrderByPosition(s.id());
    Map<UUID, AttemptView> byId =
        views.of(attemptsOf(qs)).stream()
            .collect(Collectors.toMap(AttemptView::id, Function.identity()));
    return qs.stream()
        .map(
            q ->
                new QuestionResult(
                    q.position(),
                    q.questionId(),
                    q.text(),
                    q.type(),
                    q.skillId(),
                    q.status(),
                    q.attemptId() == null ? null : byId.get(q.attemptId())))
        .toList();
  }

  private static Integer average(List<QuestionResult> results) {
    return SessionCompletion.average(
        results.stream().filter(r -> r.attempt() != null).map(r -> r.attempt().score()).toList());
  }

  private List<Attempt> attemptsOf(List<SessionQuestion> qs) {
    List<UUID> ids = qs.stream().map(SessionQuestion::attemptId).filter(Objects::nonNull).toList();
    return ids.isEmpty() ? List.of() : attempts.findByIdIn(ids);
  }

  /** Average and count of answered questions per sub-skill, in question order. */
  private static List<SkillSummary> skills(List<QuestionResult> results) {
    Map<String, List<Integer>> bySkill = new LinkedHashMap<>();
    results.stream()
        .filter(r -> r.attempt() != null)
        .forEach(
            r ->
                bySkill
                    .computeIfAbsent(r.skillId(), k -> new ArrayList<>())
                    .add(r.attempt().score()));
    return bySkill.entrySet().stream()
        .map(
            e ->
                new SkillSummary(
                    e.getKey(), SessionCompletion.average(e.getValue()), e.getValue().size()))
        .toList();
  }

  private static List<Strength> strengths(List<QuestionResult> results) {
    List<Strength> strengths = new ArrayList<>();
    for (QuestionResult r : results) {
      if (r.attempt() != null) {
        for (ConceptHit hit : r.attempt().conceptsHit()) {
          if (hit.credit() == null || hit.credit() >= WELL_COVERED) {
            strengths.add(new Strength(r.skillId(), r.questionId(), hit.concept(), hit.label()));
          }
        }
      }
    }
    return strengths;
  }

  /**
   * Sub-skills whose answers missed concepts, raised red flags or were skipped, each with public
   * catalog items of the sub-skill that were not in this session.
   */
  private List<WorkOn> workOn(List<QuestionResult> results) {
    Set<String> inSession =
        results.stream().map(QuestionResult::questionId).collect(Collectors.toSet());
    Map<String, List<QuestionResult>> bySkill =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    QuestionResult::skillId, LinkedHashMap::new, Collectors.toList()));
    List<WorkOn> workOn = new ArrayList<>();
    bySkill.forEach(
        (skill, rs) -> {
          Set<String> missed = new LinkedHashSet<>();
          Set<String> flags = new LinkedHashSet<>();
          int skipped = 0;
          for (QuestionResult r : rs) {
            if (r.status() == SessionQuestion.Status.SKIPPED) {
              skipped++;
            } else if (r.attempt() != null) {
              r.attempt().conceptsMissed().stream().map(ConceptMiss::label).forEach(missed::add);
              r.attempt().redFlags().stream().map(RaisedFlag::title).forEach(flags::add);
            }
          }
          if (!missed.isEmpty() || !flags.isEmpty() || skipped > 0) {
            workOn.add(
                new WorkOn(
                    skill,
                    List.copyOf(missed),
                    List.copyOf(flags),
                    skipped,
                    practice(skill, inSession)));
          }
        });
    return workOn;
  }

  private List<PracticeItem> practice(String skillId, Set<String> inSession) {
    return catalog.findPublicBySkill(skillId).stream()
        .filter(q -> !inSession.contains(q.questionId()))
        .filter(q -> !CatalogQuestion.SELF_CHECK.equals(q.type()))
        .limit(PRACTICE_ITEMS)
        .map(q -> new PracticeItem(q.questionId(), q.type(), q.text()))
        .toList();
  }

  private static List<Delivery> delivery(List<QuestionResult> results) {
    return results.stream()
        .filter(r -> r.attempt() != null && r.attempt().delivery() != null)
        .map(
            r -> {
              FluencyReport d = r.attempt().delivery();
              return new Delivery(
                  r.position(),
                  r.questionId(),
                  d.wordsPerMinute(),
                  d.pace(),
                  d.fillerCount(),
                  d.fillerRate(),
                  d.longPauses(),
                  d.longestPause());
            })
        .toList();
  }

  /** Against the last session for the same role that was completed before this one began. */
  private Change change(MockSession s, Integer average, List<SkillSummary> skills) {
    return sessions
        .previous(s.candidateId(), s.roleId(), s.createdAt())
        .map(
            p -> {
              List<QuestionResult> before = results(p);
              Integer previousAverage = average(before);
              Map<String, Integer> was =
                  skills(before).stream()
                      .collect(Collectors.toMap(SkillSummary::skillId, SkillSummary::average));
              List<SkillChange> changes =
                  skills.stream()
                      .filter(k -> was.containsKey(k.skillId()))
                      .map(
                          k ->
                              new SkillChange(
                                  k.skillId(),
                                  was.get(k.skillId()),
                                  k.average(),
                                  k.average() - was.get(k.skillId())))
                      .toList();
              return new Change(
                  p.id(),
                  p.completedAt(),
                  previousAverage,
                  average == null || previousAverage == null ? null : average - previousAverage,
                  changes);
            })
        .orElse(null);
  }
}
