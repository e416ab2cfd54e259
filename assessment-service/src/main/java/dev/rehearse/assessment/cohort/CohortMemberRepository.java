package dev.rehearse.assessment.cohort;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CohortMemberRepository extends CrudRepository<CohortMember, UUID> {

  Optional<CohortMember> findByCohortIdAndCandidateId(UUID cohortId, String candidateId);

  int deleteByCohortIdAndCandidateId(UUID cohortId, String candidateId);

  /** Whether the candidate is in one of the coach's cohorts. */
  @Query(
      """
      SELECT EXISTS (SELECT 1 FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id
                     WHERE c.coach_id = :coachId AND m.candidate_id = :candidateId)""")
  boolean coaches(String coachId, String candidateId);

  /** The cohorts a candidate is in (the join code is the coach's to share, so it is left out). */
  @Query(
      """
      SELECT c.id AS cohort_id, c.name AS cohort_name, m.joined_at
      FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id
      WHERE m.candidate_id = :candidateId ORDER BY m.joined_at""")
  List<Membership> membershipsOf(String candidateId);

  /**
   * One row per candidate the coach may see, newest activity first: members of the coach's cohorts,
   * and for an admin ({@code everyone}) every member and everyone who has answered anything.
   */
  @Query(
      """
      SELECT p.candidate_id,
             (SELECT m.display_name FROM cohort_member m WHERE m.candidate_id = p.candidate_id
              AND m.display_name IS NOT NULL ORDER BY m.joined_at DESC LIMIT 1) AS display_name,
             (SELECT string_agg(c.name, ', ' ORDER BY c.name) FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id
              WHERE m.candidate_id = p.candidate_id AND (c.coach_id = :coachId OR :everyone)) AS cohorts,
             COUNT(a.id) AS attempts,
             ROUND(AVG(COALESCE(a.reviewed_score, a.score)))::int AS average_score,
             MAX(a.created_at) AS last_attempt_at,
             COALESCE(SUM(jsonb_array_length(a.red_flags)), 0)::int AS red_flags,
             COUNT(a.reviewed_score)::int AS reviewed
      FROM (SELECT m.candidate_id FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id
            WHERE c.coach_id = :coachId OR :everyone
            UNION SELECT candidate_id FROM attempt WHERE :everyone) p
      LEFT JOIN attempt a ON a.candidate_id = p.candidate_id
      GROUP BY p.candidate_id
      ORDER BY MAX(a.created_at) DESC NULLS LAST, p.candidate_id""")
  List<CandidateSummary> summaries(String coachId, boolean everyone);
}
