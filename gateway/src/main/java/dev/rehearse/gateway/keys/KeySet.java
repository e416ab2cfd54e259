package dev.rehearse.gateway.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's private EC P-256 keys, each with a {@code kid} and an {@code nbf}: all are
 * published, the newest one whose {@code nbf} has passed signs. Immutable; the tool and the gateway
 * share it so both read and write the same format.
 */
public record KeySet(List<ECKey> keys) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public KeySet {
    keys = List.copyOf(keys);
  }

  /** Parses a JWK set of private P-256 keys, each with a kid; throws saying what is wrong. */
  public static KeySet parse(String json) {
    JWKSet set;
    try {
      set = JWKSet.parse(json);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK set: " + e.getMessage());
    }
    List<ECKey> keys = new ArrayList<>();
    for (JWK jwk : set.getKeys()) {
      if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
        throw new IllegalArgumentException("every key must be an EC P-256 key (ES256)");
      }
      if (!ec.isPrivate() || ec.getKeyID() == null || ec.getKeyID().isBlank()) {
        throw new IllegalArgumentException("every key needs its private part and a kid");
      }
      keys.add(ec);
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("the JWK set holds no key");
    }
    return new KeySet(keys);
  }

  /** A new P-256 key that signs from {@code notBefore} on. */
  public static ECKey generate(Instant notBefore) {
    byte[] id = new byte[9];
    RANDOM.nextBytes(id);
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(Base64.getUrlEncoder().withoutPadding().encodeToString(id))
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .notBeforeTime(Date.from(notBefore))
          .generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException("cannot generate an EC key", e);
    }
  }

  /**
   * The key that signs at {@code now}: the newest whose nbf has passed (no nbf: always active). JWK
   * times are whole seconds, so two keys may share an nbf: then the later in the set, the one added
   * last, is the newer.
   */
  public Optional<ECKey> signingKey(Instant now) {
    ECKey newest = null;
    for (ECKey k : keys) {
      if (!notBefore(k).isAfter(now)
          && (newest == null || !notBefore(k).isBefore(notBefore(newest)))) {
        newest = k;
      }
    }
    return Optional.ofNullable(newest);
  }

  /**
   * The set after a rotation at {@code now}: a new key that signs after {@code publishDelay} (so
   * every cache of the published keys has it by then), without the keys whose last token has
   * expired (replaced by the signing key more than {@code tokenLifetime} ago).
   */
  public KeySet rotate(Instant now, Duration publishDelay, Duration tokenLifetime) {
    Instant activeSince = signingKey(now).map(KeySet::notBefore).orElse(Instant.MIN);
    boolean oldOnesExpired = !activeSince.plus(tokenLifetime).isAfter(now);
    List<ECKey> kept = new ArrayList<>();
    for (ECKey k : keys) {
      if (!(oldOnesExpired && notBefore(k).isBefore(activeSince))) {
        kept.add(k);
      }
    }
    kept.add(generate(now.plus(publishDelay)));
    return new KeySet(kept);
  }

  /** The public parts only, for /.well-known/jwks.json. */
  public JWKSet publicKeys() {
    return new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
  }

  /** The private set as JSON, for the key file. */
  public String toJson() {
    return new JWKSet(List.copyOf(keys)).toString(false);
  }

  static Instant notBefore(JWK key) {
    Date nbf = key.getNotBeforeTime();
    return nbf == null ? Instant.EPOCH : nbf.toInstant();
  }
}
