package dev.rehearse.platform.identity;

import java.security.Principal;

/**
 * Who is calling, as the verified token says: the account id, its highest role and display name.
 * The one model of identity in the suite; controllers take it as a parameter ({@link
 * CallerBinder}). Being a {@link Principal} (named by the account id) also keeps it out of the
 * OpenAPI documents, which leave principals out: it is not a query parameter or part of a body.
 */
public record Caller(String id, Role role, String displayName) implements Principal {
  @Override
  public String getName() {
    return id;
  }

  public boolean is(Role r) {
    return role == r;
  }

  /** A coach or an admin. */
  public boolean isStaff() {
    return role != Role.CANDIDATE;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
