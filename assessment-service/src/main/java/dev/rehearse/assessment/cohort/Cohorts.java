package dev.rehearse.assessment.cohort;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Coaches make cohorts and hand out their codes; candidates join and leave with them. */
@Singleton
public class Cohorts {
  private final CohortRepository cohorts;
  private final CohortMemberRepository members;

  public Cohorts(CohortRepository cohorts, CohortMemberRepository members) {
    this.cohorts = cohorts;
    this.members = members;
  }

  @Transactional
  public CohortView create(Caller coach, String name) {
    Cohort cohort =
        cohorts.save(
            new Cohort(
                UUID.randomUUID(),
                coach.id(),
                name.trim(),
                freshCode(),
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
    return new CohortView(cohort.id(), cohort.name(), cohort.joinCode(), cohort.createdAt(), 0);
  }

  public List<CohortView> of(Caller coach) {
    return cohorts.viewsOf(coach.id());
  }

  /** A new code for a cohort whose code went too far; members stay, the old code stops working. */
  @Transactional
  public CohortView newCode(Caller coach, UUID cohortId) {
    cohorts.updateJoinCode(owned(coach, cohortId).id(), freshCode());
    return view(coach, cohortId);
  }

  @Transactional
  public void remove(Caller coach, UUID cohortId, String candidateId) {
    if (members.deleteByCohortIdAndCandidateId(owned(coach, cohortId).id(), candidateId) == 0) {
      throw ProblemException.notFound(
          "candidateId", "no candidate " + candidateId + " in this cohort");
    }
  }

  /** Joining twice is joining once. */
  @Transactional
  public Membership join(String candidateId, @Nullable String displayName, String typedCode) {
    Cohort cohort =
        cohorts
            .findByJoinCode(JoinCodes.normalise(typedCode))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "joinCode", "no cohort has this code: check it with your coach"));
    CohortMember member =
        members
            .findByCohortIdAndCandidateId(cohort.id(), candidateId)
            .orElseGet(
                () ->
                    members.save(
                        new CohortMember(
                            UUID.randomUUID(),
                            cohort.id(),
                            candidateId,
                            displayName == null || displayName.isBlank() ? null : displayName,
                            Instant.now().truncatedTo(ChronoUnit.MICROS))));
    return new Membership(cohort.id(), cohort.name(), member.joinedAt());
  }

  @Transactional
  public void leave(String candidateId, UUID cohortId) {
    if (members.deleteByCohortIdAndCandidateId(cohortId, candidateId) == 0) {
      throw ProblemException.notFound("cohortId", "you are not in cohort " + cohortId);
    }
  }

  public List<Membership> membershipsOf(String candidateId) {
    return members.membershipsOf(candidateId);
  }

  public List<CandidateSummary> candidatesOf(Caller staff) {
    return members.summaries(staff.id(), staff.isAdmin());
  }

  /** A cohort the caller may read: their own; any, for an admin (who sees every candidate). */
  public Cohort readable(Caller staff, UUID cohortId) {
    return cohorts
        .findById(cohortId)
        .filter(c -> staff.isAdmin() || c.coachId().equals(staff.id()))
        .orElseThrow(() -> ProblemException.notFound("id", "you have no cohort " + cohortId));
  }

  public List<ResultRow> resultsOf(Cohort cohort) {
    return cohorts.resultsOf(cohort.id());
  }

  private Cohort owned(Caller coach, UUID cohortId) {
    return owned(coach, cohortId, "id");
  }

  /** One of the coach's own cohorts; anyone else's is a 404 naming {@code field}. */
  public Cohort owned(Caller coach, UUID cohortId, String field) {
    return cohorts
        .findById(cohortId)
        .filter(c -> c.coachId().equals(coach.id()))
        .orElseThrow(() -> ProblemException.notFound(field, "you have no cohort " + cohortId));
  }

  private CohortView view(Caller coach, UUID cohortId) {
    return of(coach).stream().filter(c -> c.id().equals(cohortId)).findFirst().orElseThrow();
  }

  private String freshCode() {
    String code = JoinCodes.next();
    while (cohorts.existsByJoinCode(code)) {
      code = JoinCodes.next();
    }
    return code;
  }
}
