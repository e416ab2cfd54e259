package dev.rehearse.assessment.access;

import dev.rehearse.platform.identity.IdentityHeaders;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.Locale;
import java.util.Set;

/**
 * Who is calling, from the identity headers the gateway derives from its token (the platform's
 * ServiceTokenFilter checks they match it): {@code X-Candidate-Id} is the account, {@code
 * X-User-Role} its highest role. A coach is simply an account with role COACH or ADMIN.
 */
public final class Identity {
  public static final String CANDIDATE = IdentityHeaders.CANDIDATE;
  public static final String ROLE = IdentityHeaders.ROLE;
  private static final Set<String> STAFF = Set.of("COACH", "ADMIN");

  private Identity() {}

  /** Coach endpoints: the caller must be a COACH or an ADMIN. */
  public static Staff coach(@Nullable String subject, @Nullable String role) {
    if (role == null || role.isBlank()) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, ROLE, "only coaches may use this endpoint; send " + ROLE);
    }
    requireRole(role, STAFF);
    if (subject == null || subject.isBlank()) {
      throw ProblemException.badRequest(
          CANDIDATE, "coach endpoints need the caller's " + CANDIDATE + " header");
    }
    if (subject.length() > 100) {
      throw ProblemException.badRequest(CANDIDATE, "must be at most 100 characters");
    }
    return new Staff(subject.trim(), "ADMIN".equals(normal(role)));
  }

  /** True for a caller whose role header says COACH or ADMIN. */
  public static boolean isStaff(@Nullable String role) {
    return role != null && STAFF.contains(normal(role));
  }

  /** Content-admin endpoints: a role header, when present, must be ADMIN. */
  public static void admin(@Nullable String role) {
    requireRole(role, Set.of("ADMIN"));
  }

  public static void requireRole(@Nullable String role, Set<String> allowed) {
    if (role != null && !allowed.contains(normal(role))) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, ROLE, "role " + role + " may not use this endpoint");
    }
  }

  private static String normal(String role) {
    return role.trim().toUpperCase(Locale.ROOT);
  }
}
