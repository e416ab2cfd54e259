package dev.rehearse.contracts;

import java.time.Instant;
import java.util.UUID;

/** What every event carries, so consumers can de-duplicate and evolve. */
public interface Event {
  UUID eventId();

  int schemaVersion();

  Instant occurredAt();
}
