package dev.rehearse.platform.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends CrudRepository<OutboxMessage, Long> {

  /**
   * This transaction's turn to relay the schema's outbox, or false while another instance has it:
   * one relay at a time keeps rows in order on their topics (two side by side could each send part
   * of one key's rows). Held until the transaction ends.
   */
  @Query(
      value =
          "SELECT pg_try_advisory_xact_lock(hashtext('outbox.relay'), hashtext(current_schema()))",
      nativeQuery = true)
  boolean takeRelayTurn();

  /** Claims the oldest unsent rows (SKIP LOCKED: nothing waits on a row being relayed). */
  @Query(
      "SELECT * FROM outbox_message WHERE sent_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED")
  List<OutboxMessage> claimUnsent(int limit);

  @Query("UPDATE outbox_message SET sent_at = now() WHERE seq IN (:seqs)")
  void markSent(List<Long> seqs);

  @Query("DELETE FROM outbox_message WHERE sent_at < now() - interval '7 days'")
  void deleteLongSent();

  long countBySentAtIsNull();

  /** For {@link OutboxGauges}: the unsent rows are few and indexed, so this stays cheap. */
  @Query(
      "SELECT count(*) AS unsent, min(created_at) AS oldest FROM outbox_message WHERE sent_at IS NULL")
  OutboxBacklog backlog();

  /** Rows keyed by the account or mentioning its id: {@code AccountData#erase}. */
  @Query(
      "DELETE FROM outbox_message WHERE message_key = :accountId OR strpos(payload, :accountId) > 0")
  int deleteNaming(String accountId);
}
