package dev.rehearse.speech.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CatalogRepository extends CrudRepository<CatalogItem, String> {
  Optional<CatalogItem> findFirstByTermKeyOrderByUpdatedAtDesc(String termKey);

  List<CatalogItem> findByTypeOrderByTermKey(String type);
}
