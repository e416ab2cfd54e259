package dev.rehearse.assessment.inbox;

import dev.rehearse.assessment.scoring.Attempt;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InboxRepository extends GenericRepository<Attempt, UUID> {

  /**
   * Attempts of the candidates the coach sees (an admin, {@code everyone}: all): flagged and not
   * reviewed (or with an open second review) first, then the other unreviewed ones, then the
   * reviewed; newest first within each.
   */
  @Query(
      """
      SELECT * FROM (
        SELECT a.id AS attempt_id, a.candidate_id,
               (SELECT m.display_name FROM cohort_member m WHERE m.candidate_id = a.candidate_id
                AND m.display_name IS NOT NULL ORDER BY m.joined_at DESC LIMIT 1) AS display_name,
               a.question_id, a.skill_id, a.mode, a.score AS machine_score, a.reviewed_score,
               a.created_at,
               jsonb_array_length(a.red_flags) AS red_flags,
               (SELECT count(*) FROM jsonb_array_elements(a.concepts_hit) h
                WHERE h->>'how' = 'MEANING')::int AS meaning_matches,
               EXISTS (SELECT 1 FROM second_review s WHERE s.attempt_id = a.id
                       AND s.second_review_id IS NULL) AS second_review_open,
               EXISTS (SELECT 1 FROM attempt_review r WHERE r.attempt_id = a.id) AS reviewed
        FROM attempt a
        WHERE :everyone OR a.candidate_id IN (
          SELECT m.candidate_id FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id
          WHERE c.coach_id = :coachId)) i
      CROSS JOIN LATERAL (SELECT i.red_flags > 0 OR i.meaning_matches > 0
                                 OR i.second_review_open AS flagged) f
      ORDER BY CASE WHEN i.second_review_open OR (f.flagged AND NOT i.reviewed) THEN 0
                    WHEN NOT i.reviewed THEN 1 ELSE 2 END,
               i.created_at DESC, i.attempt_id
      LIMIT :limit""")
  List<InboxItem> inbox(String coachId, boolean everyone, int limit);
}
