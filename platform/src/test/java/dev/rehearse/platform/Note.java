package dev.rehearse.platform;

import dev.rehearse.contracts.Event;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** The smallest event for platform's tests: a text that must not be blank. */
@Serdeable
public record Note(
    @NotNull UUID eventId, int schemaVersion, @NotNull Instant occurredAt, @NotBlank String text)
    implements Event {

  public static Note of(String text) {
    return new Note(UUID.randomUUID(), 1, Instant.now(), text);
  }
}
