package dev.rehearse.assessment.cohort;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import jakarta.inject.Singleton;

/**
 * Whose data a caller may read: candidates their own, coaches the candidates in their cohorts,
 * admins everyone's. Refusals of an object are 404s, so an id outside one's reach reveals nothing;
 * coach endpoints refuse a candidate with 403.
 */
@Singleton
public class CohortAccess {
  private final CohortMemberRepository members;

  public CohortAccess(CohortMemberRepository members) {
    this.members = members;
  }

  /** Coach endpoints: the caller must be a coach or an admin. */
  public static Caller requireStaff(Caller caller) {
    if (!caller.isStaff()) {
      throw ProblemException.forbidden("only coaches and admins may use this endpoint");
    }
    return caller;
  }

  /**
   * An admin sees everyone; a coach the members of their cohorts. A candidate nobody (a demoted
   * coach's cohorts stay in the database, out of their reach).
   */
  public boolean sees(Caller caller, String candidateId) {
    return caller.isAdmin() || (caller.isStaff() && members.coaches(caller.id(), candidateId));
  }

  /**
   * For a coach endpoint naming a candidate: 403 for a candidate, 404 unless the coach sees them.
   */
  public void requireSees(Caller caller, String candidateId) {
    if (!sees(requireStaff(caller), candidateId)) {
      throw ProblemException.notFound(
          "candidateId", "no candidate " + candidateId + " in your cohorts");
    }
  }

  /** For data owned by {@code ownerId}: its owner, or staff who see the owner. */
  public boolean mayRead(Caller caller, String ownerId) {
    return ownerId.equals(caller.id()) || sees(caller, ownerId);
  }
}
