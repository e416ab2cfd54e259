package dev.rehearse.assessment.assignment;

import dev.rehearse.assessment.assignment.MemberProgress.Status;
import dev.rehearse.assessment.coachquestion.CoachQuestion;
import dev.rehearse.assessment.coachquestion.CoachQuestionRepository;
import dev.rehearse.assessment.cohort.Cohort;
import dev.rehearse.assessment.cohort.CohortMemberRepository;
import dev.rehearse.assessment.cohort.Cohorts;
import dev.rehearse.assessment.cohort.Membership;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Coaches set work for their cohorts and follow it; members see theirs. Progress is computed when
 * asked: a SESSION from the completions its sessions recorded, a PRACTICE_SET from the attempts.
 */
@Singleton
public class Assignments {
  static final int DEFAULT_QUESTION_COUNT = 5;
  private final AssignmentRepository assignments;
  private final Cohorts cohorts;
  private final CohortMemberRepository members;
  private final CoachQuestionRepository questions;

  public Assignments(
      AssignmentRepository assignments,
      Cohorts cohorts,
      CohortMemberRepository members,
      CoachQuestionRepository questions) {
    this.assignments = assignments;
    this.cohorts = cohorts;
    this.members = members;
    this.questions = questions;
  }

  @Transactional
  public AssignmentView create(Caller coach, UUID cohortId, NewAssignment request) {
    Cohort cohort = cohorts.owned(coach, cohortId, "cohortId");
    if (!assignments.roleKnown(request.roleId())) {
      throw ProblemException.badRequest("roleId", "no role with id " + request.roleId());
    }
    List<String> skills = request.skills() == null ? List.of() : request.skills();
    List<String> roleSkills = assignments.skillsOfRole(request.roleId());
    skills.stream()
        .filter(s -> !roleSkills.contains(s))
        .findFirst()
        .ifPresent(
            s -> {
              throw ProblemException.badRequest(
                  "skills", "role " + request.roleId() + " has no skill " + s);
            });
    List<String> questionIds =
        request.questionIds() == null
            ? List.of()
            : request.questionIds().stream().distinct().toList();
    questionIds.forEach(id -> requireAssignable(id, cohort.id()));
    boolean session = request.kind() == AssignmentKind.SESSION;
    if (!session && questionIds.isEmpty()) {
      throw ProblemException.badRequest(
          "questionIds", "a practice set names at least one question");
    }
    Integer count =
        !session
            ? null
            : questionIds.isEmpty()
                ? (request.questionCount() == null
                    ? DEFAULT_QUESTION_COUNT
                    : request.questionCount())
                : questionIds.size();
    Assignment made =
        assignments.save(
            new Assignment(
                UUID.randomUUID(),
                cohort.id(),
                coach.id(),
                request.title().trim(),
                request.kind(),
                request.roleId(),
                skills,
                request.level(),
                count,
                questionIds,
                session ? request.thinkingSeconds() : null,
                session ? request.answerSeconds() : null,
                request.dueAt().truncatedTo(ChronoUnit.MICROS),
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
    return view(made);
  }

  /** A cohort's assignments with every member's progress: its coach's, or any for an admin. */
  public List<AssignmentView> ofCohort(Caller staff, UUID cohortId) {
    if (!staff.isAdmin()) {
      cohorts.owned(staff, cohortId, "cohortId");
    }
    return assignments.findByCohortIdOrderByDueAt(cohortId).stream().map(this::view).toList();
  }

  public AssignmentView one(Caller staff, UUID id) {
    return view(readable(staff, id));
  }

  /** Withdrawing removes the assignment and what was recorded about it; attempts stay. */
  @Transactional
  public void withdraw(Caller coach, UUID id) {
    Assignment assignment = readable(coach, id);
    if (!assignment.coachId().equals(coach.id())) {
      throw notFound(id);
    }
    assignments.delete(assignment);
  }

  /** The assignments of the member's cohorts with where the member stands on each. */
  public List<CandidateAssignment> ofMember(String candidateId) {
    Map<UUID, String> cohortNames =
        members.membershipsOf(candidateId).stream()
            .collect(Collectors.toMap(Membership::cohortId, Membership::cohortName));
    return assignments.ofMember(candidateId).stream()
        .map(
            a ->
                new CandidateAssignment(
                    a.id(),
                    a.cohortId(),
                    cohortNames.get(a.cohortId()),
                    a.title(),
                    a.kind(),
                    a.template(),
                    a.dueAt(),
                    progress(a).stream()
                        .filter(p -> p.candidateId().equals(candidateId))
                        .findFirst()
                        .orElseThrow()))
        .toList();
  }

  /** Records a finished session against its assignment, if the candidate is still a member. */
  @Transactional
  public boolean complete(
      UUID assignmentId, String candidateId, UUID sessionId, Integer score, Instant completedAt) {
    return assignments
        .findById(assignmentId)
        .filter(a -> a.kind() == AssignmentKind.SESSION)
        .filter(a -> members.findByCohortIdAndCandidateId(a.cohortId(), candidateId).isPresent())
        .map(
            a -> {
              assignments.recordCompletion(a.id(), candidateId, sessionId, score, completedAt);
              return true;
            })
        .orElse(false);
  }

  private Assignment readable(Caller staff, UUID id) {
    return assignments
        .findById(id)
        .filter(a -> staff.isAdmin() || a.coachId().equals(staff.id()))
        .orElseThrow(() -> notFound(id));
  }

  /** A named question must be scored, and a coach's own one shared with this cohort. */
  private void requireAssignable(String questionId, UUID cohortId) {
    CoachQuestion q =
        questions
            .findById(questionId)
            .filter(c -> !c.concepts().isEmpty() || c.modelAnswer() != null)
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "questionIds", "no open question or scenario " + questionId));
    if (q.ownerId() != null && !q.cohortIds().contains(cohortId.toString())) {
      throw ProblemException.badRequest(
          "questionIds", "your question " + questionId + " is not shared with this cohort");
    }
  }

  private AssignmentView view(Assignment a) {
    return new AssignmentView(
        a.id(),
        a.cohortId(),
        a.title(),
        a.kind(),
        a.template(),
        a.dueAt(),
        a.createdAt(),
        progress(a));
  }

  private List<MemberProgress> progress(Assignment a) {
    Instant now = Instant.now();
    List<ProgressRow> rows =
        a.kind() == AssignmentKind.SESSION
            ? assignments.sessionProgress(a.id())
            : assignments.practiceProgress(a.id());
    return rows.stream().map(r -> progress(a, r, now)).toList();
  }

  private static MemberProgress progress(Assignment a, ProgressRow r, Instant now) {
    boolean done = r.finishedAt() != null;
    Status status = done ? Status.DONE : now.isAfter(a.dueAt()) ? Status.LATE : Status.NOT_STARTED;
    return new MemberProgress(
        r.candidateId(),
        r.displayName(),
        status,
        done && r.finishedAt().isAfter(a.dueAt()),
        r.finishedAt(),
        r.score(),
        r.answered(),
        r.sessionId());
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("id", "no assignment " + id + " of yours");
  }
}
