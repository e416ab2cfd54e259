package dev.rehearse.platform.outbox;

import dev.rehearse.platform.trace.Traces;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows in order and marks them sent only after the broker acknowledged them. A
 * failure rolls the batch back, so rows are sent again later: at least once, never lost. With
 * several instances of a service, one relays at a time (an advisory lock per schema), so a row is
 * never sent by two at once and rows keep their order.
 */
@Singleton
@Requires(property = "rehearse.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final OutboxRepository repository;
  private final TransactionOperations<Connection> tx;
  private final Producer<String, String> producer;
  private final int batchSize;

  public OutboxRelay(
      OutboxRepository repository,
      TransactionOperations<Connection> tx,
      @KafkaClient(
              id = "outbox-relay",
              acks = KafkaClient.Acknowledge.ALL,
              properties = {
                @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"),
                @Property(name = ProducerConfig.MAX_BLOCK_MS_CONFIG, value = "5000"),
                @Property(name = ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, value = "5000"),
                @Property(name = ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, value = "10000"),
                @Property(name = ProducerConfig.LINGER_MS_CONFIG, value = "2")
              })
          Producer<String, String> producer,
      @Value("${rehearse.outbox.batch-size:200}") int batchSize) {
    this.repository = repository;
    this.tx = tx;
    this.producer = producer;
    this.batchSize = batchSize;
  }

  @Scheduled(fixedDelay = "${rehearse.outbox.poll-interval:100ms}")
  void relay() {
    try {
      while (relayBatch() == batchSize) {
        // a full batch means more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.warn("Outbox relay paused, will retry: {}", e.getMessage());
    }
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "1m")
  void purgeSent() {
    tx.executeWrite(
        status -> {
          repository.deleteLongSent();
          return null;
        });
  }

  /** Sends one batch; returns how many rows it published. */
  public int relayBatch() {
    return tx.executeWrite(
        status -> {
          if (!repository.takeRelayTurn()) {
            return 0; // another instance is relaying; the next tick tries again
          }
          List<OutboxMessage> batch = repository.claimUnsent(batchSize);
          if (batch.isEmpty()) {
            return 0;
          }
          List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
          for (OutboxMessage m : batch) {
            acks.add(producer.send(record(m)));
          }
          for (Future<RecordMetadata> ack : acks) {
            try {
              ack.get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException("broker did not acknowledge: " + e, e);
            }
          }
          repository.markSent(batch.stream().map(OutboxMessage::seq).toList());
          return batch.size();
        });
  }

  /** The row as a record; its trace travels in the W3C header, as HTTP would carry it. */
  private static ProducerRecord<String, String> record(OutboxMessage m) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(m.topic(), m.messageKey(), m.payload());
    if (m.traceParent() != null) {
      record.headers().add(Traces.TRACEPARENT, m.traceParent().getBytes(StandardCharsets.US_ASCII));
    }
    return record;
  }
}
