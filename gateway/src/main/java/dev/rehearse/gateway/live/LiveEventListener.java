package dev.rehearse.gateway.live;

import dev.rehearse.contracts.AttemptReviewed;
import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.PronunciationScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.platform.inbox.InboxListener;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each candidate-facing event once into {@code live_event}. One consumer group for all
 * gateway instances: the table, not Kafka, fans events out to every instance's SSE connections.
 */
@InboxListener(groupId = "gateway-live")
public class LiveEventListener extends DeadLetteringListener {
  private static final Logger LOG = LoggerFactory.getLogger(LiveEventListener.class);
  private static final String CONSUMER = "gateway-live";
  private final EventInbox inbox;
  private final LiveEventRepository events;

  public LiveEventListener(EventInbox inbox, LiveEventRepository events, DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.events = events;
  }

  @Topic(Topics.ASSESSMENT_SCORED)
  void scored(ConsumerRecord<String, String> record) {
    inbox.accept(
        CONSUMER,
        record,
        AttemptScored.class,
        e -> store(e.eventId(), e.candidateId(), "scored", record));
  }

  @Topic(Topics.ASSESSMENT_REVIEWED)
  void reviewed(ConsumerRecord<String, String> record) {
    inbox.accept(
        CONSUMER,
        record,
        AttemptReviewed.class,
        e -> store(e.eventId(), e.candidateId(), "reviewed", record));
  }

  @Topic(Topics.SPEECH_PRONUNCIATIONS)
  void pronunciation(ConsumerRecord<String, String> record) {
    inbox.accept(
        CONSUMER,
        record,
        PronunciationScored.class,
        e -> store(e.eventId(), e.candidateId(), "pronunciation", record));
  }

  /** In the record's trace, which is stored with the row for the push. */
  private void store(
      UUID eventId, String candidateId, String kind, ConsumerRecord<String, String> record) {
    if (events.append(eventId, candidateId, kind, record.value(), Traces.currentParent()) == 1) {
      LOG.info("Stored live event {} ({}) for candidate {}", eventId, kind, candidateId);
    }
  }
}
