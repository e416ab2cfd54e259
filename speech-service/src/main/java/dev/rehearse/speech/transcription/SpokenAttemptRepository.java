package dev.rehearse.speech.transcription;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SpokenAttemptRepository extends CrudRepository<SpokenAttempt, UUID> {
  /**
   * The oldest waiting job, locked for this transaction; other instances skip it rather than wait.
   * A job whose worker stopped sending heartbeats before {@code staleBefore} is waiting again.
   */
  @Query(
      value =
          """
      SELECT * FROM spoken_attempt
      WHERE status = 'QUEUED' OR (status = 'TRANSCRIBING' AND updated_at < :staleBefore)
      ORDER BY created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED""",
      nativeQuery = true)
  Optional<SpokenAttempt> claimNext(Instant staleBefore);

  @Query(
      "UPDATE spoken_attempt SET percent = :percent, updated_at = now() WHERE id = :id AND status = 'TRANSCRIBING'")
  void progress(UUID id, int percent);
}
