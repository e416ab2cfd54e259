package dev.rehearse.gateway.accounts;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** An account as the API shows it: never the password hash. */
@Serdeable
public record UserView(UUID id, String email, String displayName, String role) {
  static UserView of(UserAccount a) {
    return new UserView(a.id(), a.email(), a.displayName(), a.role().name());
  }
}
