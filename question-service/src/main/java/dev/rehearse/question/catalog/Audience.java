package dev.rehearse.question.catalog;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Set;

/**
 * Who reads an item, from the caller's role header (checked against the gateway's token by the
 * platform filter). Coaches and admins see answer keys; anyone else, including a caller with no
 * role or one this service does not know, gets the candidate's view: the default is the closed one.
 */
public enum Audience {
  CANDIDATE,
  STAFF;

  private static final Set<String> STAFF_ROLES = Set.of("COACH", "ADMIN");

  public static Audience of(@Nullable String role) {
    return role != null && STAFF_ROLES.contains(role.trim().toUpperCase(Locale.ROOT))
        ? STAFF
        : CANDIDATE;
  }
}
