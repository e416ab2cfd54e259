package dev.rehearse.assessment.scoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AttemptRepository extends CrudRepository<Attempt, UUID> {

  List<Attempt> findByCandidateIdOrderByCreatedAt(String candidateId);

  List<Attempt> findByCandidateIdOrderByCreatedAtDesc(String candidateId);

  void updateReviewedScore(@Id UUID id, @Nullable Integer reviewedScore);

  /** One row per candidate who has answered anything: the coach's cohort view. */
  @Query("""
      SELECT candidate_id, COUNT(*) AS attempts,
             ROUND(AVG(COALESCE(reviewed_score, score)))::int AS average_score,
             MAX(created_at) AS last_attempt_at,
             SUM(jsonb_array_length(red_flags))::int AS red_flags,
             COUNT(reviewed_score)::int AS reviewed
      FROM attempt GROUP BY candidate_id ORDER BY MAX(created_at) DESC""")
  List<CandidateSummary> candidates();
}
