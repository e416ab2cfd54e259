package dev.rehearse.platform.inbox;

import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Base for listeners: once the listener's error strategy has retried a record and given up, the
 * record goes to the dead-letter topic instead of being skipped silently.
 */
public abstract class DeadLetteringListener implements KafkaListenerExceptionHandler {
  private final DeadLetters deadLetters;
  private final String consumer;

  protected DeadLetteringListener(DeadLetters deadLetters, String consumer) {
    this.deadLetters = deadLetters;
    this.consumer = consumer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void handle(KafkaListenerException exception) {
    exception
        .getConsumerRecord()
        .ifPresent(
            record ->
                deadLetters.send(
                    (ConsumerRecord<String, String>) record,
                    consumer,
                    "gave up after retries: " + exception.getCause()));
  }
}
