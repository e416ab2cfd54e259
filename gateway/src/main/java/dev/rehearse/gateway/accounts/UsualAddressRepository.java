package dev.rehearse.gateway.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UsualAddressRepository extends GenericRepository<UsualAddress, UUID> {

  /**
   * Whether the account with this email signed in from {@code address} after {@code since}; by
   * email, so an unknown email costs the same one query.
   */
  @Query(
      """
      SELECT EXISTS (SELECT 1 FROM usual_address a JOIN app_user u ON u.id = a.account_id
                     WHERE u.email = :email AND a.address = :address AND a.last_sign_in > :since)""")
  boolean isUsual(String email, String address, Instant since);

  @Query(
      """
      INSERT INTO usual_address (account_id, address, last_sign_in) VALUES (:accountId, :address, now())
      ON CONFLICT (account_id, address) DO UPDATE SET last_sign_in = now()""")
  void remember(UUID accountId, String address);

  @Query("DELETE FROM usual_address WHERE last_sign_in < :before")
  int forgetOlderThan(Instant before);
}
