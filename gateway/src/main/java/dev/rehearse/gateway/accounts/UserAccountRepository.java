package dev.rehearse.gateway.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserAccountRepository extends CrudRepository<UserAccount, UUID> {

  Optional<UserAccount> findByEmail(String email);

  /** Inserts unless the email is taken; returns 0 when it was. */
  @Query(
      """
      INSERT INTO app_user (id, email, display_name, password_hash, role, created_at)
      VALUES (:id, :email, :displayName, :passwordHash, :role, now()) ON CONFLICT (email) DO NOTHING""")
  int insertIfAbsent(UUID id, String email, String displayName, String passwordHash, String role);

  /**
   * One more failed sign-in, counted atomically; reaching {@code max} locks the account until
   * {@code lockedUntil}.
   */
  @Query(
      """
      UPDATE app_user
         SET failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
             locked_until  = CASE WHEN failed_logins + 1 >= :max THEN :lockedUntil ELSE locked_until END
       WHERE id = :id""")
  void recordFailure(UUID id, int max, Instant lockedUntil);

  @Query("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id")
  void recordSuccess(UUID id);

  @Query("UPDATE app_user SET role = :role WHERE id = :id")
  int updateRole(UUID id, String role);

  @Query("UPDATE app_user SET password_hash = :passwordHash WHERE id = :id")
  int updatePassword(UUID id, String passwordHash);
}
