package dev.rehearse.gateway.accounts;

import dev.rehearse.platform.identity.Role;
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
  private final Accounts accounts;
  private final String email;
  private final String password;

  public AdminBootstrap(
      Accounts accounts,
      @Value("${rehearse.gateway.admin.email:}") String email,
      @Value("${rehearse.gateway.admin.password:}") String password) {
    this.accounts = accounts;
    this.email = email;
    this.password = password;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (email.isBlank() || password.isBlank()) {
      return;
    }
    accounts
        .create(email, password, "Administrator", Role.ADMIN)
        .ifPresent(admin -> LOG.info("Created the first admin account {}", admin.email()));
  }
}
