package dev.rehearse.assessment.session;

import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.contracts.SessionCompleted;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.outbox.Outbox;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Ends a session once every question is answered (scored) or skipped, and queues {@link
 * SessionCompleted} in the same transaction. Callers hold the session's row lock.
 */
@Singleton
public class SessionCompletion {
  private final MockSessionRepository sessions;
  private final SessionQuestionRepository questions;
  private final AttemptRepository attempts;
  private final Outbox outbox;

  public SessionCompletion(
      MockSessionRepository sessions,
      SessionQuestionRepository questions,
      AttemptRepository attempts,
      Outbox outbox) {
    this.sessions = sessions;
    this.questions = questions;
    this.attempts = attempts;
    this.outbox = outbox;
  }

  public MockSession completeIfDone(MockSession session) {
    List<SessionQuestion> qs = questions.findBySessionIdOrderByPosition(session.id());
    if (session.status() == MockSession.Status.COMPLETED
        || !qs.stream().allMatch(SessionQuestion::done)) {
      return session;
    }
    MockSession done =
        sessions.update(session.with(MockSession.Status.COMPLETED, null, Sessions.now()));
    List<UUID> attemptIds =
        qs.stream().map(SessionQuestion::attemptId).filter(Objects::nonNull).toList();
    List<Integer> scores =
        attemptIds.isEmpty()
            ? List.of()
            : attempts.findByIdIn(attemptIds).stream().map(Attempt::effectiveScore).toList();
    outbox.publish(
        Topics.ASSESSMENT_SESSIONS,
        done.candidateId(),
        new SessionCompleted(
            UUID.randomUUID(),
            SessionCompleted.SCHEMA_VERSION,
            done.completedAt(),
            done.id(),
            done.candidateId(),
            done.roleId(),
            done.assignmentId(),
            qs.size(),
            scores.size(),
            (int) qs.stream().filter(q -> q.status() == SessionQuestion.Status.SKIPPED).count(),
            average(scores)));
    return done;
  }

  static @Nullable Integer average(Collection<Integer> scores) {
    return scores.isEmpty()
        ? null
        : (int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
  }
}
