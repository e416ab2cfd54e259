package dev.rehearse.platform.identity;

/**
 * Who is calling, as the verified token says: the account id, its highest role and display name.
 * The one model of identity in the suite; controllers take it as a parameter ({@link
 * CallerBinder}).
 */
public record Caller(String id, Role role, String displayName) {
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
