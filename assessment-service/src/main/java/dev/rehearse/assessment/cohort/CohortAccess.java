package dev.rehearse.assessment.cohort;

import dev.rehearse.assessment.access.Identity;
import dev.rehearse.assessment.access.Staff;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Whose data a caller may read: candidates their own, coaches the candidates in their cohorts,
 * admins everyone's. Refusals are 404s, so an id outside one's reach reveals nothing.
 */
@Singleton
public class CohortAccess {
  private final CohortMemberRepository members;

  public CohortAccess(CohortMemberRepository members) {
    this.members = members;
  }

  public boolean sees(Staff staff, String candidateId) {
    return staff.admin() || members.coaches(staff.id(), candidateId);
  }

  /** For a coach endpoint naming a candidate: 404 unless the coach sees them. */
  public void requireSees(Staff staff, String candidateId) {
    if (!sees(staff, candidateId)) {
      throw ProblemException.notFound(
          "candidateId", "no candidate " + candidateId + " in your cohorts");
    }
  }

  /**
   * For data owned by {@code ownerId}. With no identity headers at all (local scripts and component
   * tests with rehearse.auth.required=false; behind the gateway both are always set) nothing is
   * restricted.
   */
  public boolean mayRead(@Nullable String subject, @Nullable String role, String ownerId) {
    if (subject == null && role == null) {
      return true;
    }
    if (Identity.isStaff(role)) {
      return ownerId.equals(subject) || sees(Identity.coach(subject, role), ownerId);
    }
    return ownerId.equals(subject);
  }
}
