package dev.rehearse.question.practice;

import dev.rehearse.contracts.AttemptScored;
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
 * Feeds scored attempts into the candidate's review schedule and sub-skill progress. Keyed by
 * candidate, so one candidate's events arrive in order on one partition.
 */
@InboxListener(groupId = "question-practice")
public class ScoredAttemptListener extends DeadLetteringListener {
  private static final Logger LOG = LoggerFactory.getLogger(ScoredAttemptListener.class);
  private static final String CONSUMER = "question-practice";
  private final EventInbox inbox;
  private final PracticeStore store;

  public ScoredAttemptListener(EventInbox inbox, PracticeStore store, DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.store = store;
  }

  @Topic(Topics.ASSESSMENT_SCORED)
  void receive(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, AttemptScored.class, this::record);
  }

  private void record(AttemptScored e) {
    int score = Math.max(0, Math.min(100, e.score()));
    store.recordScore(e.candidateId(), e.questionId(), e.skillId(), score, e.occurredAt());
    LOG.info(
        "Practice of candidate {} updated: {} scored {} on {}",
        e.candidateId(),
        e.attemptId(),
        score,
        e.questionId());
  }
}
