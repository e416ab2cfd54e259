package dev.rehearse.assessment.session;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MockSessionRepository extends CrudRepository<MockSession, UUID> {

  List<MockSession> findByCandidateIdOrderByCreatedAtDesc(String candidateId);

  /** The session, locked until the transaction ends: answers and skips complete it only once. */
  @Query("SELECT * FROM mock_session WHERE id = :id FOR UPDATE")
  Optional<MockSession> lockById(UUID id);

  /** The candidate's last session for the role completed before {@code before}. */
  @Query(
      """
      SELECT * FROM mock_session WHERE candidate_id = :candidateId AND role_id = :roleId
        AND status = 'COMPLETED' AND completed_at < :before
      ORDER BY completed_at DESC LIMIT 1""")
  Optional<MockSession> previous(String candidateId, String roleId, Instant before);

  void deleteByCandidateId(String candidateId);
}
