package dev.rehearse.gateway.accounts;

import dev.rehearse.contracts.AccountDeleted;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.identity.Role;
import dev.rehearse.platform.outbox.Outbox;
import dev.rehearse.platform.personal.AccountData;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * Deletes an account on its owner's password, in one transaction: the gateway's own rows go at
 * once, every session and token is revoked, and {@link AccountDeleted} goes out through the outbox
 * for every service (and, on receipt, this one again) to erase what it holds. The last admin cannot
 * go: nobody could then make another.
 */
@Singleton
public class AccountDeletion {
  static final String ACCOUNT_DELETED = "account-deleted";
  private final UserAccountRepository users;
  private final OwnPassword ownPassword;
  private final AccountData data;
  private final Revocations revocations;
  private final Outbox outbox;

  public AccountDeletion(
      UserAccountRepository users,
      OwnPassword ownPassword,
      AccountData data,
      Revocations revocations,
      Outbox outbox) {
    this.users = users;
    this.ownPassword = ownPassword;
    this.data = data;
    this.revocations = revocations;
    this.outbox = outbox;
  }

  @Transactional
  public void delete(UUID accountId, String password) {
    UserAccount account = ownPassword.confirm(accountId, password, "X-Confirm-Password");
    if (account.role() == Role.ADMIN && users.countAdmins() <= 1) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          null,
          "the last admin cannot delete their account: make another admin first");
    }
    String id = accountId.toString();
    // first, as erasing also removes outbox rows naming the account
    data.erase(id);
    revocations.endAllSessions(accountId, ACCOUNT_DELETED);
    outbox.publish(
        Topics.GATEWAY_ACCOUNTS,
        id,
        new AccountDeleted(UUID.randomUUID(), AccountDeleted.SCHEMA_VERSION, Instant.now(), id));
  }
}
