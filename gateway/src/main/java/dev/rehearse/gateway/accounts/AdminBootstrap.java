package dev.rehearse.gateway.accounts;

import dev.rehearse.gateway.identity.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin comes from configuration (nobody can grant the first admin role otherwise).
 * Created once: an existing account with that email is left as it is.
 */
@Singleton
public class AdminBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final String DEVELOPMENT_SECRET =
      "rehearse-development-secret-change-me-0123456789";
  private final Accounts accounts;
  private final String email;
  private final String password;
  private final String jwtSecret;

  public AdminBootstrap(
      Accounts accounts,
      @Value("${rehearse.gateway.admin.email:}") String email,
      @Value("${rehearse.gateway.admin.password:}") String password,
      @Value("${rehearse.auth.jwt-secret}") String jwtSecret) {
    this.accounts = accounts;
    this.email = email;
    this.password = password;
    this.jwtSecret = jwtSecret;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (DEVELOPMENT_SECRET.equals(jwtSecret)) {
      LOG.warn(
          "Tokens are signed with the development secret: set REHEARSE_AUTH_JWT_SECRET outside development");
    }
    if (email.isBlank() || password.isBlank()) {
      return;
    }
    accounts
        .create(email, password, "Administrator", Role.ADMIN)
        .ifPresent(admin -> LOG.info("Created the first admin account {}", admin.email()));
  }
}
