package dev.rehearse.gateway.accounts;

import dev.rehearse.gateway.limits.KeyedLimiter;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Slows password guessing down without letting anyone lock an account. Every failed sign-in takes a
 * token from the email's bucket and from the client address's bucket; while either is empty,
 * sign-ins for that email from that address fail whatever the password (the caller answers exactly
 * as for a wrong one). Buckets hold a burst that refills over a minute and an hourly allowance, so
 * a guesser waits longer and longer.
 *
 * <p>The owner is not shut out meanwhile: from an address the account signed in from successfully
 * lately (its usual addresses) the email's and the address's buckets do not apply, only one for
 * that email at that address, which guessing from elsewhere never drains. Usual addresses live in
 * the database rather than in memory: they must outlast restarts and hold for every gateway
 * instance, or an attack during a deploy would shut owners out. A right password gives its tokens
 * back.
 */
@Singleton
public class SignInThrottle {
  private final KeyedLimiter byEmail;
  private final KeyedLimiter byAddress;
  private final KeyedLimiter byUsualAddress;
  private final UsualAddressRepository usual;
  private final Duration usualFor;

  public SignInThrottle(
      UsualAddressRepository usual,
      @Value("${rehearse.gateway.auth.failures.per-account.burst:5}") int accountBurst,
      @Value("${rehearse.gateway.auth.failures.per-account.per-hour:30}") int accountPerHour,
      @Value("${rehearse.gateway.auth.failures.per-address.burst:20}") int addressBurst,
      @Value("${rehearse.gateway.auth.failures.per-address.per-hour:200}") int addressPerHour,
      @Value("${rehearse.gateway.auth.failures.per-usual-address.burst:10}") int usualBurst,
      @Value("${rehearse.gateway.auth.failures.per-usual-address.per-hour:30}") int usualPerHour,
      @Value("${rehearse.gateway.auth.usual-address-for:90d}") Duration usualFor) {
    this.usual = usual;
    this.usualFor = usualFor;
    this.byEmail = limiter(accountBurst, accountPerHour);
    this.byAddress = limiter(addressBurst, addressPerHour);
    this.byUsualAddress = limiter(usualBurst, usualPerHour);
  }

  private static KeyedLimiter limiter(int burst, int perHour) {
    return new KeyedLimiter(
        KeyedLimiter.smooth(burst, Duration.ofMinutes(1)),
        KeyedLimiter.smooth(perHour, Duration.ofHours(1)));
  }

  /**
   * A sign-in for {@code email} (normalised) from {@code address} begins: takes the tokens a
   * failure costs, or finds it throttled (then it costs nothing).
   */
  public Attempt begin(String email, String address) {
    List<Runnable> refunds = new ArrayList<>(2);
    boolean open =
        usual.isUsual(email, address, Instant.now().minus(usualFor))
            ? take(byUsualAddress, email + " " + address, refunds)
            : take(byAddress, address, refunds) && take(byEmail, email, refunds);
    if (!open) {
      refunds.forEach(Runnable::run);
      refunds.clear();
    }
    return new Attempt(!open, refunds);
  }

  /** The account signed in (or up) from {@code address}: it becomes, or stays, a usual one. */
  public void remember(UUID account, String address) {
    usual.remember(account, address);
  }

  private static boolean take(KeyedLimiter limiter, String key, List<Runnable> refunds) {
    if (!limiter.tryTake(key)) {
      return false;
    }
    refunds.add(() -> limiter.giveBack(key));
    return true;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "1m")
  void forgetOldAddresses() {
    usual.forgetOlderThan(Instant.now().minus(usualFor));
  }

  /** One sign-in: throttled ones fail whatever the password. */
  public record Attempt(boolean throttled, List<Runnable> refunds) {
    /** The password was right: the attempt costs nothing. */
    public void succeeded() {
      refunds.forEach(Runnable::run);
    }
  }
}
