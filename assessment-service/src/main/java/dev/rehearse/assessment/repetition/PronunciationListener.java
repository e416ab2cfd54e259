package dev.rehearse.assessment.repetition;

import dev.rehearse.contracts.PronunciationScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.platform.inbox.InboxListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Schedules a pronunciation term for review when a drill of it fails (verdict RETRY: a listener
 * would not get it). A CORRECT or CLOSE drill schedules nothing.
 */
@InboxListener(groupId = PronunciationListener.CONSUMER)
public class PronunciationListener extends DeadLetteringListener {
  static final String CONSUMER = "assessment-repetition";
  static final String FAILED = "RETRY";
  private final EventInbox inbox;
  private final Repetition repetition;

  public PronunciationListener(EventInbox inbox, Repetition repetition, DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.repetition = repetition;
  }

  @Topic(Topics.SPEECH_PRONUNCIATIONS)
  void receive(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, PronunciationScored.class, this::enrol);
  }

  private void enrol(PronunciationScored p) {
    if (FAILED.equals(p.verdict())) {
      repetition.enrol(p.candidateId(), CardKind.PRONUNCIATION, p.term(), p.term());
    }
  }
}
