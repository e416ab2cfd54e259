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
 * would not get it), and grades its card GOOD when a later drill is CORRECT while the card is due.
 * A CLOSE drill changes nothing.
 */
@InboxListener(groupId = PronunciationListener.CONSUMER)
public class PronunciationListener extends DeadLetteringListener {
  static final String CONSUMER = "assessment-repetition";
  static final String FAILED = "RETRY";
  static final String PASSED = "CORRECT";
  private final EventInbox inbox;
  private final Repetition repetition;

  public PronunciationListener(EventInbox inbox, Repetition repetition, DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.repetition = repetition;
  }

  @Topic(Topics.SPEECH_PRONUNCIATIONS)
  void receive(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, PronunciationScored.class, this::schedule);
  }

  private void schedule(PronunciationScored p) {
    if (FAILED.equals(p.verdict())) {
      repetition.enrol(p.candidateId(), CardKind.PRONUNCIATION, p.term(), p.term());
    } else if (PASSED.equals(p.verdict())) {
      repetition.passed(p.candidateId(), CardKind.PRONUNCIATION, p.term());
    }
  }
}
