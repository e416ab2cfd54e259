package dev.rehearse.speech.catalog;

import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.platform.inbox.InboxListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps speech's catalog copy in step with the compacted catalog topic; a tombstone retires an
 * item. Pronunciation terms are checked against the model's vocabulary here, at import time.
 */
@InboxListener(groupId = "speech-catalog")
public class CatalogListener extends DeadLetteringListener {
  private static final String CONSUMER = "speech-catalog";
  private final EventInbox inbox;
  private final CatalogRepository catalog;
  private final DrillGrammars grammars;

  public CatalogListener(
      EventInbox inbox,
      CatalogRepository catalog,
      DrillGrammars grammars,
      DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.catalog = catalog;
    this.grammars = grammars;
  }

  @Topic(Topics.CATALOG_QUESTIONS)
  void receive(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, QuestionPublished.class, this::upsert, catalog::deleteById);
  }

  private void upsert(QuestionPublished q) {
    var p = q.pronunciation();
    CatalogItem row =
        new CatalogItem(
            q.questionId(),
            q.type(),
            q.text(),
            p == null ? null : p.term().toLowerCase(Locale.ROOT),
            p,
            p == null ? null : grammars.build(p),
            q.occurredAt());
    if (catalog.existsById(q.questionId())) {
      catalog.update(row);
    } else {
      catalog.save(row);
    }
  }
}
