package dev.rehearse.gateway.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LiveEventRepository extends GenericRepository<LiveEvent, Long> {

  /**
   * Appends an event. The transaction-scoped advisory lock serialises appenders (several gateway
   * instances share the consumer group), so ids become visible in increasing order and a reader
   * that remembers the highest id it saw never skips a row committed late.
   */
  @Query(
      """
      INSERT INTO live_event (event_id, candidate_id, kind, payload, trace_parent)
      SELECT CAST(:eventId AS uuid), :candidateId, :kind, :payload, :traceParent FROM (SELECT pg_advisory_xact_lock(7410)) AS serialised
      ON CONFLICT (event_id) DO NOTHING""")
  int append(
      UUID eventId, String candidateId, String kind, String payload, @Nullable String traceParent);

  @Query("SELECT COALESCE(MAX(id), 0) FROM live_event")
  long maxId();

  @Query("SELECT * FROM live_event WHERE id > :after ORDER BY id LIMIT :limit")
  List<LiveEvent> after(long after, int limit);

  @Query(
      "SELECT * FROM live_event WHERE candidate_id = :candidateId AND id > :after AND id <= :upTo ORDER BY id")
  List<LiveEvent> missed(String candidateId, long after, long upTo);

  @Query("DELETE FROM live_event WHERE created_at < :before")
  int deleteOlderThan(Instant before);
}
