package dev.rehearse.question.practice;

import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Feeds scored attempts into the candidate's review schedule and sub-skill progress. Keyed by
 * candidate, so one candidate's events arrive in order on one partition.
 */
@KafkaListener(
    groupId = "question-practice",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 5,
            retryDelay = "500ms"))
public class ScoredAttemptListener extends DeadLetteringListener {
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
    inbox.accept(
        CONSUMER,
        record,
        AttemptScored.class,
        e ->
            store.recordScore(
                e.candidateId(),
                e.questionId(),
                e.skillId(),
                Math.max(0, Math.min(100, e.score())),
                e.occurredAt()));
  }
}
