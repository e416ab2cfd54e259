package dev.rehearse.assessment.quiz;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface QuizResponseRepository extends CrudRepository<QuizResponse, UUID> {
  List<QuizResponse> findByCandidateId(String candidateId);

  List<QuizResponse> findByCandidateIdAndSkillId(String candidateId, String skillId);
}
