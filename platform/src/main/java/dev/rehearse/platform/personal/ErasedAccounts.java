package dev.rehearse.platform.personal;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The accounts this service has erased. Kafka gives no order between topics, so an event about a
 * candidate (a score, a transcript) can arrive after their deletion; the inbox asks here and drops
 * it. Only a hash of the id is kept, so nothing left in the schema names the account.
 */
@Singleton
public class ErasedAccounts {
  private final ErasedAccountRepository repository;

  ErasedAccounts(ErasedAccountRepository repository) {
    this.repository = repository;
  }

  void remember(String accountId) {
    repository.remember(hash(accountId));
  }

  public boolean isErased(String accountId) {
    return repository.existsByAccountHash(hash(accountId));
  }

  private static String hash(String accountId) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(accountId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
