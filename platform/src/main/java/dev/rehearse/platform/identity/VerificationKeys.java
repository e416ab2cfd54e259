package dev.rehearse.platform.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;

/**
 * The public keys tokens are verified with: the gateway's JWKS endpoint ({@code
 * rehearse.auth.jwks-url}, fetched when first needed, cached, and fetched again for a key id it
 * does not know, so a rotated key is picked up; several gateway instances' URLs, comma-separated,
 * are asked in turn when one cannot answer) or a JWK set given in configuration ({@code
 * rehearse.auth.jwks}). Only public keys: a service holds nothing it could sign with. Without
 * either setting the service does not start. The gateway replaces this bean with its own key set.
 */
@Singleton
public class VerificationKeys {
  private final JWKSource<SecurityContext> source;

  @Inject
  public VerificationKeys(
      @Value("${rehearse.auth.jwks:}") String jwks,
      @Value("${rehearse.auth.jwks-url:}") String jwksUrl) {
    this(fromSettings(jwks, jwksUrl));
  }

  protected VerificationKeys(JWKSource<SecurityContext> source) {
    this.source = source;
  }

  public JWKSource<SecurityContext> source() {
    return source;
  }

  private static JWKSource<SecurityContext> fromSettings(String jwks, String jwksUrl) {
    if (!jwks.isBlank()) {
      try {
        JWKSet keys = JWKSet.parse(jwks);
        if (keys.getKeys().stream().anyMatch(k -> k.isPrivate())) {
          throw new ConfigurationException(
              "rehearse.auth.jwks holds a private key: give services the public keys only");
        }
        return new ImmutableJWKSet<>(keys);
      } catch (ParseException e) {
        throw new ConfigurationException("rehearse.auth.jwks is not a JWK set: " + e.getMessage());
      }
    }
    if (!jwksUrl.isBlank()) {
      try {
        // the last URL first: each earlier one fails over to the chain built after it
        List<String> urls = List.of(jwksUrl.split(","));
        JWKSource<SecurityContext> source = null;
        for (int i = urls.size() - 1; i >= 0; i--) {
          JWKSourceBuilder<SecurityContext> url =
              JWKSourceBuilder.create(URI.create(urls.get(i).strip()).toURL()).retrying(true);
          source = (source == null ? url : url.failover(source)).build();
        }
        return source;
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new ConfigurationException("rehearse.auth.jwks-url is not a URL: " + jwksUrl);
      }
    }
    throw new ConfigurationException(
        "no key to verify tokens with: set REHEARSE_AUTH_JWKS_URL to the gateway's"
            + " /.well-known/jwks.json (or REHEARSE_AUTH_JWKS to its public JWK set)");
  }
}
