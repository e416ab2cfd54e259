package dev.rehearse.platform.identity;

/**
 * The HS256 key the gateway signs tokens with and the services check them with. It has no default:
 * a key written in the repository would let anyone mint tokens for a deployment that forgot to set
 * its own, so a missing or short key stops the process at start-up.
 */
public final class SigningSecret {
  /** HS256 needs a 256-bit key. */
  public static final int MIN_LENGTH = 32;

  private SigningSecret() {}

  /** The key, if it is long enough; otherwise fails with what to set. */
  public static String require(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "set rehearse.auth.jwt-secret (REHEARSE_AUTH_JWT_SECRET) to a random string of at least "
              + MIN_LENGTH
              + " characters, the same for the gateway and every service; ./rehearse makes one per"
              + " data directory");
    }
    return secret;
  }
}
