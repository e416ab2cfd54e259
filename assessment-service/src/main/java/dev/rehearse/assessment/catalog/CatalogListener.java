package dev.rehearse.assessment.catalog;

import dev.rehearse.assessment.coachquestion.CoachQuestion;
import dev.rehearse.assessment.meaning.QuestionVectors;
import dev.rehearse.assessment.scoring.RubricScorer;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.platform.inbox.InboxListener;
import dev.rehearse.platform.inbox.RejectedEventException;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps the local catalog in step with the compacted catalog topic; a tombstone retires a question.
 * The group (and inbox) name carries the version of the local copy: when a migration makes it keep
 * more of each question, a new suffix makes the service read the whole topic again and fill the new
 * columns (v2: type, roles, role weights and quiz options; v3: the model answer and the vectors of
 * each question's scoring texts, computed here so that scoring never embeds a question per
 * request).
 */
@InboxListener(groupId = CatalogListener.CONSUMER)
public class CatalogListener extends DeadLetteringListener {
  static final String CONSUMER = "assessment-catalog-v3";
  private final EventInbox inbox;
  private final CatalogRepository catalog;
  private final RubricScorer scorer;
  private final QuestionVectors vectors;

  public CatalogListener(
      EventInbox inbox,
      CatalogRepository catalog,
      DeadLetters deadLetters,
      RubricScorer scorer,
      QuestionVectors vectors) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.catalog = catalog;
    this.scorer = scorer;
    this.vectors = vectors;
  }

  @Topic(Topics.CATALOG_QUESTIONS)
  void receive(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, QuestionPublished.class, this::upsert, this::retire);
  }

  private void upsert(QuestionPublished q) {
    if (CoachQuestion.isCoachId(q.questionId())) {
      throw new RejectedEventException("ids starting coach- are coaches' own questions");
    }
    CatalogQuestion row =
        new CatalogQuestion(
            q.questionId(),
            q.skillId(),
            q.level(),
            q.text(),
            q.concepts(),
            q.redFlags(),
            q.occurredAt(),
            q.type(),
            q.roleIds(),
            q.roleWeights(),
            q.options(),
            q.modelAnswer());
    if (catalog.existsById(q.questionId())) {
      catalog.update(row);
    } else {
      catalog.save(row);
    }
    if (scored(row)) {
      scorer.prepare(row);
    }
  }

  /** Coaches' own questions are never the catalog topic's to retire. */
  private void retire(String questionId) {
    if (CoachQuestion.isCoachId(questionId)) {
      return;
    }
    catalog.deleteById(questionId);
    vectors.forget(questionId);
  }

  /**
   * Open questions and scenarios are scored against a rubric or a model answer; other items never
   * are.
   */
  private static boolean scored(CatalogQuestion q) {
    return !q.concepts().isEmpty() || q.modelAnswer() != null;
  }
}
