package dev.rehearse.platform.identity;

/**
 * The headers in which earlier versions named the caller. No service reads them any more (identity
 * comes only from the verified token, {@link Caller}); the gateway still strips them from incoming
 * requests.
 */
public final class IdentityHeaders {
  /** The account id: the candidate a request acts for. */
  public static final String CANDIDATE = "X-Candidate-Id";

  /** The caller's highest role: CANDIDATE, COACH or ADMIN. */
  public static final String ROLE = "X-User-Role";

  private IdentityHeaders() {}
}
