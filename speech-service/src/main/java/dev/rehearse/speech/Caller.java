package dev.rehearse.speech;

import dev.rehearse.platform.identity.IdentityHeaders;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/**
 * Who is asking, from the identity headers the gateway sets (checked against its token by the
 * platform's filter). Without them (local scripts, tests with rehearse.auth.required=false) nobody
 * is restricted.
 */
public record Caller(@Nullable String candidateId, @Nullable String role) {
  public static final String CANDIDATE_HEADER = IdentityHeaders.CANDIDATE;
  public static final String ROLE_HEADER = IdentityHeaders.ROLE;

  /**
   * A candidate sees only their own attempts, an admin all. Coaches see their cohorts' work in
   * assessment (which owns cohorts and holds every scored transcript), not here. Others' are "not
   * found".
   */
  public boolean mayRead(String ownerId) {
    return candidateId == null || "ADMIN".equals(role) || candidateId.equals(ownerId);
  }

  public void requireAdmin(String what) {
    if (role != null && !"ADMIN".equals(role)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, null, "only admins may see " + what);
    }
  }
}
