package dev.rehearse.gateway.accounts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rehearse.gateway.keys.SigningKeys;
import dev.rehearse.platform.identity.DenyList;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens (ES256, header {@code kid}) with the active signing key. Claims: {@code iss}
 * = gateway, {@code sub} = account id (the candidate id services see), {@code roles} = [CANDIDATE |
 * COACH | ADMIN], {@code name}, {@code email}, {@code iat}, {@code exp}, {@code jti} and {@code
 * sid} (the sign-in session: the refresh-token family).
 */
@Singleton
public class AccessTokens {
  public static final String ISSUER = "gateway";
  private final SigningKeys keys;
  private final DenyList denyList;
  private final Duration lifetime;

  public AccessTokens(
      SigningKeys keys,
      DenyList denyList,
      @Value("${rehearse.auth.access-token-lifetime:15m}") Duration lifetime) {
    this.keys = keys;
    this.denyList = denyList;
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** An access token for {@code account} in sign-in session {@code sessionId}. */
  public String issue(UserAccount account, UUID sessionId) {
    return sign(
        account.id().toString(),
        account.role().name(),
        account.displayName(),
        account.email(),
        sessionId);
  }

  /** An access token with these claims (also how tests get tokens for made-up subjects). */
  public String sign(String subject, String role, String name, String email, UUID sessionId) {
    // after a revocation of everything up to this second (a role or password change), from the
    // next one: token times are whole seconds, and the old tokens of this second must stay refused
    Instant now = denyList.firstValidIssue(subject, Instant.now());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .claim("roles", List.of(role))
            .claim("name", name)
            .claim("email", email)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim("sid", sessionId.toString())
            .build();
    ECKey key = keys.signingKey();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
    }
    return jwt.serialize();
  }
}
