package dev.rehearse.question.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ItemRepository extends CrudRepository<Item, String> {
  List<Item> findByPackId(String packId);

  Optional<Item> findByIdAndRetiredAtIsNull(String id);

  List<Item> findByTypeAndRetiredAtIsNullOrderByText(ItemType type);

  /** Ids of this list that another pack already owns. */
  List<Item> findByIdInAndPackIdNotEqual(Collection<String> id, String packId);
}
