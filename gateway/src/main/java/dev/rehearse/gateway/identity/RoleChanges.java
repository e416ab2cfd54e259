package dev.rehearse.gateway.identity;

import dev.rehearse.gateway.accounts.RoleChanged;
import dev.rehearse.gateway.accounts.UserAccountRepository;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A token carries the role its holder had when signing in. When an admin changes the role, tokens
 * issued before the change must stop working, or a demoted coach would keep coaching for up to an
 * hour. Every instance keeps, in memory, the accounts changed within one token lifetime (read from
 * the database every few seconds, so a change made on another instance arrives too) and refuses
 * their older tokens; the holder signs in again and gets the new role.
 */
@Singleton
public class RoleChanges {
  private final UserAccountRepository users;
  private final Duration tokenLifetime;
  private volatile Map<String, Instant> changed = Map.of();

  public RoleChanges(
      UserAccountRepository users,
      @Value("${rehearse.auth.token-lifetime-seconds:3600}") long tokenLifetimeSeconds) {
    this.users = users;
    this.tokenLifetime = Duration.ofSeconds(tokenLifetimeSeconds);
  }

  /**
   * True when {@code subject}'s role changed after the token was issued. JWT times are whole
   * seconds, so the change is compared at that precision too: a token from the same second is still
   * accepted.
   */
  public boolean outdated(String subject, Instant issuedAt) {
    Instant validAfter = changed.get(subject);
    return validAfter != null && issuedAt.isBefore(validAfter.truncatedTo(ChronoUnit.SECONDS));
  }

  /** This instance learns of its own changes at once, not at the next refresh. */
  public void record(UUID account, Instant at) {
    Map<String, Instant> next = new ConcurrentHashMap<>(changed);
    next.put(account.toString(), at);
    changed = next;
  }

  @Scheduled(fixedDelay = "${rehearse.gateway.auth.role-change-poll:2s}")
  public void refresh() {
    changed =
        users.roleChangedSince(Instant.now().minus(tokenLifetime)).stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    r -> r.id().toString(),
                    RoleChanged::tokensValidAfter,
                    (a, b) -> a.isAfter(b) ? a : b));
  }
}
