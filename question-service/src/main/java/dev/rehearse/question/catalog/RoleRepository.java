package dev.rehearse.question.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RoleRepository extends CrudRepository<Role, String> {
  List<Role> findByPackId(String packId);

  List<Role> listOrderByTitle();

  /** Ids of this list that another pack already owns. */
  List<Role> findByIdInAndPackIdNotEqual(Collection<String> id, String packId);
}
