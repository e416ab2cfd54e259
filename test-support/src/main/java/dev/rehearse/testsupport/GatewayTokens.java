package dev.rehearse.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens as the gateway signs them (ES256), for component tests of a service that checks tokens as
 * in production. The key pair is made per test JVM and never stored; {@link #publicJwks()} is what
 * {@link TestInfrastructure#properties} gives services to verify with.
 */
public final class GatewayTokens {
  private static final ECKey KEY = newKey();

  private GatewayTokens() {}

  /** The public half of this JVM's test signing key, as a JWK set. */
  public static String publicJwks() {
    return new JWKSet(KEY.toPublicJWK()).toString();
  }

  /** {@code Bearer <token>} for ten minutes, signed with this JVM's test key. */
  public static String bearer(String subject, String role) {
    return "Bearer " + token(subject, role);
  }

  public static String token(String subject, String role) {
    return token(subject, role, Instant.now().plusSeconds(600), UUID.randomUUID().toString());
  }

  /** A token whose {@code name} claim (the account's display name) is {@code displayName}. */
  public static String named(String subject, String role, String displayName) {
    return sign(
        KEY,
        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(),
        claims("gateway", subject, role, Instant.now().plusSeconds(600))
            .claim("name", displayName)
            .build());
  }

  /** A token of a given sign-in session ({@code sid}) and expiry. */
  public static String token(String subject, String role, Instant expiry, String sessionId) {
    return sign(
        KEY,
        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(),
        claims("gateway", subject, role, expiry).claim("sid", sessionId).build());
  }

  /** A well-formed ES256 token signed by a key the services do not know. */
  public static String signedByAnotherKey(String subject, String role) {
    ECKey other = newKey();
    return sign(
        other,
        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(),
        claims("gateway", subject, role, Instant.now().plusSeconds(600)).build());
  }

  /** A genuine key's token with another issuer or expiry, for the claim checks. */
  public static String withClaims(String issuer, String subject, String role, Instant expiry) {
    return sign(
        KEY,
        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(),
        claims(issuer, subject, role, expiry).build());
  }

  /** An HS256 token, as signed with the shared secret of earlier versions: never valid now. */
  public static String hs256(String secret, String subject, String role) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            claims("gateway", subject, role, Instant.now().plusSeconds(600)).build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalArgumentException(e);
    }
    return jwt.serialize();
  }

  private static JWTClaimsSet.Builder claims(
      String issuer, String subject, String role, Instant expiry) {
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(issuer)
        .claim("roles", List.of(role))
        .claim("name", "Test " + role.toLowerCase())
        .issueTime(new Date())
        .expirationTime(Date.from(expiry))
        .jwtID(UUID.randomUUID().toString());
  }

  private static String sign(ECKey key, JWSHeader header, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      JWSSigner signer = new ECDSASigner(key);
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalArgumentException(e);
    }
    return jwt.serialize();
  }

  private static ECKey newKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
