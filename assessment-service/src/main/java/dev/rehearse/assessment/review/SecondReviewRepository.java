package dev.rehearse.assessment.review;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SecondReviewRepository extends CrudRepository<SecondReview, UUID> {

  Optional<SecondReview> findByAttemptIdAndSecondReviewIdIsNull(UUID attemptId);

  List<SecondReview> findByCandidateIdAndSecondReviewIdIsNull(String candidateId);

  /** Open requests naming the reviewer or left to any coach, oldest first. */
  @Query(
      """
      SELECT * FROM second_review WHERE second_review_id IS NULL
      AND (reviewer_id = :reviewerId OR reviewer_id IS NULL) ORDER BY requested_at""")
  List<SecondReview> openFor(String reviewerId);

  void updateSecondReviewIdAndCompletedAt(@Id UUID id, UUID secondReviewId, Instant completedAt);

  /** Completed second reviews of a cohort's members with both scores and reviewers. */
  @Query(
      """
      SELECT s.attempt_id, a.question_id, q.text AS question_text, s.candidate_id,
             f.override_score AS first_score, f.coach_id AS first_reviewer,
             r.override_score AS second_score, r.coach_id AS second_reviewer, s.completed_at
      FROM second_review s
      JOIN attempt_review f ON f.id = s.first_review_id
      JOIN attempt_review r ON r.id = s.second_review_id
      JOIN attempt a ON a.id = s.attempt_id
      LEFT JOIN catalog_question q ON q.question_id = a.question_id
      WHERE s.candidate_id IN (SELECT m.candidate_id FROM cohort_member m WHERE m.cohort_id = :cohortId)
        AND f.override_score IS NOT NULL AND r.override_score IS NOT NULL
      ORDER BY s.completed_at""")
  List<ReviewPair> pairsOf(UUID cohortId);

  List<SecondReview> findByCandidateIdOrRequestedByOrReviewerId(
      String candidateId, String requestedBy, String reviewerId);

  void deleteByCandidateId(String candidateId);

  @Query("UPDATE second_review SET requested_by = NULL WHERE requested_by = :accountId")
  void forgetRequester(String accountId);

  /** An open request naming a deleted reviewer passes to any other coach of the candidate. */
  @Query("UPDATE second_review SET reviewer_id = NULL WHERE reviewer_id = :accountId")
  void forgetReviewer(String accountId);
}
