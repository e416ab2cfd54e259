package dev.rehearse.platform.identity;

/**
 * The headers in which the gateway tells a service who is calling (derived from the verified
 * token).
 */
public final class IdentityHeaders {
  /** The account id: the candidate a request acts for. */
  public static final String CANDIDATE = "X-Candidate-Id";

  /** The caller's highest role: CANDIDATE, COACH or ADMIN. */
  public static final String ROLE = "X-User-Role";

  /**
   * Not a header: the request attribute in which {@link ServiceTokenFilter} leaves the display name
   * of the verified token ("" when it has none). Names may be any Unicode, which headers cannot
   * carry.
   */
  public static final String NAME_ATTRIBUTE = "rehearse.identity.name";

  private IdentityHeaders() {}
}
