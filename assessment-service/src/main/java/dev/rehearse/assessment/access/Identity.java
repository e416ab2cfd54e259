package dev.rehearse.assessment.access;

import dev.rehearse.platform.identity.IdentityHeaders;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.Locale;
import java.util.Set;

/**
 * Who is calling, until accounts exist: candidates send {@code X-Candidate-Id}, coaches
 * {@code X-Coach-Id}. The gateway will set these and {@code X-User-Role} from a JWT; when a role is
 * present it must allow the endpoint.
 */
public final class Identity {
  public static final String CANDIDATE = IdentityHeaders.CANDIDATE;
  public static final String COACH = "X-Coach-Id";
  public static final String ROLE = IdentityHeaders.ROLE;

  private Identity() {}

  /**
   * Coach endpoints: a role header, when present, must be COACH or ADMIN. The coach is
   * {@code X-Coach-Id}; behind the gateway, whose token names the user in {@code X-Candidate-Id}
   * with role COACH or ADMIN, that subject is the coach.
   */
  public static String coach(@Nullable String coachId, @Nullable String subject, @Nullable String role) {
    requireRole(role, Set.of("COACH", "ADMIN"));
    if ((coachId == null || coachId.isBlank()) && role != null && subject != null && !subject.isBlank()) {
      coachId = subject;
    }
    if (coachId == null || coachId.isBlank()) {
      throw ProblemException.badRequest(COACH, "coach endpoints need the " + COACH + " header");
    }
    if (coachId.length() > 100) {
      throw ProblemException.badRequest(COACH, "must be at most 100 characters");
    }
    return coachId.trim();
  }

  /** Content-admin endpoints: a role header, when present, must be ADMIN. */
  public static void admin(@Nullable String role) {
    requireRole(role, Set.of("ADMIN"));
  }

  public static void requireRole(@Nullable String role, Set<String> allowed) {
    if (role != null && !allowed.contains(role.trim().toUpperCase(Locale.ROOT))) {
      throw new ProblemException(HttpStatus.FORBIDDEN, ROLE, "role " + role + " may not use this endpoint");
    }
  }
}
