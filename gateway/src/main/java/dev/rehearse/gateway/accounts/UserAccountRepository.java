package dev.rehearse.gateway.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
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

  @Query("UPDATE app_user SET role = :role WHERE id = :id")
  int updateRole(UUID id, String role);

  @Query("SELECT count(*) FROM app_user WHERE role = 'ADMIN'")
  long countAdmins();

  @Query("UPDATE app_user SET password_hash = :passwordHash WHERE id = :id")
  int updatePassword(UUID id, String passwordHash);
}
