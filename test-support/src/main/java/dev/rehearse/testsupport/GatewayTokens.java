package dev.rehearse.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens as the gateway signs them, for component tests that let a service check tokens as in
 * production ({@link #checking}) instead of trusting identity headers.
 */
public final class GatewayTokens {
  public static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";

  private GatewayTokens() {}

  /** The properties plus those that make the service check every token against {@link #SECRET}. */
  public static Map<String, String> checking(Map<String, String> properties) {
    Map<String, String> p = new HashMap<>(properties);
    p.put("rehearse.auth.required", "true");
    p.put("rehearse.auth.jwt-secret", SECRET);
    return p;
  }

  /** A token for ten minutes, signed with {@link #SECRET}. */
  public static String token(String subject, String role) {
    return token(
        SECRET,
        "gateway",
        subject,
        Instant.now().plusSeconds(600),
        role,
        "Test " + role.toLowerCase());
  }

  public static String token(
      String secret, String issuer, String subject, Instant expiry, String role, String name) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .claim("roles", List.of(role))
                .claim("name", name)
                .issueTime(new Date())
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalArgumentException(e);
    }
    return jwt.serialize();
  }
}
