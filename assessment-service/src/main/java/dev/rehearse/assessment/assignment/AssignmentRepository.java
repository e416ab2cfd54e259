package dev.rehearse.assessment.assignment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AssignmentRepository extends CrudRepository<Assignment, UUID> {

  List<Assignment> findByCohortIdOrderByDueAt(UUID cohortId);

  List<Assignment> findByCoachIdOrderByCreatedAt(String coachId);

  int deleteByCoachId(String coachId);

  /** The assignments of every cohort the candidate is in, soonest due first. */
  @Query(
      """
      SELECT x.* FROM assignment x JOIN cohort_member m ON m.cohort_id = x.cohort_id
      WHERE m.candidate_id = :candidateId ORDER BY x.due_at, x.created_at""")
  List<Assignment> ofMember(String candidateId);

  /** A role is known when some catalog question belongs to it. */
  @Query("SELECT EXISTS (SELECT 1 FROM catalog_question WHERE jsonb_exists(role_ids, :roleId))")
  boolean roleKnown(String roleId);

  @Query("SELECT DISTINCT skill_id FROM catalog_question WHERE jsonb_exists(role_ids, :roleId)")
  List<String> skillsOfRole(String roleId);

  /**
   * Each member's progress on a practice set: how many named questions they answered since it was
   * set, and once all are answered, the average of their best effective scores and when the last
   * one was first answered.
   */
  @Query(
      """
      SELECT m.candidate_id, m.display_name,
             COUNT(b.question_id)::int AS answered,
             CASE WHEN COUNT(b.question_id) = jsonb_array_length(x.question_ids)
                  THEN ROUND(AVG(b.best))::int END AS score,
             CASE WHEN COUNT(b.question_id) = jsonb_array_length(x.question_ids)
                  THEN MAX(b.first_at) END AS finished_at,
             NULL::uuid AS session_id
      FROM assignment x
      JOIN cohort_member m ON m.cohort_id = x.cohort_id
      LEFT JOIN LATERAL (
        SELECT a.question_id, MAX(COALESCE(a.reviewed_score, a.score)) AS best,
               MIN(a.created_at) AS first_at
        FROM attempt a
        WHERE a.candidate_id = m.candidate_id AND a.created_at >= x.created_at
          AND jsonb_exists(x.question_ids, a.question_id)
        GROUP BY a.question_id) b ON TRUE
      WHERE x.id = :assignmentId
      GROUP BY x.id, m.candidate_id, m.display_name
      ORDER BY m.display_name NULLS LAST, m.candidate_id""")
  List<ProgressRow> practiceProgress(UUID assignmentId);

  /** Each member's progress on a session assignment: the session that completed it, if any. */
  @Query(
      """
      SELECT m.candidate_id, m.display_name, NULL::int AS answered, c.score,
             c.completed_at AS finished_at, c.session_id
      FROM assignment x
      JOIN cohort_member m ON m.cohort_id = x.cohort_id
      LEFT JOIN assignment_completion c
             ON c.assignment_id = x.id AND c.candidate_id = m.candidate_id
      WHERE x.id = :assignmentId
      ORDER BY m.display_name NULLS LAST, m.candidate_id""")
  List<ProgressRow> sessionProgress(UUID assignmentId);

  /** The first session that completes an assignment counts; later ones change nothing. */
  @Query(
      """
      INSERT INTO assignment_completion (assignment_id, candidate_id, session_id, score, completed_at)
      VALUES (:assignmentId, :candidateId, :sessionId, :score, :completedAt)
      ON CONFLICT (assignment_id, candidate_id) DO NOTHING""")
  void recordCompletion(
      UUID assignmentId,
      String candidateId,
      UUID sessionId,
      @Nullable Integer score,
      Instant completedAt);

  @Query(
      """
      SELECT c.assignment_id, x.title, c.session_id, c.score, c.completed_at
      FROM assignment_completion c JOIN assignment x ON x.id = c.assignment_id
      WHERE c.candidate_id = :candidateId ORDER BY c.completed_at""")
  List<Completion> completionsOf(String candidateId);

  @Query("DELETE FROM assignment_completion WHERE candidate_id = :candidateId")
  void deleteCompletionsOf(String candidateId);
}
