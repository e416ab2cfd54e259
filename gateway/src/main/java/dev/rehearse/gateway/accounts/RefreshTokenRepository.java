package dev.rehearse.gateway.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshTokenRepository extends CrudRepository<RefreshToken, UUID> {

  /** Locked until the transaction ends: two refreshes with one token cannot both use it. */
  @Query("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash FOR UPDATE")
  Optional<RefreshToken> findForUpdate(String tokenHash);

  @Query("UPDATE refresh_tokens SET used_at = :at WHERE id = :id")
  void markUsed(UUID id, Instant at);

  @Query(
      "UPDATE refresh_tokens SET revoked_at = :at WHERE session_id = :sessionId AND revoked_at IS NULL")
  int revokeSession(UUID sessionId, Instant at);

  @Query(
      "UPDATE refresh_tokens SET revoked_at = :at WHERE account_id = :accountId AND revoked_at IS NULL")
  int revokeAccount(UUID accountId, Instant at);

  @Query("DELETE FROM refresh_tokens WHERE expires_at < :before")
  int deleteExpiredBefore(Instant before);
}
