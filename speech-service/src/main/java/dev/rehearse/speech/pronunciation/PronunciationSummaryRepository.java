package dev.rehearse.speech.pronunciation;

import dev.rehearse.speech.pronunciation.PronunciationSummary.TermSummary;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PronunciationSummaryRepository
    extends GenericRepository<PronunciationAttempt, UUID> {

  /** One row per term the candidate drilled, most recently drilled first. */
  @Query(
      """
      SELECT term, count(*)::int AS attempts,
             bool_or(verdict <> 'RETRY') AS passed,
             max(score) AS best_score,
             (array_agg(verdict ORDER BY created_at DESC))[1] AS last_verdict,
             max(created_at) AS last_at,
             count(*) FILTER (WHERE verdict = 'CORRECT')::int AS correct,
             count(*) FILTER (WHERE verdict = 'CORRECT') >= """
          + PronunciationSummary.MASTERED_AFTER
          + """
           AS mastered
      FROM pronunciation_attempt WHERE candidate_id = :candidateId
      GROUP BY term ORDER BY max(created_at) DESC, term""")
  List<TermSummary> terms(String candidateId);
}
