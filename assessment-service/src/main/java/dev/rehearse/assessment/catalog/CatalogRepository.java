package dev.rehearse.assessment.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CatalogRepository extends CrudRepository<CatalogQuestion, String> {

  /** Every item a role uses (its id is in the item's role_ids). */
  @Query("SELECT * FROM catalog_question WHERE jsonb_exists(role_ids, :roleId)")
  List<CatalogQuestion> findByRole(String roleId);

  /** Items of a sub-skill that some role uses (a coach's own questions have no role). */
  @Query(
      "SELECT * FROM catalog_question WHERE skill_id = :skillId AND jsonb_array_length(role_ids) > 0 ORDER BY question_id")
  List<CatalogQuestion> findPublicBySkill(String skillId);
}
