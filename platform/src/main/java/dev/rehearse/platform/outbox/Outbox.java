package dev.rehearse.platform.outbox;

import dev.rehearse.contracts.Event;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Records an event for publishing; joins the caller's transaction so state and event commit
 * together. The current trace goes along, so the consumers' work joins it.
 */
@Singleton
public class Outbox {
  private final OutboxRepository repository;
  private final ObjectMapper json;

  public Outbox(OutboxRepository repository, ObjectMapper json) {
    this.repository = repository;
    this.json = json;
  }

  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void publish(String topic, String key, Event event) {
    try {
      repository.save(
          new OutboxMessage(
              null,
              topic,
              key,
              json.writeValueAsString(event),
              Instant.now(),
              null,
              Traces.currentParent()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A null value on a compacted topic: consumers forget the key. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void publishTombstone(String topic, String key) {
    repository.save(
        new OutboxMessage(null, topic, key, null, Instant.now(), null, Traces.currentParent()));
  }
}
