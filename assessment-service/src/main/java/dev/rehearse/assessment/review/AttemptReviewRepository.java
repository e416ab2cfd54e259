package dev.rehearse.assessment.review;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AttemptReviewRepository extends CrudRepository<AttemptReview, UUID> {
  List<AttemptReview> findByAttemptIdOrderByCreatedAt(UUID attemptId);

  /** The latest review that set the attempt's score: what a second review is compared with. */
  Optional<AttemptReview> findFirstByAttemptIdAndRoundAndOverrideScoreIsNotNullOrderByCreatedAtDesc(
      UUID attemptId, int round);

  List<AttemptReview> findByCandidateIdOrCoachIdOrderByCreatedAt(
      String candidateId, String coachId);

  void deleteByCandidateId(String candidateId);

  /** A deleted coach's reviews of others keep their marks and scores, not the reviewer. */
  @Query("UPDATE attempt_review SET coach_id = NULL WHERE coach_id = :accountId")
  void forgetCoach(String accountId);
}
