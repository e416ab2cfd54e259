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
   * The next job, locked for this transaction; other instances skip it rather than wait. Fair
   * across candidates: the candidate whose last job started longest ago (or never) goes first, then
   * their oldest job, so jobs are taken round-robin and one account's many uploads cannot starve
   * the rest. A job whose lease ran out before {@code staleBefore} (its worker died) is waiting
   * again.
   */
  @Query(
      value =
          """
      SELECT a.* FROM spoken_attempt a
      WHERE a.status = 'QUEUED' OR (a.status = 'TRANSCRIBING' AND a.updated_at < :staleBefore)
      ORDER BY (SELECT max(s.started_at) FROM spoken_attempt s WHERE s.candidate_id = a.candidate_id)
               NULLS FIRST,
               a.created_at
      LIMIT 1
      FOR UPDATE OF a SKIP LOCKED""",
      nativeQuery = true)
  Optional<SpokenAttempt> claimNext(Instant staleBefore);

  /**
   * Notes when a worker took the job, for {@link #claimNext}'s turn order (started_at is not part
   * of the entity, so saving an attempt leaves it alone).
   */
  @Query("UPDATE spoken_attempt SET started_at = :at WHERE id = :id")
  void started(UUID id, Instant at);

  /**
   * Serialises one candidate's uploads until the transaction ends, so two at once cannot both pass
   * the cap. The two-key form keeps these locks apart from any single-key advisory lock.
   */
  @Query(
      value =
          "SELECT 1 FROM pg_advisory_xact_lock(hashtext('speech.queue'), hashtext(:candidateId))",
      nativeQuery = true)
  int lockQueueOf(String candidateId);

  /** The candidate's jobs not yet transcribed or failed. */
  @Query(
      value =
          "SELECT count(*) FROM spoken_attempt WHERE candidate_id = :candidateId AND status IN ('QUEUED', 'TRANSCRIBING')",
      nativeQuery = true)
  long countUnfinished(String candidateId);

  /**
   * Jobs waiting for a worker ({@link TranscriptionMeters}); the queue's partial index covers it.
   */
  @Query(value = "SELECT count(*) FROM spoken_attempt WHERE status = 'QUEUED'", nativeQuery = true)
  long countQueued();

  /**
   * Renews the lease of the worker that claimed the job on try {@code tries} and records its
   * progress; 0 when that worker no longer holds it (it ran out and another took the job over). The
   * row stays locked until the transaction ends, so no one takes it over meanwhile.
   */
  @Query(
      "UPDATE spoken_attempt SET percent = GREATEST(percent, :percent), updated_at = now() WHERE id = :id AND status = 'TRANSCRIBING' AND tries = :tries")
  int renew(UUID id, int tries, int percent);

  /**
   * The trace of the request that queued the job, kept for the worker that takes it (not part of
   * the entity, like started_at).
   */
  @Query("UPDATE spoken_attempt SET trace_parent = :traceParent WHERE id = :id")
  void traced(UUID id, String traceParent);

  @Query(value = "SELECT trace_parent FROM spoken_attempt WHERE id = :id", nativeQuery = true)
  Optional<String> traceParentOf(UUID id);
}
