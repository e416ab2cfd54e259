package dev.rehearse.platform.inbox;

import dev.rehearse.contracts.Event;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Parses and validates a record's event; one that is unreadable or invalid is dead-lettered. */
@Singleton
public class EventReader {
  private final ObjectMapper json;
  private final Validator validator;
  private final DeadLetters deadLetters;

  public EventReader(ObjectMapper json, Validator validator, DeadLetters deadLetters) {
    this.json = json;
    this.validator = validator;
    this.deadLetters = deadLetters;
  }

  public <T extends Event> Optional<T> read(
      String consumer, ConsumerRecord<String, String> record, Class<T> type) {
    T event;
    try {
      event = json.readValue(record.value(), type);
    } catch (Exception e) {
      deadLetters.send(
          record, consumer, "unreadable " + type.getSimpleName() + ": " + e.getMessage());
      return Optional.empty();
    }
    Set<ConstraintViolation<T>> violations = event == null ? Set.of() : validator.validate(event);
    if (event == null || !violations.isEmpty()) {
      deadLetters.send(
          record, consumer, "invalid " + type.getSimpleName() + ": " + describe(violations));
      return Optional.empty();
    }
    return Optional.of(event);
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
