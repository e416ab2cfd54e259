package dev.rehearse.assessment.assignment;

import dev.rehearse.contracts.SessionCompleted;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.platform.inbox.InboxListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a SESSION assignment done for a candidate when a session started for it ends. A session for
 * a withdrawn assignment, or by someone who left the cohort, completes nothing: that is normal, not
 * an error.
 */
@InboxListener(groupId = SessionCompletionListener.CONSUMER)
public class SessionCompletionListener extends DeadLetteringListener {
  static final String CONSUMER = "assessment-assignments";
  private static final Logger LOG = LoggerFactory.getLogger(SessionCompletionListener.class);
  private final EventInbox inbox;
  private final Assignments assignments;

  public SessionCompletionListener(
      EventInbox inbox, Assignments assignments, DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.assignments = assignments;
  }

  @Topic(Topics.ASSESSMENT_SESSIONS)
  void receive(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, SessionCompleted.class, this::complete);
  }

  private void complete(SessionCompleted s) {
    if (s.assignmentId() != null
        && !assignments.complete(
            s.assignmentId(), s.candidateId(), s.sessionId(), s.averageScore(), s.occurredAt())) {
      LOG.info(
          "session {} completes no assignment: {} is withdrawn or not the candidate's",
          s.sessionId(),
          s.assignmentId());
    }
  }
}
