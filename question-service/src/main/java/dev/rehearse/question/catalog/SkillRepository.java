package dev.rehearse.question.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SkillRepository extends CrudRepository<Skill, String> {
  List<Skill> findByPackId(String packId);

  /** Ids of this list that another pack already owns. */
  List<Skill> findByIdInAndPackIdNotEqual(Collection<String> id, String packId);
}
