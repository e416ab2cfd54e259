package dev.rehearse.gateway.keys;

import dev.rehearse.platform.identity.VerificationKeys;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

/**
 * The gateway verifies tokens with the public halves of its own keys, read from {@link SigningKeys}
 * at each check (so a rotated key file counts at once), not over HTTP from itself.
 */
@Singleton
@Replaces(VerificationKeys.class)
public class GatewayVerificationKeys extends VerificationKeys {
  public GatewayVerificationKeys(SigningKeys keys) {
    super((selector, context) -> selector.select(keys.keySet().publicKeys()));
  }
}
