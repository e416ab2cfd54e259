package dev.rehearse.gateway.identity;

import dev.rehearse.platform.identity.SigningSecret;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/** Stops the gateway at start-up when it has no signing key of its own (there is no default). */
@Context
public class SigningKeyCheck {
  public SigningKeyCheck(@Value("${rehearse.auth.jwt-secret:}") String secret) {
    SigningSecret.require(secret);
  }
}
