package dev.rehearse.assessment.session;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptScoring;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers that name a session: scored like any attempt, then linked to the session's question,
 * which may complete the session, all in one transaction.
 */
@Singleton
public class SessionAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(SessionAnswers.class);
  private final MockSessionRepository sessions;
  private final SessionQuestionRepository questions;
  private final AttemptScoring scoring;
  private final SessionCompletion completion;

  public SessionAnswers(
      MockSessionRepository sessions,
      SessionQuestionRepository questions,
      AttemptScoring scoring,
      SessionCompletion completion) {
    this.sessions = sessions;
    this.questions = questions;
    this.scoring = scoring;
    this.completion = completion;
  }

  /**
   * A typed answer: 404 unless the session is the candidate's, 400 unless it is open and has the
   * question unanswered.
   */
  @Transactional
  public Attempt typed(
      String candidateId, UUID sessionId, CatalogQuestion question, String answerText) {
    MockSession session =
        sessions
            .lockById(sessionId)
            .filter(s -> s.candidateId().equals(candidateId))
            .orElseThrow(
                () -> ProblemException.notFound("sessionId", "no session with id " + sessionId));
    if (session.status() != MockSession.Status.OPEN) {
      throw ProblemException.badRequest(
          "sessionId",
          session.status() == MockSession.Status.PAUSED
              ? "this session is paused: resume it first"
              : "this session is already completed");
    }
    SessionQuestion slot =
        unanswered(session, question.questionId())
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "questionId",
                        "session "
                            + sessionId
                            + " has no unanswered question "
                            + question.questionId()));
    Attempt attempt = scoring.score(UUID.randomUUID(), candidateId, question, answerText, null);
    link(session, slot, attempt);
    return attempt;
  }

  /**
   * A transcript naming a session. The upload was accepted before anyone could check the session
   * (speech does not know sessions), so an answer that does not fit it (another candidate's
   * session, a completed one, a question it lacks or already has) is scored as ordinary practice. A
   * pause does not refuse it: the answer was given before the pause.
   */
  @Transactional
  public Attempt spoken(TranscriptReady t, CatalogQuestion question) {
    Attempt attempt = scoring.score(t.attemptId(), t.candidateId(), question, t.text(), t);
    sessions
        .lockById(t.sessionId())
        .filter(s -> s.candidateId().equals(t.candidateId()))
        .filter(s -> s.status() != MockSession.Status.COMPLETED)
        .ifPresentOrElse(
            s ->
                unanswered(s, question.questionId())
                    .ifPresentOrElse(
                        slot -> link(s, slot, attempt),
                        () ->
                            LOG.info(
                                "spoken attempt {} does not fit session {}",
                                t.attemptId(),
                                s.id())),
            () ->
                LOG.info(
                    "spoken attempt {} names no open session of its candidate", t.attemptId()));
    return attempt;
  }

  private Optional<SessionQuestion> unanswered(MockSession session, String questionId) {
    return questions.findBySessionIdOrderByPosition(session.id()).stream()
        .filter(q -> q.questionId().equals(questionId) && !q.done())
        .findFirst();
  }

  private void link(MockSession session, SessionQuestion slot, Attempt attempt) {
    questions.update(
        slot.with(
            SessionQuestion.Status.ANSWERED,
            slot.startedAt() == null ? attempt.createdAt() : slot.startedAt(),
            attempt.id()));
    completion.completeIfDone(session);
  }
}
