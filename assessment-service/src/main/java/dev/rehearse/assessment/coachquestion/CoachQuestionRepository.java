package dev.rehearse.assessment.coachquestion;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CoachQuestionRepository extends CrudRepository<CoachQuestion, String> {

  List<CoachQuestion> findByOwnerIdOrderByUpdatedAtDesc(String ownerId);

  /** Every coach's questions (pack rows have no owner), for admins. */
  @Query("SELECT * FROM catalog_question WHERE owner_id IS NOT NULL ORDER BY updated_at DESC")
  List<CoachQuestion> everyCoachs();

  /** The questions shared with a cohort the candidate belongs to. */
  @Query(
      """
      SELECT q.* FROM catalog_question q
      WHERE q.owner_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM cohort_member m
        WHERE m.candidate_id = :candidateId AND jsonb_exists(q.cohort_ids, m.cohort_id::text))
      ORDER BY q.updated_at DESC""")
  List<CoachQuestion> sharedWith(String candidateId);

  /** Whether the account wrote the question or is in one of the cohorts it is shared with. */
  @Query(
      """
      SELECT EXISTS (
        SELECT 1 FROM catalog_question q
        WHERE q.question_id = :questionId AND q.owner_id IS NOT NULL
          AND (q.owner_id = :accountId OR EXISTS (
            SELECT 1 FROM cohort_member m
            WHERE m.candidate_id = :accountId AND jsonb_exists(q.cohort_ids, m.cohort_id::text))))""")
  boolean reaches(String questionId, String accountId);

  /** Whether a pack question of this skill exists: a coach's question joins a known skill. */
  @Query(
      "SELECT EXISTS (SELECT 1 FROM catalog_question WHERE skill_id = :skillId AND owner_id IS NULL)")
  boolean skillKnown(String skillId);

  int deleteByOwnerId(String ownerId);
}
