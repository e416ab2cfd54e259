package dev.rehearse.platform.inbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProcessedEventRepository extends GenericRepository<ProcessedEvent, UUID> {

  /** Returns 1 the first time a consumer sees an event id, 0 on every redelivery. */
  @Query(
      "INSERT INTO processed_event (event_id, consumer) VALUES (:eventId, :consumer) ON CONFLICT DO NOTHING")
  int markProcessed(UUID eventId, String consumer);
}
