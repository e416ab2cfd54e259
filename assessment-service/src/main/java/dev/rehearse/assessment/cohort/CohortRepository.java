package dev.rehearse.assessment.cohort;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CohortRepository extends CrudRepository<Cohort, UUID> {

  Optional<Cohort> findByJoinCode(String joinCode);

  boolean existsByJoinCode(String joinCode);

  void updateJoinCode(@Id UUID id, String joinCode);

  /** A coach's cohorts with how many candidates joined each. */
  @Query(
      """
      SELECT c.id, c.name, c.join_code, c.created_at, COUNT(m.id) AS members
      FROM cohort c LEFT JOIN cohort_member m ON m.cohort_id = c.id
      WHERE c.coach_id = :coachId GROUP BY c.id ORDER BY c.created_at""")
  List<CohortView> viewsOf(String coachId);

  /** Every attempt of the cohort's members, by candidate then date. */
  @Query(
      """
      SELECT m.display_name, a.candidate_id, a.question_id, q.text AS question_text,
             COALESCE(a.skill_id, q.skill_id) AS skill_id, a.score AS machine_score,
             a.reviewed_score, a.created_at
      FROM cohort_member m JOIN attempt a ON a.candidate_id = m.candidate_id
      LEFT JOIN catalog_question q ON q.question_id = a.question_id
      WHERE m.cohort_id = :cohortId
      ORDER BY m.display_name NULLS LAST, a.candidate_id, a.created_at""")
  List<ResultRow> resultsOf(UUID cohortId);
}
