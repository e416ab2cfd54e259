package dev.rehearse.gateway.accounts;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * The signed-in owner confirms a change to their account (password change, deletion) by password.
 */
@Singleton
public class OwnPassword {
  private final UserAccountRepository users;
  private final Passwords passwords;

  public OwnPassword(UserAccountRepository users, Passwords passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  /**
   * The caller's account when {@code password} is theirs; a 403 problem on {@code field} if not.
   */
  public UserAccount confirm(UUID accountId, String password, String field) {
    UserAccount account =
        users
            .findById(accountId)
            .orElseThrow(() -> ProblemException.notFound(null, "no account for this token"));
    if (!passwords.matches(password, account.passwordHash())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, field, "this is not your password");
    }
    return account;
  }
}
