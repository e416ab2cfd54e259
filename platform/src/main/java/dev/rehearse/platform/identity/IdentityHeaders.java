package dev.rehearse.platform.identity;

/** The headers in which the gateway tells a service who is calling (derived from the verified token). */
public final class IdentityHeaders {
  /** The account id: the candidate a request acts for. */
  public static final String CANDIDATE = "X-Candidate-Id";
  /** The caller's highest role: CANDIDATE, COACH or ADMIN. */
  public static final String ROLE = "X-User-Role";

  private IdentityHeaders() {}
}
