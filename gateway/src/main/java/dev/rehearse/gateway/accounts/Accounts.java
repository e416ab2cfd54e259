package dev.rehearse.gateway.accounts;

import dev.rehearse.platform.identity.Role;
import dev.rehearse.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sign-up and sign-in; {@link SignInThrottle} makes guessing passwords slow. */
@Singleton
public class Accounts {
  static final String WRONG = "email or password is wrong";
  private final UserAccountRepository users;
  private final Passwords passwords;
  private final Tokens tokens;
  private final SignInThrottle throttle;

  /** Why sign-ins failed, for operators only: the caller is never told which it was. */
  enum Failure {
    UNKNOWN_ACCOUNT,
    WRONG_PASSWORD,
    THROTTLED
  }

  private final Map<Failure, Counter> failures = new EnumMap<>(Failure.class);

  public Accounts(
      UserAccountRepository users,
      Passwords passwords,
      Tokens tokens,
      SignInThrottle throttle,
      MeterRegistry meters) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.throttle = throttle;
    for (Failure reason : Failure.values()) {
      failures.put(
          reason,
          Counter.builder("rehearse.sign.in.failures")
              .description(
                  "Failed sign-ins: a burst of unknown accounts or wrong passwords is guessing")
              .tag("reason", reason.name().toLowerCase(Locale.ROOT))
              .register(meters));
    }
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

  /**
   * Signs in from the client {@code address}. An unknown email, a wrong password and a throttled
   * attempt get the same answer after the same work (one bcrypt check, the same queries), so
   * neither the answer nor its timing tells which it was.
   */
  public SignedIn login(Credentials c, String address) {
    String email = normalise(c.email());
    Optional<UserAccount> found = users.findByEmail(email);
    SignInThrottle.Attempt attempt = throttle.begin(email, address);
    boolean right;
    if (found.isPresent()) {
      right = passwords.matches(c.password(), found.get().passwordHash());
    } else {
      passwords.burnTime(c.password());
      right = false;
    }
    if (!right || attempt.throttled()) {
      Failure reason =
          attempt.throttled()
              ? Failure.THROTTLED
              : found.isPresent() ? Failure.WRONG_PASSWORD : Failure.UNKNOWN_ACCOUNT;
      failures.get(reason).increment();
      throw new ProblemException(HttpStatus.UNAUTHORIZED, null, WRONG);
    }
    attempt.succeeded();
    throttle.remember(found.get().id(), address);
    return tokens.issue(found.get());
  }

  static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
