package dev.rehearse.gateway.accounts;

import dev.rehearse.gateway.limits.TooManyRequestsException;
import dev.rehearse.platform.identity.Role;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Sign-up and sign-in, with the lockout that makes guessing passwords slow. */
@Singleton
public class Accounts {
  static final String WRONG = "email or password is wrong";
  private final UserAccountRepository users;
  private final Passwords passwords;
  private final Tokens tokens;
  private final int maxFailedLogins;
  private final Duration lockout;

  public Accounts(
      UserAccountRepository users,
      Passwords passwords,
      Tokens tokens,
      @Value("${rehearse.gateway.auth.max-failed-logins:5}") int maxFailedLogins,
      @Value("${rehearse.gateway.auth.lockout:15m}") Duration lockout) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.maxFailedLogins = maxFailedLogins;
    this.lockout = lockout;
  }

  /** Creates the account, if the email is not taken already. */
  public Optional<UserAccount> create(
      String email, String password, String displayName, Role role) {
    if (Passwords.tooLong(password)) {
      throw ProblemException.badRequest(
          "password", "must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
    }
    UUID id = UUID.randomUUID();
    String normalised = normalise(email);
    if (users.insertIfAbsent(
            id, normalised, displayName.trim(), passwords.hash(password), role.name())
        == 0) {
      return Optional.empty();
    }
    return users.findById(id);
  }

  public SignedIn register(Registration r) {
    UserAccount account =
        create(r.email(), r.password(), r.displayName(), Role.CANDIDATE)
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.CONFLICT,
                        "email",
                        "an account with this email exists; sign in instead"));
    return tokens.issue(account);
  }

  public SignedIn login(Credentials c) {
    Optional<UserAccount> found = users.findByEmail(normalise(c.email()));
    if (found.isEmpty()) {
      passwords.burnTime(c.password());
      throw new ProblemException(HttpStatus.UNAUTHORIZED, null, WRONG);
    }
    UserAccount account = found.get();
    Instant now = Instant.now();
    if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
      throw new TooManyRequestsException(
          "too many failed sign-ins; this account is locked for a while",
          Duration.between(now, account.lockedUntil()));
    }
    if (!passwords.matches(c.password(), account.passwordHash())) {
      users.recordFailure(account.id(), maxFailedLogins, now.plus(lockout));
      throw new ProblemException(HttpStatus.UNAUTHORIZED, null, WRONG);
    }
    if (account.failedLogins() > 0 || account.lockedUntil() != null) {
      users.recordSuccess(account.id());
    }
    return tokens.issue(account);
  }

  static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
