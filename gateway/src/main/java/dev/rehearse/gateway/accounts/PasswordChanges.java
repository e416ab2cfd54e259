package dev.rehearse.gateway.accounts;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * A new password ends every session and every token of the account (whoever knew the old password
 * may hold some) and starts a new session for the one who changed it.
 */
@Singleton
public class PasswordChanges {
  private final UserAccountRepository users;
  private final Passwords passwords;
  private final OwnPassword ownPassword;
  private final Revocations revocations;
  private final Tokens tokens;

  public PasswordChanges(
      UserAccountRepository users,
      Passwords passwords,
      OwnPassword ownPassword,
      Revocations revocations,
      Tokens tokens) {
    this.users = users;
    this.passwords = passwords;
    this.ownPassword = ownPassword;
    this.revocations = revocations;
    this.tokens = tokens;
  }

  @Transactional
  public SignedIn change(UUID accountId, PasswordChange change) {
    UserAccount account =
        ownPassword.confirm(accountId, change.currentPassword(), "currentPassword");
    if (Passwords.tooLong(change.newPassword())) {
      throw ProblemException.badRequest(
          "newPassword", "must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
    }
    users.updatePassword(accountId, passwords.hash(change.newPassword()));
    revocations.endAllSessions(accountId, Revocations.PASSWORD_CHANGED);
    return tokens.issue(account);
  }
}
