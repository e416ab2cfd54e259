package dev.rehearse.platform.inbox;

import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies a record that cannot be processed to {@code <topic>.dlq} with the reason in a header. */
@Singleton
public class DeadLetters {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private final Producer<String, String> producer;
  private final Traces traces;

  public DeadLetters(
      @KafkaClient(id = "dead-letters", acks = KafkaClient.Acknowledge.ALL)
          Producer<String, String> producer,
      Traces traces) {
    this.producer = producer;
    this.traces = traces;
  }

  /** In the record's trace: the warning below leads from the dead letter to the first request. */
  public void send(ConsumerRecord<String, String> record, String consumer, String reason) {
    try (var span = traces.continueRecord(record)) {
      copy(record, consumer, reason);
    }
  }

  private void copy(ConsumerRecord<String, String> record, String consumer, String reason) {
    ProducerRecord<String, String> letter =
        new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(), record.value());
    record.headers().forEach(h -> letter.headers().add(h));
    letter
        .headers()
        .add(Topics.DLQ_REASON_HEADER, bytes(reason))
        .add("rehearse.dlq.consumer", bytes(consumer))
        .add(
            "rehearse.dlq.source",
            bytes(record.topic() + "/" + record.partition() + "@" + record.offset()));
    try {
      producer.send(letter).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Not acknowledged: fail the listener so the record is retried rather than dropped.
      throw new IllegalStateException("dead-letter topic unavailable: " + e, e);
    }
    LOG.warn(
        "Dead-lettered {}/{}@{} for {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        consumer,
        reason);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
