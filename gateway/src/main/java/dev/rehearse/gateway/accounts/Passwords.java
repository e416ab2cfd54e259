package dev.rehearse.gateway.accounts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** BCrypt hashing; the cost is configurable so tests need not pay production's price. */
@Singleton
public class Passwords {
  /**
   * BCrypt reads at most 72 bytes of a password; longer ones are refused rather than cut silently.
   */
  public static final int MAX_BYTES = 72;

  private final int cost;
  private final String dummyHash;

  public Passwords(@Value("${rehearse.gateway.auth.bcrypt-cost:12}") int cost) {
    this.cost = cost;
    this.dummyHash = hash("an unguessable placeholder for unknown emails");
  }

  public String hash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(cost));
  }

  public boolean matches(String password, String hash) {
    return BCrypt.checkpw(password, hash);
  }

  /**
   * Spends the time a real check takes, so response times do not reveal which emails have accounts.
   */
  public void burnTime(String password) {
    BCrypt.checkpw(password, dummyHash);
  }

  public static boolean tooLong(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
  }
}
