package dev.rehearse.assessment.scoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AttemptRepository extends CrudRepository<Attempt, UUID> {

  List<Attempt> findByCandidateIdOrderByCreatedAt(String candidateId);

  List<Attempt> findByCandidateIdOrderByCreatedAtDesc(String candidateId);

  List<Attempt> findByIdIn(Collection<UUID> ids);

  void updateReviewedScore(@Id UUID id, @Nullable Integer reviewedScore);
}
