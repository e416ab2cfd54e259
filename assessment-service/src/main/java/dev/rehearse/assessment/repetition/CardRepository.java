package dev.rehearse.assessment.repetition;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CardRepository extends CrudRepository<Card, UUID> {

  /**
   * A new card due at {@code now}; a card that exists already keeps its state, but a fresh miss
   * makes it due at once.
   */
  @Query(
      """
      INSERT INTO repetition_card (id, candidate_id, kind, item_ref, label, state, due, created_at)
      VALUES (:id, :candidateId, :kind, :itemRef, :label, 'NEW', :now, :now)
      ON CONFLICT (candidate_id, kind, item_ref)
      DO UPDATE SET due = LEAST(repetition_card.due, EXCLUDED.due)""")
  void enrol(UUID id, String candidateId, String kind, String itemRef, String label, Instant now);

  @Query(
      """
      SELECT * FROM repetition_card WHERE candidate_id = :candidateId AND kind = :kind
      AND item_ref = :itemRef FOR UPDATE""")
  Optional<Card> findForReview(String candidateId, String kind, String itemRef);

  List<Card> findByCandidateIdAndDueLessThanEqualsOrderByDue(String candidateId, Instant until);

  List<Card> findByCandidateIdAndKind(String candidateId, CardKind kind);
}
