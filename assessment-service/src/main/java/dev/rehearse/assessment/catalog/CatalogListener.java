package dev.rehearse.assessment.catalog;

import dev.rehearse.contracts.QuestionPublished;
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
 * Keeps the local catalog in step with the compacted catalog topic; a tombstone retires a question.
 * The group (and inbox) name carries the version of the local copy: when a migration makes it keep more
 * of each question, a new suffix makes the service read the whole topic again and fill the new columns
 * (v2: type, roles, role weights and quiz options).
 */
@KafkaListener(
    groupId = CatalogListener.CONSUMER,
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 5, retryDelay = "500ms"))
public class CatalogListener extends DeadLetteringListener {
  static final String CONSUMER = "assessment-catalog-v2";
  private final EventInbox inbox;
  private final CatalogRepository catalog;

  public CatalogListener(EventInbox inbox, CatalogRepository catalog, DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.catalog = catalog;
  }

  @Topic(Topics.CATALOG_QUESTIONS)
  void receive(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, QuestionPublished.class, this::upsert, catalog::deleteById);
  }

  private void upsert(QuestionPublished q) {
    CatalogQuestion row = new CatalogQuestion(
        q.questionId(), q.skillId(), q.level(), q.text(), q.concepts(), q.redFlags(), q.occurredAt(),
        q.type(), q.roleIds(), q.roleWeights(), q.options());
    if (catalog.existsById(q.questionId())) {
      catalog.update(row);
    } else {
      catalog.save(row);
    }
  }
}
