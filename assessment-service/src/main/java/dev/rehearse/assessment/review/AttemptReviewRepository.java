package dev.rehearse.assessment.review;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AttemptReviewRepository extends CrudRepository<AttemptReview, UUID> {
  List<AttemptReview> findByAttemptIdOrderByCreatedAt(UUID attemptId);
}
