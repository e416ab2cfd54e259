package dev.rehearse.assessment.session;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SessionQuestionRepository extends CrudRepository<SessionQuestion, UUID> {

  List<SessionQuestion> findBySessionIdOrderByPosition(UUID sessionId);

  @Query(
      """
      DELETE FROM mock_session_question WHERE session_id IN
        (SELECT id FROM mock_session WHERE candidate_id = :candidateId)""")
  void deleteOfCandidate(String candidateId);
}
