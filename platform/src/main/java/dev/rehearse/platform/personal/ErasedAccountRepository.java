package dev.rehearse.platform.personal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ErasedAccountRepository extends GenericRepository<ErasedAccount, String> {

  @Query("INSERT INTO erased_account (account_hash) VALUES (:accountHash) ON CONFLICT DO NOTHING")
  void remember(String accountHash);

  boolean existsByAccountHash(String accountHash);
}
