package dev.rehearse.platform.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the gateway's access tokens: ES256 only (an HS256 token, whatever its secret, is refused),
 * signed by a published key, issuer {@code gateway}, with subject, issue and expiry times, not
 * expired, and not revoked ({@link DenyList}). A verified token is remembered until it expires (a
 * browser sends the same one with every request), in a cache bounded by size; revocation is checked
 * on every use, remembered or not.
 */
@Singleton
public class TokenVerifier {
  public static final String ISSUER = "gateway";
  private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
  private static final int MAX_REMEMBERED = 10_000;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final DenyList denyList;
  private final Cache<String, VerifiedToken> verified =
      Caffeine.newBuilder()
          .maximumSize(MAX_REMEMBERED)
          .expireAfter(
              Expiry.creating((String token, VerifiedToken t) -> untilExpiry(t.expiresAt())))
          .build();

  public TokenVerifier(VerificationKeys keys, DenyList denyList) {
    this.denyList = denyList;
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys.source()));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "iat", "exp")));
  }

  /** The caller the token names; a 401 problem when it is not valid now. */
  public Caller verify(String token) {
    return verifyToken(token).caller();
  }

  public VerifiedToken verifyToken(String token) {
    VerifiedToken known = verified.getIfPresent(token);
    if (known == null || !known.expiresAt().isAfter(Instant.now())) {
      known = check(token);
      verified.put(token, known);
    }
    if (denyList.denies(known)) {
      throw unauthorized("the token was revoked: sign in again");
    }
    return known;
  }

  private VerifiedToken check(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw unauthorized("the token cannot be read");
    } catch (BadJOSEException e) {
      throw unauthorized("the token is not valid: " + e.getMessage());
    } catch (JOSEException e) {
      // the gateway's key set could not be fetched (it is down, or was moments ago: the fetch is
      // rate-limited): refuse, as nothing can be verified, and say why in the log
      LOG.warn("Cannot fetch the keys to verify a token with: {}", e.toString());
      throw unauthorized("the gateway's signing keys cannot be fetched now; try again shortly");
    }
    try {
      List<String> roles = claims.getStringListClaim("roles");
      Caller caller =
          new Caller(
              claims.getSubject(),
              Role.highest(roles == null ? List.of() : roles),
              text(claims.getStringClaim("name")));
      return new VerifiedToken(
          caller,
          claims.getJWTID(),
          claims.getStringClaim("sid"),
          claims.getIssueTime().toInstant(),
          claims.getExpirationTime().toInstant(),
          claims.getStringClaim("email"));
    } catch (ParseException e) {
      throw unauthorized("the token's claims cannot be read");
    }
  }

  /** How long from now until {@code instant}; zero once it has passed. */
  static Duration untilExpiry(Instant instant) {
    Duration left = Duration.between(Instant.now(), instant);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static ProblemException unauthorized(String why) {
    return new ProblemException(HttpStatus.UNAUTHORIZED, "Authorization", why);
  }
}
