package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.coachquestion.CoachQuestionAccess;
import dev.rehearse.assessment.session.SessionAnswers;
import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.platform.inbox.InboxListener;
import dev.rehearse.platform.inbox.RejectedEventException;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores spoken answers as their transcripts arrive, exactly as typed text is scored; each attempt
 * once. The inbox drops a redelivered event; a second event for an attempt already scored (its
 * transcription finished twice, by a worker whose lease ran out and by the one that took over) is
 * dropped here. The attempt id is the attempt table's key, so even two at once cannot both score.
 */
@InboxListener(groupId = "assessment-transcripts")
public class TranscriptListener extends DeadLetteringListener {
  private static final String CONSUMER = "assessment-transcripts";
  private static final Logger LOG = LoggerFactory.getLogger(TranscriptListener.class);
  private final EventInbox inbox;
  private final CatalogRepository catalog;
  private final AttemptScoring scoring;
  private final SessionAnswers sessionAnswers;
  private final CoachQuestionAccess access;
  private final AttemptRepository attempts;

  public TranscriptListener(
      EventInbox inbox,
      CatalogRepository catalog,
      AttemptScoring scoring,
      SessionAnswers sessionAnswers,
      CoachQuestionAccess access,
      AttemptRepository attempts,
      DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.catalog = catalog;
    this.scoring = scoring;
    this.sessionAnswers = sessionAnswers;
    this.access = access;
    this.attempts = attempts;
  }

  @Topic(Topics.SPEECH_TRANSCRIPTS)
  void receive(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, TranscriptReady.class, this::score);
  }

  private void score(TranscriptReady t) {
    if (attempts.existsById(t.attemptId())) {
      LOG.info(
          "attempt {} is scored already; transcript event {} dropped", t.attemptId(), t.eventId());
      return;
    }
    var question =
        catalog
            .findById(t.questionId())
            .orElseThrow(() -> new RejectedEventException("unknown question " + t.questionId()));
    if (!access.mayAnswer(t.candidateId(), t.questionId())) {
      // speech takes any coach- id unseen; only a guessed id of another cohort's question gets here
      throw new RejectedEventException(
          "question " + t.questionId() + " is not shared with candidate " + t.candidateId());
    }
    if (t.sessionId() == null) {
      scoring.score(t.attemptId(), t.candidateId(), question, t.text(), t);
    } else {
      sessionAnswers.spoken(t, question);
    }
  }
}
