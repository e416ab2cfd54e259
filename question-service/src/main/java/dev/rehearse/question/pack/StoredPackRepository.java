package dev.rehearse.question.pack;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StoredPackRepository extends CrudRepository<StoredPack, String> {

  /** Serialises imports of one pack across instances until the transaction ends. */
  @Query("SELECT 1 FROM pg_advisory_xact_lock(hashtext(:packId))")
  int lock(String packId);
}
