package dev.rehearse.platform.inbox;

import dev.rehearse.contracts.Event;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The idempotent consumer, written once: parses and validates a record, then applies its effect and
 * records the event id in one transaction, so a redelivery changes nothing. A record that can never
 * be processed goes to the dead-letter topic and the consumer moves on.
 */
@Singleton
public class EventInbox {
  private final ObjectMapper json;
  private final Validator validator;
  private final ProcessedEventRepository processed;
  private final TransactionOperations<Connection> tx;
  private final DeadLetters deadLetters;

  public EventInbox(
      ObjectMapper json,
      Validator validator,
      ProcessedEventRepository processed,
      TransactionOperations<Connection> tx,
      DeadLetters deadLetters) {
    this.json = json;
    this.validator = validator;
    this.processed = processed;
    this.tx = tx;
    this.deadLetters = deadLetters;
  }

  /**
   * Handles one record; returns true when its effect was applied now (false: duplicate or
   * dead-lettered).
   */
  public <T extends Event> boolean accept(
      String consumer, ConsumerRecord<String, String> record, Class<T> type, Consumer<T> effect) {
    return accept(
        consumer,
        record,
        type,
        effect,
        key -> deadLetters.send(record, consumer, "unexpected tombstone"));
  }

  /**
   * As {@link #accept(String, ConsumerRecord, Class, Consumer)}, with a handler for tombstones
   * (null values).
   */
  public <T extends Event> boolean accept(
      String consumer,
      ConsumerRecord<String, String> record,
      Class<T> type,
      Consumer<T> effect,
      Consumer<String> onTombstone) {
    if (record.value() == null) {
      tx.executeWrite(
          status -> {
            onTombstone.accept(record.key());
            return null;
          });
      return true;
    }
    T event;
    try {
      event = json.readValue(record.value(), type);
    } catch (Exception e) {
      deadLetters.send(
          record, consumer, "unreadable " + type.getSimpleName() + ": " + e.getMessage());
      return false;
    }
    Set<ConstraintViolation<T>> violations = event == null ? Set.of() : validator.validate(event);
    if (event == null || !violations.isEmpty()) {
      deadLetters.send(
          record, consumer, "invalid " + type.getSimpleName() + ": " + describe(violations));
      return false;
    }
    try {
      return tx.executeWrite(
          status -> {
            if (processed.markProcessed(event.eventId(), consumer) == 0) {
              return false;
            }
            effect.accept(event);
            return true;
          });
    } catch (RejectedEventException e) {
      deadLetters.send(record, consumer, e.getMessage());
      return false;
    }
  }

  private static String describe(Set<? extends ConstraintViolation<?>> violations) {
    if (violations.isEmpty()) {
      return "empty record";
    }
    return violations.stream()
        .map(v -> v.getPropertyPath() + " " + v.getMessage())
        .sorted()
        .collect(Collectors.joining("; "));
  }
}
